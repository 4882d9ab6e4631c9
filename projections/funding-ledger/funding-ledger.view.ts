/**
 * The funding ledger of one platform (DESIGN.md "funding ledger"; S1-5, S3-6 amounts): what the
 * programs awarded and what was paid, per year and per program. Money is integer 分.
 *
 * Clawbacks (追回, S1-7 or an administrator's order) and their repayments are year-level: they
 * claim back what the year's disbursements paid. Balances are computed in one place
 * (funding-totals.ts).
 */
export interface FundingLedgerView {
  readonly platformId: string;
  readonly years: Readonly<Record<string, FundingYear>>;
  readonly totals: FundingTotals;
}

export interface FundingYear {
  readonly year: number;
  /** Published awards of the year's programs with an amount (amountFen > 0). */
  readonly awards: readonly Award[];
  /** Payments recorded in the year's stream (D-DISBURSEMENT: against that year's awards). */
  readonly disbursements: readonly Disbursement[];
  /** S1-7: what a confirmed fabrication proposed to claw back, for the administrator to order. */
  readonly clawbackProposals: readonly ClawbackProposal[];
  readonly clawbacks: readonly Clawback[];
  readonly byProgram: Readonly<Record<string, FundingTotals>>;
  readonly totals: FundingTotals;
}

export interface FundingTotals {
  readonly awardedFen: number;
  readonly disbursedFen: number;
  /** awardedFen − disbursedFen: awarded and not yet paid. */
  readonly outstandingFen: number;
  /** Ordered clawbacks (追回). */
  readonly clawedBackFen: number;
  /** Repaid against the clawbacks. */
  readonly repaidFen: number;
  /** clawedBackFen − repaidFen: ordered and not yet repaid. */
  readonly owedFen: number;
  /** disbursedFen − repaidFen: what the platform keeps now. */
  readonly retainedFen: number;
}

export interface ClawbackProposal {
  readonly eventId: string;
  readonly year: number;
  readonly ruleId: string;
  readonly amountFen: number;
  /** The confirmed fraud behind it. */
  readonly causeId: string;
  readonly occurredAt: string;
  /** The clawback orders that cite this proposal as their cause. */
  readonly orderedBy: readonly string[];
}

export interface Clawback {
  /** The ClawbackOrdered event (also the clawback's id). */
  readonly eventId: string;
  readonly year: number;
  readonly ruleId: string;
  readonly amountFen: number;
  readonly reason: string;
  readonly causeId: string | null;
  readonly occurredAt: string;
  readonly repayments: readonly Repayment[];
  readonly repaidFen: number;
  readonly owedFen: number;
}

export interface Repayment {
  readonly eventId: string;
  readonly amountFen: number;
  readonly occurredAt: string;
  readonly reference: string;
}

export interface Award {
  readonly programId: string;
  readonly evaluationId: string;
  /** The ProgramResultsPublished event. */
  readonly eventId: string;
  readonly year: number;
  readonly grade: string | null;
  readonly tier: string | null;
  readonly amountFen: number;
}

export interface Disbursement {
  readonly eventId: string;
  readonly programId: string;
  readonly year: number;
  readonly amountFen: number;
  readonly occurredAt: string;
  readonly reference: string;
}
