import {
  complaint,
  creditEvent,
  id,
  retraction,
  verification,
} from '../platform-year-metrics/testing/year-events';
import { ids, signalsOfRule } from './testing/fraud-events';

describe('F-10 compliance triggers', () => {
  it('fires on 3 upheld complaints, naming each complaint and its verification', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-10',
      null,
      complaint(1),
      complaint(2),
      complaint(3),
      verification(4, 1, true),
      verification(5, 2, true),
      verification(6, 3, true),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: 'F-10.cq-wanzhou-window.2025.verified-complaints',
      kind: 'verified_complaints',
      severity: 'high',
      fabricates: null,
      eventIds: ids(1, 6),
      figures: { upheldComplaints: 3, threshold: 3 },
    });
    expect(signal?.sentence.zh).toBe('本年度有 3 件投诉经核实属实（达到 3 件即提示，S3-7）');
  });

  it('near miss: 2 upheld complaints, or a third whose later verification overturned it', () => {
    const two = [complaint(1), complaint(2), verification(4, 1, true), verification(5, 2, true)];
    expect(signalsOfRule('F-10', null, ...two)).toEqual([]);
    expect(
      signalsOfRule(
        'F-10',
        null,
        ...two,
        complaint(3),
        verification(6, 3, true),
        verification(7, 3, false),
      ),
    ).toEqual([]);
  });

  it('fires on a 失信被执行人 listing dated inside the period', () => {
    const [signal] = signalsOfRule(
      'F-10',
      null,
      creditEvent(1, 'dishonest_debtor', { occurredAt: '2025-06-01' }),
      creditEvent(2, 'dishonest_debtor', { occurredAt: '2025-10-15' }),
      creditEvent(3, 'other_bad_credit', { occurredAt: '2025-06-01' }),
    );
    expect(signal).toMatchObject({
      signalId: 'F-10.cq-wanzhou-window.2025.dishonest-debtor',
      kind: 'dishonest_debtor_in_period',
      severity: 'high',
      fabricates: null,
      eventIds: [id(1)],
      figures: { listings: 1, periodStart: '2025-01-01', periodEnd: '2025-09-30' },
    });
    expect(signal?.sentence.en).toContain('1 失信被执行人');
  });

  it('near miss: the listing retracted, or dated after the period', () => {
    expect(
      signalsOfRule(
        'F-10',
        null,
        creditEvent(1, 'dishonest_debtor', { occurredAt: '2025-06-01' }),
        retraction(2, 1),
        creditEvent(3, 'dishonest_debtor', { occurredAt: '2025-10-01' }),
      ),
    ).toEqual([]);
  });
});
