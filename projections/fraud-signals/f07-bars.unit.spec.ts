import type { ProjectedEvent } from '../shared/projection';
import {
  activity,
  financingDeal,
  id,
  retraction,
  service,
  training,
  uscc,
} from '../platform-year-metrics/testing/year-events';
import { ids, signalsOfRule } from './testing/fraud-events';

/** Offline services to `count` distinct enterprises, ids 1…count. */
function enterprises(count: number): ProjectedEvent[] {
  return Array.from({ length: count }, (_, index) => service(index + 1));
}

describe('F-7 threshold hugging', () => {
  it('fires on exactly 100 enterprises served offline, naming the records behind the count', () => {
    const [signal, ...rest] = signalsOfRule('F-7', null, ...enterprises(100));
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: 'F-7.cq-wanzhou-window.2025.at-bar.enterprises-served-offline',
      kind: 'enterprises_served_offline_at_bar',
      severity: 'low',
      fabricates: 'records',
      eventIds: ids(1, 100),
      figures: { value: 100, bar: 100, marginPercent: 2 },
    });
    expect(signal?.sentence.zh).toBe(
      '线下服务企业 100 家，恰在 100 家门槛上或略高于门槛（2% 以内）',
    );
    expect(signal?.sentence.en).toBe(
      '100 enterprises served offline, at or just above the bar of 100 (within 2%)',
    );
  });

  it('counts offline activity attendees as the metrics do, and 102 is still within 2%', () => {
    const [signal] = signalsOfRule(
      'F-7',
      'enterprises_served_offline_at_bar',
      ...enterprises(100),
      activity(101, { attendeeUsccs: [uscc(1), uscc(500), uscc(501)] }),
      activity(102, { attendeeUsccs: [uscc(502)], mode: 'online' }),
    );
    expect(signal?.figures).toMatchObject({ value: 102 });
    expect(signal?.eventIds).toEqual([...ids(1, 100), id(101)]);
  });

  it('near miss: 99 or 103 enterprises, or 100 with one retracted', () => {
    expect(signalsOfRule('F-7', null, ...enterprises(99))).toEqual([]);
    expect(signalsOfRule('F-7', null, ...enterprises(103))).toEqual([]);
    expect(signalsOfRule('F-7', null, ...enterprises(100), retraction(200, 7))).toEqual([]);
  });

  it('fires on the information function’s own 100 enterprises', () => {
    const events = Array.from({ length: 100 }, (_, index) =>
      service(index + 1, { area: 'information' }),
    );
    expect(
      signalsOfRule('F-7', null, ...events, service(101), service(102), service(103)).map(
        (signal) => signal.kind,
      ),
    ).toEqual(['information_enterprises_served_offline_at_bar']);
  });

  it('fires on 1,000 training person-times (trainees plus training-area activities)', () => {
    const [signal] = signalsOfRule(
      'F-7',
      null,
      training(1, 4, 600),
      activity(2, { area: 'training', personTimes: 400 }),
      activity(3, { area: 'consulting', personTimes: 400 }),
    );
    expect(signal).toMatchObject({
      kind: 'training_person_times_at_bar',
      eventIds: [id(1), id(2)],
      figures: { value: 1000, bar: 1000 },
    });
    expect(signalsOfRule('F-7', null, training(1, 4, 1021))).toEqual([]);
  });

  it('fires on 4亿元 of financing up to 2% above, never below', () => {
    const [signal] = signalsOfRule(
      'F-7',
      null,
      financingDeal(1, 30_000_000_000),
      financingDeal(2, 10_800_000_000),
    );
    expect(signal).toMatchObject({
      kind: 'financing_at_bar',
      eventIds: [id(1), id(2)],
      figures: { value: 40_800_000_000, bar: 40_000_000_000 },
    });
    expect(signal?.sentence.zh).toContain(
      '融资金额 408,000,000.00 元，恰在 400,000,000.00 元门槛上',
    );
    expect(signalsOfRule('F-7', null, financingDeal(1, 39_999_999_999))).toEqual([]);
    expect(signalsOfRule('F-7', null, financingDeal(1, 40_800_000_001))).toEqual([]);
  });

  it('fires on exactly 5 institutions delivering services; 4 is a near miss', () => {
    const delivered = (count: number): ProjectedEvent[] =>
      Array.from({ length: count }, (_, index) =>
        service(index + 1, { institutionUscc: uscc(900 + index) }),
      );
    const [signal] = signalsOfRule('F-7', 'institutions_at_bar', ...delivered(5));
    expect(signal).toMatchObject({ eventIds: ids(1, 5), figures: { value: 5, bar: 5 } });
    expect(signalsOfRule('F-7', 'institutions_at_bar', ...delivered(4))).toEqual([]);
  });
});
