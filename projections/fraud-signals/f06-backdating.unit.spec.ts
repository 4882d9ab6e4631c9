import { id, rating, service } from '../platform-year-metrics/testing/year-events';
import { signalsOfRule, upload } from './testing/fraud-events';

const IN_PERIOD = '2025-09-29T10:00:00+08:00';

describe('F-6 backdating', () => {
  it('fires on records dated inside the period but recorded after it; high past the deadline', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-6',
      null,
      service(1, {}, { occurredAt: IN_PERIOD, recordedAt: '2025-10-05T02:00:00.000Z' }),
      // 2025-10-11 09:00 Beijing: after the evidence deadline (10-10, inclusive).
      rating(2, 1, {}, { occurredAt: IN_PERIOD, recordedAt: '2025-10-11T01:00:00.000Z' }),
      service(3),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: 'F-6.cq-wanzhou-window.2025.backdated',
      kind: 'recorded_after_period',
      severity: 'high',
      fabricates: null,
      eventIds: [id(1), id(2)],
      figures: {
        records: 2,
        afterPeriodEnd: 1,
        afterEvidenceDeadline: 1,
        periodEnd: '2025-09-30',
        evidenceDeadline: '2025-10-10',
      },
    });
    expect(signal?.sentence.zh).toContain('2 条记录发生于实施期内（截至 2025-09-30）');
    expect(signal?.sentence.en).toContain('1 of them after the evidence deadline 2025-10-10');
  });

  it('is low when every late record still came by the evidence deadline (10-10 Beijing)', () => {
    const [signal] = signalsOfRule(
      'F-6',
      null,
      service(1, {}, { occurredAt: IN_PERIOD, recordedAt: '2025-10-10T15:59:59.999Z' }),
    );
    expect(signal).toMatchObject({ severity: 'low', eventIds: [id(1)] });
  });

  it('near miss: recorded 09-30 23:59:59.999 Beijing, dated after the period, or a material', () => {
    expect(
      signalsOfRule(
        'F-6',
        null,
        service(1, {}, { occurredAt: IN_PERIOD, recordedAt: '2025-09-30T15:59:59.999Z' }),
        service(2, {}, { occurredAt: '2025-10-02', recordedAt: '2025-10-20T02:00:00.000Z' }),
        upload(3, 'b'.repeat(64), [], {
          occurredAt: IN_PERIOD,
          recordedAt: '2025-12-01T02:00:00.000Z',
        }),
      ),
    ).toEqual([]);
  });
});
