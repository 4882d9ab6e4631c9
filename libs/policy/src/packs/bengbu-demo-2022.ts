import { parseInstant } from '@ledger/domain';
import type {
  FunctionTally,
  MetricTally,
  PlatformFunction,
  PlatformYearMetrics,
} from '@ledger/projections/platform-year-metrics/metrics.view';
import type { CertificationView, PlatformView } from '@ledger/projections/platforms/platform.view';

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
import {
  add,
  ascendingInstant,
  ascendingText,
  compareRatios,
  assignBands,
  describeKeys,
  formatYuan,
  roundToDecimals,
  descendingNumber,
  divide,
  minRatio,
  multiply,
  ONE,
  rankBy,
  tableOrder,
  ratioOf,
  shareOf,
  toNumber,
  ZERO,
  type RankKey,
  type Ratio,
} from '../ranking';

/**
 * bengbu-demo-2022 — 蚌埠市经济和信息化局《蚌埠市中小企业公共服务示范平台评价管理办法(试行)》
 * (2022-08-23), seed 003, RULES.md S3-1..S3-7. Each function below is one rule id; the
 * parameters are the measures' silences, every default explained where it is declared and in
 * libs/policy/README.md.
 */

export type BengbuGrade = 'A' | 'B' | 'C' | 'D';
type PaidGrade = Exclude<BengbuGrade, 'D'>;
export type SubsidyLevel = 'national' | 'provincial';

export interface BengbuDemo2022Parameters {
  /**
   * S3-1 "在蚌埠市依法注册成立": the city's districts and counties, matched against the platform's
   * registered district. Default 蚌山区, 龙子湖区, 禹会区, 淮上区, 怀远县, 五河县, 固镇县. Matching
   * ignores a leading 安徽省 / 蚌埠市 and a final 区 / 县 (龙子湖 = 龙子湖区 = 蚌埠市龙子湖区).
   * Development zones (蚌埠高新区, 经开区) are not in the default: add them here.
   */
  readonly cityDistricts: readonly string[];
  /**
   * S3-1 / 第十条 "当年在有效期内": 'overlaps_year' (default) — a national or provincial
   * certification valid on at least one day of the evaluated year; 'whole_year' — valid every day.
   */
  readonly certificationValidity: 'overlaps_year' | 'whole_year';
  /**
   * S3-4 (第六条 入驻省网络、定期报送): read as "the platform reported the year in the ledger" and,
   * when true (default), "and submitted it".
   */
  readonly requireSubmission: boolean;
  /** S3-2: a platform meeting no 第四条 function. Default 'exclude' (not graded); 'grade_d' grades it D. */
  readonly functionGateFailure: 'exclude' | 'grade_d';
  /**
   * S3-3 metric score: 'proportional' (default) — each 第五条 area earns the mean over its bars of
   * min(1, actual ÷ bar); 'none' — an area earns 1 only when all its bars are met.
   */
  readonly metricPartialCredit: 'proportional' | 'none';
  /** S3-5 / 第十三条 "原则上为5-7人": fewer expert scores than this fall back to the metric score. Default 5. */
  readonly minExperts: number;
  /** S3-5: expert scores recorded without a program id count for this program. Default true. */
  readonly useUnassignedExpertScores: boolean;
  /** S3-5: A ≤ ⌊aShare × participants⌋ (inside the document's A + B ≤ ⌊50%⌋). Default 0.25, half the A + B cap. */
  readonly aShare: number;
  /** S3-5: lowest ranking score per band (inclusive), null = rank alone. Default A null, B null, C 60. */
  readonly minScoreForBand: Readonly<Record<PaidGrade, number | null>>;
  /**
   * S3-6: a platform holding valid national and provincial certifications. 'national_only'
   * (default) pays the national schedule; 'provincial_only' the provincial; 'higher' whichever
   * pays more for the grade. Never both: 第十四条 caps a national platform at 50万元.
   */
  readonly dualLevel: 'national_only' | 'provincial_only' | 'higher';
  /** S3-6 / 第十四条 amounts in 分 (D is 不予奖补, 0); may be lowered, not raised above the 最高 caps. */
  readonly subsidyFen: Readonly<Record<SubsidyLevel, Readonly<Record<PaidGrade, number>>>>;
  /** S3-3 / S3-5: scores are kept with this many decimals (half up). Default 2. */
  readonly scoreDecimals: number;
}

const PACK_ID = 'bengbu-demo-2022';
const PACK_VERSION = '1.0.0';
const FEN_PER_YUAN = 100;
const WAN = 10_000 * FEN_PER_YUAN;
/** 第十一条 "A等次和B等次的平台不超过参评示范平台总数的50%". */
const AB_SHARE = 0.5;
/** 第十六条 3. "被企业投诉3次以上并查实": 以上 includes the number itself. */
const UPHELD_COMPLAINTS_FOR_D = 3;

export const bengbuDemo2022Defaults: BengbuDemo2022Parameters = {
  cityDistricts: ['蚌山区', '龙子湖区', '禹会区', '淮上区', '怀远县', '五河县', '固镇县'],
  certificationValidity: 'overlaps_year',
  requireSubmission: true,
  functionGateFailure: 'exclude',
  metricPartialCredit: 'proportional',
  minExperts: 5,
  useUnassignedExpertScores: true,
  aShare: 0.25,
  minScoreForBand: { A: null, B: null, C: 60 },
  dualLevel: 'national_only',
  subsidyFen: {
    national: { A: 50 * WAN, B: 40 * WAN, C: 30 * WAN },
    provincial: { A: 20 * WAN, B: 15 * WAN, C: 10 * WAN },
  },
  scoreDecimals: 2,
};

const amountsUpTo = (capFen: number) =>
  isObjectOf({ A: isIntegerIn(0, capFen), B: isIntegerIn(0, capFen), C: isIntegerIn(0, capFen) });

const checks: ParameterChecks<BengbuDemo2022Parameters> = {
  cityDistricts: isStringList,
  certificationValidity: isOneOf('overlaps_year', 'whole_year'),
  requireSubmission: isBoolean,
  functionGateFailure: isOneOf('exclude', 'grade_d'),
  metricPartialCredit: isOneOf('proportional', 'none'),
  minExperts: isIntegerIn(1, 7),
  useUnassignedExpertScores: isBoolean,
  aShare: isNumberIn(0, AB_SHARE),
  minScoreForBand: isObjectOf({
    A: orNull(isNumberIn(0, 100)),
    B: orNull(isNumberIn(0, 100)),
    C: orNull(isNumberIn(0, 100)),
  }),
  dualLevel: isOneOf('national_only', 'provincial_only', 'higher'),
  subsidyFen: isObjectOf({ national: amountsUpTo(50 * WAN), provincial: amountsUpTo(20 * WAN) }),
  scoreDecimals: isIntegerIn(0, 6),
};

// ---------------------------------------------------------------------------------------------
// One platform: S3-1, S3-4, S3-2 (gates), S3-7 (direct D), S3-3 and S3-5 (scores).

interface Assessment {
  readonly input: PlatformEvaluationInput;
  readonly graded: boolean;
  /** Graded D before any ranking (S3-7, or S3-2 under functionGateFailure 'grade_d'). */
  readonly directD: boolean;
  readonly levels: readonly SubsidyLevel[];
  readonly metricScore: number;
  readonly rankingScore: number | null;
  readonly rules: readonly RuleApplication[];
  readonly flags: readonly string[];
}

function assess(
  input: PlatformEvaluationInput,
  context: EvaluationContext,
  params: BengbuDemo2022Parameters,
): Assessment {
  const eligibility = eligibilityRule(input.platform, context.year, params);
  const notGraded = (rules: readonly RuleApplication[]): Assessment => ({
    input,
    graded: false,
    directD: false,
    levels: [],
    metricScore: 0,
    rankingScore: null,
    rules,
    flags: [],
  });
  if (eligibility.rule.outcome === 'fail') return notGraded([eligibility.rule]);
  const reporting = reportingRule(input.metrics, params);
  if (reporting.outcome === 'fail' || input.metrics === null)
    return notGraded([eligibility.rule, reporting]);

  const metrics = input.metrics;
  const gate = functionRule(metrics.calendarYear, params);
  if (gate.outcome === 'fail' && params.functionGateFailure === 'exclude')
    return notGraded([eligibility.rule, reporting, gate]);
  const direct = directDRule(metrics);
  const metricScore = metricScoreOf(metrics.calendarYear, params);
  const ranking = rankingScoreOf(metrics, metricScore.score, context.programId, params);
  const directD = direct.outcome === 'fail' || gate.outcome === 'fail';
  return {
    input,
    graded: true,
    directD,
    levels: eligibility.levels,
    metricScore: metricScore.score,
    rankingScore: ranking.score,
    rules: [eligibility.rule, reporting, gate, direct, metricScore.rule, ranking.rule],
    flags: [
      ...(gate.outcome === 'fail' ? ['功能未达标'] : []),
      ...(direct.outcome === 'fail' ? ['直接评定D级'] : []),
      ...(ranking.source === 'metrics' ? ['无专家评分'] : []),
    ],
  };
}

/** S3-1 (第二条, 第十条): registered in the city, a valid national or provincial certification, not revoked. */
function eligibilityRule(
  platform: PlatformView,
  year: number,
  params: BengbuDemo2022Parameters,
): { readonly rule: RuleApplication; readonly levels: readonly SubsidyLevel[] } {
  const fail = (detail: string, eventIds: readonly string[] = []) => ({
    rule: {
      ruleId: 'S3-1',
      outcome: 'fail' as const,
      detail,
      figures: { district: platform.district },
      eventIds,
    },
    levels: [],
  });
  if (!params.cityDistricts.some((district) => sameCityDistrict(district, platform.district)))
    return fail(
      `Registered in ${platform.district}, not in the city (cityDistricts ${params.cityDistricts.join(', ')}).`,
    );
  if (platform.revokedAt !== null)
    return fail(
      `The demonstration status was revoked on ${platform.revokedAt}.`,
      platform.revocationEventId === null ? [] : [platform.revocationEventId],
    );
  const countable = platform.certifications.filter(
    (certification): certification is CertificationView & { readonly level: SubsidyLevel } =>
      certification.level === 'national' || certification.level === 'provincial',
  );
  const valid = countable.filter((certification) =>
    validInYear(certification, year, params.certificationValidity),
  );
  if (valid.length === 0)
    return fail(
      countable.length === 0
        ? 'Holds no national or provincial demonstration certification.'
        : `No national or provincial certification is valid in ${String(year)} (${params.certificationValidity}): ${countable
            .map((c) => `${c.level} ${c.certifiedAt}..${c.validUntil}`)
            .join(', ')}.`,
      countable.map((certification) => certification.eventId),
    );
  const levels = (['national', 'provincial'] as const).filter((level) =>
    valid.some((certification) => certification.level === level),
  );
  return {
    rule: {
      ruleId: 'S3-1',
      outcome: 'pass',
      detail: `Registered in ${platform.district}; valid ${levels.join(' and ')} certification in ${String(year)}.`,
      figures: { district: platform.district, levels: levels.join(',') },
      eventIds: valid.map((certification) => certification.eventId),
    },
    levels,
  };
}

/** 龙子湖 = 龙子湖区 = 安徽省蚌埠市龙子湖区. */
function sameCityDistrict(a: string, b: string): boolean {
  const key = (name: string) => {
    const inProvince = name.trim().replace(/^安徽省/, '');
    const inCity = inProvince.length > 3 ? inProvince.replace(/^蚌埠市/, '') : inProvince;
    return inCity.length > 1 ? inCity.replace(/[区县]$/, '') : inCity;
  };
  return key(a) === key(b);
}

function validInYear(
  certification: CertificationView,
  year: number,
  reading: BengbuDemo2022Parameters['certificationValidity'],
): boolean {
  const yearStart = parseInstant(`${String(year)}-01-01`) ?? 0;
  const yearEnd = parseInstant(`${String(year + 1)}-01-01`) ?? 0;
  const from = parseInstant(certification.certifiedAt);
  const until = parseInstant(certification.validUntil);
  if (from === null || until === null) return false;
  // A validity given as a date runs to the end of that day.
  const untilEnd = /^\d{4}-\d{2}-\d{2}$/.test(certification.validUntil)
    ? until + 86_400_000
    : until;
  return reading === 'overlaps_year'
    ? from < yearEnd && untilEnd > yearStart
    : from <= yearStart && untilEnd >= yearEnd;
}

/** S3-4 (第六条): in the provincial network and reporting regularly — here: reported, and submitted. */
function reportingRule(
  metrics: PlatformYearMetrics | null,
  params: BengbuDemo2022Parameters,
): RuleApplication {
  if (metrics === null)
    return {
      ruleId: 'S3-4',
      outcome: 'fail',
      detail:
        'Reported nothing for the year (第六条: report regularly through the provincial network): not evaluated.',
    };
  if (params.requireSubmission && metrics.submittedAt === null)
    return {
      ruleId: 'S3-4',
      outcome: 'fail',
      detail: 'The year was reported but not submitted (requireSubmission): not evaluated.',
      figures: { submitted: false },
    };
  return {
    ruleId: 'S3-4',
    outcome: 'pass',
    detail:
      metrics.submittedAt === null
        ? 'Reported the year (submission not required).'
        : `Reported and submitted the year on ${metrics.submittedAt}.`,
    figures: { submitted: metrics.submittedAt !== null },
  };
}

interface Bar<Source> {
  readonly figure: string;
  readonly min: number;
  readonly value: (source: Source) => number;
}

/** S3-2 / 第四条: at least one function; every bar of that function (以上 includes the bar). */
const FUNCTION_BARS: Readonly<Record<PlatformFunction, readonly Bar<FunctionTally>[]>> = {
  information: [
    { figure: 'enterprisesServedOffline', min: 100, value: (t) => t.enterprisesServedOffline },
    { figure: 'activities', min: 6, value: (t) => t.activities },
  ],
  technology: [{ figure: 'activities', min: 5, value: (t) => t.activities }],
  startup: [
    { figure: 'activities', min: 5, value: (t) => t.activities },
    { figure: 'personTimes', min: 150, value: (t) => t.personTimes },
  ],
  training: [
    { figure: 'trainingSessions', min: 10, value: (t) => t.trainingSessions },
    { figure: 'trainees', min: 1_000, value: (t) => t.trainees },
  ],
  financing: [
    { figure: 'activities', min: 3, value: (t) => t.activities },
    { figure: 'financingFen', min: 400_000_000 * FEN_PER_YUAN, value: (t) => t.financingFen },
  ],
};

function functionRule(tally: MetricTally, params: BengbuDemo2022Parameters): RuleApplication {
  const functions = Object.entries(FUNCTION_BARS) as [
    PlatformFunction,
    readonly Bar<FunctionTally>[],
  ][];
  const met = functions.filter(([fn, bars]) =>
    bars.every((bar) => bar.value(tally.byFunction[fn]) >= bar.min),
  );
  const figures = Object.fromEntries(
    functions.flatMap(([fn, bars]) =>
      bars.map((bar) => [`${fn}.${bar.figure}`, bar.value(tally.byFunction[fn])]),
    ),
  );
  const notHeld =
    ' The qualitative conditions (information system, expert and project pools, start-up project pool, training evaluation) are not data the ledger holds and are not checked.';
  if (met.length > 0)
    return {
      ruleId: 'S3-2',
      outcome: 'pass',
      detail: `Meets the ${met.map(([fn]) => fn).join(', ')} function(s) of 第四条.${notHeld}`,
      figures,
    };
  const shortfalls = functions
    .map(([fn, bars]) => {
      const missed = bars.filter((bar) => bar.value(tally.byFunction[fn]) < bar.min);
      return `${fn} (${missed.map((bar) => `${bar.figure} ${String(bar.value(tally.byFunction[fn]))} < ${String(bar.min)}`).join(', ')})`;
    })
    .join('; ');
  return {
    ruleId: 'S3-2',
    outcome: 'fail',
    detail: `Meets no function of 第四条: ${shortfalls}. ${params.functionGateFailure === 'exclude' ? 'Not evaluated.' : 'Graded D.'}${notHeld}`,
    figures,
  };
}

/** S3-7 / 第十六条: any one of these makes the grade D directly. */
function directDRule(metrics: PlatformYearMetrics): RuleApplication {
  const conductText = {
    no_show: '2. did not take part in the evaluation',
    provincial_unqualified: '2. 不合格 in the provincial evaluation',
    false_evidence: '2. false evidence in the evaluation',
  } as const;
  // The view gives upheld complaints as a count only, so that trigger cites no event id.
  const triggers: readonly { readonly text: string; readonly eventId: string | null }[] = [
    ...metrics.penalties.map((penalty) => ({
      text: `1. ${penalty.kind} penalty`,
      eventId: penalty.eventId,
    })),
    ...metrics.evaluationConduct.map((conduct) => ({
      text: conductText[conduct.conduct],
      eventId: conduct.eventId,
    })),
    // A confirmed fraud signal is false evidence (提供虚假材料); F-10 is about compliance, whose
    // own facts (penalties, upheld complaints) are the triggers above.
    ...metrics.fraudConfirmed
      .filter((confirmed) => confirmed.ruleId !== 'F-10')
      .map((confirmed) => ({
        text: `2. false evidence: fraud signal ${confirmed.signalId} (${confirmed.ruleId}) confirmed`,
        eventId: confirmed.eventId,
      })),
    ...(metrics.complaintsUpheld >= UPHELD_COMPLAINTS_FOR_D
      ? [
          {
            text: `3. ${String(metrics.complaintsUpheld)} upheld complaints (≥ ${String(UPHELD_COMPLAINTS_FOR_D)})`,
            eventId: null,
          },
        ]
      : []),
  ];
  const figures = {
    penalties: metrics.penalties.length,
    evaluationConduct: metrics.evaluationConduct.length,
    fraudConfirmed: metrics.fraudConfirmed.length,
    complaintsUpheld: metrics.complaintsUpheld,
  };
  if (triggers.length === 0)
    return {
      ruleId: 'S3-7',
      outcome: 'pass',
      detail: `No penalty, no evaluation misconduct, ${String(metrics.complaintsUpheld)} upheld complaint(s) (< ${String(UPHELD_COMPLAINTS_FOR_D)}).`,
      figures,
    };
  return {
    ruleId: 'S3-7',
    outcome: 'fail',
    detail: `Graded D directly (第十六条): ${triggers.map((trigger) => trigger.text).join('; ')}.`,
    figures,
    eventIds: triggers.flatMap((trigger) => (trigger.eventId === null ? [] : [trigger.eventId])),
  };
}

/** S3-3 / 第五条: the eight areas' bars; talent is met by training OR by recruitment. */
const SERVICE_AREA_BARS: readonly {
  readonly area: string;
  readonly alternatives: readonly (readonly Bar<MetricTally>[])[];
}[] = [
  {
    area: 'consulting',
    alternatives: [
      [
        { figure: 'activities', min: 6, value: (t) => t.byArea.consulting.activities },
        {
          figure: 'enterprisesServed',
          min: 200,
          value: (t) => t.byArea.consulting.enterprisesServed,
        },
      ],
    ],
  },
  {
    area: 'supply_demand',
    alternatives: [
      [
        { figure: 'activities', min: 6, value: (t) => t.byArea.supply_demand.activities },
        {
          figure: 'enterprisesServed',
          min: 100,
          value: (t) => t.byArea.supply_demand.enterprisesServed,
        },
        { figure: 'matchmakingDeals', min: 6, value: (t) => t.matchmakingDeals },
      ],
    ],
  },
  {
    area: 'financing',
    alternatives: [
      [
        { figure: 'activities', min: 3, value: (t) => t.byArea.financing.activities },
        { figure: 'financingFen', min: 50_000_000 * FEN_PER_YUAN, value: (t) => t.financingFen },
      ],
    ],
  },
  {
    area: 'industry_academia',
    alternatives: [
      [{ figure: 'activities', min: 5, value: (t) => t.byArea.industry_academia.activities }],
    ],
  },
  {
    area: 'digital',
    alternatives: [
      [
        { figure: 'activities', min: 6, value: (t) => t.byArea.digital.activities },
        { figure: 'enterprisesServed', min: 100, value: (t) => t.byArea.digital.enterprisesServed },
      ],
    ],
  },
  {
    area: 'green',
    alternatives: [
      [
        { figure: 'activities', min: 6, value: (t) => t.byArea.green.activities },
        { figure: 'enterprisesServed', min: 100, value: (t) => t.byArea.green.enterprisesServed },
      ],
    ],
  },
  {
    area: 'talent',
    alternatives: [
      [
        { figure: 'trainingSessions', min: 10, value: (t) => t.trainingSessions },
        { figure: 'trainees', min: 800, value: (t) => t.trainees },
      ],
      [
        { figure: 'recruitments', min: 10, value: (t) => t.recruitments },
        { figure: 'hires', min: 200, value: (t) => t.hires },
      ],
    ],
  },
  {
    area: 'technical',
    alternatives: [[{ figure: 'techDemandsSolved', min: 10, value: (t) => t.techDemandsSolved }]],
  },
];

function metricScoreOf(
  tally: MetricTally,
  params: BengbuDemo2022Parameters,
): { readonly score: number; readonly rule: RuleApplication } {
  const barCredit = (bar: Bar<MetricTally>): Ratio =>
    params.metricPartialCredit === 'none'
      ? bar.value(tally) >= bar.min
        ? ONE
        : ZERO
      : minRatio(divide(ratioOf(bar.value(tally)), ratioOf(bar.min)), ONE);
  const alternativeCredit = (bars: readonly Bar<MetricTally>[]): Ratio => {
    const credits = bars.map(barCredit);
    // 'none' needs every bar; 'proportional' averages the bars.
    return params.metricPartialCredit === 'none'
      ? credits.reduce(minRatio, ONE)
      : divide(credits.reduce(add, ZERO), ratioOf(credits.length));
  };
  const areas = SERVICE_AREA_BARS.map(({ area, alternatives }) => ({
    area,
    credit: alternatives
      .map(alternativeCredit)
      .reduce((best, credit) => (compareRatios(credit, best) > 0 ? credit : best), ZERO),
  }));
  const total = areas.reduce((sum, { credit }) => add(sum, credit), ZERO);
  const score = roundToDecimals(
    multiply(divide(total, ratioOf(areas.length)), ratioOf(100)),
    params.scoreDecimals,
  );
  const met = areas
    .filter(({ credit }) => credit.numerator === credit.denominator)
    .map(({ area }) => area);
  return {
    score,
    rule: {
      ruleId: 'S3-3',
      outcome: 'info',
      detail: `Metric score ${String(score)} = 100 × the mean credit over the eight 第五条 areas (${params.metricPartialCredit}); bars fully met: ${met.length > 0 ? met.join(', ') : 'none'}.`,
      figures: {
        metricScore: score,
        ...Object.fromEntries(areas.map(({ area, credit }) => [area, toNumber(credit)])),
      },
    },
  };
}

/** S3-5: the mean of the program's expert panel; without a full panel, the S3-3 metric score. */
function rankingScoreOf(
  metrics: PlatformYearMetrics,
  metricScore: number,
  programId: string,
  params: BengbuDemo2022Parameters,
): {
  readonly score: number;
  readonly source: 'experts' | 'metrics';
  readonly rule: RuleApplication;
} {
  const panel =
    metrics.expertScores[programId] ??
    (params.useUnassignedExpertScores ? metrics.expertScores[''] : undefined) ??
    [];
  if (panel.length >= params.minExperts) {
    const mean = divide(
      panel.reduce((sum, score) => add(sum, ratioOf(score)), ZERO),
      ratioOf(panel.length),
    );
    const score = roundToDecimals(mean, params.scoreDecimals);
    return {
      score,
      source: 'experts',
      rule: {
        ruleId: 'S3-5',
        outcome: 'info',
        detail: `Ranking score ${String(score)}: the mean of ${String(panel.length)} expert scores.`,
        figures: { rankingScore: score, experts: panel.length, source: 'experts' },
      },
    };
  }
  return {
    score: metricScore,
    source: 'metrics',
    rule: {
      ruleId: 'S3-5',
      outcome: 'flag',
      detail: `${String(panel.length)} expert score(s), fewer than ${String(params.minExperts)} (第十三条 5-7 experts): ranked by the S3-3 metric score ${String(metricScore)}.`,
      figures: { rankingScore: metricScore, experts: panel.length, source: 'metrics' },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// S3-5 bands across the participants, S3-6 subsidy.

/** Ranking score first; then the metric score, the earlier filing (备案) and the platform id. */
const TIE_BREAK: readonly RankKey<Assessment>[] = [
  descendingNumber('rankingScore', (a) => a.rankingScore ?? 0),
  descendingNumber('metricScore', (a) => a.metricScore),
  ascendingInstant('filedAt', (a) => a.input.platform.filedAt),
  ascendingText('platformId', (a) => a.input.platform.platformId),
];

interface Banding {
  readonly rank: number | null;
  readonly grade: BengbuGrade;
  readonly rule: RuleApplication;
}

function decideBands(
  assessments: readonly Assessment[],
  params: BengbuDemo2022Parameters,
): Map<Assessment, Banding> {
  const participants = assessments.filter((a) => a.graded);
  const abCap = shareOf(AB_SHARE, participants.length, 'floor');
  const aCap = Math.min(abCap, shareOf(params.aShare, participants.length, 'floor'));
  const ranked = rankBy(
    participants.filter((a) => !a.directD),
    TIE_BREAK,
  );
  const placements = assignBands(
    ranked.map(({ item }) => item),
    (a) => a.rankingScore ?? 0,
    [
      { name: 'A', max: aCap, minScore: params.minScoreForBand.A },
      { name: 'B', max: null, minScore: params.minScoreForBand.B },
      { name: 'C', max: null, minScore: params.minScoreForBand.C },
    ],
    [{ bands: ['A', 'B'], max: abCap }],
  );
  const bandOf = new Map(placements.map(({ item, band }) => [item, band]));
  const figures = { participants: participants.length, abCap, aCap };
  const caps = `${String(participants.length)} participants: A + B ≤ ${String(abCap)} (⌊50%⌋), A ≤ ${String(aCap)} (aShare ${String(params.aShare)})`;
  const tieBreak = describeKeys(TIE_BREAK);

  const bandings = new Map<Assessment, Banding>();
  for (const { item, rank } of ranked) {
    const band = bandOf.get(item) ?? null;
    bandings.set(item, {
      rank,
      grade: band ?? 'D',
      rule: {
        ruleId: 'S3-5',
        outcome: band === null ? 'fail' : 'pass',
        detail:
          `Ranked ${String(rank)} of ${String(ranked.length)} (${tieBreak}); ${caps}. ` +
          (band === null
            ? `Grade D: ranking score ${String(item.rankingScore)} is below the C bar ${String(params.minScoreForBand.C)}.`
            : `Grade ${band}.`),
        figures: { ...figures, rank, grade: band ?? 'D' },
      },
    });
  }
  for (const item of participants.filter((a) => a.directD))
    bandings.set(item, {
      rank: null,
      grade: 'D',
      rule: {
        ruleId: 'S3-5',
        outcome: 'fail',
        detail: `Grade D without ranking (${item.flags.includes('直接评定D级') ? 'S3-7' : 'S3-2'}); counted among the ${caps}.`,
        figures: { ...figures, rank: null, grade: 'D' },
      },
    });
  return bandings;
}

/** S3-6 / 第十四条: the amount by level and grade; D 不予奖补. */
function subsidyRule(
  levels: readonly SubsidyLevel[],
  grade: BengbuGrade,
  params: BengbuDemo2022Parameters,
): { readonly level: SubsidyLevel; readonly amountFen: number; readonly rule: RuleApplication } {
  const amountFor = (level: SubsidyLevel) => (grade === 'D' ? 0 : params.subsidyFen[level][grade]);
  const both = levels.includes('national') && levels.includes('provincial');
  const level: SubsidyLevel = !both
    ? (levels[0] ?? 'provincial')
    : params.dualLevel === 'national_only'
      ? 'national'
      : params.dualLevel === 'provincial_only'
        ? 'provincial'
        : amountFor('provincial') > amountFor('national')
          ? 'provincial'
          : 'national';
  const amountFen = amountFor(level);
  const label = level === 'national' ? '国家级' : '省级';
  return {
    level,
    amountFen,
    rule: {
      ruleId: 'S3-6',
      outcome: grade === 'D' ? 'fail' : 'pass',
      detail:
        (grade === 'D'
          ? `Grade D: 不予奖补 (${label} schedule).`
          : `${label} grade ${grade}: ${formatYuan(amountFen)}.`) +
        (both
          ? ` Holds national and provincial certifications: ${params.dualLevel} pays the ${label} schedule.`
          : ''),
      figures: { level, grade, amountFen, dualLevel: both ? params.dualLevel : null },
    },
  };
}

// ---------------------------------------------------------------------------------------------

function toResult(
  assessment: Assessment,
  banding: Banding | undefined,
  params: BengbuDemo2022Parameters,
): PlatformResult {
  const { platform } = assessment.input;
  if (banding === undefined) return notGradedResult(platform, assessment.rules, assessment.flags);
  const subsidy = subsidyRule(assessment.levels, banding.grade, params);
  return {
    platformId: platform.platformId,
    platformName: platform.name,
    ineligibleNextYear: false,
    flags: assessment.flags,
    graded: true,
    score: assessment.rankingScore,
    rank: banding.rank,
    grade: banding.grade,
    tier: subsidy.level === 'national' ? '国家级' : '省级',
    amountFen: subsidy.amountFen,
    rules: [...assessment.rules, banding.rule, subsidy.rule],
  };
}

/** The lines in table order: ranked by rank, then direct D (no rank), then those not graded as enrolled. */
function evaluate(context: EvaluationContext, params: BengbuDemo2022Parameters): PackEvaluation {
  const assessments = context.platforms.map((input) => assess(input, context, params));
  const bandings = decideBands(assessments, params);
  const order = tableOrder(assessments, (a) => bandings.get(a)?.rank ?? null, TIE_BREAK);
  return { results: order.map((a) => toResult(a, bandings.get(a), params)) };
}

export const bengbuDemo2022Pack: PolicyPack<BengbuDemo2022Parameters> = definePack({
  id: PACK_ID,
  version: PACK_VERSION,
  title: '蚌埠市中小企业公共服务示范平台评价管理办法（试行）（2022）',
  defaults: bengbuDemo2022Defaults,
  checks,
  evaluate,
});
