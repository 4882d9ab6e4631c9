import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';

import type { PackResult } from '../pack';
import {
  enrolled,
  evaluationContext,
  resultFor,
  ruleOf,
  runPack,
  target,
  windowPlatform,
  windowYear,
} from '../testing';
import { cqWindow2025Pack } from './cq-window-2025';

/** 'o…' platforms are in 渝中区 (neither region), 'r…' in 万州区 (渝东北). */
interface Entry {
  readonly id: string;
  /** 90..100 under the default indicators: full completion, county score = score − 90. */
  readonly score: number;
  readonly filedAt?: string;
  readonly overrides?: Partial<PlatformYearMetrics>;
}

const entry = (id: string, score: number, extra: Partial<Entry> = {}): Entry => ({
  id,
  score,
  ...extra,
});

function run(entries: readonly Entry[], parameters: Readonly<Record<string, unknown>> = {}) {
  return runPack(
    cqWindow2025Pack,
    evaluationContext(
      entries.map(({ id, score, filedAt, overrides }) =>
        enrolled(
          windowPlatform(
            id,
            id.startsWith('r') ? '万州区' : '渝中区',
            filedAt === undefined ? {} : { filedAt },
          ),
          windowYear(id, { districtScore: score - 90 }, overrides),
        ),
      ),
    ),
    parameters,
  );
}

const lines = (result: PackResult) =>
  result.results.map((line) => `${String(line.rank)}:${line.platformId}:${String(line.grade)}`);

const small = { maxFunded: 4, tier1Max: 2, tier2Max: 2 };

describe('S1-5 funding: ranking, tiers and amounts', () => {
  it('S1-5 given 22 ranked platforms, then 10 in 一档 (300,000 元), 10 in 二档 (200,000 元) and 2 合格 unfunded', () => {
    const entries = Array.from({ length: 22 }, (_, i) =>
      entry(`${i % 3 === 0 ? 'r' : 'o'}${String(i + 1).padStart(2, '0')}`, 100 - i * 0.25),
    );
    const result = run(entries);
    const grades = result.results.map((line) => line.grade);
    expect(grades).toEqual([
      ...Array<string>(10).fill('一档'),
      ...Array<string>(10).fill('二档'),
      '合格',
      '合格',
    ]);
    expect(result.results.map((line) => line.rank)).toEqual(entries.map((_, i) => i + 1));
    expect(result.results[0]).toMatchObject({ tier: '一档', amountFen: 30_000_000 });
    expect(result.results[10]).toMatchObject({ tier: '二档', amountFen: 20_000_000 });
    expect(result.results[20]).toMatchObject({ tier: null, amountFen: 0, graded: true });
    expect(ruleOf(result.results[20]!, 'S1-5').detail).toContain(
      'below the funded places (一档 ≤ 10, 二档 ≤ 10, ≤ 20 in all).',
    );
    expect(ruleOf(result.results[0]!, 'S1-5').detail).toContain('Funded in 一档: 300,000 元.');
  });

  it('S1-5 tier caps with ties: five platforms tied at 100 take 2 + 2 places in tie-break order (filedAt, then id), no extra slot', () => {
    const result = run(
      [
        entry('r-c', 100, { filedAt: '2023-01-01' }),
        entry('r-b', 100, { filedAt: '2022-06-01' }),
        entry('r-a', 100, { filedAt: '2023-01-01' }),
        entry('r-e', 100, { filedAt: '2024-01-01' }),
        entry('r-d', 100, { filedAt: '2023-01-01' }),
      ],
      small,
    );
    expect(lines(result)).toEqual([
      '1:r-b:一档',
      '2:r-a:一档',
      '3:r-c:二档',
      '4:r-d:二档',
      '5:r-e:合格',
    ]);
    expect(ruleOf(resultFor(result, 'r-e'), 'S1-5').detail).toContain(
      '(score desc, then completion desc, then filedAt asc, then platformId asc)',
    );
  });

  it('S1-5 equal scores are separated by completion before the filing date', () => {
    // 20 + 70 × 100% + 3 = 93 = 20 + 70 × 90% + 10
    const ninetyPercent = { targets: [target('enterprisesServed', 10, 9)] };
    const result = run(
      [
        entry('r-full', 93, { filedAt: '2024-01-01' }),
        entry('r-partial', 100, { filedAt: '2020-01-01', overrides: ninetyPercent }),
      ],
      { maxFunded: 1, tier1Max: 1, tier2Max: 0 },
    );
    expect(resultFor(result, 'r-full').score).toBe(93);
    expect(resultFor(result, 'r-partial').score).toBe(93);
    expect(lines(result)).toEqual(['1:r-full:一档', '2:r-partial:合格']);
  });

  it('S1-5 minScoreForTier: 95 exactly reaches 一档, 94.75 falls to 二档 although 一档 has room; below 二档’s bar is unfunded', () => {
    const result = run([entry('r1', 95), entry('r2', 94.75), entry('r3', 92), entry('r4', 91.75)], {
      minScoreForTier: { 一档: 95, 二档: 92 },
    });
    expect(lines(result)).toEqual(['1:r1:一档', '2:r2:二档', '3:r3:二档', '4:r4:合格']);
    expect(ruleOf(resultFor(result, 'r4'), 'S1-5').detail).toContain(
      'below the minimum score of every tier (minScoreForTier).',
    );
  });

  it('S1-5 tierAmountsFen pays less than the cap when asked', () => {
    const result = run([entry('r1', 100)], { tierAmountsFen: { 一档: 25_000_000, 二档: 0 } });
    expect(resultFor(result, 'r1').amountFen).toBe(25_000_000);
  });
});

describe('S1-5 region quota (渝东南 / 渝东北 ≥ 30% of the funded)', () => {
  it('S1-5 region quota not binding: 2 of 4 funded are from the regions, the ranking stands', () => {
    const result = run(
      [entry('o1', 100), entry('r2', 99), entry('o3', 98), entry('r4', 97), entry('o5', 96)],
      small,
    );
    expect(lines(result)).toEqual([
      '1:o1:一档',
      '2:r2:一档',
      '3:o3:二档',
      '4:r4:二档',
      '5:o5:合格',
    ]);
    expect(ruleOf(resultFor(result, 'o1'), 'S1-5')).toMatchObject({
      outcome: 'pass',
      figures: { quotaRequired: 2, quotaFromRegions: 2, quotaShortfall: 0 },
    });
  });

  it('S1-5 region quota binding: the best-ranked regional platforms replace the lowest-ranked others among the funded', () => {
    const result = run(
      [
        entry('o1', 100),
        entry('o2', 99),
        entry('o3', 98),
        entry('o4', 97),
        entry('r5', 96),
        entry('r6', 95),
        entry('r7', 94),
      ],
      small,
    );
    expect(lines(result)).toEqual([
      '1:o1:一档',
      '2:o2:一档',
      '3:o3:合格',
      '4:o4:合格',
      '5:r5:二档',
      '6:r6:二档',
      '7:r7:合格',
    ]);
    expect(resultFor(result, 'r5')).toMatchObject({
      amountFen: 20_000_000,
      flags: ['区域配额递补'],
    });
    expect(ruleOf(resultFor(result, 'r5'), 'S1-5').detail).toContain(
      'Placed by the region quota in place of o4.',
    );
    expect(resultFor(result, 'o4')).toMatchObject({ amountFen: 0, flags: ['区域配额让位'] });
    expect(ruleOf(resultFor(result, 'o4'), 'S1-5').detail).toContain(
      'within the funded places but displaced by r5 (渝东北) to meet the region quota.',
    );
    expect(ruleOf(resultFor(result, 'o3'), 'S1-5').detail).toContain('displaced by r6');
  });

  it('S1-5 after a substitution tiers follow rank order among the funded: a regional newcomer can take 一档', () => {
    const result = run([entry('o1', 100), entry('o2', 99), entry('r3', 90)], {
      maxFunded: 2,
      tier1Max: 2,
      tier2Max: 0,
    });
    expect(lines(result)).toEqual(['1:o1:一档', '2:o2:合格', '3:r3:一档']);
  });

  it('S1-5 regionQuotaRounding: 30% of 4 is 1.2 — ceil needs 2 regional, floor and round need 1', () => {
    const entries = [
      entry('o1', 100),
      entry('o2', 99),
      entry('o3', 98),
      entry('r4', 97),
      entry('o5', 96),
      entry('r6', 95),
    ];
    expect(lines(run(entries, small)).filter((line) => !line.endsWith('合格'))).toEqual([
      '1:o1:一档',
      '2:o2:一档',
      '4:r4:二档',
      '6:r6:二档',
    ]);
    for (const rounding of ['floor', 'round'])
      expect(
        lines(run(entries, { ...small, regionQuotaRounding: rounding })).filter(
          (line) => !line.endsWith('合格'),
        ),
      ).toEqual(['1:o1:一档', '2:o2:一档', '3:o3:二档', '4:r4:二档']);
  });

  it('S1-5 too few regional candidates: fund_anyway funds 4 and flags the shortfall; shrink_total funds 3', () => {
    const entries = [
      entry('o1', 100),
      entry('o2', 99),
      entry('o3', 98),
      entry('o4', 97),
      entry('r5', 96),
    ];
    const anyway = run(entries, small);
    expect(
      anyway.results.filter((line) => line.amountFen > 0).map((line) => line.platformId),
    ).toEqual(['o1', 'o2', 'o3', 'r5']);
    expect(ruleOf(resultFor(anyway, 'o1'), 'S1-5')).toMatchObject({
      outcome: 'flag',
      figures: { quotaRequired: 2, quotaFromRegions: 1, quotaShortfall: 1 },
    });
    expect(ruleOf(resultFor(anyway, 'o1'), 'S1-5').detail).toContain(
      'short by 1 for lack of fundable candidates (fund_anyway)',
    );
    const shrunk = run(entries, { ...small, regionQuotaShortfall: 'shrink_total' });
    expect(
      shrunk.results.filter((line) => line.amountFen > 0).map((line) => line.platformId),
    ).toEqual(['o1', 'o2', 'r5']);
    expect(ruleOf(resultFor(shrunk, 'o4'), 'S1-5').detail).toContain(
      'dropped so that the region quota holds',
    );
  });
});

describe('S1-6 credit: 失信被执行人 or 巡视审计 cancels support', () => {
  const credit = (eventId: string, kind: string, occurredAt: string) => ({
    creditEvents: [{ eventId, kind, occurredAt }],
  });

  it('S1-6 credit: a 失信被执行人 listing in the implementation period cancels support; the next platform takes the place', () => {
    const result = run(
      [
        entry('r1', 100, { overrides: credit('credit-1', 'dishonest_debtor', '2025-03-01') }),
        entry('r2', 99),
      ],
      { maxFunded: 1, tier1Max: 1, tier2Max: 0 },
    );
    expect(resultFor(result, 'r1')).toMatchObject({
      graded: true,
      grade: '合格',
      rank: null,
      tier: null,
      amountFen: 0,
      ineligibleNextYear: false,
      flags: ['取消支持资格'],
    });
    expect(ruleOf(resultFor(result, 'r1'), 'S1-6')).toMatchObject({
      outcome: 'fail',
      detail: 'Support cancelled (取消支持资格): dishonest_debtor on 2025-03-01.',
      eventIds: ['credit-1'],
    });
    expect(ruleOf(resultFor(result, 'r1'), 'S1-5').detail).toBe(
      'Not ranked for funding: support cancelled (S1-6).',
    );
    expect(resultFor(result, 'r2')).toMatchObject({ rank: 1, tier: '一档' });
  });

  it.each([
    ['dishonest_debtor', '2025-09-30T23:30:00+08:00', 'fail'],
    ['dishonest_debtor', '2025-10-01T00:00:00+08:00', 'pass'],
    ['audit_finding', '2025-12-01', 'fail'],
    ['other_bad_credit', '2025-03-01', 'pass'],
    ['cleared', '2025-03-01', 'pass'],
  ])('S1-6 credit: %s on %s ⇒ %s', (kind, occurredAt, outcome) => {
    const result = run([entry('r1', 100, { overrides: credit('credit-1', kind, occurredAt) })]);
    expect(ruleOf(resultFor(result, 'r1'), 'S1-6').outcome).toBe(outcome);
  });

  it('S1-6 credit: dishonestDebtorListedBy widens the window', () => {
    const result = run(
      [entry('r1', 100, { overrides: credit('credit-1', 'dishonest_debtor', '2025-10-05') })],
      { dishonestDebtorListedBy: '10-17' },
    );
    expect(ruleOf(resultFor(result, 'r1'), 'S1-6').outcome).toBe('fail');
  });
});

describe('cq-window-2025 table order', () => {
  it('lists ranked platforms by rank, then other graded platforms, then those not graded in enrolment order', () => {
    const result = run([
      entry('o-refused', 100, { overrides: { districtReviews: { plan: null, evidence: null } } }),
      entry('o-weak', 100, {
        overrides: { targets: [target('enterprisesServed', 10, 1)] },
      }),
      entry('r-second', 95),
      entry('r-first', 99),
    ]);
    expect(result.results.map((line) => line.platformId)).toEqual([
      'r-first',
      'r-second',
      'o-weak',
      'o-refused',
    ]);
  });
});
