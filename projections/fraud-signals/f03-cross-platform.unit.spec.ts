import { id, retraction, service, uscc } from '../platform-year-metrics/testing/year-events';
import { financing, OTHER_PLATFORM, signalsOfRule } from './testing/fraud-events';

const ENTERPRISE = uscc(7);
const OTHER = { platformId: OTHER_PLATFORM };

describe('F-3 cross-platform double counting', () => {
  it('fires for each platform-year claiming one financing contract, naming its own claim', () => {
    const signals = signalsOfRule(
      'F-3',
      null,
      financing(1, '重庆农村商业银行', 'HT-2025-001', 50_000_000),
      financing(2, '重庆农村商业银行 ', 'ht 2025 001', 50_000_000, OTHER),
      financing(3, '重庆农村商业银行', 'HT-2025-002', 50_000_000),
    );
    expect(signals.map((signal) => [signal.platformId, signal.otherPlatforms])).toEqual([
      ['cq-fuling-window', ['cq-wanzhou-window']],
      ['cq-wanzhou-window', ['cq-fuling-window']],
    ]);
    for (const signal of signals) {
      expect(signal).toMatchObject({
        ruleId: 'F-3',
        year: 2025,
        kind: 'same_contract',
        severity: 'high',
        fabricates: 'records',
        // Each platform-year's signal names its own claims; figures count every claim.
        eventIds: [signal.platformId === OTHER_PLATFORM ? id(2) : id(1)],
        figures: { contractNumber: 'HT-2025-001', claims: 2, platforms: 2 },
      });
      expect(signal.signalId).toMatch(
        new RegExp(`^F-3\\.${signal.platformId}\\.2025\\.same-contract\\.[0-9a-f]{16}$`),
      );
      expect(signal.sentence.zh).toContain('合同号 HT-2025-001）被 2 个平台申报（2 条记录）');
      expect(signal.sentence.en).toContain('is claimed by 2 platforms (2 records)');
    }
  });

  it('near miss: the same number at another lender, or one platform in two years', () => {
    expect(
      signalsOfRule(
        'F-3',
        null,
        financing(1, '重庆农村商业银行', 'HT-2025-001', 50_000_000),
        financing(2, '重庆银行', 'HT-2025-001', 50_000_000, OTHER),
        financing(3, '重庆农村商业银行', 'HT-2025-001', 50_000_000, { year: 2024 }),
      ),
    ).toEqual([]);
  });

  it('near miss: placeholders for a missing contract number (-, /, 无, N/A) name no contract', () => {
    const lender = '重庆农村商业银行';
    expect(
      signalsOfRule(
        'F-3',
        null,
        financing(1, lender, '-', 50_000_000),
        financing(2, lender, '/', 50_000_000, OTHER),
        financing(3, lender, '无', 50_000_000),
        financing(4, lender, '无', 50_000_000, OTHER),
        financing(5, lender, 'N/A', 50_000_000),
        financing(6, lender, 'n.a', 50_000_000, OTHER),
      ),
    ).toEqual([]);
  });

  it('fires for one service record (enterprise, Beijing day, area, description) on two platforms', () => {
    const signals = signalsOfRule(
      'F-3',
      'same_service',
      service(
        1,
        { enterpriseUscc: ENTERPRISE, description: '政策咨询' },
        { occurredAt: '2025-05-20T09:00:00+08:00' },
      ),
      service(
        2,
        { enterpriseUscc: ENTERPRISE, description: ' 政策 咨询 ' },
        { ...OTHER, occurredAt: '2025-05-20T15:00:00+08:00' },
      ),
    );
    expect(signals).toHaveLength(2);
    for (const signal of signals) {
      expect(signal).toMatchObject({
        kind: 'same_service',
        fabricates: 'records',
        eventIds: [signal.platformId === OTHER_PLATFORM ? id(2) : id(1)],
        figures: {
          uscc: ENTERPRISE,
          day: '2025-05-20',
          area: 'consulting',
          claims: 2,
          platforms: 2,
        },
      });
      expect(signal.signalId).toMatch(/\.same-service\.[0-9A-Z]{18}\.[0-9a-f]{16}$/);
      expect(signal.sentence.en).toContain(`enterprise ${ENTERPRISE} on 2025-05-20`);
    }
  });

  it('near miss: the same service on another Beijing day', () => {
    expect(
      signalsOfRule(
        'F-3',
        null,
        service(1, { enterpriseUscc: ENTERPRISE }, { occurredAt: '2025-05-20T09:00:00+08:00' }),
        service(
          2,
          { enterpriseUscc: ENTERPRISE },
          { ...OTHER, occurredAt: '2025-05-21T09:00:00+08:00' },
        ),
      ),
    ).toEqual([]);
  });

  it('a retraction on either platform withdraws both platforms’ signals', () => {
    expect(
      signalsOfRule(
        'F-3',
        null,
        financing(1, '重庆农村商业银行', 'HT-2025-001', 50_000_000),
        financing(2, '重庆农村商业银行', 'HT-2025-001', 50_000_000, OTHER),
        service(3, { enterpriseUscc: ENTERPRISE }),
        service(4, { enterpriseUscc: ENTERPRISE }, OTHER),
        retraction(5, 2, OTHER),
        retraction(6, 3),
      ),
    ).toEqual([]);
  });

  it('three platforms: retracting one claim leaves the other two flagged', () => {
    const signals = signalsOfRule(
      'F-3',
      null,
      financing(1, '重庆农村商业银行', 'HT-2025-001', 50_000_000),
      financing(2, '重庆农村商业银行', 'HT-2025-001', 50_000_000, OTHER),
      financing(3, '重庆农村商业银行', 'HT-2025-001', 50_000_000, {
        platformId: 'cq-qianjiang-window',
      }),
      retraction(4, 2, OTHER),
    );
    expect(signals.map((signal) => [signal.platformId, signal.eventIds])).toEqual([
      ['cq-qianjiang-window', [id(3)]],
      ['cq-wanzhou-window', [id(1)]],
    ]);
  });
});
