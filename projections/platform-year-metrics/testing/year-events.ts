import {
  platformYearStream,
  withUsccCheckCharacter,
  type PlatformYearEvent,
  type PlatformYearEventType,
  type ServiceArea,
  type Target,
} from '@ledger/domain';
import type { ProjectedEvent } from '../../shared/projection';

/** Test data for projection specs: platform-year events as the projector delivers them. */

export const PLATFORM_ID = 'cq-wanzhou-window';
export const YEAR = 2025;
export const MID_YEAR = '2025-05-20T10:00:00+08:00';
/** When the ledger accepted a mid-year record (server clock, UTC). */
export const RECORDED_MID_YEAR = '2025-05-20T02:30:00.000Z';

/** A fixed v4-shaped UUID per number, so specs can cite records as id(1), id(2), … */
export function id(n: number): string {
  return `0195f3c2-7a10-4b5e-9c1d-${n.toString(16).padStart(12, '0')}`;
}

/** A valid USCC of a Chongqing enterprise (area code 500000), numbered. */
export function uscc(n: number): string {
  return withUsccCheckCharacter(`91500000MA${n.toString().padStart(7, '0')}`);
}

/** Where and when a record lands: its stream and both clocks. */
export interface Placement {
  readonly platformId?: string;
  readonly year?: number;
  readonly occurredAt?: string;
  readonly recordedAt?: string;
}

type DataOf<T extends PlatformYearEventType> = Extract<PlatformYearEvent, { type: T }>['data'];
type Fields<T extends PlatformYearEventType> = Omit<DataOf<T>, 'recordId' | 'occurredAt'>;

/** Positions are stamped by `log`; a lone event sits at position 0. */
export function yearEvent<T extends PlatformYearEventType>(
  type: T,
  n: number,
  fields: Fields<T>,
  at: Placement = {},
): ProjectedEvent {
  const data = { recordId: id(n), occurredAt: at.occurredAt ?? MID_YEAR, ...fields };
  return {
    id: id(n),
    stream: platformYearStream(at.platformId ?? PLATFORM_ID, at.year ?? YEAR),
    revision: 0,
    position: 0,
    type,
    data,
    metadata: { recordedAt: at.recordedAt ?? RECORDED_MID_YEAR },
  };
}

/** The events in log order: positions 0, 1, 2 … and revisions counted per stream. */
export function log(...events: readonly ProjectedEvent[]): ProjectedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, position) => {
    const revision = revisions.get(event.stream) ?? 0;
    revisions.set(event.stream, revision + 1);
    return { ...event, position, revision };
  });
}

export function activity(
  n: number,
  fields: Partial<Fields<'ServiceActivityRecorded'>> = {},
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'ServiceActivityRecorded',
    n,
    {
      area: 'consulting',
      title: '政策宣讲会',
      mode: 'offline',
      attendeeUsccs: [],
      personTimes: 0,
      ...fields,
    },
    at,
  );
}

export function service(
  n: number,
  fields: Partial<Fields<'ServiceRecorded'>> = {},
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'ServiceRecorded',
    n,
    {
      enterpriseUscc: uscc(n),
      enterpriseName: `企业${String(n)}`,
      area: 'consulting',
      mode: 'offline',
      feeKind: 'free',
      description: '政策咨询',
      institutionUscc: null,
      contactPhone: null,
      ...fields,
    },
    at,
  );
}

/** A rating of the service record `serviceN`, by the enterprise it served (uscc(serviceN)). */
export function rating(
  n: number,
  serviceN: number,
  fields: Partial<Fields<'SatisfactionRated'>> = {},
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'SatisfactionRated',
    n,
    {
      serviceId: id(serviceN),
      enterpriseUscc: uscc(serviceN),
      rating: 'very_satisfied',
      source: 'enterprise',
      ...fields,
    },
    at,
  );
}

export function financingDeal(n: number, amountFen: number, at: Placement = {}): ProjectedEvent {
  return yearEvent(
    'FinancingDealRecorded',
    n,
    {
      enterpriseUscc: uscc(n),
      lender: '重庆农村商业银行',
      product: '商业价值信用贷',
      contractNumber: `HT-${String(n)}`,
      amountFen,
    },
    at,
  );
}

export function training(
  n: number,
  sessions: number,
  personTimes: number,
  area: ServiceArea = 'training',
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'TrainingRecorded',
    n,
    { area, title: '经营管理培训', mode: 'offline', sessions, personTimes },
    at,
  );
}

export function recruitment(
  n: number,
  positions: number,
  hires: number,
  at: Placement = {},
): ProjectedEvent {
  return yearEvent('RecruitmentRecorded', n, { title: '百日招聘', positions, hires }, at);
}

export function matchmakingDeal(n: number, amountFen: number, at: Placement = {}): ProjectedEvent {
  return yearEvent(
    'MatchmakingDealRecorded',
    n,
    { title: '产需对接', supplierUscc: uscc(n), buyerUscc: uscc(n + 1), amountFen },
    at,
  );
}

export function techDemand(n: number, at: Placement = {}): ProjectedEvent {
  return yearEvent(
    'TechDemandSolved',
    n,
    { enterpriseUscc: uscc(n), title: '工艺改进', solvedBy: '重庆大学' },
    at,
  );
}

export function residentEnterprise(
  n: number,
  enterprise: string,
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'ResidentEnterpriseJoined',
    n,
    { enterpriseUscc: enterprise, enterpriseName: '入驻企业' },
    at,
  );
}

export function item(
  n: number,
  itemKind: 'policy' | 'service' | 'demand',
  at: Placement = {},
): ProjectedEvent {
  return yearEvent('ItemPublished', n, { itemKind, title: '发布' }, at);
}

export function material(
  n: number,
  kind: Fields<'MaterialUploaded'>['kind'],
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'MaterialUploaded',
    n,
    {
      kind,
      sha256: 'a'.repeat(64),
      sizeBytes: 1024,
      mediaType: 'application/pdf',
      originalName: 'evidence.pdf',
      evidences: [],
      description: '佐证材料',
    },
    at,
  );
}

export function workPlan(
  n: number,
  targets: readonly Target[],
  at: Placement = {},
): ProjectedEvent {
  return yearEvent('WorkPlanSubmitted', n, { targets }, { occurredAt: '2025-02-01', ...at });
}

export function retraction(n: number, retractedN: number, at: Placement = {}): ProjectedEvent {
  return yearEvent(
    'RecordRetracted',
    n,
    { retractedId: id(retractedN), reason: '录入错误' },
    { occurredAt: '2025-06-01T10:00:00+08:00', ...at },
  );
}

export function districtReview(
  n: number,
  stage: 'plan' | 'evidence',
  score: number,
  recommended = true,
): ProjectedEvent {
  return yearEvent('DistrictReviewed', n, { stage, opinion: '同意', score, recommended });
}

export function complaint(n: number): ProjectedEvent {
  return yearEvent('ComplaintFiled', n, { complainant: '某企业', summary: '服务不到位' });
}

export function verification(n: number, complaintN: number, upheld: boolean): ProjectedEvent {
  return yearEvent('ComplaintVerified', n, {
    complaintId: id(complaintN),
    upheld,
    finding: upheld ? '属实' : '不属实',
  });
}

export function penalty(n: number, penaltyKind: 'administrative' | 'judicial'): ProjectedEvent {
  return yearEvent('PenaltyImposed', n, { penaltyKind, authority: '市场监管局', summary: '处罚' });
}

export function creditEvent(
  n: number,
  creditKind: Fields<'CreditEventRecorded'>['creditKind'],
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'CreditEventRecorded',
    n,
    { creditKind, source: '信用中国', summary: '信用记录' },
    at,
  );
}

export function expertScores(
  n: number,
  programId: string | null,
  scores: readonly number[],
): ProjectedEvent {
  return yearEvent('ExpertScoresRecorded', n, {
    programId,
    scores: scores.map((score, index) => ({ expert: `专家${String(index + 1)}`, score })),
  });
}

export function conduct(
  n: number,
  kind: Fields<'EvaluationConductRecorded'>['conduct'],
): ProjectedEvent {
  return yearEvent('EvaluationConductRecorded', n, {
    conduct: kind,
    programId: null,
    summary: '评价情况',
  });
}

export function missed(n: number, missedKind: 'meeting' | 'task'): ProjectedEvent {
  return yearEvent('MeetingMissed', n, { missedKind, title: '平台网络工作会' });
}

export function submitted(n: number, occurredAt = '2025-10-09T09:00:00.000Z'): ProjectedEvent {
  return yearEvent(
    'YearSubmitted',
    n,
    { note: '年度台账' },
    { occurredAt, recordedAt: occurredAt },
  );
}

export function disbursement(
  n: number,
  programId: string,
  amountFen: number,
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'DisbursementRecorded',
    n,
    { programId, amountFen, reference: `拨付-${String(n)}` },
    { occurredAt: '2025-12-01', ...at },
  );
}

/** S1-7's consequence as the decider records it (or an administrator's 取消资格). */
export function disqualified(
  n: number,
  yearsAffected: readonly number[],
  causeN: number | null,
  ruleId = 'S1-7',
  at: Placement = {},
): ProjectedEvent {
  return yearEvent(
    'PlatformDisqualified',
    n,
    {
      ruleId,
      reason: 'confirmed fabricated ratings',
      evidenceRefs: [],
      yearsAffected,
      causeId: causeN === null ? null : id(causeN),
    },
    { occurredAt: '2026-03-02T02:00:00.000Z', ...at },
  );
}

export function clawbackProposed(n: number, amountFen: number, causeN: number): ProjectedEvent {
  return yearEvent(
    'ClawbackProposed',
    n,
    { ruleId: 'S1-7', amountFen, causeId: id(causeN) },
    { occurredAt: '2026-03-02T02:00:00.000Z' },
  );
}

export function clawbackOrdered(
  n: number,
  amountFen: number,
  causeN: number | null,
): ProjectedEvent {
  return yearEvent(
    'ClawbackOrdered',
    n,
    { ruleId: 'S1-7', amountFen, reason: '追回', causeId: causeN === null ? null : id(causeN) },
    { occurredAt: '2026-03-05T02:00:00.000Z' },
  );
}

export function clawbackRepaid(n: number, clawbackN: number, amountFen: number): ProjectedEvent {
  return yearEvent(
    'ClawbackRepaid',
    n,
    { clawbackId: id(clawbackN), amountFen, reference: `缴款书-${String(n)}` },
    { occurredAt: '2026-04-01' },
  );
}
