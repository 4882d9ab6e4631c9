import type { CommandMetadata } from '../shared/command-metadata';
import {
  RECORD_COMMAND_EVENTS,
  type BatchItem,
  type PlatformYearCommand,
  type RecordCommand,
  type RecordCommandType,
} from '../platform-year/platform-year.commands';
import type { PlatformYearEvent } from '../platform-year/platform-year.events';
import type { ProgramAward } from '../program/program-award';
import { enterpriseUscc, id, meta, windowFiling } from './fixtures';

/** Builders of platform-year records (batch items), their commands and their events. */
export type Item<T extends RecordCommandType> = Extract<BatchItem, { type: T }>;
type Data<T extends RecordCommandType> = Item<T>['data'];

export const YEAR = 2025;
export const PLATFORM_ID = windowFiling.platformId;
const MID_YEAR = '2025-05-20T10:00:00+08:00';

export function command(
  item: BatchItem,
  metadata: CommandMetadata = meta('platform'),
): RecordCommand {
  return { ...item, platformId: PLATFORM_ID, year: YEAR, metadata };
}

/** The event a record command asks for (the same pairing the decider uses). */
export function eventOf(item: BatchItem): PlatformYearEvent {
  // RECORD_COMMAND_EVENTS pairs each command type with the event type of the same data shape.
  return { type: RECORD_COMMAND_EVENTS[item.type], data: item.data } as PlatformYearEvent;
}

export function batch(items: readonly BatchItem[]): PlatformYearCommand {
  return {
    type: 'RecordBatch',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: meta('platform'),
    items,
  };
}

export function retract(
  n: number,
  retractedId: string,
  metadata: CommandMetadata = meta('platform'),
): PlatformYearCommand {
  return {
    type: 'RetractRecord',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata,
    data: { recordId: id(n), retractedId, reason: '录入错误，重复登记' },
  };
}

export function retracted(n: number, retractedId: string, now: string): PlatformYearEvent {
  return {
    type: 'RecordRetracted',
    data: { recordId: id(n), occurredAt: now, retractedId, reason: '录入错误，重复登记' },
  };
}

export function submitYear(
  n: number,
  metadata: CommandMetadata = meta('platform'),
  recordId = id(n),
): PlatformYearCommand {
  return {
    type: 'SubmitYear',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata,
    data: { recordId, note: '2025年度服务台账及佐证材料' },
  };
}

export function yearSubmitted(n: number, now: string): PlatformYearEvent {
  return {
    type: 'YearSubmitted',
    data: { recordId: id(n), occurredAt: now, note: '2025年度服务台账及佐证材料' },
  };
}

const base = (n: number): { recordId: string; occurredAt: string } => ({
  recordId: id(n),
  occurredAt: MID_YEAR,
});

export const workPlan = (
  n: number,
  o: Partial<Data<'SubmitWorkPlan'>> = {},
): Item<'SubmitWorkPlan'> => ({
  type: 'SubmitWorkPlan',
  data: {
    ...base(n),
    occurredAt: '2025-02-07T09:00:00+08:00',
    targets: [
      { indicator: 'enterprisesServed', area: null, target: 120 },
      { indicator: 'activities', area: 'financing', target: 6 },
    ],
    ...o,
  },
});

export const activity = (
  n: number,
  o: Partial<Data<'RecordServiceActivity'>> = {},
): Item<'RecordServiceActivity'> => ({
  type: 'RecordServiceActivity',
  data: {
    ...base(n),
    area: 'financing',
    title: '万州区“渝企金服”银企对接会',
    mode: 'offline',
    attendeeUsccs: [enterpriseUscc(1), enterpriseUscc(2)],
    personTimes: 46,
    ...o,
  },
});

export const service = (
  n: number,
  o: Partial<Data<'RecordService'>> = {},
): Item<'RecordService'> => ({
  type: 'RecordService',
  data: {
    ...base(n),
    enterpriseUscc: enterpriseUscc(1),
    enterpriseName: '重庆三峡智能制造有限公司',
    area: 'digital',
    mode: 'offline',
    feeKind: 'free',
    description: '数字化转型诊断服务',
    institutionUscc: null,
    contactPhone: '023-58123456',
    ...o,
  },
});

/** A rating of `rated` by the same enterprise, a day after the default service date. */
export const rating = (
  n: number,
  rated: Item<'RecordService'>,
  o: Partial<Data<'RateService'>> = {},
): Item<'RateService'> => ({
  type: 'RateService',
  data: {
    recordId: id(n),
    occurredAt: '2025-05-21T15:00:00+08:00',
    serviceId: rated.data.recordId,
    enterpriseUscc: rated.data.enterpriseUscc,
    rating: 'very_satisfied',
    source: 'enterprise',
    ...o,
  },
});

export const financingDeal = (
  n: number,
  o: Partial<Data<'RecordFinancingDeal'>> = {},
): Item<'RecordFinancingDeal'> => ({
  type: 'RecordFinancingDeal',
  data: {
    ...base(n),
    enterpriseUscc: enterpriseUscc(3),
    lender: '重庆农村商业银行万州分行',
    product: '渝快贷',
    contractNumber: 'CQRCB-WZ-2025-0318',
    amountFen: 50_000_000, // 500,000 元
    ...o,
  },
});

export const training = (
  n: number,
  o: Partial<Data<'RecordTraining'>> = {},
): Item<'RecordTraining'> => ({
  type: 'RecordTraining',
  data: {
    ...base(n),
    area: 'talent',
    title: '专精特新企业经营管理培训',
    mode: 'online',
    sessions: 2,
    personTimes: 180,
    ...o,
  },
});

export const recruitment = (
  n: number,
  o: Partial<Data<'RecordRecruitment'>> = {},
): Item<'RecordRecruitment'> => ({
  type: 'RecordRecruitment',
  data: { ...base(n), title: '2025年春季中小企业专场招聘会', positions: 320, hires: 85, ...o },
});

export const matchmakingDeal = (
  n: number,
  o: Partial<Data<'RecordMatchmakingDeal'>> = {},
): Item<'RecordMatchmakingDeal'> => ({
  type: 'RecordMatchmakingDeal',
  data: {
    ...base(n),
    title: '汽摩零部件供需对接',
    supplierUscc: enterpriseUscc(4),
    buyerUscc: enterpriseUscc(5),
    amountFen: 1_280_000_00,
    ...o,
  },
});

export const techDemand = (
  n: number,
  o: Partial<Data<'RecordTechDemandSolved'>> = {},
): Item<'RecordTechDemandSolved'> => ({
  type: 'RecordTechDemandSolved',
  data: {
    ...base(n),
    enterpriseUscc: enterpriseUscc(6),
    title: '注塑件良品率提升',
    solvedBy: '重庆大学机械学院',
    ...o,
  },
});

export const residentEnterprise = (
  n: number,
  o: Partial<Data<'RecordResidentEnterprise'>> = {},
): Item<'RecordResidentEnterprise'> => ({
  type: 'RecordResidentEnterprise',
  data: {
    ...base(n),
    enterpriseUscc: enterpriseUscc(7),
    enterpriseName: '重庆万州云智科技有限公司',
    ...o,
  },
});

const PUBLISHED_TITLES = {
  policy: '关于促进中小企业高质量发展的若干措施解读',
  service: '中小企业数字化转型诊断服务',
  demand: '求购注塑模具温控系统改造方案',
} as const;

export const publication = (
  n: number,
  itemKind: keyof typeof PUBLISHED_TITLES = 'policy',
): Item<'PublishItem'> => ({
  type: 'PublishItem',
  data: { ...base(n), itemKind, title: PUBLISHED_TITLES[itemKind] },
});

export const material = (
  n: number,
  evidences: readonly string[],
  o: Partial<Data<'UploadMaterial'>> = {},
): Item<'UploadMaterial'> => ({
  type: 'UploadMaterial',
  data: {
    ...base(n),
    kind: 'sign_in_sheet',
    sha256: 'a3f1c2'.padEnd(64, '0'),
    sizeBytes: 482_133,
    mediaType: 'application/pdf',
    originalName: '银企对接会签到表.pdf',
    evidences,
    description: '签到表扫描件',
    ...o,
  },
});

export const districtReview = (n: number, score: number): Item<'ReviewByDistrict'> => ({
  type: 'ReviewByDistrict',
  data: {
    ...base(n),
    stage: 'evidence',
    opinion: '材料真实完整，同意推荐',
    score,
    recommended: true,
  },
});

export const complaint = (n: number): Item<'FileComplaint'> => ({
  type: 'FileComplaint',
  data: { ...base(n), complainant: '重庆某机电有限公司', summary: '服务未按约定提供' },
});

export const complaintVerified = (n: number, complaintId: string): Item<'VerifyComplaint'> => ({
  type: 'VerifyComplaint',
  data: { ...base(n), complaintId, upheld: true, finding: '经核查属实' },
});

export const penalty = (n: number): Item<'ImposePenalty'> => ({
  type: 'ImposePenalty',
  data: {
    ...base(n),
    penaltyKind: 'administrative',
    authority: '万州区市场监督管理局',
    summary: '虚假宣传',
  },
});

export const creditEvent = (n: number): Item<'RecordCreditEvent'> => ({
  type: 'RecordCreditEvent',
  data: {
    ...base(n),
    creditKind: 'dishonest_debtor',
    source: '中国执行信息公开网',
    summary: '列入失信被执行人名单',
  },
});

export const expertScores = (n: number, scores: readonly number[]): Item<'RecordExpertScores'> => ({
  type: 'RecordExpertScores',
  data: {
    ...base(n),
    programId: 'bengbu-demo-2022-2025',
    scores: scores.map((score, index) => ({ expert: `专家${String(index + 1)}`, score })),
  },
});

export const evaluationConduct = (
  n: number,
  o: Partial<Data<'RecordEvaluationConduct'>> = {},
): Item<'RecordEvaluationConduct'> => ({
  type: 'RecordEvaluationConduct',
  data: {
    ...base(n),
    conduct: 'no_show',
    programId: 'bengbu-demo-2022-2025',
    summary: '无故未参加2025年度示范平台评价答辩',
    ...o,
  },
});

export const meetingMissed = (n: number): Item<'RecordMeetingMissed'> => ({
  type: 'RecordMeetingMissed',
  data: { ...base(n), missedKind: 'meeting', title: '全市平台网络季度工作例会' },
});

export const PROGRAM_ID = 'cq-window-2025';

type DisbursementData = Extract<PlatformYearEvent, { type: 'DisbursementRecorded' }>['data'];

export function disbursementData(n: number, o: Partial<DisbursementData> = {}): DisbursementData {
  return {
    recordId: id(n),
    occurredAt: '2025-12-10T10:00:00+08:00',
    programId: PROGRAM_ID,
    amountFen: 10_000_000, // 100,000 元
    reference: `渝财建〔2025〕${String(n)}号`,
    ...o,
  };
}

/** The published award of PROGRAM_ID for YEAR: 300,000 元 (S1-5 一档) unless told otherwise. */
export function awarded(awardedFen = 30_000_000, year = YEAR): ProgramAward {
  return { status: 'published', year, evaluationId: id(900), awardedFen };
}

export function disburse(
  n: number,
  award: ProgramAward,
  o: Partial<DisbursementData> = {},
  metadata: CommandMetadata = meta('admin'),
): PlatformYearCommand {
  return {
    type: 'RecordDisbursement',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata,
    data: disbursementData(n, o),
    award,
  };
}

export function disbursed(n: number, o: Partial<DisbursementData> = {}): PlatformYearEvent {
  return { type: 'DisbursementRecorded', data: disbursementData(n, o) };
}
