import { Map as ImmutableMap } from 'immutable';
import { assertNever } from '../shared/decision';
import { parseInstant } from '../shared/dates';
import type { PlatformYearEvent, PlatformYearEventType } from './platform-year.events';

/** What the decider needs to know about an earlier record to judge a new one. */
export interface RecordSummary {
  readonly type: PlatformYearEventType;
  readonly enterpriseUscc: string | null;
  /** The rated service, for ratings. */
  readonly serviceId: string | null;
  readonly occurredAtMs: number;
  readonly retracted: boolean;
}

/**
 * The decision state of a platform-year. Maps are persistent (immutable.js), so `evolve` stays
 * pure — an earlier state is never changed by a later event — at O(log n) per event, which
 * keeps replaying a 100,000-event year linear in practice.
 */
export interface PlatformYearState {
  readonly records: ImmutableMap<string, RecordSummary>;
  /** serviceId → the rating's recordId (S4-3: one rating per service record). */
  readonly ratingByService: ImmutableMap<string, string>;
  /** recordId → a disbursement not retracted (D-DISBURSEMENT bounds them by the award). */
  readonly disbursements: ImmutableMap<string, Disbursement>;
  readonly submittedAt: string | null;
  /** signalId → how an administrator decided it (one decision per signal). */
  readonly signalDecisions: ImmutableMap<string, 'confirmed' | 'dismissed'>;
  /** clawbackId → what it orders and what was repaid (D-CLAWBACK, D-REPAYMENT). */
  readonly clawbacks: ImmutableMap<string, Clawback>;
  /** Whether S1-7's consequences were already applied in this year (they apply once). */
  readonly fabricationConfirmed: boolean;
}

export interface Clawback {
  readonly amountFen: number;
  readonly repaidFen: number;
}

export interface Disbursement {
  readonly programId: string;
  readonly amountFen: number;
}

export function initialPlatformYearState(): PlatformYearState {
  return {
    records: ImmutableMap(),
    ratingByService: ImmutableMap(),
    disbursements: ImmutableMap(),
    submittedAt: null,
    signalDecisions: ImmutableMap(),
    clawbacks: ImmutableMap(),
    fabricationConfirmed: false,
  };
}

/** What the year's live disbursements paid, over every program, in 分. */
export function totalDisbursedFen(state: PlatformYearState): number {
  let total = 0;
  for (const disbursement of state.disbursements.values()) total += disbursement.amountFen;
  return total;
}

/** What the year's clawback orders claim back, in 分. */
export function clawedBackFen(state: PlatformYearState): number {
  let total = 0;
  for (const clawback of state.clawbacks.values()) total += clawback.amountFen;
  return total;
}

/** What the year's live disbursements paid against one program, in 分. */
export function disbursedFen(state: PlatformYearState, programId: string): number {
  let total = 0;
  for (const disbursement of state.disbursements.values()) {
    if (disbursement.programId === programId) total += disbursement.amountFen;
  }
  return total;
}

export function evolvePlatformYear(
  state: PlatformYearState,
  event: PlatformYearEvent,
): PlatformYearState {
  const { recordId } = event.data;
  const summary: RecordSummary = {
    type: event.type,
    enterpriseUscc: 'enterpriseUscc' in event.data ? event.data.enterpriseUscc : null,
    serviceId: event.type === 'SatisfactionRated' ? event.data.serviceId : null,
    occurredAtMs: parseInstant(event.data.occurredAt) ?? Number.NaN,
    retracted: false,
  };
  const records = state.records.set(recordId, summary);
  switch (event.type) {
    case 'SatisfactionRated':
      return {
        ...state,
        records,
        ratingByService: state.ratingByService.set(event.data.serviceId, recordId),
      };
    case 'RecordRetracted': {
      const target = state.records.get(event.data.retractedId);
      if (target === undefined) return { ...state, records };
      // A retracted rating frees its service for a corrected rating, and a retracted
      // disbursement (entered by mistake) frees its amount of the award.
      const ratingByService =
        target.serviceId === null
          ? state.ratingByService
          : state.ratingByService.delete(target.serviceId);
      return {
        ...state,
        ratingByService,
        disbursements: state.disbursements.delete(event.data.retractedId),
        records: records.set(event.data.retractedId, { ...target, retracted: true }),
      };
    }
    case 'YearSubmitted':
      return { ...state, records, submittedAt: event.data.occurredAt };
    case 'DisbursementRecorded': {
      const { programId, amountFen } = event.data;
      return {
        ...state,
        records,
        disbursements: state.disbursements.set(recordId, { programId, amountFen }),
      };
    }
    case 'FraudSignalConfirmed':
      return {
        ...state,
        records,
        signalDecisions: state.signalDecisions.set(event.data.signalId, 'confirmed'),
        fabricationConfirmed: state.fabricationConfirmed || event.data.fabricated !== null,
      };
    case 'FraudSignalDismissed':
      return {
        ...state,
        records,
        signalDecisions: state.signalDecisions.set(event.data.signalId, 'dismissed'),
      };
    case 'ClawbackOrdered':
      return {
        ...state,
        records,
        clawbacks: state.clawbacks.set(recordId, { amountFen: event.data.amountFen, repaidFen: 0 }),
      };
    case 'ClawbackRepaid': {
      const clawback = state.clawbacks.get(event.data.clawbackId);
      if (clawback === undefined) return { ...state, records };
      return {
        ...state,
        records,
        clawbacks: state.clawbacks.set(event.data.clawbackId, {
          ...clawback,
          repaidFen: clawback.repaidFen + event.data.amountFen,
        }),
      };
    }
    case 'PlatformDisqualified':
    case 'ClawbackProposed':
    case 'WorkPlanSubmitted':
    case 'ServiceActivityRecorded':
    case 'ServiceRecorded':
    case 'FinancingDealRecorded':
    case 'TrainingRecorded':
    case 'RecruitmentRecorded':
    case 'MatchmakingDealRecorded':
    case 'TechDemandSolved':
    case 'ResidentEnterpriseJoined':
    case 'ItemPublished':
    case 'MaterialUploaded':
    case 'DistrictReviewed':
    case 'ComplaintFiled':
    case 'ComplaintVerified':
    case 'PenaltyImposed':
    case 'CreditEventRecorded':
    case 'ExpertScoresRecorded':
    case 'EvaluationConductRecorded':
    case 'MeetingMissed':
      return { ...state, records };
    default:
      return assertNever(event);
  }
}
