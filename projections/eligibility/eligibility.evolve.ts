import {
  assertNever,
  beijingYearOf,
  parseInstant,
  parsePlatformStream,
  parsePlatformYearStream,
  parseProgramStream,
  type CreditEventRecorded,
  type PlatformCertified,
  type PlatformFiled,
  type PlatformDisqualified,
  type PlatformReReviewed,
  type PlatformRevoked,
  type ProgramResultsPublished,
  type RecordRetracted,
} from '@ledger/domain';
import { DEFAULT_S1_CALENDAR, countingWindows } from '../platform-year-metrics/metrics.calendar';
import type { ProjectedEvent } from '../shared/projection';
import type { EligibilityDoc } from './eligibility.doc';
import { resultMatters } from './eligibility.reasons';

export type EligibilityEvent =
  | PlatformFiled
  | PlatformCertified
  | PlatformReReviewed
  | PlatformRevoked
  | ProgramResultsPublished
  | CreditEventRecorded
  | PlatformDisqualified
  | RecordRetracted;

const READS: Record<EligibilityEvent['type'], true> = {
  PlatformFiled: true,
  PlatformCertified: true,
  PlatformReReviewed: true,
  PlatformRevoked: true,
  ProgramResultsPublished: true,
  CreditEventRecorded: true,
  PlatformDisqualified: true,
  RecordRetracted: true,
};
export const ELIGIBILITY_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(READS));

/** S1-6: the credit facts that cancel support (a `cleared` event does not undo a listing). */
export function isBadCredit(
  kind: CreditEventRecorded['data']['creditKind'],
): kind is 'dishonest_debtor' | 'audit_finding' {
  return kind === 'dishonest_debtor' || kind === 'audit_finding';
}

/**
 * S1-6 "申报期、实施期被列为失信被执行人": a listing cancels the year's support when it falls in the
 * application or implementation period — through S1-1's period end (the cq-window-2025 pack's
 * `dishonestDebtorListedBy` default, 09-30); an inspection or audit finding has no period.
 */
function cancelsSupport(data: CreditEventRecorded['data'], year: number): boolean {
  if (data.creditKind !== 'dishonest_debtor') return true;
  const listedAt = parseInstant(data.occurredAt);
  return listedAt !== null && listedAt < countingWindows(year, DEFAULT_S1_CALENDAR).periodEndMs;
}

/** Updates the platform's facts in place (the projector owns the document). */
export function evolveEligibility(
  doc: EligibilityDoc,
  event: ProjectedEvent,
  platformId: string,
): EligibilityDoc {
  // The projector hands over only ELIGIBILITY_EVENT_TYPES, whose data has the domain's shape.
  const fact = event as unknown as EligibilityEvent;
  switch (fact.type) {
    case 'PlatformFiled':
      doc.kind = fact.data.kind;
      doc.filedAt = fact.data.filedAt;
      return doc;
    case 'PlatformCertified':
      doc.certifications.push({
        eventId: event.id,
        certifiedAt: fact.data.certifiedAt,
        validUntil: fact.data.validUntil,
      });
      return doc;
    case 'PlatformReReviewed': {
      // S4-4: a passed re-review carries the latest certification on (as the decider's state).
      const latest = doc.certifications.at(-1);
      if (fact.data.passed && fact.data.validUntil !== null && latest !== undefined) {
        doc.certifications[doc.certifications.length - 1] = {
          ...latest,
          validUntil: fact.data.validUntil,
        };
      }
      return doc;
    }
    case 'PlatformRevoked':
      doc.revocation = {
        eventId: event.id,
        revokedAt: fact.data.revokedAt,
        ruleId: fact.data.ruleId,
        reason: fact.data.reason,
      };
      return doc;
    case 'ProgramResultsPublished': {
      const programId = parseProgramStream(event.stream) ?? '';
      const line = fact.data.results.find((result) => result.platformId === platformId);
      if (line !== undefined && resultMatters(line)) {
        doc.results[programId] = {
          eventId: event.id,
          programId,
          year: fact.data.year,
          grade: line.grade,
          ineligibleNextYear: line.ineligibleNextYear,
          ruleIds: line.ruleIds,
        };
      }
      return doc;
    }
    case 'CreditEventRecorded': {
      const stream = parsePlatformYearStream(event.stream);
      const { creditKind } = fact.data;
      if (stream !== null && isBadCredit(creditKind) && cancelsSupport(fact.data, stream.year)) {
        doc.badCredit.push({
          eventId: fact.data.recordId,
          year: stream.year,
          kind: creditKind,
          occurredAt: fact.data.occurredAt,
        });
      }
      return doc;
    }
    case 'PlatformDisqualified': {
      const stream = parsePlatformYearStream(event.stream);
      if (stream !== null) {
        doc.disqualifications.push({
          eventId: fact.data.recordId,
          year: stream.year,
          ruleId: fact.data.ruleId,
          reason: fact.data.reason,
          yearsAffected: [...fact.data.yearsAffected],
          causeId: fact.data.causeId,
        });
      }
      return doc;
    }
    case 'RecordRetracted': {
      const index = doc.badCredit.findIndex((entry) => entry.eventId === fact.data.retractedId);
      if (index >= 0) doc.badCredit.splice(index, 1);
      return doc;
    }
    default:
      return assertNever(fact);
  }
}

/** The documents an event updates: the platform it names, or every platform a result bars. */
export function eligibilityKeysOf(event: ProjectedEvent): readonly string[] {
  const fact = event as unknown as EligibilityEvent;
  switch (fact.type) {
    case 'PlatformFiled':
    case 'PlatformCertified':
    case 'PlatformReReviewed':
    case 'PlatformRevoked': {
      const platformId = parsePlatformStream(event.stream);
      return platformId === null ? [] : [platformId];
    }
    case 'ProgramResultsPublished':
      return fact.data.results.filter(resultMatters).map((result) => result.platformId);
    case 'CreditEventRecorded':
      if (!isBadCredit(fact.data.creditKind)) return [];
      return platformOfYearStream(event.stream);
    case 'PlatformDisqualified':
    case 'RecordRetracted':
      return platformOfYearStream(event.stream);
    default:
      return assertNever(fact);
  }
}

function platformOfYearStream(stream: string): readonly string[] {
  const parsed = parsePlatformYearStream(stream);
  return parsed === null ? [] : [parsed.platformId];
}

/** The Beijing year of a date or instant; null when it does not parse. */
export function yearOf(text: string): number | null {
  const ms = parseInstant(text);
  return ms === null ? null : beijingYearOf(ms);
}
