import { MAX_YEAR, MIN_YEAR } from '@ledger/domain';
import type { Projection } from '../shared/projection';
import { emptyEligibilityDoc, type EligibilityDoc } from './eligibility.doc';
import {
  ELIGIBILITY_EVENT_TYPES,
  eligibilityKeysOf,
  evolveEligibility,
  yearOf,
} from './eligibility.evolve';
import {
  creditReason,
  disqualificationReason,
  resultReasons,
  yearEligibility,
} from './eligibility.reasons';
import type {
  EligibilityReason,
  EligibilityView,
  PlatformFacts,
  YearEligibility,
} from './eligibility.view';

/** Read-model name (the same as READ_MODELS.eligibility in libs/read-models). */
export const ELIGIBILITY = 'eligibility';

/**
 * Eligibility per platform and year (RULES.md S1-4, S1-6, S3-1, S4-4): from the platform's
 * filing, certifications and revocation, the programs' published results and the years' credit
 * events, and disqualifications (取消资格: S1-7 after confirmed fabrication, or an administrator's).
 */
export const eligibility: Projection<EligibilityDoc, EligibilityView> = {
  name: ELIGIBILITY,
  // 2: a 失信被执行人 listing after the implementation period no longer cancels the year (S1-6).
  // 3: 取消资格 (PlatformDisqualified, S1-7).
  version: 3,
  eventTypes: ELIGIBILITY_EVENT_TYPES,
  keysOf: eligibilityKeysOf,
  initialDoc: emptyEligibilityDoc,
  evolve: evolveEligibility,
  view: eligibilityView,
};

export function eligibilityView(doc: EligibilityDoc): EligibilityView {
  const platform = platformFacts(doc);
  const byYear = new Map<number, EligibilityReason[]>();
  const note = (year: number, reason: EligibilityReason): void => {
    const reasons = byYear.get(year) ?? [];
    reasons.push(reason);
    byYear.set(year, reasons);
  };
  for (const result of Object.values(doc.results)) {
    for (const { year, reason } of resultReasons(result)) note(year, reason);
  }
  for (const event of doc.badCredit) note(event.year, creditReason(event));
  for (const event of doc.disqualifications) {
    for (const year of event.yearsAffected) note(year, disqualificationReason(event));
  }

  const years: Record<string, YearEligibility> = {};
  for (const year of listedYears(platform, byYear.keys())) {
    years[String(year)] = yearEligibility(platform, year, byYear.get(year));
  }
  return { platformId: doc.platformId, platform, years };
}

function platformFacts(doc: EligibilityDoc): PlatformFacts {
  const certifications: PlatformFacts['certifications'][number][] = [];
  for (const span of doc.certifications) {
    const fromYear = yearOf(span.certifiedAt);
    const untilYear = yearOf(span.validUntil);
    if (fromYear !== null && untilYear !== null) {
      certifications.push({ eventId: span.eventId, fromYear, untilYear });
    }
  }
  const revokedYear = doc.revocation === null ? null : yearOf(doc.revocation.revokedAt);
  return {
    kind: doc.kind,
    filedYear: doc.filedAt === null ? null : yearOf(doc.filedAt),
    certifications,
    revocation:
      doc.revocation === null || revokedYear === null
        ? null
        : {
            eventId: doc.revocation.eventId,
            revokedAt: doc.revocation.revokedAt,
            year: revokedYear,
            // A revocation that cites no rule is S4-4's 撤消.
            ruleId: doc.revocation.ruleId ?? 'S4-4',
            reason: doc.revocation.reason,
          },
  };
}

/**
 * Every year from the filing (or the first year a fact names) to the last year a fact names: a
 * revocation, a certification's end, a result, a credit event. Other years: eligibilityFor.
 */
function listedYears(platform: PlatformFacts, causeYears: Iterable<number>): number[] {
  const named = [...causeYears];
  if (platform.filedYear !== null) named.push(platform.filedYear);
  if (platform.revocation !== null) named.push(platform.revocation.year);
  for (const span of platform.certifications) named.push(span.fromYear, span.untilYear);
  if (named.length === 0) return [];
  // Ledger years are 2000..2100 (isValidYear): a far validity end does not list centuries.
  const first = Math.max(Math.min(...named), MIN_YEAR);
  const last = Math.min(Math.max(...named), MAX_YEAR);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
