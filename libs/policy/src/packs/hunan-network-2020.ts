import { buildCompletion } from '@ledger/projections/network-statistics/build-completion';
import { isInYear } from '@ledger/projections/network-statistics/calendar';
import { coverage } from '@ledger/projections/network-statistics/coverage';
import { isUnderConstructionAtYearEnd } from '@ledger/projections/network-statistics/network-member';
import {
  operatingStatistics,
  type OperatingIndicator,
  type RankingGroups,
} from '@ledger/projections/network-statistics/operating-indicators';
import type {
  EvaluationContext,
  PlatformEvaluationInput,
  PlatformResult,
  PolicyPack,
  RuleApplication,
} from '../pack';
import { definePack, notGradedResult, type PackEvaluation } from '../pack-definition';
import {
  isBoolean,
  isIntegerIn,
  isNumberIn,
  isObjectOf,
  isOneOf,
  isStringList,
  orNull,
  type ParameterChecks,
} from '../parameters';

/**
 * hunan-network-2020 — 湖南省工业和信息化厅《关于湖南省中小企业公共服务平台网络2020年建设运营情况
 * 的通报》(seed 002), RULES.md S2-1..S2-3: network statistics only. The bulletin grades nobody, so
 * every platform's result has grade null; `graded` is true for a platform in the network at year
 * end (it is in the activity ranking: `score` is its activity score, `rank` its activity rank)
 * and false for one that is not. The figures are in `network`: S2-1 build completion, S2-2
 * coverage, S2-3 operating indicators and the ranking.
 */
export interface HunanNetworkParameters {
  /**
   * S2-2 denominator: the province's county-level units (县市区). Default null (use the count): the
   * bulletin publishes no list. When given, it decides the denominator and names the uncovered.
   */
  readonly counties: readonly string[] | null;
  /**
   * S2-2 denominator when no list is given. Default 123: the only denominator that reproduces the
   * bulletin's 83.74% with a whole number of covered counties (103 ÷ 123); its "104家" counts
   * platforms, not counties. Replace with the official count or list for another year.
   */
  readonly countyCount: number | null;
  /**
   * S2-2: whether a window platform still in its 建设期 at year end covers its county. Default
   * false: the bulletin's coverage is of platforms "建成" (built).
   */
  readonly coverageCountsUnderConstruction: boolean;
  /**
   * S2-3 activity score weights ("综合所有运行指标"): each indicator scaled by the best in its
   * ranking group, weighted mean out of 100. Default 1 each: the bulletin weighs none above
   * another.
   */
  readonly activityWeights: Readonly<Record<OperatingIndicator, number>>;
  /**
   * S2-3: rank within each platform kind (`kind`, default: the bulletin's three annex tables and
   * its "市州平台…产业集群平台…县市区平台相对活跃" name the most active per kind) or across all.
   */
  readonly rankingGroups: RankingGroups;
}

export const HUNAN_NETWORK_DEFAULTS: HunanNetworkParameters = {
  counties: null,
  countyCount: 123,
  coverageCountsUnderConstruction: false,
  activityWeights: {
    policyItemsPublished: 1,
    newlyRegisteredEnterprises: 1,
    newServiceInstitutions: 1,
    serviceItemsPublished: 1,
    activitiesHeld: 1,
    enterprisesServed: 1,
    onlineDemandsPosted: 1,
  },
  rankingGroups: 'kind',
};

const weight = isNumberIn(0, 1000);
const CHECKS: ParameterChecks<HunanNetworkParameters> = {
  counties: orNull(isStringList),
  countyCount: orNull(isIntegerIn(1, 100_000)),
  coverageCountsUnderConstruction: isBoolean,
  activityWeights: isObjectOf({
    policyItemsPublished: weight,
    newlyRegisteredEnterprises: weight,
    newServiceInstitutions: weight,
    serviceItemsPublished: weight,
    activitiesHeld: weight,
    enterprisesServed: weight,
    onlineDemandsPosted: weight,
  }),
  rankingGroups: isOneOf('kind', 'all'),
};

export const hunanNetwork2020Pack: PolicyPack<HunanNetworkParameters> = definePack({
  id: 'hunan-network-2020',
  version: '1.0.0',
  title: '湖南省中小企业公共服务平台网络建设运营情况通报（2020年）',
  defaults: HUNAN_NETWORK_DEFAULTS,
  checks: CHECKS,
  evaluate,
});

function evaluate(context: EvaluationContext, parameters: HunanNetworkParameters): PackEvaluation {
  const { year, platforms } = context;
  const builds = buildCompletion(platforms, year);
  const covered = coverage(platforms, year, {
    counties: parameters.counties,
    countyCount: parameters.countyCount,
    underConstructionCovers: parameters.coverageCountsUnderConstruction,
  });
  const operating = operatingStatistics(platforms, year, {
    activityWeights: parameters.activityWeights,
    rankingGroups: parameters.rankingGroups,
  });
  const byId = new Map(platforms.map((input) => [input.platform.platformId, input]));

  const ranked: PlatformResult[] = [];
  for (const line of operating.platforms) {
    const input = byId.get(line.platformId);
    if (input === undefined) continue;
    const rules: RuleApplication[] = [
      ...buildRule(input, year),
      ...coverageRule(input, year, parameters),
      {
        ruleId: 'S2-3',
        outcome: 'info',
        detail: `Operating indicators for ${String(year)}; activity score ${String(line.activityScore)} / 100, rank ${String(line.activityRank)} of ${String(line.platformsInGroup)} (${line.rankingGroup === 'all' ? 'whole network' : line.rankingGroup}).`,
        figures: { ...line.indicators, activityScore: line.activityScore },
      },
    ];
    ranked.push({
      platformId: line.platformId,
      platformName: input.platform.name,
      graded: true,
      score: line.activityScore,
      rank: line.activityRank,
      grade: null,
      tier: null,
      amountFen: 0,
      flags: [],
      ineligibleNextYear: false,
      rules,
    });
  }
  const rankedIds = new Set(ranked.map((result) => result.platformId));
  const outside = platforms
    .filter((input) => !rankedIds.has(input.platform.platformId))
    .map((input) => notInNetwork(input, year));

  return {
    results: [...ranked, ...outside],
    network: { buildCompletion: builds, coverage: covered, operating },
  };
}

/** S2-1 for a platform filed in the year: planned or not, completed at year end or not. */
function buildRule(input: PlatformEvaluationInput, year: number): RuleApplication[] {
  const { platform } = input;
  if (!isInYear(platform.filedAt, year)) return [];
  const completed = !isUnderConstructionAtYearEnd(platform, year);
  const status = platform.planned
    ? completed
      ? 'a planned build completed by year end: counts in the completion rate'
      : 'a planned build still in 建设期 at year end: counts against the completion rate'
    : completed
      ? 'an out-of-plan build (计划外) completed: reported, not in the rate'
      : 'an out-of-plan build still in 建设期: not in the rate';
  return [
    {
      ruleId: 'S2-1',
      outcome: 'info',
      detail: `Filed ${platform.filedAt}, ${status}.`,
      figures: {
        planned: platform.planned,
        completed,
        constructionCompletedAt: platform.constructionCompletedAt,
      },
      eventIds: [platform.filedEventId],
    },
  ];
}

/** S2-2 for a district window platform: whether it covers its county. */
function coverageRule(
  input: PlatformEvaluationInput,
  year: number,
  parameters: HunanNetworkParameters,
): RuleApplication[] {
  const { platform } = input;
  if (platform.kind !== 'district_window') return [];
  const building = isUnderConstructionAtYearEnd(platform, year);
  const covers = parameters.coverageCountsUnderConstruction || !building;
  return [
    {
      ruleId: 'S2-2',
      outcome: 'info',
      detail: covers
        ? `District window platform of ${platform.district}: the county counts as covered.`
        : `District window platform of ${platform.district} still in 建设期 at year end: not yet covering its county.`,
      figures: { district: platform.district, underConstructionAtYearEnd: building },
    },
  ];
}

function notInNetwork(input: PlatformEvaluationInput, year: number): PlatformResult {
  const { platform } = input;
  return notGradedResult(platform, [
    {
      ruleId: 'S2-3',
      outcome: 'info',
      detail: `Not in the network at the end of ${String(year)} (filed ${platform.filedAt}${platform.revokedAt === null ? '' : `, revoked ${platform.revokedAt}`}): not counted.`,
      figures: { filedAt: platform.filedAt, revokedAt: platform.revokedAt },
      eventIds: [platform.revocationEventId ?? platform.filedEventId],
    },
  ]);
}
