import { id, retraction, service, uscc } from '../platform-year-metrics/testing/year-events';
import { resident, signalsOfRule } from './testing/fraud-events';

const ENTERPRISE = uscc(7);

describe('F-1 inconsistent enterprise identity', () => {
  it('fires when one USCC appears under two names in the platform-year', () => {
    const [signal, ...rest] = signalsOfRule(
      'F-1',
      null,
      service(1, { enterpriseUscc: ENTERPRISE, enterpriseName: '重庆渝新科技有限公司' }),
      service(2, { enterpriseUscc: ENTERPRISE, enterpriseName: '重庆渝新科技有限公司' }),
      resident(3, ENTERPRISE, '重庆渝鑫商贸有限公司'),
      service(4),
    );
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({
      signalId: `F-1.cq-wanzhou-window.2025.different-names.${ENTERPRISE}`,
      ruleId: 'F-1',
      kind: 'uscc_under_different_names',
      fabricates: 'records',
      eventIds: [id(1), id(2), id(3)],
      eventCount: 3,
      otherPlatforms: [],
      figures: { uscc: ENTERPRISE, names: 2, records: 3 },
    });
    expect(signal?.sentence.zh).toContain('重庆渝新科技有限公司、重庆渝鑫商贸有限公司');
    expect(signal?.sentence.en).toContain(
      `USCC ${ENTERPRISE} appears under 2 different enterprise names in 3 records`,
    );
  });

  it('near miss: names that differ only in whitespace or full-width forms are one name', () => {
    expect(
      signalsOfRule(
        'F-1',
        null,
        service(1, { enterpriseUscc: ENTERPRISE, enterpriseName: '重庆渝新（集团）有限公司' }),
        service(2, { enterpriseUscc: ENTERPRISE, enterpriseName: ' 重庆渝新 (集团) 有限公司' }),
      ),
    ).toEqual([]);
  });

  it('a retraction of the differently named record withdraws the signal', () => {
    expect(
      signalsOfRule(
        'F-1',
        null,
        service(1, { enterpriseUscc: ENTERPRISE, enterpriseName: '重庆渝新科技有限公司' }),
        service(2, { enterpriseUscc: ENTERPRISE, enterpriseName: '重庆渝鑫商贸有限公司' }),
        retraction(3, 2),
      ),
    ).toEqual([]);
  });
});
