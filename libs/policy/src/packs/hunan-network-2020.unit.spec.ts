import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformEvaluationInput } from '../pack';
import { platformView, yearMetrics, type MetricTallyOverrides } from '../testing';
import {
  HUNAN_NETWORK_DEFAULTS,
  hunanNetwork2020Pack,
  type HunanNetworkParameters,
} from './hunan-network-2020';

const YEAR = 2020;

function platform(
  platformId: string,
  view: Partial<PlatformView> = {},
  year: MetricTallyOverrides = {},
): PlatformEvaluationInput {
  return {
    platform: platformView({ platformId, province: '湖南省', district: platformId, ...view }),
    metrics: yearMetrics({ platformId, calendarYear: year }),
    previousYears: [],
  };
}

function evaluate(
  platforms: readonly PlatformEvaluationInput[],
  given: Partial<HunanNetworkParameters> = {},
) {
  const resolved = hunanNetwork2020Pack.resolveParameters(given);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return hunanNetwork2020Pack.evaluate(
    { year: YEAR, programId: 'hunan-2020', platforms },
    resolved.parameters,
  );
}

const range = (n: number): number[] => Array.from({ length: n }, (_, index) => index + 1);

/**
 * The bulletin's 2020 network: 103 county windows built before 2020 in distinct counties, then the
 * year's builds — 26 planned completed, 9 planned still building, 1 out of plan completed — the
 * year's builds in industrial parks (so they do not add counties).
 */
const hunan2020: PlatformEvaluationInput[] = [
  ...range(103).map((n) => platform(`county-${String(n)}`, { filedAt: '2018-06-01' })),
  ...range(26).map((n) =>
    platform(`park-done-${String(n)}`, {
      kind: 'industry_window',
      planned: true,
      filedAt: '2020-04-01',
    }),
  ),
  ...range(9).map((n) =>
    platform(`park-open-${String(n)}`, {
      kind: 'industry_window',
      planned: true,
      filedAt: '2020-04-01',
      underConstruction: true,
    }),
  ),
  platform('unplanned', { kind: 'industry_window', planned: false, filedAt: '2020-07-01' }),
];

describe('hunan-network-2020 parameters', () => {
  it('the defaults are documented values and a bad county count is refused', () => {
    expect(hunanNetwork2020Pack.defaults).toEqual(HUNAN_NETWORK_DEFAULTS);
    const resolved = hunanNetwork2020Pack.resolveParameters({ countyCount: 0 });
    expect(resolved.ok).toBe(false);
  });
});

describe('S2-1 build completion rate (pack)', () => {
  it('S2-1 reports 26 ÷ 35 = 74.29% with the out-of-plan build apart', () => {
    const result = evaluate(hunan2020);
    expect(result.network['buildCompletion']).toMatchObject({
      ruleId: 'S2-1',
      planned: 35,
      plannedCompleted: 26,
      plannedNotCompleted: 9,
      unplannedCompleted: 1,
      completionRate: {
        percent: 74.29,
        text: '74.29%',
        computation: '26 ÷ 35 = 0.742857… → 74.29%',
      },
    });
  });

  it('S2-1 tells each of the year’s builds where it stands', () => {
    const result = evaluate(hunan2020);
    const detail = (id: string) =>
      result.results.find((r) => r.platformId === id)?.rules.find((r) => r.ruleId === 'S2-1')
        ?.detail;
    expect(detail('park-done-1')).toContain('counts in the completion rate');
    expect(detail('park-open-1')).toContain('counts against the completion rate');
    expect(detail('unplanned')).toContain('not in the rate');
    expect(detail('county-1')).toBeUndefined();
  });
});

describe('S2-2 coverage rate (pack)', () => {
  it('S2-2 with the default count: 103 counties covered of 123 ⇒ 83.74%, computed from the filings', () => {
    const result = evaluate(hunan2020);
    expect(result.network['coverage']).toMatchObject({
      ruleId: 'S2-2',
      countiesCovered: 103,
      counties: 123,
      windowPlatforms: 103,
      coverageRate: { text: '83.74%' },
    });
  });

  it('S2-2 with a county list, the uncovered counties are named', () => {
    const counties = [...range(103).map((n) => `county-${String(n)}`), '南县', '双峰县'];
    const result = evaluate(hunan2020, { counties });
    expect(result.network['coverage']).toMatchObject({
      countiesCovered: 103,
      counties: 105,
      uncoveredCounties: ['南县', '双峰县'],
      coverageRate: { text: '98.10%' },
    });
  });

  it('S2-2 a county window still in 建设期 does not cover its county unless the parameter says so', () => {
    const building = [platform('南县', { underConstruction: true })];
    const count = (given: Partial<HunanNetworkParameters>) =>
      (evaluate(building, given).network['coverage'] as { countiesCovered: number })
        .countiesCovered;
    expect(count({})).toBe(0);
    expect(count({ coverageCountsUnderConstruction: true })).toBe(1);
  });
});

describe('S2-3 operating indicators and activity ranking (pack)', () => {
  const network = [
    platform('hengshan', {}, { activities: 40, policyItemsPublished: 200, enterprisesServed: 300 }),
    platform('nanxian', {}, { activities: 20, policyItemsPublished: 100, enterprisesServed: 150 }),
    platform('youse', { kind: 'industry_window' }, { activities: 8, demandItemsPublished: 30 }),
    platform('closed', { revokedAt: '2020-05-01', revocationEventId: 'rev-9' }, { activities: 99 }),
  ];

  it('S2-3 one line per platform: indicators, activity score and rank within its kind, grade null', () => {
    const result = evaluate(network);
    expect(result.results.map((r) => [r.platformId, r.graded, r.rank, r.grade])).toEqual([
      ['hengshan', true, 1, null],
      ['nanxian', true, 2, null],
      ['youse', true, 1, null],
      ['closed', false, null, null],
    ]);
    const hengshan = result.results[0]?.rules.find((r) => r.ruleId === 'S2-3');
    expect(hengshan?.figures).toMatchObject({ activitiesHeld: 40, policyItemsPublished: 200 });
  });

  it('S2-3 network totals add every platform in the network, not the one revoked in the year', () => {
    const result = evaluate(network);
    expect(result.network['operating']).toMatchObject({
      ruleId: 'S2-3',
      network: { activitiesHeld: 68, policyItemsPublished: 300, onlineDemandsPosted: 30 },
      newInstitutionsIsLowerBound: true,
    });
    const closed = result.results.find((r) => r.platformId === 'closed');
    expect(closed?.rules[0]?.eventIds).toEqual(['rev-9']);
  });

  it('S2-3 ranking across the whole network when rankingGroups is all', () => {
    const result = evaluate(network, { rankingGroups: 'all' });
    expect(result.results.filter((r) => r.graded).map((r) => [r.platformId, r.rank])).toEqual([
      ['hengshan', 1],
      ['nanxian', 2],
      ['youse', 3],
    ]);
  });
});
