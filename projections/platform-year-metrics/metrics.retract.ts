import { assertNever } from '@ledger/domain';
import { applyCounted } from './metrics.apply';
import type { Contribution, CountedContribution } from './metrics.contribution';
import type { MetricsDoc } from './metrics.doc';

const TOMBSTONE: Contribution = { type: 'RecordRetracted' };

/**
 * Undoes exactly what the retracted record added; its entry becomes a tombstone, so retracting
 * twice (or a record the doc never saw) changes nothing. Retractions are final.
 */
export function retract(doc: MetricsDoc, retractedId: string): void {
  const target = doc.records.get(retractedId);
  if (target === undefined || target.type === 'RecordRetracted') return;
  doc.records.set(retractedId, TOMBSTONE);
  switch (target.type) {
    case 'ServiceRecorded':
      // S4-3: ratings of a retracted service stop counting.
      // They stay listed if S1-1 excluded them: only their own retraction withdraws them.
      for (const ratingId of target.ratingIds) {
        const rating = doc.records.get(ratingId);
        if (rating?.type === 'SatisfactionRated') uncount(doc, rating);
      }
      withdraw(doc, target);
      return;
    case 'ServiceActivityRecorded':
    case 'SatisfactionRated':
    case 'TrainingRecorded':
    case 'FinancingDealRecorded':
    case 'MatchmakingDealRecorded':
    case 'RecruitmentRecorded':
    case 'TechDemandSolved':
    case 'ResidentEnterpriseJoined':
    case 'ItemPublished':
      withdraw(doc, target);
      return;
    case 'MaterialUploaded':
      doc.materials[target.kind] = (doc.materials[target.kind] ?? 0) - 1;
      return;
    case 'MeetingMissed':
      if (target.missedKind === 'meeting') doc.meetingsMissed -= 1;
      else doc.tasksMissed -= 1;
      return;
    case 'ComplaintFiled':
      doc.complaintsFiled -= 1;
      return;
    case 'WorkPlanSubmitted':
      removeEntry(doc.plans, retractedId);
      return;
    case 'DistrictReviewed':
      removeEntry(doc.districtReviews, retractedId);
      return;
    case 'ComplaintVerified':
      removeEntry(doc.complaintVerifications, retractedId);
      return;
    case 'PenaltyImposed':
      removeEntry(doc.penalties, retractedId);
      return;
    case 'CreditEventRecorded':
      removeEntry(doc.creditEvents, retractedId);
      return;
    case 'ExpertScoresRecorded':
      removeEntry(doc.expertScores, retractedId);
      return;
    case 'EvaluationConductRecorded':
      removeEntry(doc.evaluationConduct, retractedId);
      return;
    default:
      assertNever(target);
  }
}

/** A retracted counted record leaves the counters and, if S1-1 listed it, the exclusions. */
function withdraw(doc: MetricsDoc, counted: CountedContribution): void {
  uncount(doc, counted);
  if (counted.excludedAt !== null) doc.excluded[counted.excludedAt] = null;
}

function uncount(doc: MetricsDoc, counted: CountedContribution): void {
  applyCounted(doc, counted, -1);
  counted.windows = 0;
}

/** Authority facts are few per year: a linear removal keeps their lists in log order. */
function removeEntry(list: { readonly eventId: string }[], eventId: string): void {
  const index = list.findIndex((entry) => entry.eventId === eventId);
  if (index >= 0) list.splice(index, 1);
}
