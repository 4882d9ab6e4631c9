import { chongqingRegionOf, isChongqingDemoName, parseInstant } from '@ledger/domain';
import type { PlatformFunction } from '@ledger/projections/platform-year-metrics/metrics.view';
import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import { addYears, beijingDateOf } from '@ledger/projections/network-statistics/calendar';
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
  isOneOf,
  type ParameterCheck,
  type ParameterChecks,
} from '../parameters';

/**
 * cq-demo-certification — 重庆市中小企业局《重庆市中小企业公共服务示范平台认定管理办法》(seed 004),
 * RULES.md S4-1..S4-5: 第六条 basic conditions (all), 第七条 functions (at least one), the
 * satisfaction rate of 附件3 (很满意 / 满意 / 不满意), 第十三条 three-yearly re-review and 第十条 name.
 *
 * Outcomes: a platform without a municipal certification is an applicant, 通过 when every S4-1
 * condition, S4-3's evaluation count and at least one S4-2 function are met, else 不通过. A
 * certified platform is under S4-4: 撤消 when its re-review is overdue or failed, else 保持 — its
 * S4-1..S4-3 lines are reported for the coming re-review but do not change 保持, because the
 * re-review itself is the authority's act (PlatformReReviewed). S4-5 flags a non-conforming name
 * and never decides: the name is given at certification (第十条(五)), and the platform decider
 * already refuses a municipal demonstration filing without it.
 */
export interface CqDemoCertificationParameters {
  /**
   * The date conditions are judged at (operating two years, credit in two years, re-review due).
   * Default null = 12-31 of the evaluated year: the application reads the year's records (第九条
   * (七) 上一年度服务中小企业名单) and is judged as of its end.
   */
  readonly evaluationDate: string | null;
  /** S4-3 "不少于20家被服务企业出具的服务评价意见": distinct enterprises that rated. Default 20. */
  readonly minRatedEnterprises: number;
  /**
   * S4-3: the county's check "测评企业不少于10家", read as ratings of source district_check.
   * Default 10.
   */
  readonly countyCheckMinRatings: number;
  /**
   * S4-3: whether the county check gates the application. Default false: it is part of the
   * county's paper recommendation (附件1), which the ledger may not hold; it is reported either way.
   */
  readonly countyCheckRequired: boolean;
  /**
   * S4-1 "大专及以上学历和中级及以上技术职称专业人员的比例占80％以上": 和 can read "staff holding
   * either" (`either`, default: the application form's single column "大专以上学历及中级以上专业
   * 技术职称人员" counts one group of people, and requiring both would exclude most 大专 staff
   * without titles) or "holding both" (`both`).
   */
  readonly staffQualification: 'either' | 'both';
  /**
   * S4-1 "近两年无不良信用记录": which credit events are bad records. Default
   * dishonest_debtor and other_bad_credit; an audit finding (巡视审计) is a finding, not a credit
   * record, and `cleared` is the opposite of one.
   */
  readonly badCreditKinds: readonly CreditKind[];
  /** S4-4 "每三年复核一次". Default 3 (the document's own figure, a parameter for other cycles). */
  readonly reReviewIntervalYears: number;
  /**
   * S4-1 "运营机构在重庆市依法设立": besides the platform's province, the operator's USCC must carry
   * a Chongqing registration area code (50xxxx, GB 32100 positions 3–8). Default true.
   */
  readonly operatorRegisteredInChongqing: boolean;
}

export type CreditKind = 'dishonest_debtor' | 'audit_finding' | 'other_bad_credit' | 'cleared';
const CREDIT_KINDS: readonly CreditKind[] = [
  'dishonest_debtor',
  'audit_finding',
  'other_bad_credit',
  'cleared',
];

export const CQ_DEMO_CERTIFICATION_DEFAULTS: CqDemoCertificationParameters = {
  evaluationDate: null,
  minRatedEnterprises: 20,
  countyCheckMinRatings: 10,
  countyCheckRequired: false,
  staffQualification: 'either',
  badCreditKinds: ['dishonest_debtor', 'other_bad_credit'],
  reReviewIntervalYears: 3,
  operatorRegisteredInChongqing: true,
};

const isDateOrNull: ParameterCheck = (value) =>
  value === null ||
  (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseInstant(value) !== null)
    ? null
    : 'must be a date YYYY-MM-DD or null';

const isCreditKinds: ParameterCheck = (value) =>
  Array.isArray(value) && value.every((kind) => CREDIT_KINDS.includes(kind as CreditKind))
    ? null
    : `must be a list of ${CREDIT_KINDS.join(', ')}`;

const CHECKS: ParameterChecks<CqDemoCertificationParameters> = {
  evaluationDate: isDateOrNull,
  minRatedEnterprises: isIntegerIn(1, 10_000),
  countyCheckMinRatings: isIntegerIn(1, 10_000),
  countyCheckRequired: isBoolean,
  staffQualification: isOneOf('either', 'both'),
  badCreditKinds: isCreditKinds,
  reReviewIntervalYears: isIntegerIn(1, 20),
  operatorRegisteredInChongqing: isBoolean,
};

export const cqDemoCertificationPack: PolicyPack<CqDemoCertificationParameters> = definePack({
  id: 'cq-demo-certification',
  version: '1.0.0',
  title: '重庆市中小企业公共服务示范平台认定管理办法（认定与复核）',
  defaults: CQ_DEMO_CERTIFICATION_DEFAULTS,
  checks: CHECKS,
  evaluate,
});

// 第六条 and 第七条's own figures. Money in 分: 200万元 = 2,000,000 元; 4亿元 = 400,000,000 元.
const MIN_OPERATING_YEARS = 2;
const MIN_ASSETS_FEN = 200_000_000;
const MIN_SMES_SERVED = 100;
const MIN_SATISFACTION_PERCENT = 80;
const MIN_STAFF = 15;
const MIN_STAFF_OUTLYING = 10; // 渝东南、渝东北
const MIN_QUALIFIED_PERCENT = 80;
const MIN_INSTITUTIONS = 5;
const CREDIT_LOOKBACK_YEARS = 2;
const CHONGQING_AREA_CODE_PREFIX = '50';

function evaluate(
  context: EvaluationContext,
  parameters: CqDemoCertificationParameters,
): PackEvaluation {
  const evaluationDate = parameters.evaluationDate ?? `${String(context.year)}-12-31`;
  return {
    results: context.platforms.map((input) =>
      evaluatePlatform(input, context.year, evaluationDate, parameters),
    ),
  };
}

function evaluatePlatform(
  input: PlatformEvaluationInput,
  year: number,
  evaluationDate: string,
  parameters: CqDemoCertificationParameters,
): PlatformResult {
  const { platform } = input;
  // A graded line is a decision (通过 / 不通过 / 保持 / 撤消): no score, rank or amount.
  const result = (grade: string, rules: RuleApplication[], flags: string[]): PlatformResult => ({
    platformId: platform.platformId,
    platformName: platform.name,
    graded: true,
    score: null,
    rank: null,
    grade,
    tier: null,
    amountFen: 0,
    flags,
    ineligibleNextYear: false,
    rules,
  });

  const revokedOn = platform.revokedAt === null ? null : beijingDateOf(platform.revokedAt);
  if (revokedOn !== null && revokedOn <= evaluationDate)
    return notGradedResult(platform, [
      {
        ruleId: 'S4-4',
        outcome: 'info',
        detail: `Already revoked (撤消) on ${revokedOn}: nothing to certify or keep.`,
        figures: { revokedAt: platform.revokedAt },
        eventIds: platform.revocationEventId === null ? [] : [platform.revocationEventId],
      },
    ]);

  const conditions = [
    ...basicConditions(input, year, evaluationDate, parameters),
    ...satisfaction(input, parameters),
  ];
  const functions = functionRequirements(input);
  const name = nameFormat(platform);
  const rules = [...conditions, ...functions.lines, functions.verdict, name];
  const flags = name.outcome === 'flag' ? ['名称不规范'] : [];

  const certifications = municipalCertifications(platform, evaluationDate);
  if (certifications.length > 0) {
    const reReview = reReviewDue(platform, certifications, evaluationDate, parameters);
    if (reReview.status === 'failed') flags.push('复核不合格');
    if (reReview.status === 'overdue') flags.push('复核逾期');
    const grade = reReview.status === 'kept' ? '保持' : '撤消';
    return result(grade, [reReview.rule, ...rules], flags);
  }

  const passes = [...conditions, functions.verdict].every((rule) => rule.outcome !== 'fail');
  return result(passes ? '通过' : '不通过', rules, flags);
}

/** S4-1 (第六条): every basic condition, one rule application each, clause by clause. */
function basicConditions(
  input: PlatformEvaluationInput,
  year: number,
  evaluationDate: string,
  parameters: CqDemoCertificationParameters,
): RuleApplication[] {
  return [
    ...clauseOneOperator(input.platform, evaluationDate, parameters),
    ...clauseTwoPerformance(input, year),
    ...clauseThreeStaff(input.platform, parameters),
    clauseFourInstitutions(input.platform),
    clauseFiveCredit(input, year, evaluationDate, parameters),
  ];
}

function condition(
  pass: boolean,
  detail: string,
  figures: RuleApplication['figures'],
  eventIds?: readonly string[],
): RuleApplication {
  return {
    ruleId: 'S4-1',
    outcome: pass ? 'pass' : 'fail',
    detail,
    figures,
    ...(eventIds === undefined ? {} : { eventIds }),
  };
}

const noProfile = (what: string): RuleApplication =>
  condition(false, `${what}: no operator profile (OperatorProfileUpdated) on record.`, {});

/** (一) 在重庆市依法设立，具有独立法人资格，连续运营两年以上，资产总额不低于200万元. */
function clauseOneOperator(
  platform: PlatformView,
  evaluationDate: string,
  parameters: CqDemoCertificationParameters,
): RuleApplication[] {
  const inChongqing = platform.province.startsWith('重庆');
  const areaCode = platform.operatorUscc.slice(2, 8);
  const registeredHere =
    !parameters.operatorRegisteredInChongqing || areaCode.startsWith(CHONGQING_AREA_CODE_PREFIX);
  const established = condition(
    inChongqing && registeredHere,
    `Operator established in Chongqing as a legal person: province ${platform.province}, USCC ${platform.operatorUscc} (area code ${areaCode}).`,
    { province: platform.province, operatorUscc: platform.operatorUscc, areaCode },
  );
  const profile = platform.profile;
  if (profile === null)
    return [
      established,
      noProfile('Operating two years or more'),
      noProfile('Assets of at least 200万元'),
    ];
  const since = beijingDateOf(profile.operatingSince) ?? profile.operatingSince;
  const twoYearsOn = addYears(since, MIN_OPERATING_YEARS);
  const operating = twoYearsOn <= evaluationDate;
  const assetsMet = profile.assetsFen >= MIN_ASSETS_FEN;
  return [
    established,
    condition(
      operating,
      `Operating since ${since}: two years complete on ${twoYearsOn}, ${operating ? 'on or before' : 'after'} ${evaluationDate}.`,
      { operatingSince: since, twoYearsCompleteOn: twoYearsOn, evaluationDate },
      [profile.eventId],
    ),
    condition(
      assetsMet,
      `Assets ${yuan(profile.assetsFen)} ${assetsMet ? '≥' : '<'} 2,000,000 元.`,
      { assetsFen: profile.assetsFen, minimumFen: MIN_ASSETS_FEN },
      [profile.eventId],
    ),
  ];
}

/** (二) 年服务中小微企业100家以上，用户满意度80％以上，提供的服务中须有公益性或低收费服务. */
function clauseTwoPerformance(input: PlatformEvaluationInput, year: number): RuleApplication[] {
  const tally = input.metrics?.calendarYear;
  const served = tally?.enterprisesServed ?? 0;
  const publicInterest = tally?.servicesPublicInterest ?? 0;
  // The rate is S4-3's: (很满意 + 满意) ÷ rated, compared in integers so 80% is exactly 80%.
  const ratings = tally?.ratings;
  const satisfied = (ratings?.verySatisfied ?? 0) + (ratings?.satisfied ?? 0);
  const rated = ratings?.rated ?? 0;
  const satisfactionMet = rated > 0 && satisfied * 100 >= MIN_SATISFACTION_PERCENT * rated;
  return [
    condition(
      served >= MIN_SMES_SERVED,
      `Enterprises served in ${String(year)}: ${String(served)} ${served >= MIN_SMES_SERVED ? '≥' : '<'} 100.`,
      { enterprisesServed: served, minimum: MIN_SMES_SERVED },
    ),
    condition(
      satisfactionMet,
      rated === 0
        ? 'User satisfaction: nothing rated, so 80% cannot be shown (rate per S4-3).'
        : `User satisfaction ${percentText(satisfied, rated)} ${satisfactionMet ? '≥' : '<'} 80% (rate per S4-3).`,
      { satisfied, rated, satisfactionRate: ratings?.satisfactionRate ?? null },
    ),
    condition(
      publicInterest > 0,
      `Free or low-fee (公益性或低收费) services in ${String(year)}: ${String(publicInterest)}${publicInterest > 0 ? '' : ' — none'}.`,
      { servicesPublicInterest: publicInterest },
    ),
  ];
}

/**
 * (三) 具有固定的经营服务场所…服务人员不少于15人（渝东南、渝东北地区不少于10人），其中大专及以上
 * 学历和中级及以上技术职称专业人员的比例占80％以上.
 */
function clauseThreeStaff(
  platform: PlatformView,
  parameters: CqDemoCertificationParameters,
): RuleApplication[] {
  const profile = platform.profile;
  if (profile === null)
    return [
      noProfile('Fixed premises'),
      noProfile('Staff of at least 15 (10 in 渝东南 / 渝东北)'),
      noProfile('80% qualified staff'),
    ];
  const region = chongqingRegionOf(platform.district);
  const minimumStaff = region === 'other' ? MIN_STAFF : MIN_STAFF_OUTLYING;
  const staff = profile.staffCount;
  const either = parameters.staffQualification === 'either';
  const qualified = either ? profile.staffQualifiedEither : profile.staffQualifiedBoth;
  const qualifiedMet = staff > 0 && qualified * 100 >= MIN_QUALIFIED_PERCENT * staff;
  return [
    condition(
      profile.siteAreaM2 > 0,
      `Fixed premises (固定的经营服务场所): site area ${String(profile.siteAreaM2)} m².`,
      { siteAreaM2: profile.siteAreaM2 },
      [profile.eventId],
    ),
    condition(
      staff >= minimumStaff,
      `Staff ${String(staff)} ${staff >= minimumStaff ? '≥' : '<'} ${String(minimumStaff)} (${platform.district}: ${region === 'other' ? 'neither 渝东南 nor 渝东北' : region}).`,
      { staffCount: staff, minimum: minimumStaff, region },
      [profile.eventId],
    ),
    condition(
      qualifiedMet,
      `Qualified staff (${either ? '大专+ or 中级+' : '大专+ and 中级+'}): ${String(qualified)} of ${String(staff)}${staff > 0 ? ` = ${percentText(qualified, staff)}` : ''} ${qualifiedMet ? '≥' : '<'} 80%.`,
      { qualified, staffCount: staff, staffQualification: parameters.staffQualification },
      [profile.eventId],
    ),
  ];
}

/** (四) 集聚服务机构5家以上. */
function clauseFourInstitutions(platform: PlatformView): RuleApplication {
  const profile = platform.profile;
  if (profile === null) return noProfile('At least 5 service institutions');
  const met = profile.institutions >= MIN_INSTITUTIONS;
  return condition(
    met,
    `Service institutions gathered: ${String(profile.institutions)} ${met ? '≥' : '<'} 5.`,
    { institutions: profile.institutions, minimum: MIN_INSTITUTIONS },
    [profile.eventId],
  );
}

/** (五) 运营机构信誉良好，近两年无不良信用记录: the profile's status and two years' credit events. */
function clauseFiveCredit(
  input: PlatformEvaluationInput,
  year: number,
  evaluationDate: string,
  parameters: CqDemoCertificationParameters,
): RuleApplication {
  const { platform, metrics, previousYears } = input;
  const since = addYears(evaluationDate, -CREDIT_LOOKBACK_YEARS);
  const years = [metrics, ...previousYears.filter((y) => y.year >= year - CREDIT_LOOKBACK_YEARS)];
  const badEvents = years
    .flatMap((y) => y?.creditEvents ?? [])
    .filter((event) => {
      const on = beijingDateOf(event.occurredAt);
      return (
        (parameters.badCreditKinds as readonly string[]).includes(event.kind) &&
        on !== null &&
        on > since &&
        on <= evaluationDate
      );
    });
  const statusBad = platform.profile?.creditStatus === 'bad';
  const clean = !statusBad && badEvents.length === 0 && platform.profile !== null;
  return {
    ruleId: 'S4-1',
    outcome: clean ? 'pass' : 'fail',
    detail:
      platform.profile === null
        ? 'No bad credit record in two years: no operator profile (OperatorProfileUpdated) on record.'
        : `Credit in the two years after ${since}: profile status ${platform.profile.creditStatus}, ${String(badEvents.length)} bad credit event(s)${badEvents.length > 0 ? ` (${badEvents.map((e) => e.kind).join(', ')})` : ''}.`,
    figures: {
      creditStatus: platform.profile?.creditStatus ?? null,
      badCreditEvents: badEvents.length,
      since,
    },
    eventIds: [
      ...(platform.profile === null ? [] : [platform.profile.eventId]),
      ...badEvents.map((e) => e.eventId),
    ],
  };
}

/** S4-3: rate = (很满意 + 满意) ÷ rated; ≥ 20 enterprise evaluations; the county's check. */
function satisfaction(
  input: PlatformEvaluationInput,
  parameters: CqDemoCertificationParameters,
): RuleApplication[] {
  const ratings = input.metrics?.calendarYear.ratings;
  const verySatisfied = ratings?.verySatisfied ?? 0;
  const satisfied = ratings?.satisfied ?? 0;
  const rated = ratings?.rated ?? 0;
  const enterprises = ratings?.ratingEnterprises ?? 0;
  const countyRatings = ratings?.bySource.district_check ?? 0;
  const rateMet =
    rated > 0 && (verySatisfied + satisfied) * 100 >= MIN_SATISFACTION_PERCENT * rated;
  const countyMet = countyRatings >= parameters.countyCheckMinRatings;
  return [
    {
      ruleId: 'S4-3',
      outcome: rateMet ? 'pass' : 'fail',
      detail:
        rated === 0
          ? 'Satisfaction: no ratings in the year.'
          : `Satisfaction = (很满意 ${String(verySatisfied)} + 满意 ${String(satisfied)}) ÷ rated ${String(rated)} = ${percentText(verySatisfied + satisfied, rated)} ${rateMet ? '≥' : '<'} 80%.`,
      figures: {
        verySatisfied,
        satisfied,
        dissatisfied: ratings?.dissatisfied ?? 0,
        rated,
        satisfactionRate: ratings?.satisfactionRate ?? null,
      },
    },
    {
      ruleId: 'S4-3',
      outcome: enterprises >= parameters.minRatedEnterprises ? 'pass' : 'fail',
      detail: `Enterprises that rated: ${String(enterprises)} ${enterprises >= parameters.minRatedEnterprises ? '≥' : '<'} ${String(parameters.minRatedEnterprises)} (不少于20家被服务企业出具的服务评价意见).`,
      figures: { ratingEnterprises: enterprises, minimum: parameters.minRatedEnterprises },
    },
    {
      ruleId: 'S4-3',
      outcome: countyMet ? 'pass' : parameters.countyCheckRequired ? 'fail' : 'info',
      detail: `County check (区县测评): ${String(countyRatings)} rating(s) ${countyMet ? '≥' : '<'} ${String(parameters.countyCheckMinRatings)}${parameters.countyCheckRequired ? '' : '; reported, not required (countyCheckRequired = false)'}.`,
      figures: {
        districtCheckRatings: countyRatings,
        minimum: parameters.countyCheckMinRatings,
        required: parameters.countyCheckRequired,
      },
    },
  ];
}

interface FunctionBar {
  readonly fn: PlatformFunction;
  readonly name: string;
  readonly met: (t: FunctionFigures) => boolean;
  readonly describe: (t: FunctionFigures) => string;
}
type FunctionFigures = NonNullable<
  PlatformEvaluationInput['metrics']
>['calendarYear']['byFunction'][PlatformFunction];

/** S4-2 (第七条): the five function bars. */
const FUNCTION_BARS: readonly FunctionBar[] = [
  {
    fn: 'information',
    name: '信息服务',
    met: (t) => t.enterprisesServedOffline >= 100 && t.activities >= 4,
    describe: (t) =>
      `enterprises served offline ${String(t.enterprisesServedOffline)} (≥ 100) and activities ${String(t.activities)} (≥ 4)`,
  },
  {
    fn: 'technology',
    name: '技术服务',
    met: (t) => t.activities >= 3,
    describe: (t) =>
      `activities ${String(t.activities)} (≥ 3); the expert and project pools (专家库、项目库) are not in the ledger and are left to the reviewers`,
  },
  {
    fn: 'startup',
    name: '创业服务',
    met: (t) => t.activities >= 4,
    describe: (t) => `project negotiation / promotion events ${String(t.activities)} (≥ 4)`,
  },
  {
    fn: 'training',
    name: '培训服务',
    met: (t) => t.trainees >= 1_000,
    describe: (t) => `person-times trained ${String(t.trainees)} (≥ 1,000)`,
  },
  {
    fn: 'financing',
    name: '融资服务',
    met: (t) => t.activities >= 5 && t.financingFen >= 40_000_000_000,
    describe: (t) =>
      `financing events ${String(t.activities)} (≥ 5) and financing ${yuan(t.financingFen)} (≥ 400,000,000 元)`,
  },
];

/** The five function lines, then the S4-2 verdict (met when any function is). */
function functionRequirements(input: PlatformEvaluationInput): {
  readonly lines: RuleApplication[];
  readonly verdict: RuleApplication;
} {
  const byFunction = input.metrics?.calendarYear.byFunction;
  const met: PlatformFunction[] = [];
  const lines = FUNCTION_BARS.map((bar): RuleApplication => {
    const tally = byFunction?.[bar.fn] ?? EMPTY_FUNCTION;
    const meets = bar.met(tally);
    if (meets) met.push(bar.fn);
    return {
      ruleId: 'S4-2',
      // An unmet function is not a failure by itself: one function suffices.
      outcome: meets ? 'pass' : 'info',
      detail: `${bar.name} (${bar.fn}) ${meets ? 'met' : 'not met'}: ${bar.describe(tally)}.`,
      figures: { function: bar.fn, ...tally },
    };
  });
  return {
    lines,
    verdict: {
      ruleId: 'S4-2',
      outcome: met.length > 0 ? 'pass' : 'fail',
      detail:
        met.length > 0
          ? `At least one function met (${met.join(', ')}).`
          : 'No function met: at least one of 信息、技术、创业、培训、融资 is required.',
      figures: { functionsMet: met.length },
    },
  };
}

const EMPTY_FUNCTION: FunctionFigures = {
  activities: 0,
  enterprisesServedOffline: 0,
  personTimes: 0,
  trainingSessions: 0,
  trainees: 0,
  financingDeals: 0,
  financingFen: 0,
};

/** S4-5 (第十条(五)): "重庆市 + 字号 + 中小企业公共服务示范平台". */
function nameFormat(platform: PlatformView): RuleApplication {
  const conforms = isChongqingDemoName(platform.name);
  return {
    ruleId: 'S4-5',
    outcome: conforms ? 'pass' : 'flag',
    detail: conforms
      ? `Name "${platform.name}" reads 重庆市 + 字号 + 中小企业公共服务示范平台.`
      : `Name "${platform.name}" does not read 重庆市 + 字号 + 中小企业公共服务示范平台; the certified name must.`,
    figures: { name: platform.name },
    eventIds: [platform.filedEventId],
  };
}

function municipalCertifications(
  platform: PlatformView,
  evaluationDate: string,
): PlatformView['certifications'] {
  return platform.certifications.filter((certification) => {
    const on = beijingDateOf(certification.certifiedAt);
    return certification.level === 'municipal' && on !== null && on <= evaluationDate;
  });
}

/**
 * S4-4 (第十三条) "每三年复核一次…对未提交复核材料或经复核不合格的予以撤消": the clock runs from the
 * latest certification or passed re-review. A failed re-review on or after it revokes; so does
 * having no passed re-review once that date is more than the interval old (a review due on the
 * anniversary itself is still in time).
 */
function reReviewDue(
  platform: PlatformView,
  certifications: PlatformView['certifications'],
  evaluationDate: string,
  parameters: CqDemoCertificationParameters,
): { readonly status: 'kept' | 'overdue' | 'failed'; readonly rule: RuleApplication } {
  const dated = <T>(items: readonly T[], dateOf: (item: T) => string) =>
    items
      .map((item) => ({ item, on: beijingDateOf(dateOf(item)) }))
      .filter((entry): entry is { item: T; on: string } => entry.on !== null)
      .filter((entry) => entry.on <= evaluationDate)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const reviews = dated(platform.reReviews, (review) => review.reviewedAt);
  const anchors = dated(
    [
      ...certifications.map((c) => ({ at: c.certifiedAt, eventId: c.eventId })),
      ...platform.reReviews
        .filter((review) => review.passed)
        .map((review) => ({ at: review.reviewedAt, eventId: review.eventId })),
    ],
    (anchor) => anchor.at,
  );
  const anchor = anchors.at(-1);
  const latestReview = reviews.at(-1);
  const interval = parameters.reReviewIntervalYears;
  const anchoredOn = anchor?.on ?? evaluationDate;
  const dueBy = addYears(anchoredOn, interval);
  const eventIds = [
    ...new Set(
      [anchor?.item.eventId, latestReview?.item.eventId].filter(
        (id): id is string => id !== undefined,
      ),
    ),
  ];
  const rule = (
    outcome: 'pass' | 'fail',
    detail: string,
    reason: string | null,
  ): RuleApplication => ({
    ruleId: 'S4-4',
    outcome,
    detail,
    figures: {
      lastCertifiedOrReviewed: anchoredOn,
      dueBy,
      evaluationDate,
      reReviewIntervalYears: interval,
      reason,
    },
    eventIds,
  });

  if (latestReview !== undefined && !latestReview.item.passed && latestReview.on >= anchoredOn)
    return {
      status: 'failed',
      rule: rule(
        'fail',
        `Re-review of ${latestReview.on} failed (经复核不合格): revoked (撤消).`,
        'failed',
      ),
    };
  if (dueBy < evaluationDate)
    return {
      status: 'overdue',
      rule: rule(
        'fail',
        `Last certified or re-reviewed ${anchoredOn}; a re-review was due by ${dueBy} (every ${String(interval)} years) and none passed by ${evaluationDate}: revoked (撤消).`,
        'overdue',
      ),
    };
  return {
    status: 'kept',
    rule: rule(
      'pass',
      `Last certified or re-reviewed ${anchoredOn}; next re-review due by ${dueBy}: kept (保持).`,
      null,
    ),
  };
}

function yuan(fen: number): string {
  return `${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;
}

function percentText(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(2)}%`;
}
