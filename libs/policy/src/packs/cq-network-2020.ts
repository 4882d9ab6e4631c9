import {
  assertNever,
  MATERIAL_KIND_LABELS,
  type MaterialKind,
  type PlatformKind,
} from '@ledger/domain';
import { instantOf, isByYearEnd } from '@ledger/projections/network-statistics/calendar';
import {
  isInNetworkAtYearEnd,
  isUnderConstructionAtYearEnd,
  residentEnterprisesOf,
  serviceItemsOf,
  type StockBasis,
} from '@ledger/projections/network-statistics/network-member';
import { networkTotals } from '@ledger/projections/network-statistics/network-totals';
import {
  competitionRanking,
  relativeScores,
} from '@ledger/projections/network-statistics/relative-score';
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
  isMonthDay,
  isNumberIn,
  isObjectOf,
  isOneOf,
  isStringList,
  type ParameterChecks,
} from '../parameters';

/**
 * cq-network-2020 — 重庆市中小企业发展服务中心《关于中小企业公共服务平台网络2020年服务评价的通报》
 * (渝中小中心发〔2021〕3号, seed 000), RULES.md S0-1..S0-8: window platforms (区县窗口, 产业窗口) and
 * demonstration platforms graded 优秀 / 合格 / 不合格 from the year's system data, with the
 * bulletin's exclusions, tags and irregularity flags, and the network totals it opens with.
 *
 * The bulletin gives outcomes, not a method. What it leaves unsaid is a parameter below, each
 * with its default and the reason for it (also in libs/policy/README.md).
 */

/** The six per-platform figures the bulletin totals (S0-8), scored for 优秀 (S0-1). */
export type ExcellenceIndicator =
  | 'effectiveInstitutions'
  | 'keyInstitutions'
  | 'residentEnterprises'
  | 'serviceItems'
  | 'services'
  | 'activities';

export type Role = 'window' | 'demonstration';

export interface CqNetworkParameters {
  /**
   * S0-2: a window platform filed (备案) on or after this month-day of the evaluated year is not
   * graded. Default `10-01`: the bulletin excludes the four filed 2020-11-27 as "建设时间较短" but
   * states no date; from 1 October a platform has less than one quarter of the year left to
   * operate, and Chongqing's own window-platform year (S1-1) closes its implementation period on
   * 09-30, so a later filing cannot show a period's work.
   */
  readonly gradingFilingCutoff: string;
  /** S0-6: any irregularity flag makes the grade 不合格. Default true (RULES.md S0-6). */
  readonly irregularityFails: boolean;
  /**
   * S0-6 入驻企业 / S0-8 服务项目 are stocks "截止年底", recorded as yearly joins and publications.
   * Default `cumulative`: the evaluated year plus every earlier year the evaluation is given;
   * `year` counts the evaluated year only.
   */
  readonly stockBasis: StockBasis;
  /**
   * S0-7 "多次不参加…会议…不能完成日常安排的工作": missed meetings and missed tasks together at or
   * above this count flag 联系不通畅. Default 2 ("多次" = more than once).
   */
  readonly poorContactMinMisses: number;
  /** S0-7: whether 联系不通畅 makes the grade 不合格. Default false (RULES.md: a flag only). */
  readonly poorContactFails: boolean;
  /**
   * S0-1: how 优秀 is told from 合格 is not stated. 优秀 goes to the top share, by score, of the
   * graded platforms of each role that are not 不合格. Defaults window 0.36, demonstration 0.27:
   * the bulletin's 12 优秀 of 33 listed windows (0.364) and 12 of 44 listed demonstration platforms
   * (0.273); with `round`, 0.36 × 33 = 11.88 → 12 and 0.27 × 44 = 11.88 → 12.
   */
  readonly excellentShare: { readonly window: number; readonly demonstration: number };
  /** S0-1: how share × platforms becomes a count. Default `round` (half up). */
  readonly excellentRounding: 'round' | 'floor' | 'ceil';
  /**
   * S0-1: weights of the excellence score. Each figure is scaled by the best value among the
   * role's graded platforms (relative-score.ts) and the weighted mean is out of 100. Default 1
   * each: the bulletin reports these six figures and praises platforms by them without ranking
   * one above another. Effective institutions (those that delivered a service) are scored, not
   * the declared roster, so a paper institution (F-9) earns nothing.
   */
  readonly excellenceWeights: Readonly<Record<ExcellenceIndicator, number>>;
  /**
   * S0-3: whether a platform in its 建设期 may be 优秀. Default true: the document sets no cap;
   * its two graded construction-period platforms being 合格 fits either reading. When false, the
   * 优秀 place such a platform would have taken passes to the next platform by score.
   */
  readonly constructionPeriodMayExcel: boolean;
  /**
   * S0-8 "无区县窗口平台": the county-level units expected to run a district window platform.
   * Default: Chongqing's 38 districts and counties plus 两江新区, 高新区 and 万盛经开区 — the
   * bulletin's 38 window platforms and three units without one make 41.
   */
  readonly districts: readonly string[];
  /**
   * S0-8: a demonstration platform that is also a window platform (S0-4) reports its operator's
   * institutions on both streams; true adds them once, under the window platform. Default true.
   */
  readonly dualRoleProfileCountedOnce: boolean;
}

export const CHONGQING_COUNTY_UNITS: readonly string[] = [
  '万州区',
  '黔江区',
  '涪陵区',
  '渝中区',
  '大渡口区',
  '江北区',
  '沙坪坝区',
  '九龙坡区',
  '南岸区',
  '北碚区',
  '綦江区',
  '大足区',
  '渝北区',
  '巴南区',
  '长寿区',
  '江津区',
  '合川区',
  '永川区',
  '南川区',
  '璧山区',
  '铜梁区',
  '潼南区',
  '荣昌区',
  '开州区',
  '梁平区',
  '武隆区',
  '城口县',
  '丰都县',
  '垫江县',
  '忠县',
  '云阳县',
  '奉节县',
  '巫山县',
  '巫溪县',
  '石柱县',
  '秀山县',
  '酉阳县',
  '彭水县',
  '两江新区',
  '高新区',
  '万盛经开区',
];

export const CQ_NETWORK_DEFAULTS: CqNetworkParameters = {
  gradingFilingCutoff: '10-01',
  irregularityFails: true,
  stockBasis: 'cumulative',
  poorContactMinMisses: 2,
  poorContactFails: false,
  excellentShare: { window: 0.36, demonstration: 0.27 },
  excellentRounding: 'round',
  excellenceWeights: {
    effectiveInstitutions: 1,
    keyInstitutions: 1,
    residentEnterprises: 1,
    serviceItems: 1,
    services: 1,
    activities: 1,
  },
  constructionPeriodMayExcel: true,
  districts: CHONGQING_COUNTY_UNITS,
  dualRoleProfileCountedOnce: true,
};

const weight = isNumberIn(0, 1000);
const CHECKS: ParameterChecks<CqNetworkParameters> = {
  gradingFilingCutoff: isMonthDay,
  irregularityFails: isBoolean,
  stockBasis: isOneOf('cumulative', 'year'),
  poorContactMinMisses: isIntegerIn(1, 1000),
  poorContactFails: isBoolean,
  excellentShare: isObjectOf({ window: isNumberIn(0, 1), demonstration: isNumberIn(0, 1) }),
  excellentRounding: isOneOf('round', 'floor', 'ceil'),
  excellenceWeights: isObjectOf({
    effectiveInstitutions: weight,
    keyInstitutions: weight,
    residentEnterprises: weight,
    serviceItems: weight,
    services: weight,
    activities: weight,
  }),
  constructionPeriodMayExcel: isBoolean,
  districts: isStringList,
  dualRoleProfileCountedOnce: isBoolean,
};

// S0-6: the bulletin's own bars ("不足 5 家", "不足 100 家", "不足 5 次") and required uploads.
const MIN_EFFECTIVE_INSTITUTIONS = 5;
const MIN_RESIDENT_ENTERPRISES = 100;
const MIN_ACTIVITIES = 5;
const REQUIRED_UPLOADS: readonly MaterialKind[] = [
  'site_area',
  'signage',
  'staff_count',
  'work_summary',
];

const CONSTRUCTION_TAG = '建设期';
const NOT_GRADED_TAG = '不纳入评价';
const POOR_CONTACT_TAG = '联系不通畅';

export const cqNetwork2020Pack: PolicyPack<CqNetworkParameters> = definePack({
  id: 'cq-network-2020',
  version: '1.0.0',
  title: '重庆市中小企业公共服务平台网络服务评价（渝中小中心发〔2021〕3号）',
  defaults: CQ_NETWORK_DEFAULTS,
  checks: CHECKS,
  evaluate,
});

/** One platform after S0-1..S0-4 and S0-6..S0-7, before the group-wide 优秀 selection. */
interface Assessment {
  readonly input: PlatformEvaluationInput;
  readonly role: Role;
  readonly graded: boolean;
  readonly constructionPeriod: boolean;
  /** Irregularities (S0-6) and poor contact (S0-7) that make the grade 不合格 (by parameter). */
  readonly failingReasons: readonly string[];
  readonly indicators: Readonly<Record<ExcellenceIndicator, number>>;
  readonly flags: string[];
  readonly rules: RuleApplication[];
}

function evaluate(context: EvaluationContext, parameters: CqNetworkParameters): PackEvaluation {
  const assessments = context.platforms.map((input) => assess(input, context, parameters));
  const results: PlatformResult[] = [];
  const grading: Record<string, unknown> = {};
  for (const role of ['window', 'demonstration'] as const) {
    const group = assessments.filter((assessment) => assessment.role === role);
    const { graded, summary } = gradeGroup(group, role, parameters);
    results.push(
      ...graded,
      ...group
        .filter((a) => !a.graded)
        .map((a) => notGradedResult(a.input.platform, a.rules, a.flags)),
    );
    grading[role] = summary;
  }
  return {
    results,
    network: {
      totals: networkTotals(context.platforms, context.year, {
        districts: parameters.districts,
        stockBasis: parameters.stockBasis,
        dualRoleProfileCountedOnce: parameters.dualRoleProfileCountedOnce,
      }),
      grading,
    },
  };
}

function roleOf(kind: PlatformKind): Role {
  switch (kind) {
    case 'district_window':
    case 'industry_window':
      return 'window';
    case 'demonstration':
      return 'demonstration';
    default:
      return assertNever(kind);
  }
}

function assess(
  input: PlatformEvaluationInput,
  context: EvaluationContext,
  parameters: CqNetworkParameters,
): Assessment {
  const { platform } = input;
  const year = context.year;
  const role = roleOf(platform.kind);
  const indicators = excellenceIndicators(input, year, parameters.stockBasis);
  const rules: RuleApplication[] = [];
  const flags: string[] = [];
  const excluded = (): Assessment => ({
    input,
    role,
    graded: false,
    constructionPeriod: false,
    failingReasons: [],
    indicators,
    flags,
    rules,
  });

  // S0-1: the network graded is the one standing at year end ("截止 2020 年底…现有").
  if (!isInNetworkAtYearEnd(platform, year)) {
    const filedAfterYear = !isByYearEnd(platform.filedAt, year);
    rules.push({
      ruleId: 'S0-1',
      outcome: 'info',
      detail: filedAfterYear
        ? `Filed ${platform.filedAt}, after the end of ${String(year)}: not in the network graded for the year.`
        : `Revoked ${String(platform.revokedAt)}, before the end of ${String(year)}: not in the network graded for the year.`,
      figures: { filedAt: platform.filedAt, revokedAt: platform.revokedAt },
      eventIds: [
        filedAfterYear
          ? platform.filedEventId
          : (platform.revocationEventId ?? platform.filedEventId),
      ],
    });
    return excluded();
  }

  if (role === 'window') {
    // S0-2: filed too late in the year to be graded (the 2020 case: filed 2020-11-27).
    const cutoff = `${String(year)}-${parameters.gradingFilingCutoff}`;
    const late = instantOf(platform.filedAt) >= instantOf(cutoff);
    rules.push({
      ruleId: 'S0-2',
      outcome: late ? 'info' : 'pass',
      detail: late
        ? `Window platform filed ${platform.filedAt}, on or after the grading cut-off ${cutoff}: not graded this year (不纳入评价).`
        : `Window platform filed ${platform.filedAt}, before the grading cut-off ${cutoff}: graded.`,
      figures: { filedAt: platform.filedAt, gradingFilingCutoff: cutoff },
      eventIds: [platform.filedEventId],
    });
    if (late) {
      flags.push(NOT_GRADED_TAG);
      return excluded();
    }
    const alsoDemonstration = context.platforms
      .filter((other) => other.platform.windowPlatformId === platform.platformId)
      .map((other) => other.platform.platformId);
    if (alsoDemonstration.length > 0)
      rules.push({
        ruleId: 'S0-4',
        outcome: 'info',
        detail: `Also a demonstration platform (${alsoDemonstration.join(', ')}): graded once, here, as a window platform.`,
        figures: { demonstrationPlatformIds: alsoDemonstration.join(', ') },
      });
  } else if (platform.windowPlatformId !== null) {
    // S0-4: "同时是窗口平台，不再作为示范平台重复评价".
    rules.push({
      ruleId: 'S0-4',
      outcome: 'info',
      detail: `Demonstration platform that also runs window platform ${platform.windowPlatformId}: graded once, as that window platform; no separate demonstration grade.`,
      figures: { windowPlatformId: platform.windowPlatformId },
    });
    return excluded();
  }

  rules.push({
    ruleId: 'S0-1',
    outcome: 'info',
    detail: `Graded as a ${role === 'window' ? 'window' : 'demonstration'} platform from the ${String(year)} system data${input.metrics === null ? ' (it reported nothing: every count is 0)' : ''}.`,
    figures: { ...indicators },
  });

  // S0-3: in 建设期 at year end yet filed before the cut-off: graded and tagged.
  const constructionPeriod = isUnderConstructionAtYearEnd(platform, year);
  if (constructionPeriod) {
    flags.push(CONSTRUCTION_TAG);
    rules.push({
      ruleId: 'S0-3',
      outcome: 'flag',
      detail: `In its construction period (建设期) at the end of ${String(year)}: graded and tagged 建设期.`,
      figures: {
        underConstruction: platform.underConstruction,
        constructionCompletedAt: platform.constructionCompletedAt,
      },
      eventIds: [platform.filedEventId],
    });
  }

  const irregularities = operatingIrregularities(input, indicators, rules);
  flags.push(...irregularities);
  const poorContact = contactCheck(input, parameters, rules);
  if (poorContact) flags.push(POOR_CONTACT_TAG);

  const failingReasons = [
    ...(parameters.irregularityFails ? irregularities : []),
    ...(parameters.poorContactFails && poorContact ? [POOR_CONTACT_TAG] : []),
  ];
  return {
    input,
    role,
    graded: true,
    constructionPeriod,
    failingReasons,
    indicators,
    flags,
    rules,
  };
}

function excellenceIndicators(
  input: PlatformEvaluationInput,
  year: number,
  stockBasis: StockBasis,
): Record<ExcellenceIndicator, number> {
  const tally = input.metrics?.calendarYear;
  return {
    effectiveInstitutions: tally?.institutionsDelivering ?? 0,
    keyInstitutions: input.platform.profile?.keyInstitutions ?? 0,
    residentEnterprises: residentEnterprisesOf(input, year, stockBasis),
    serviceItems: serviceItemsOf(input, year, stockBasis),
    services: tally?.services ?? 0,
    activities: tally?.activities ?? 0,
  };
}

/** S0-6: each irregularity the bulletin names is a rule application; returns the flags raised. */
function operatingIrregularities(
  input: PlatformEvaluationInput,
  indicators: Readonly<Record<ExcellenceIndicator, number>>,
  rules: RuleApplication[],
): string[] {
  const flags: string[] = [];
  const bar = (flag: string, what: string, value: number, minimum: number): void => {
    const irregular = value < minimum;
    if (irregular) flags.push(flag);
    rules.push({
      ruleId: 'S0-6',
      outcome: irregular ? 'flag' : 'pass',
      detail: `${what}: ${String(value)} ${irregular ? '<' : '≥'} ${String(minimum)}${irregular ? ` (${flag})` : ''}.`,
      figures: { [what]: value, minimum },
    });
  };
  bar(
    '聚集有效服务机构不足5家',
    'effective service institutions (delivered a service in the year)',
    indicators.effectiveInstitutions,
    MIN_EFFECTIVE_INSTITUTIONS,
  );
  bar(
    '入驻企业不足100家',
    'resident enterprises',
    indicators.residentEnterprises,
    MIN_RESIDENT_ENTERPRISES,
  );
  bar('全年开展的活动不足5次', 'activities in the year', indicators.activities, MIN_ACTIVITIES);
  for (const kind of REQUIRED_UPLOADS) {
    const uploads = input.metrics?.materials[kind] ?? 0;
    const label = MATERIAL_KIND_LABELS[kind];
    const flag = `未上传${label}`;
    if (uploads === 0) flags.push(flag);
    rules.push({
      ruleId: 'S0-6',
      outcome: uploads === 0 ? 'flag' : 'pass',
      detail:
        uploads === 0
          ? `No ${label} (${kind}) upload in the year (${flag}).`
          : `${label} (${kind}) uploaded (${String(uploads)}).`,
      figures: { material: kind, uploads },
    });
  }
  return flags;
}

/** S0-7: 联系不通畅 from missed meetings and missed tasks. */
function contactCheck(
  input: PlatformEvaluationInput,
  parameters: CqNetworkParameters,
  rules: RuleApplication[],
): boolean {
  const meetingsMissed = input.metrics?.meetingsMissed ?? 0;
  const tasksMissed = input.metrics?.tasksMissed ?? 0;
  const misses = meetingsMissed + tasksMissed;
  const poorContact = misses >= parameters.poorContactMinMisses;
  rules.push({
    ruleId: 'S0-7',
    outcome: poorContact ? 'flag' : 'pass',
    detail: poorContact
      ? `Missed ${String(meetingsMissed)} meetings and ${String(tasksMissed)} tasks (${String(misses)} ≥ ${String(parameters.poorContactMinMisses)}): 联系不通畅${parameters.poorContactFails ? ', which makes the grade 不合格' : ''}.`
      : `Missed ${String(meetingsMissed)} meetings and ${String(tasksMissed)} tasks (${String(misses)} < ${String(parameters.poorContactMinMisses)}).`,
    figures: {
      meetingsMissed,
      tasksMissed,
      poorContactMinMisses: parameters.poorContactMinMisses,
    },
  });
  return poorContact;
}

const GRADE_ORDER = { 优秀: 0, 合格: 1, 不合格: 2 } as const;
type Grade = keyof typeof GRADE_ORDER;

/**
 * S0-1 / S0-5 within one role: score, rank, the 优秀 quota among those not 不合格, and grades.
 * Platforms scoring the same as the last 优秀 are all 优秀: a grade never depends on an id, so
 * the count can exceed the quota on a tie.
 */
function gradeGroup(
  group: readonly Assessment[],
  role: Role,
  parameters: CqNetworkParameters,
): { graded: PlatformResult[]; summary: Record<string, unknown> } {
  const graded = group.filter((assessment) => assessment.graded);
  const scores = relativeScores(
    graded.map((a) => ({ id: a.input.platform.platformId, values: a.indicators })),
    parameters.excellenceWeights,
  );
  const ranks = new Map(competitionRanking(scores).map((entry) => [entry.id, entry.rank]));
  const scoreOf = (a: Assessment): number => scores.get(a.input.platform.platformId) ?? 0;

  const qualifying = graded.filter((a) => a.failingReasons.length === 0);
  const share = parameters.excellentShare[role];
  const quota = Math[parameters.excellentRounding](share * qualifying.length);
  const candidates = qualifying
    .filter((a) => parameters.constructionPeriodMayExcel || !a.constructionPeriod)
    .map(scoreOf)
    .sort((x, y) => y - x);
  const lastExcellent = quota > 0 ? candidates[Math.min(quota, candidates.length) - 1] : undefined;
  const roleName = role === 'window' ? 'window platforms' : 'demonstration platforms';

  const results = graded.map((a): PlatformResult & { grade: Grade } => {
    const platformId = a.input.platform.platformId;
    const score = scoreOf(a);
    const rank = ranks.get(platformId) ?? null;
    const candidate = parameters.constructionPeriodMayExcel || !a.constructionPeriod;
    const rules = [...a.rules];
    let grade: Grade;
    if (a.failingReasons.length > 0) {
      grade = '不合格';
      rules.push({
        ruleId: 'S0-5',
        outcome: 'fail',
        detail: `Neither 优秀 nor 合格: ${a.failingReasons.join(', ')}. Graded 不合格.`,
        figures: { reasons: a.failingReasons.join(', ') },
      });
    } else {
      grade = candidate && lastExcellent !== undefined && score >= lastExcellent ? '优秀' : '合格';
      rules.push({
        ruleId: 'S0-1',
        outcome: 'pass',
        detail: `Score ${String(score)} / 100, rank ${String(rank)} of ${String(graded.length)} graded ${roleName}. 优秀 goes to the top ${String(share)} of the ${String(qualifying.length)} not 不合格 (${parameters.excellentRounding}: ${String(quota)}${lastExcellent === undefined ? '' : `, score ≥ ${String(lastExcellent)}`})${candidate ? '' : '; a platform in 建设期 may not be 优秀 (constructionPeriodMayExcel = false)'}: ${grade}.`,
        figures: {
          score,
          rank,
          excellentQuota: quota,
          excellentMinScore: lastExcellent ?? null,
          qualifying: qualifying.length,
        },
      });
    }
    return {
      platformId,
      platformName: a.input.platform.name,
      graded: true,
      score,
      rank,
      grade,
      tier: null,
      amountFen: 0,
      flags: a.flags,
      ineligibleNextYear: false,
      rules,
    };
  });
  results.sort(
    (x, y) =>
      GRADE_ORDER[x.grade] - GRADE_ORDER[y.grade] ||
      (x.rank ?? 0) - (y.rank ?? 0) ||
      (x.platformId < y.platformId ? -1 : x.platformId > y.platformId ? 1 : 0),
  );
  const count = (grade: Grade): number => results.filter((r) => r.grade === grade).length;
  const notGraded = (ruleId: string): number =>
    group.filter((a) => !a.graded && a.rules.some((rule) => rule.ruleId === ruleId)).length;
  return {
    graded: results,
    summary: {
      graded: graded.length,
      优秀: count('优秀'),
      合格: count('合格'),
      不合格: count('不合格'),
      constructionPeriod: graded.filter((a) => a.constructionPeriod).length,
      excellentQuota: quota,
      notGraded: group.length - graded.length,
      notGradedLateFiling: notGraded('S0-2'),
      notGradedDualRole: role === 'demonstration' ? notGraded('S0-4') : 0,
      notGradedOutsideNetwork: notGraded('S0-1'),
    },
  };
}
