import {
  assertNever,
  type ClawbackOrdered,
  type ClawbackProposed,
  type ClawbackRepaid,
  type DisbursementRecorded,
  type FraudSignalDismissed,
  type PlatformYearEvent,
} from '@ledger/domain';
import type { ProjectedEvent } from '../shared/projection';
import { applyCounted } from './metrics.apply';
import { classify } from './metrics.calendar';
import type { CountedContribution } from './metrics.contribution';
import type { MetricsDoc } from './metrics.doc';
import { retract } from './metrics.retract';

/** What this projection reads: the platform-year stream's records (money movements are funding's). */
export type MetricsEvent = Exclude<
  PlatformYearEvent,
  DisbursementRecorded | ClawbackProposed | ClawbackOrdered | ClawbackRepaid | FraudSignalDismissed
>;
export type MetricsEventType = MetricsEvent['type'];

// A Record over the union, so a new event type fails to compile until it is listed here.
const READS: Record<MetricsEventType, true> = {
  WorkPlanSubmitted: true,
  ServiceActivityRecorded: true,
  ServiceRecorded: true,
  SatisfactionRated: true,
  FinancingDealRecorded: true,
  TrainingRecorded: true,
  RecruitmentRecorded: true,
  MatchmakingDealRecorded: true,
  TechDemandSolved: true,
  ResidentEnterpriseJoined: true,
  ItemPublished: true,
  MaterialUploaded: true,
  DistrictReviewed: true,
  ComplaintFiled: true,
  ComplaintVerified: true,
  PenaltyImposed: true,
  CreditEventRecorded: true,
  ExpertScoresRecorded: true,
  EvaluationConductRecorded: true,
  MeetingMissed: true,
  FraudSignalConfirmed: true,
  PlatformDisqualified: true,
  RecordRetracted: true,
  YearSubmitted: true,
};
export const METRICS_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(READS));

/**
 * Folds one platform-year event into its document, in place (the projector owns the document;
 * see projections/shared/projection.ts). Costs one hash lookup and one small object per record,
 * plus one multiset update per enterprise it names.
 */
export function evolveMetrics(doc: MetricsDoc, event: ProjectedEvent): MetricsDoc {
  doc.eventCount += 1;
  doc.lastPosition = event.position;
  // The projector hands over only METRICS_EVENT_TYPES, whose data has the domain's shape.
  const fact = event as unknown as MetricsEvent;
  const { recordId } = fact.data;
  if (fact.type === 'RecordRetracted') {
    retract(doc, fact.data.retractedId);
    return doc;
  }
  // A record id is used once per year (D-RECORD-ID); a repeat would be counted twice.
  if (doc.records.has(recordId)) return doc;
  const counted = countedContributionOf(fact);
  if (counted !== null) {
    count(doc, event, counted);
    return doc;
  }
  record(doc, fact);
  return doc;
}

/** S1-1 places the record in its windows, then it is counted (a rating only beside its service). */
function count(doc: MetricsDoc, event: ProjectedEvent, counted: CountedContribution): void {
  const { recordId, occurredAt } = event.data as { recordId: string; occurredAt: string };
  const placed = classify(doc.windows, occurredAt, event.metadata.recordedAt);
  counted.windows = placed.windows;
  if (placed.exclusion !== null) {
    counted.excludedAt = doc.excluded.length;
    doc.excluded.push({
      recordId,
      type: event.type,
      occurredAt,
      recordedAt: event.metadata.recordedAt,
      reason: placed.exclusion,
      ruleId: 'S1-1',
    });
  }
  doc.records.set(recordId, counted);
  if (counted.type === 'SatisfactionRated') {
    // S4-3: a rating counts only while the service it rates stands.
    const serviceId = (event.data as { serviceId: string }).serviceId;
    const service = doc.records.get(serviceId);
    if (service?.type !== 'ServiceRecorded') {
      counted.windows = 0;
      return;
    }
    service.ratingIds.push(recordId);
  }
  applyCounted(doc, counted, 1);
}

/** The contribution of a record that lands in the counters, before S1-1 places it. */
function countedContributionOf(fact: MetricsEvent): CountedContribution | null {
  switch (fact.type) {
    case 'ServiceActivityRecorded':
      return {
        type: fact.type,
        area: fact.data.area,
        online: fact.data.mode === 'online',
        usccs: fact.data.attendeeUsccs,
        personTimes: fact.data.personTimes,
        windows: 0,
        excludedAt: null,
      };
    case 'ServiceRecorded':
      return {
        type: fact.type,
        area: fact.data.area,
        online: fact.data.mode === 'online',
        publicInterest: fact.data.feeKind !== 'paid',
        uscc: fact.data.enterpriseUscc,
        institution: fact.data.institutionUscc,
        ratingIds: [],
        windows: 0,
        excludedAt: null,
      };
    case 'SatisfactionRated':
      return {
        type: fact.type,
        uscc: fact.data.enterpriseUscc,
        rating: fact.data.rating,
        source: fact.data.source,
        windows: 0,
        excludedAt: null,
      };
    case 'TrainingRecorded':
      return {
        type: fact.type,
        area: fact.data.area,
        sessions: fact.data.sessions,
        personTimes: fact.data.personTimes,
        windows: 0,
        excludedAt: null,
      };
    case 'FinancingDealRecorded':
    case 'MatchmakingDealRecorded':
      return { type: fact.type, amountFen: fact.data.amountFen, windows: 0, excludedAt: null };
    case 'RecruitmentRecorded':
      return {
        type: fact.type,
        positions: fact.data.positions,
        hires: fact.data.hires,
        windows: 0,
        excludedAt: null,
      };
    case 'TechDemandSolved':
      return { type: fact.type, windows: 0, excludedAt: null };
    case 'ResidentEnterpriseJoined':
      return { type: fact.type, uscc: fact.data.enterpriseUscc, windows: 0, excludedAt: null };
    case 'ItemPublished':
      return { type: fact.type, itemKind: fact.data.itemKind, windows: 0, excludedAt: null };
    case 'WorkPlanSubmitted':
    case 'MaterialUploaded':
    case 'DistrictReviewed':
    case 'ComplaintFiled':
    case 'ComplaintVerified':
    case 'PenaltyImposed':
    case 'CreditEventRecorded':
    case 'ExpertScoresRecorded':
    case 'EvaluationConductRecorded':
    case 'MeetingMissed':
    case 'FraudSignalConfirmed':
    case 'PlatformDisqualified':
    case 'RecordRetracted':
    case 'YearSubmitted':
      return null;
    default:
      return assertNever(fact);
  }
}

/** Records that are not counted per window: materials, the plan, authority facts, submission. */
function record(doc: MetricsDoc, fact: MetricsEvent): void {
  const eventId = fact.data.recordId;
  switch (fact.type) {
    case 'MaterialUploaded':
      doc.materials[fact.data.kind] = (doc.materials[fact.data.kind] ?? 0) + 1;
      doc.records.set(eventId, { type: fact.type, kind: fact.data.kind });
      return;
    case 'MeetingMissed':
      if (fact.data.missedKind === 'meeting') doc.meetingsMissed += 1;
      else doc.tasksMissed += 1;
      doc.records.set(eventId, { type: fact.type, missedKind: fact.data.missedKind });
      return;
    case 'ComplaintFiled':
      doc.complaintsFiled += 1;
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'WorkPlanSubmitted':
      // S1-4: a later plan replaces the earlier one (the view reads the last standing plan).
      doc.plans.push({ eventId, targets: fact.data.targets });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'DistrictReviewed':
      doc.districtReviews.push({
        eventId,
        stage: fact.data.stage,
        score: fact.data.score,
        recommended: fact.data.recommended,
      });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'ComplaintVerified':
      doc.complaintVerifications.push({
        eventId,
        complaintId: fact.data.complaintId,
        upheld: fact.data.upheld,
      });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'PenaltyImposed':
      doc.penalties.push({ eventId, kind: fact.data.penaltyKind });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'CreditEventRecorded':
      doc.creditEvents.push({
        eventId,
        kind: fact.data.creditKind,
        occurredAt: fact.data.occurredAt,
      });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'ExpertScoresRecorded':
      doc.expertScores.push({
        eventId,
        programKey: fact.data.programId ?? '',
        scores: fact.data.scores.map((entry) => entry.score),
      });
      doc.records.set(eventId, { type: fact.type });
      return;
    case 'EvaluationConductRecorded':
      doc.evaluationConduct.push({ eventId, conduct: fact.data.conduct });
      doc.records.set(eventId, { type: fact.type });
      return;
    // Final decisions (D-RETRACT-REF): no record entry, since nothing retracts them.
    case 'FraudSignalConfirmed':
      doc.fraudConfirmed.push({
        eventId,
        signalId: fact.data.signalId,
        ruleId: fact.data.ruleId,
        fabricated: fact.data.fabricated,
      });
      return;
    case 'PlatformDisqualified':
      doc.disqualifications.push({
        eventId,
        ruleId: fact.data.ruleId,
        yearsAffected: [...fact.data.yearsAffected],
        reason: fact.data.reason,
      });
      return;
    case 'YearSubmitted':
      // Not retractable (D-RETRACT-REF), so it needs no record entry.
      doc.submittedAt = fact.data.occurredAt;
      return;
    case 'ServiceActivityRecorded':
    case 'ServiceRecorded':
    case 'SatisfactionRated':
    case 'TrainingRecorded':
    case 'FinancingDealRecorded':
    case 'MatchmakingDealRecorded':
    case 'RecruitmentRecorded':
    case 'TechDemandSolved':
    case 'ResidentEnterpriseJoined':
    case 'ItemPublished':
    case 'RecordRetracted':
      // Counted records and retractions are handled before this point.
      return;
    default:
      assertNever(fact);
  }
}
