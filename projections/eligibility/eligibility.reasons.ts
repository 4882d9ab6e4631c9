import type { EligibilityReason, PlatformFacts, YearEligibility } from './eligibility.view';
import type { BadCreditEvent, Disqualification, PublishedResult } from './eligibility.doc';

/** The document's grade for a platform that failed (S1-4 不合格, S0-5 不合格). */
export const UNQUALIFIED_GRADE = '不合格';

/** Rules that grade 不合格, in the order a line's rule ids are searched for the one to cite. */
const UNQUALIFYING_RULES = ['S1-4', 'S0-5'] as const;

/** Whether a published line makes any year ineligible (S1-4). */
export function resultMatters(result: {
  readonly grade: string | null;
  readonly ineligibleNextYear: boolean;
}): boolean {
  return result.ineligibleNextYear || result.grade === UNQUALIFIED_GRADE;
}

/** The year-bound reasons a published line gives, with the year each applies to. */
export function resultReasons(
  result: PublishedResult,
): { readonly year: number; readonly reason: EligibilityReason }[] {
  const { programId, year } = result;
  const reasons: { year: number; reason: EligibilityReason }[] = [];
  if (result.grade === UNQUALIFIED_GRADE) {
    const ruleId = UNQUALIFYING_RULES.find((id) => result.ruleIds.includes(id)) ?? 'S1-4';
    reasons.push({
      year,
      reason: {
        ruleId,
        cause: 'graded_unqualified',
        reason: `Graded 不合格 for ${String(year)} by program ${programId}.`,
        eventIds: [result.eventId],
        programId,
      },
    });
  }
  if (result.ineligibleNextYear) {
    reasons.push({
      year: year + 1,
      reason: {
        ruleId: 'S1-4',
        cause: 'unqualified_previous_year',
        reason: `Program ${programId} found ${String(year)} unqualified (completion below the bar): no support in ${String(year + 1)}.`,
        eventIds: [result.eventId],
        programId,
      },
    });
  }
  return reasons;
}

const CREDIT_WORDING: Readonly<Record<BadCreditEvent['kind'], string>> = {
  dishonest_debtor: 'listed as a dishonest judgment debtor (失信被执行人)',
  audit_finding: 'an inspection or audit finding (巡视审计问题)',
};

/** S1-6: support in the year of the credit event is cancelled. */
export function creditReason(event: BadCreditEvent): EligibilityReason {
  return {
    ruleId: 'S1-6',
    cause: 'bad_credit',
    reason: `In ${String(event.year)} the platform was ${CREDIT_WORDING[event.kind]} (${event.occurredAt}): support cancelled.`,
    eventIds: [event.eventId],
    programId: null,
  };
}

/** 取消资格: each affected year cites the disqualification and the decision that caused it. */
export function disqualificationReason(event: Disqualification): EligibilityReason {
  return {
    ruleId: event.ruleId,
    cause: 'disqualified',
    reason: `Disqualified (取消资格) by a decision recorded for ${String(event.year)}: ${event.reason}.`,
    eventIds: event.causeId === null ? [event.eventId] : [event.eventId, event.causeId],
    programId: null,
  };
}

/** The reasons every year carries from the platform's own facts (S4-4, S3-1). */
export function platformReasons(facts: PlatformFacts, year: number): EligibilityReason[] {
  const reasons: EligibilityReason[] = [];
  const { revocation } = facts;
  if (revocation !== null && year >= revocation.year) {
    reasons.push({
      ruleId: revocation.ruleId,
      cause: 'revoked',
      reason: `Revoked (撤消) on ${revocation.revokedAt}: ${revocation.reason}. Not eligible from ${String(revocation.year)}.`,
      eventIds: [revocation.eventId],
      programId: null,
    });
  }
  if (facts.kind === 'demonstration') {
    const valid = facts.certifications.some(
      (span) => span.fromYear <= year && year <= span.untilYear,
    );
    if (!valid) {
      reasons.push({
        ruleId: 'S3-1',
        cause: 'no_valid_certification',
        reason: `A demonstration platform with no certification valid in ${String(year)}.`,
        eventIds: facts.certifications.map((span) => span.eventId),
        programId: null,
      });
    }
  }
  return reasons;
}

export function yearEligibility(
  facts: PlatformFacts,
  year: number,
  yearReasons: readonly EligibilityReason[] = [],
): YearEligibility {
  const reasons = [...platformReasons(facts, year), ...yearReasons];
  return { eligible: reasons.length === 0, reasons };
}
