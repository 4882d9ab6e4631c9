import type { PlatformKind } from '@ledger/domain';

/**
 * The stored document of one platform's eligibility: the facts, not the answer (the view derives
 * the answer per year). JSON only; every list is short (a platform's certifications, published
 * results and bad-credit events).
 */
export interface EligibilityDoc {
  readonly platformId: string;
  kind: PlatformKind | null;
  filedAt: string | null;
  certifications: CertificationSpan[];
  revocation: {
    readonly eventId: string;
    readonly revokedAt: string;
    readonly ruleId: string | null;
    readonly reason: string;
  } | null;
  /** Each program's published line for this platform (a publication is final, D-PUBLICATION). */
  readonly results: Record<string, PublishedResult>;
  /** S1-6 credit events that cancel support, by the year of the stream they were recorded in. */
  readonly badCredit: BadCreditEvent[];
  /** 取消资格 (S1-7 or an administrator's), from the stream of the year of the cause. */
  readonly disqualifications: Disqualification[];
}

export interface Disqualification {
  readonly eventId: string;
  /** The year whose stream records it (the year of the cause). */
  readonly year: number;
  readonly ruleId: string;
  readonly reason: string;
  readonly yearsAffected: readonly number[];
  readonly causeId: string | null;
}

export interface CertificationSpan {
  readonly eventId: string;
  readonly certifiedAt: string;
  /** Carried forward by a passed re-review (S4-4), as the platform decider's state does. */
  readonly validUntil: string;
}

export interface PublishedResult {
  readonly eventId: string;
  readonly programId: string;
  readonly year: number;
  readonly grade: string | null;
  readonly ineligibleNextYear: boolean;
  readonly ruleIds: readonly string[];
}

export interface BadCreditEvent {
  readonly eventId: string;
  readonly year: number;
  readonly kind: 'dishonest_debtor' | 'audit_finding';
  readonly occurredAt: string;
}

export function emptyEligibilityDoc(platformId: string): EligibilityDoc {
  return {
    platformId,
    kind: null,
    filedAt: null,
    certifications: [],
    revocation: null,
    results: {},
    badCredit: [],
    disqualifications: [],
  };
}
