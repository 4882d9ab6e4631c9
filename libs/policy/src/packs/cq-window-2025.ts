import {
  chongqingRegionOf,
  MATERIAL_KINDS,
  parseInstant,
  type MaterialKind,
  type PlatformKind,
  type ServiceArea,
} from '@ledger/domain';
import type {
  PlatformYearMetrics,
  TargetProgress,
} from '@ledger/projections/platform-year-metrics/metrics.view';

import type {
  EvaluationContext,
  PlatformEvaluationInput,
  PlatformResult,
  PolicyPack,
  RuleApplication,
} from '../pack';
import { definePack, type PackEvaluation } from '../pack-definition';
import {
  isBoolean,
  isIntegerIn,
  isMonthDay,
  isNumberIn,
  isObjectOf,
  isOneOf,
  orNull,
  type ParameterCheck,
  type ParameterChecks,
} from '../parameters';
import {
  add,
  applyRegionQuota,
  ascendingInstant,
  ascendingText,
  assignBands,
  compareRatios,
  describeKeys,
  formatPercent,
  formatYuan,
  roundToDecimals,
  descendingNumber,
  descendingRatio,
  divide,
  minRatio,
  multiply,
  ONE,
  rankBy,
  tableOrder,
  ratioOf,
  toNumber,
  ZERO,
  type BandSpec,
  type IntegerRounding,
  type QuotaShortfallPolicy,
  type RankKey,
  type Ratio,
} from '../ranking';

/**
 * cq-window-2025 — 重庆市经济和信息化委员会《关于支持中小企业公共服务窗口平台建设运营的通知》
 * (渝经信中小〔2025〕3号), seed 001, RULES.md S1-1..S1-8. Each function below is one rule id; the
 * parameters are the notice's silences, every default explained where it is declared and in
 * libs/policy/README.md.
 */

export type CompletionAggregation = 'mean_capped' | 'weighted_capped' | 'min_capped';
export type FundingTier = '一档' | '二档';
export type RecommendationStage = 'evidence' | 'plan' | 'both';

/** S1-2's 100 points. 附件3 (the indicator table) is not public, so this split is ours. */
export interface CqWindowIndicators {
  /**
   * 基础保障 20: points for each material kind uploaded at least once in the year. Default: the
   * four uploads the 2020 bulletin names as basic operating conditions (S0-6: 场地面积, 标识标牌,
   * 工作人员数量, 工作总结), 5 points each.
   */
  readonly basicSupportMaterials: Readonly<Partial<Record<MaterialKind, number>>>;
  /** 服务质效 70. */
  readonly serviceQualityPoints: number;
  /**
   * 'completion' (default): serviceQualityPoints × the S1-4 completion rate, so the score and the
   * 70% bar read the same targets. 'per_area': serviceQualityPoints split equally over the eight
   * S1-3 areas, each area's share × the completion of the targets planned in that area (an area
   * without targets earns nothing; targets without an area count for S1-4 only).
   */
  readonly serviceQualityMethod: 'completion' | 'per_area';
  /** 区县中小企业主管部门评价及支持情况 10: the evidence-stage county score (0..10) scaled to these points. */
  readonly districtPoints: number;
}

export interface CqWindow2025Parameters {
  /** 一、报送对象 "区县中小企业公共服务窗口平台": default ['district_window']. */
  readonly eligibleKinds: readonly PlatformKind[];
  /** S1-8: only a platform its county recommends is evaluated. Default true. */
  readonly requireDistrictRecommendation: boolean;
  /**
   * S1-8: which county review must say `recommended`. Default 'evidence' (the review sent to the
   * city by 10-17, 四(五)); 'plan' reads the 初审 of 四(二) (by 02-14); 'both' requires both.
   */
  readonly recommendationStage: RecommendationStage;
  /** S1-4: "完成率低于70%" ⇒ 不合格. Default 0.7; exactly 0.7 passes. */
  readonly minCompletionRate: number;
  /** S1-4: how per-indicator rates (each capped at 100%) combine. Default 'mean_capped'. */
  readonly completionAggregation: CompletionAggregation;
  /** S1-4 'weighted_capped': integer weight per indicator name; unlisted indicators weigh 1. Default {}. */
  readonly completionWeights: Readonly<Record<string, number>>;
  /**
   * S1-4: a planned indicator the ledger cannot measure (rate null). Default 'zero': it counts as
   * 0% done, since completion must be shown by recorded services; 'skip' leaves it out.
   */
  readonly unmeasurableTarget: 'zero' | 'skip';
  /** S1-2. */
  readonly indicators: CqWindowIndicators;
  /** S1-2: the score is published with this many decimals (half up). Default 2. */
  readonly scoreDecimals: number;
  /**
   * S1-6: a 失信被执行人 listing counts when made "申报期、实施期", i.e. from 1 January to this
   * month-day. Default '09-30', the end of the implementation period (S1-1). Audit findings
   * (巡视审计) have no period in the notice and count all year.
   */
  readonly dishonestDebtorListedBy: string;
  /** S1-5 "数量不超过20家". Default 20 (at most 20). */
  readonly maxFunded: number;
  /** S1-5 一档 "不超过10家". Default 10. */
  readonly tier1Max: number;
  /** S1-5 二档 "不超过10家". Default 10. */
  readonly tier2Max: number;
  /** S1-5 "支持额度不超过30万元 / 20万元": the cap is paid. Default 一档 30,000,000 分, 二档 20,000,000 分. */
  readonly tierAmountsFen: Readonly<Record<FundingTier, number>>;
  /** S1-5: the notice states no cut-off scores. Default null for both: rank alone fills the tiers. */
  readonly minScoreForTier: Readonly<Record<FundingTier, number | null>>;
  /** S1-5 "渝东南、渝东北支持数量不少于支持总量的30%". Default 0.3. */
  readonly regionQuotaShare: number;
  /** S1-5: 30% of a count is rarely whole. Default 'ceil' ("不少于" is a floor on the count). */
  readonly regionQuotaRounding: IntegerRounding;
  /**
   * S1-5: too few fundable platforms from 渝东南 / 渝东北. Default 'fund_anyway' (fund the others,
   * flag the shortfall); 'shrink_total' funds fewer so the share holds.
   */
  readonly regionQuotaShortfall: QuotaShortfallPolicy;
}

const PACK_ID = 'cq-window-2025';
const PACK_VERSION = '1.0.0';
const FEN_PER_YUAN = 100;

/** S1-3: the eight 实施内容 areas, in the notice's order. */
export const S1_SERVICE_AREAS = [
  'cq_code_service',
  'gradient_cultivation',
  'financing',
  'digital',
  'integration',
  'rights_protection',
  'tech_innovation',
  'talent',
] as const satisfies readonly ServiceArea[];

export const cqWindow2025Defaults: CqWindow2025Parameters = {
  eligibleKinds: ['district_window'],
  requireDistrictRecommendation: true,
  recommendationStage: 'evidence',
  minCompletionRate: 0.7,
  completionAggregation: 'mean_capped',
  completionWeights: {},
  unmeasurableTarget: 'zero',
  indicators: {
    basicSupportMaterials: { site_area: 5, signage: 5, staff_count: 5, work_summary: 5 },
    serviceQualityPoints: 70,
    serviceQualityMethod: 'completion',
    districtPoints: 10,
  },
  scoreDecimals: 2,
  dishonestDebtorListedBy: '09-30',
  maxFunded: 20,
  tier1Max: 10,
  tier2Max: 10,
  tierAmountsFen: { 一档: 300_000 * FEN_PER_YUAN, 二档: 200_000 * FEN_PER_YUAN },
  minScoreForTier: { 一档: null, 二档: null },
  regionQuotaShare: 0.3,
  regionQuotaRounding: 'ceil',
  regionQuotaShortfall: 'fund_anyway',
};

// ---------------------------------------------------------------------------------------------
// Parameter checks: the notice's own caps ("不超过", "不少于") bound what a parameter may say.

const PLATFORM_KINDS: readonly PlatformKind[] = [
  'district_window',
  'industry_window',
  'demonstration',
];

const isPlatformKindList: ParameterCheck = (value) =>
  Array.isArray(value) && value.every((kind) => PLATFORM_KINDS.includes(kind as PlatformKind))
    ? null
    : `must be a list of ${PLATFORM_KINDS.join(', ')}`;

const isIntegerWeights: ParameterCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'must be an object';
  for (const [name, weight] of Object.entries(value as Record<string, unknown>))
    if (isIntegerIn(0, 1_000_000)(weight) !== null)
      return `${name} must be an integer from 0 to 1000000`;
  return null;
};

const isMaterialPoints: ParameterCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'must be an object';
  for (const [kind, points] of Object.entries(value as Record<string, unknown>)) {
    if (!(MATERIAL_KINDS as readonly string[]).includes(kind))
      return `has an unknown material kind ${kind}`;
    if (isNumberIn(0, 100)(points) !== null) return `${kind} must be a number from 0 to 100`;
  }
  return null;
};

/** S1-2 "满分为100分": the parts must add up to 100. */
const isIndicators: ParameterCheck = (value) => {
  const shape = isObjectOf({
    basicSupportMaterials: isMaterialPoints,
    serviceQualityPoints: isNumberIn(0, 100),
    serviceQualityMethod: isOneOf('completion', 'per_area'),
    districtPoints: isNumberIn(0, 100),
  })(value);
  if (shape !== null) return shape;
  const indicators = value as CqWindowIndicators;
  const total = [
    ...Object.values(indicators.basicSupportMaterials),
    indicators.serviceQualityPoints,
    indicators.districtPoints,
  ].reduce((sum, points) => add(sum, ratioOf(points)), ZERO);
  return compareRatios(total, ratioOf(100)) === 0 ? null : 'points must add up to 100 (S1-2)';
};

const checks: ParameterChecks<CqWindow2025Parameters> = {
  eligibleKinds: isPlatformKindList,
  requireDistrictRecommendation: isBoolean,
  recommendationStage: isOneOf('evidence', 'plan', 'both'),
  minCompletionRate: isNumberIn(0, 1),
  completionAggregation: isOneOf('mean_capped', 'weighted_capped', 'min_capped'),
  completionWeights: isIntegerWeights,
  unmeasurableTarget: isOneOf('zero', 'skip'),
  indicators: isIndicators,
  scoreDecimals: isIntegerIn(0, 6),
  dishonestDebtorListedBy: isMonthDay,
  maxFunded: isIntegerIn(0, 20),
  tier1Max: isIntegerIn(0, 10),
  tier2Max: isIntegerIn(0, 10),
  tierAmountsFen: isObjectOf({
    一档: isIntegerIn(0, 300_000 * FEN_PER_YUAN),
    二档: isIntegerIn(0, 200_000 * FEN_PER_YUAN),
  }),
  minScoreForTier: isObjectOf({
    一档: orNull(isNumberIn(0, 100)),
    二档: orNull(isNumberIn(0, 100)),
  }),
  regionQuotaShare: isNumberIn(0.3, 1),
  regionQuotaRounding: isOneOf('ceil', 'floor', 'round'),
  regionQuotaShortfall: isOneOf('fund_anyway', 'shrink_total'),
};

// ---------------------------------------------------------------------------------------------
// One platform: scope, S1-8, S1-1, S1-4, S1-2 (S1-3), S1-6, S1-7.

interface Assessment {
  readonly input: PlatformEvaluationInput;
  readonly graded: boolean;
  readonly score: number | null;
  readonly completion: Ratio;
  readonly passedCompletion: boolean;
  readonly supportCancelled: boolean;
  readonly rules: readonly RuleApplication[];
  readonly flags: readonly string[];
}

function assess(
  input: PlatformEvaluationInput,
  context: EvaluationContext,
  params: CqWindow2025Parameters,
): Assessment {
  const gate = [scopeRule(input, params), recommendationRule(input.metrics, params)];
  const notGraded = (rules: readonly RuleApplication[]): Assessment => ({
    input,
    graded: false,
    score: null,
    completion: ZERO,
    passedCompletion: false,
    supportCancelled: false,
    rules,
    flags: [],
  });
  const firstFailure = gate.findIndex((rule) => rule.outcome === 'fail');
  if (firstFailure >= 0) return notGraded(gate.slice(0, firstFailure + 1));

  // Reporting nothing is a plan with no targets: completion 0 (S1-4), not an exemption.
  const metrics = input.metrics;
  const period = periodRule(metrics);
  const completion = completionOf(metrics?.targets ?? [], params);
  const completionRule = completionRuleOf(completion, params);
  const passedCompletion = completionRule.outcome === 'pass';
  const scored = scoreOf(metrics, completion.rate, params);
  const credit = creditRule(metrics, context.year, params);
  const fraud = fabricationRule(input, context.year);
  const supportCancelled = credit.outcome === 'fail' || fraud.outcome === 'fail';

  const flags = [
    ...(period.outcome === 'flag' ? ['逾期记录不计'] : []),
    ...(passedCompletion ? [] : ['不合格', '取消下一年支持资格']),
    ...(supportCancelled ? ['取消支持资格'] : []),
  ];
  return {
    input,
    graded: true,
    score: scored.score,
    completion: completion.rate,
    passedCompletion,
    supportCancelled,
    rules: [...gate, period, completionRule, ...scored.rules, credit, fraud],
    flags,
  };
}

/** 一、报送对象: the notice is addressed to county window platforms (cited with the S1-8 gate). */
function scopeRule(
  input: PlatformEvaluationInput,
  params: CqWindow2025Parameters,
): RuleApplication {
  const kind = input.platform.kind;
  const inScope = params.eligibleKinds.includes(kind);
  return {
    ruleId: 'S1-8',
    outcome: inScope ? 'pass' : 'fail',
    detail: inScope
      ? `A ${kind} platform is within the notice's scope (报送对象: 区县窗口平台).`
      : `The notice is for 区县窗口平台 (eligibleKinds ${params.eligibleKinds.join(', ')}); a ${kind} platform is not evaluated.`,
    figures: { kind },
  };
}

/** S1-8: the county checks truthfulness, completeness and credit, and recommends (or not). */
function recommendationRule(
  metrics: PlatformYearMetrics | null,
  params: CqWindow2025Parameters,
): RuleApplication {
  if (!params.requireDistrictRecommendation)
    return {
      ruleId: 'S1-8',
      outcome: 'info',
      detail: 'The county recommendation is not required (requireDistrictRecommendation false).',
    };
  const stages =
    params.recommendationStage === 'both'
      ? (['plan', 'evidence'] as const)
      : [params.recommendationStage];
  const reviews = stages.map((stage) => ({
    stage,
    review: metrics?.districtReviews[stage] ?? null,
  }));
  const missing = reviews.filter(({ review }) => review === null).map(({ stage }) => stage);
  const refused = reviews
    .filter(({ review }) => review?.recommended === false)
    .map(({ stage }) => stage);
  const eventIds = reviews.flatMap(({ review }) => (review === null ? [] : [review.eventId]));
  const figures = Object.fromEntries(
    reviews.map(({ stage, review }) => [`${stage}Recommended`, review?.recommended ?? null]),
  );
  const problems = [
    ...missing.map((stage) => `no county review at the ${stage} stage`),
    ...refused.map((stage) => `the county did not recommend the platform at the ${stage} stage`),
  ];
  if (problems.length > 0) {
    const reasons = problems.join('; ');
    return {
      ruleId: 'S1-8',
      outcome: 'fail',
      detail: `${reasons.charAt(0).toUpperCase()}${reasons.slice(1)}: not evaluated or funded.`,
      figures,
      eventIds,
    };
  }
  return {
    ruleId: 'S1-8',
    outcome: 'pass',
    detail: `The county recommended the platform (${stages.join(' and ')} review).`,
    figures,
    eventIds,
  };
}

/** S1-1: only records inside 2025-01-01..09-30 and appended by the evidence deadline count. */
function periodRule(metrics: PlatformYearMetrics | null): RuleApplication {
  const excluded = metrics?.excluded ?? [];
  const outsidePeriod = excluded.filter((record) => record.reason === 'outside_period').length;
  const afterDeadline = excluded.filter(
    (record) => record.reason === 'after_evidence_deadline',
  ).length;
  return {
    ruleId: 'S1-1',
    outcome: afterDeadline > 0 ? 'flag' : 'info',
    detail:
      excluded.length === 0
        ? 'Every record counted falls inside the implementation period and was recorded by the evidence deadline.'
        : `${String(excluded.length)} record(s) not counted: ${String(outsidePeriod)} outside the implementation period, ${String(afterDeadline)} recorded after the evidence deadline.`,
    figures: { excluded: excluded.length, outsidePeriod, afterDeadline },
    eventIds: excluded.map((record) => record.recordId),
  };
}

interface IndicatorRate {
  readonly indicator: string;
  /** Capped at 100%; null when the ledger cannot measure the indicator. */
  readonly rate: Ratio | null;
}

interface Completion {
  readonly rate: Ratio;
  readonly indicators: readonly IndicatorRate[];
  /** Indicators in the combination (unmeasurable ones included under 'zero'). */
  readonly counted: number;
  readonly unmeasurable: readonly string[];
}

/** S1-4 per indicator: actual ÷ target, capped at 100% (overshooting one target buys nothing elsewhere). */
/** Null when the metrics could not measure the target (an unknown indicator; D-PLAN refuses 0). */
function cappedRate(target: TargetProgress): Ratio | null {
  if (target.rate === null || target.target <= 0) return null;
  return minRatio(divide(ratioOf(target.actual), ratioOf(target.target)), ONE);
}

function completionOf(
  targets: readonly TargetProgress[],
  params: CqWindow2025Parameters,
): Completion {
  const indicators = targets.map((target) => ({
    indicator: target.indicator,
    rate: cappedRate(target),
  }));
  const counted = indicators.flatMap(({ indicator, rate }) =>
    rate !== null
      ? [{ indicator, rate }]
      : params.unmeasurableTarget === 'zero'
        ? [{ indicator, rate: ZERO }]
        : [],
  );
  return {
    rate: combineRates(counted, params),
    indicators,
    counted: counted.length,
    unmeasurable: indicators.filter(({ rate }) => rate === null).map(({ indicator }) => indicator),
  };
}

function combineRates(
  rates: readonly { readonly indicator: string; readonly rate: Ratio }[],
  params: CqWindow2025Parameters,
): Ratio {
  if (rates.length === 0) return ZERO;
  switch (params.completionAggregation) {
    case 'mean_capped':
      return divide(
        rates.reduce((sum, { rate }) => add(sum, rate), ZERO),
        ratioOf(rates.length),
      );
    case 'weighted_capped': {
      const weightOf = (indicator: string) => ratioOf(params.completionWeights[indicator] ?? 1);
      const totalWeight = rates.reduce((sum, { indicator }) => add(sum, weightOf(indicator)), ZERO);
      if (totalWeight.numerator === 0n) return ZERO;
      const weighted = rates.reduce(
        (sum, { indicator, rate }) => add(sum, multiply(weightOf(indicator), rate)),
        ZERO,
      );
      return divide(weighted, totalWeight);
    }
    case 'min_capped':
      return rates.reduce((lowest, { rate }) => minRatio(lowest, rate), ONE);
  }
}

/**
 * S1-4: below the bar ⇒ 不合格 this year and no support next year. The comparison is exact on
 * ratios (ranking/ratio.ts): 7 of 10 is exactly 70% and passes; 6,999 of 10,000 fails.
 */
function completionRuleOf(completion: Completion, params: CqWindow2025Parameters): RuleApplication {
  const rate = toNumber(completion.rate);
  const passed =
    completion.counted > 0 &&
    compareRatios(completion.rate, ratioOf(params.minCompletionRate)) >= 0;
  const figures = {
    completionRate: rate,
    bar: params.minCompletionRate,
    indicators: completion.indicators.length,
    unmeasurable: completion.unmeasurable.length,
    aggregation: params.completionAggregation,
  };
  if (completion.counted === 0)
    return {
      ruleId: 'S1-4',
      outcome: 'fail',
      detail:
        completion.indicators.length === 0
          ? 'No work-plan targets: completion is 0%, 不合格, and no support next year.'
          : `No planned indicator can be measured (${completion.unmeasurable.join(', ')}): completion is 0%, 不合格, and no support next year.`,
      figures,
    };
  const measured = `Completion ${formatPercent(rate)} (${params.completionAggregation} over ${String(completion.counted)} indicator(s), each capped at 100%)`;
  const bar = `the ${formatPercent(params.minCompletionRate)} bar`;
  const unmeasurableNote =
    completion.unmeasurable.length === 0
      ? ''
      : ` Indicators the ledger cannot measure (${completion.unmeasurable.join(', ')}) ${params.unmeasurableTarget === 'zero' ? 'count as 0%' : 'are left out'}.`;
  return {
    ruleId: 'S1-4',
    outcome: passed ? 'pass' : 'fail',
    detail: passed
      ? `${measured} reaches ${bar}.${unmeasurableNote}`
      : `${measured} is below ${bar}: 不合格 this year and no support next year.${unmeasurableNote}`,
    figures,
  };
}

/** S1-2 (with S1-3 in 'per_area'): 基础保障 + 服务质效 + 区县评价, exact until the final rounding. */
function scoreOf(
  metrics: PlatformYearMetrics | null,
  completion: Ratio,
  params: CqWindow2025Parameters,
): { readonly score: number; readonly rules: readonly RuleApplication[] } {
  const { indicators } = params;
  const materialPoints = Object.entries(indicators.basicSupportMaterials) as [
    MaterialKind,
    number,
  ][];
  const uploaded = materialPoints.filter(([kind]) => (metrics?.materials[kind] ?? 0) > 0);
  const missing = materialPoints
    .filter(([kind]) => (metrics?.materials[kind] ?? 0) === 0)
    .map(([kind]) => kind);
  const basic = uploaded.reduce((sum, [, points]) => add(sum, ratioOf(points)), ZERO);

  const areaRule =
    indicators.serviceQualityMethod === 'per_area' ? perAreaQuality(metrics, params) : null;
  const quality =
    areaRule?.points ?? multiply(ratioOf(indicators.serviceQualityPoints), completion);

  const review = metrics?.districtReviews.evidence ?? null;
  const districtScore = review === null ? 0 : Math.min(10, Math.max(0, review.score));
  const district = multiply(
    ratioOf(indicators.districtPoints),
    divide(ratioOf(districtScore), ratioOf(10)),
  );

  const rounded = (value: Ratio) => roundToDecimals(value, params.scoreDecimals);
  const score = rounded(add(add(basic, quality), district));
  const basicText = `基础保障 ${String(rounded(basic))} (uploaded: ${uploaded.map(([kind]) => kind).join(', ') || 'none'}${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''})`;
  const qualityText = `服务质效 ${String(rounded(quality))} (${indicators.serviceQualityMethod === 'completion' ? `${String(indicators.serviceQualityPoints)} × completion` : 'per S1-3 area'})`;
  const districtText = `区县评价 ${String(rounded(district))} (${review === null ? 'no evidence-stage county review' : `county score ${String(districtScore)} of 10`})`;
  const rule: RuleApplication = {
    ruleId: 'S1-2',
    outcome: 'info',
    detail: `Score ${String(score)} of 100 = ${basicText} + ${qualityText} + ${districtText}.`,
    figures: {
      score,
      basicSupport: rounded(basic),
      serviceQuality: rounded(quality),
      districtEvaluation: rounded(district),
      districtScore: review === null ? null : districtScore,
    },
    eventIds: review === null ? [] : [review.eventId],
  };
  return { score, rules: areaRule === null ? [rule] : [areaRule.rule, rule] };
}

/** S1-3 'per_area': each of the eight areas earns its share × the completion of its own targets. */
function perAreaQuality(
  metrics: PlatformYearMetrics | null,
  params: CqWindow2025Parameters,
): { readonly points: Ratio; readonly rule: RuleApplication } {
  const share = divide(
    ratioOf(params.indicators.serviceQualityPoints),
    ratioOf(S1_SERVICE_AREAS.length),
  );
  const targets = metrics?.targets ?? [];
  const byArea = S1_SERVICE_AREAS.map((area) => {
    const planned = targets.filter((target) => target.area === area);
    return {
      area,
      planned: planned.length,
      rate: planned.length === 0 ? ZERO : completionOf(planned, params).rate,
    };
  });
  const points = byArea.reduce((sum, { rate }) => add(sum, multiply(share, rate)), ZERO);
  const unplanned = byArea.filter(({ planned }) => planned === 0).map(({ area }) => area);
  return {
    points,
    rule: {
      ruleId: 'S1-3',
      outcome: 'info',
      detail: `服务质效 split over the eight service areas (${toNumber(share).toString()} points each × that area's completion)${unplanned.length > 0 ? `; no targets in ${unplanned.join(', ')}` : ''}.`,
      figures: Object.fromEntries(byArea.map(({ area, rate }) => [area, toNumber(rate)])),
    },
  };
}

/** S1-6: a 失信被执行人 listing in 申报期 / 实施期, or a 巡视审计 finding, cancels support. */
function creditRule(
  metrics: PlatformYearMetrics | null,
  year: number,
  params: CqWindow2025Parameters,
): RuleApplication {
  const listedByEnd =
    (parseInstant(`${String(year)}-${params.dishonestDebtorListedBy}`) ?? 0) + 86_400_000;
  const counts = (event: { readonly kind: string; readonly occurredAt: string }) =>
    event.kind === 'audit_finding' ||
    (event.kind === 'dishonest_debtor' && (parseInstant(event.occurredAt) ?? 0) < listedByEnd);
  const cancelling = (metrics?.creditEvents ?? []).filter(counts);
  if (cancelling.length === 0)
    return {
      ruleId: 'S1-6',
      outcome: 'pass',
      detail: `No 失信被执行人 listing (through ${params.dishonestDebtorListedBy}) or 巡视审计 finding in the year.`,
      figures: { cancellingEvents: 0 },
    };
  return {
    ruleId: 'S1-6',
    outcome: 'fail',
    detail: `Support cancelled (取消支持资格): ${cancelling.map((event) => `${event.kind} on ${event.occurredAt}`).join(', ')}.`,
    figures: { cancellingEvents: cancelling.length },
    eventIds: cancelling.map((event) => event.eventId),
  };
}

/** The rules that cancelled an assessed platform's support: S1-6, S1-7, or a disqualification's. */
function cancellingRules(assessment: Assessment): string {
  return assessment.rules
    .filter(
      (rule) =>
        rule.outcome === 'fail' &&
        (rule.ruleId === 'S1-6' ||
          rule.ruleId === 'S1-7' ||
          rule.figures?.disqualifications !== undefined),
    )
    .map((rule) => rule.ruleId)
    .join(', ');
}

/**
 * S1-7: confirmed fabrication of activities, records or ratings cancels support for that year and
 * the next. The decider records the consequence as a disqualification naming the years it covers
 * (in the stream of the year of the fraud), so this year's or last year's metrics carry it.
 */
function fabricationRule(input: PlatformEvaluationInput, year: number): RuleApplication {
  const recorded = [input.metrics, ...input.previousYears].flatMap(
    (metrics) => metrics?.disqualifications ?? [],
  );
  const covering = recorded.filter((entry) => entry.yearsAffected.includes(year));
  if (covering.length === 0)
    return {
      ruleId: 'S1-7',
      outcome: 'pass',
      detail: `No confirmed fabrication or other disqualification (取消资格) covers ${String(year)}.`,
      figures: { disqualifications: 0 },
    };
  // Cited by the rule the disqualifications applied (S1-6 by an administrator, S1-7 on a
  // confirmed fabrication); several rules together are cited as S1-7, each named in the detail.
  const applied = [...new Set(covering.map((entry) => entry.ruleId))];
  return {
    ruleId: applied.length === 1 ? (applied[0] ?? 'S1-7') : 'S1-7',
    outcome: 'fail',
    detail: `Support cancelled (取消支持资格): ${covering.map((entry) => `${entry.ruleId} — ${entry.reason}`).join('; ')}.`,
    figures: { disqualifications: covering.length },
    eventIds: covering.map((entry) => entry.eventId),
  };
}

// ---------------------------------------------------------------------------------------------
// S1-5: ranking, tiers, the 30% region quota.

/** Score first; equal scores by completion, then the earlier filing (备案), then the platform id. */
const TIE_BREAK: readonly RankKey<Assessment>[] = [
  descendingNumber('score', (a) => a.score ?? 0),
  descendingRatio('completion', (a) => a.completion),
  ascendingInstant('filedAt', (a) => a.input.platform.filedAt),
  ascendingText('platformId', (a) => a.input.platform.platformId),
];

interface FundingLine {
  readonly rank: number;
  readonly tier: FundingTier | null;
  readonly rule: RuleApplication;
  readonly flags: readonly string[];
}

function decideFunding(
  assessments: readonly Assessment[],
  params: CqWindow2025Parameters,
): Map<Assessment, FundingLine> {
  const tiers: readonly BandSpec<FundingTier>[] = [
    { name: '一档', max: params.tier1Max, minScore: params.minScoreForTier.一档 },
    { name: '二档', max: params.tier2Max, minScore: params.minScoreForTier.二档 },
  ];
  const caps = [{ bands: ['一档', '二档'] as const, max: params.maxFunded }];
  const scoreOfAssessment = (a: Assessment) => a.score ?? 0;
  const place = (items: readonly Assessment[]) =>
    assignBands(items, scoreOfAssessment, tiers, caps);

  const candidates = assessments.filter(
    (a) => a.graded && a.passedCompletion && !a.supportCancelled,
  );
  const ranked = rankBy(candidates, TIE_BREAK);
  const order = ranked.map(({ item }) => item);
  const fundable = order.filter((a) =>
    tiers.some((tier) => tier.minScore === null || scoreOfAssessment(a) >= tier.minScore),
  );
  const initial = place(order).flatMap(({ item, band }) => (band === null ? [] : [item]));
  const isQuotaRegion = (a: Assessment) => chongqingRegionOf(a.input.platform.district) !== 'other';
  const quota = applyRegionQuota({
    ranked: fundable,
    selected: initial,
    inQuotaRegion: isQuotaRegion,
    share: params.regionQuotaShare,
    rounding: params.regionQuotaRounding,
    shortfallPolicy: params.regionQuotaShortfall,
    fits: (set) => place(set).every(({ band }) => band !== null),
  });
  const tierOf = new Map(place(quota.selected).map(({ item, band }) => [item, band]));
  const addedFor = new Map(quota.substitutions.map(({ added, displaced }) => [added, displaced]));
  const displacedBy = new Map(
    quota.substitutions.map(({ added, displaced }) => [displaced, added]),
  );
  const dropped = new Set(quota.dropped);

  const quotaFigures = {
    candidates: order.length,
    funded: quota.selected.length,
    quotaRequired: quota.required,
    quotaFromRegions: quota.fromRegions,
    quotaShortfall: quota.shortfall,
  };
  const quotaSentence =
    `Region quota (渝东南 / 渝东北 ≥ ${formatPercent(params.regionQuotaShare)}, ${params.regionQuotaRounding}): ${String(quota.required)} of the ${String(quota.selected.length)} funded required, ${String(quota.fromRegions)} funded from the regions` +
    (quota.shortfall > 0
      ? `, short by ${String(quota.shortfall)} for lack of fundable candidates (${params.regionQuotaShortfall}).`
      : '.');
  const tieBreak = describeKeys(TIE_BREAK);

  const lineFor = (item: Assessment, rank: number): FundingLine => {
    const tier = tierOf.get(item) ?? null;
    const region = chongqingRegionOf(item.input.platform.district);
    const figures = { rank, score: item.score, region, ...quotaFigures };
    const head = `Ranked ${String(rank)} of ${String(order.length)} (${tieBreak}).`;
    const added = addedFor.get(item);
    const displacer = displacedBy.get(item);
    if (tier !== null) {
      const via =
        added === undefined
          ? ''
          : ` Placed by the region quota in place of ${added.input.platform.platformId}.`;
      return {
        rank,
        tier,
        flags: added === undefined ? [] : ['区域配额递补'],
        rule: {
          ruleId: 'S1-5',
          outcome: quota.shortfall > 0 ? 'flag' : 'pass',
          detail: `${head} Funded in ${tier}: ${formatYuan(params.tierAmountsFen[tier])}.${via} ${quotaSentence}`,
          figures: { ...figures, tier, amountFen: params.tierAmountsFen[tier] },
        },
      };
    }
    const why =
      displacer !== undefined
        ? `within the funded places but displaced by ${displacer.input.platform.platformId} (${chongqingRegionOf(displacer.input.platform.district)}) to meet the region quota.`
        : dropped.has(item)
          ? 'within the funded places but dropped so that the region quota holds (regionQuotaShortfall shrink_total).'
          : fundable.includes(item)
            ? `below the funded places (一档 ≤ ${String(params.tier1Max)}, 二档 ≤ ${String(params.tier2Max)}, ≤ ${String(params.maxFunded)} in all).`
            : 'below the minimum score of every tier (minScoreForTier).';
    return {
      rank,
      tier: null,
      flags: displacer === undefined ? [] : ['区域配额让位'],
      rule: {
        ruleId: 'S1-5',
        outcome: 'fail',
        detail: `${head} Not funded (合格): ${why} ${quotaSentence}`,
        figures,
      },
    };
  };
  return new Map(ranked.map(({ item, rank }) => [item, lineFor(item, rank)]));
}

// ---------------------------------------------------------------------------------------------

function toResult(
  assessment: Assessment,
  funding: FundingLine | undefined,
  params: CqWindow2025Parameters,
): PlatformResult {
  const { platform } = assessment.input;
  const tier = funding?.tier ?? null;
  const grade = !assessment.graded
    ? null
    : !assessment.passedCompletion
      ? '不合格'
      : (tier ?? '合格');
  const unranked: RuleApplication[] =
    assessment.graded && funding === undefined
      ? [
          {
            ruleId: 'S1-5',
            outcome: 'fail',
            detail: assessment.passedCompletion
              ? `Not ranked for funding: support cancelled (${cancellingRules(assessment)}).`
              : 'Not ranked for funding: 不合格 (S1-4).',
          },
        ]
      : [];
  return {
    platformId: platform.platformId,
    platformName: platform.name,
    graded: assessment.graded,
    score: assessment.score,
    rank: funding?.rank ?? null,
    grade,
    tier,
    amountFen: tier === null ? 0 : params.tierAmountsFen[tier],
    flags: [...assessment.flags, ...(funding?.flags ?? [])],
    ineligibleNextYear: assessment.graded && !assessment.passedCompletion,
    rules: [...assessment.rules, ...(funding === undefined ? unranked : [funding.rule])],
  };
}

/** The lines in table order: funded and ranked by rank, then the other graded ones by score, then the rest as enrolled. */
function evaluate(context: EvaluationContext, params: CqWindow2025Parameters): PackEvaluation {
  const assessments = context.platforms.map((input) => assess(input, context, params));
  const funding = decideFunding(assessments, params);
  const order = tableOrder(assessments, (a) => funding.get(a)?.rank ?? null, TIE_BREAK);
  return { results: order.map((a) => toResult(a, funding.get(a), params)) };
}

export const cqWindow2025Pack: PolicyPack<CqWindow2025Parameters> = definePack({
  id: PACK_ID,
  version: PACK_VERSION,
  title: '重庆市区县中小企业公共服务窗口平台工作计划绩效评价及资金支持（渝经信中小〔2025〕3号）',
  defaults: cqWindow2025Defaults,
  checks,
  evaluate,
});
