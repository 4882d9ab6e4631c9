import { id, retraction, service, uscc } from '../platform-year-metrics/testing/year-events';
import { ids, signalsOfRule } from './testing/fraud-events';

const ENTERPRISE = uscc(7);

/** Services to ENTERPRISE numbered from `from`, each on its own day of 2025 (Beijing). */
function servicesOnDays(from: number, count: number) {
  return Array.from({ length: count }, (_, index) =>
    service(
      from + index,
      { enterpriseUscc: ENTERPRISE },
      { occurredAt: `2025-03-${String(index + 1).padStart(2, '0')}T10:00:00+08:00` },
    ),
  );
}

describe('F-2 duplicate service records', () => {
  it('fires on the same USCC, service area and Beijing day recorded twice', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-2',
      'same_enterprise_area_day',
      service(1, { enterpriseUscc: ENTERPRISE }, { occurredAt: '2025-05-20T09:00:00+08:00' }),
      service(2, { enterpriseUscc: ENTERPRISE }, { occurredAt: '2025-05-20T16:30:00+08:00' }),
      service(3, { enterpriseUscc: ENTERPRISE, area: 'financing' }, { occurredAt: '2025-05-20' }),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: `F-2.cq-wanzhou-window.2025.same-day.${ENTERPRISE}.consulting.20250520`,
      ruleId: 'F-2',
      kind: 'same_enterprise_area_day',
      severity: 'medium',
      fabricates: 'records',
      eventIds: [id(1), id(2)],
      figures: { uscc: ENTERPRISE, area: 'consulting', day: '2025-05-20', services: 2 },
    });
    expect(signal?.sentence.zh).toContain('2025-05-20');
    expect(signal?.sentence.en).toContain(`Enterprise ${ENTERPRISE} has 2 service records`);
  });

  it('near miss: the same UTC day is two Beijing days (23:30 and 00:30 UTC+8)', () => {
    expect(
      signalsOfRule(
        'F-2',
        null,
        service(1, { enterpriseUscc: ENTERPRISE }, { occurredAt: '2025-05-20T23:30:00+08:00' }),
        service(2, { enterpriseUscc: ENTERPRISE }, { occurredAt: '2025-05-21T00:30:00+08:00' }),
      ),
    ).toEqual([]);
  });

  it('a retraction of the repeat withdraws the signal', () => {
    expect(
      signalsOfRule(
        'F-2',
        null,
        service(1, { enterpriseUscc: ENTERPRISE }),
        service(2, { enterpriseUscc: ENTERPRISE }),
        retraction(3, 2),
      ),
    ).toEqual([]);
  });

  it('fires when one enterprise is counted on 20 service records in the year', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-2',
      'enterprise_counted_many_times',
      ...servicesOnDays(1, 20),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: `F-2.cq-wanzhou-window.2025.repeated-enterprise.${ENTERPRISE}`,
      kind: 'enterprise_counted_many_times',
      severity: 'low',
      fabricates: 'records',
      eventIds: ids(1, 20),
      figures: { uscc: ENTERPRISE, services: 20, threshold: 20 },
    });
    expect(signal?.sentence.zh).toContain('20 条服务记录');
  });

  it('near miss: 19 service records for one enterprise', () => {
    expect(signalsOfRule('F-2', null, ...servicesOnDays(1, 19))).toEqual([]);
  });
});
