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

/** Services (offline, outside the information area) to `count` distinct enterprises, ids 1…count. */
function enterprises(count: number): ProjectedEvent[] {
  return Array.from({ length: count }, (_, index) => service(index + 1));
}

describe('F-7 threshold hugging', () => {
  it('fires on exactly 100 enterprises served (S4-1), naming the records behind the count', () => {
    const [signal, ...rest] = signalsOfRule('F-7', null, ...enterprises(100));
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: 'F-7.cq-wanzhou-window.2025.at-bar.enterprises-served',
      kind: 'enterprises_served_at_bar',
      severity: 'low',
      fabricates: 'records',
      eventIds: ids(1, 100),
      figures: { value: 100, bar: 100, marginPercent: 2 },
    });
    expect(signal?.sentence.zh).toBe('服务企业 100 家，恰在 100 家门槛上或略高于门槛（2% 以内）');
    expect(signal?.sentence.en).toBe(
      '100 enterprises served, at or just above the bar of 100 (within 2%)',
    );
  });

  it('counts online services and activity attendees of either mode, as the metrics do', () => {
    const [signal] = signalsOfRule(
      'F-7',
      'enterprises_served_at_bar',
      ...enterprises(60),
      ...Array.from({ length: 38 }, (_, index) => service(index + 61, { mode: 'online' })),
      activity(101, { attendeeUsccs: [uscc(1), uscc(500), uscc(501)] }),
      activity(102, { attendeeUsccs: [uscc(502)], mode: 'online' }),
    );
    expect(signal?.figures).toMatchObject({ value: 101 });
    expect(signal?.eventIds).toEqual([...ids(1, 98), id(101), id(102)]);
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

  it('fires on 1,000 trainees, the training function’s figure; activities’ person-times are not trainees', () => {
    const [signal] = signalsOfRule(
      'F-7',
      null,
      training(1, 4, 600),
      training(2, 2, 400),
      activity(3, { area: 'training', personTimes: 50 }),
    );
    expect(signal).toMatchObject({
      kind: 'trainees_at_bar',
      eventIds: [id(1), id(2)],
      figures: { value: 1000, bar: 1000 },
    });
    expect(signalsOfRule('F-7', null, training(1, 4, 1021))).toEqual([]);
    expect(signalsOfRule('F-7', null, training(1, 4, 999))).toEqual([]);
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
