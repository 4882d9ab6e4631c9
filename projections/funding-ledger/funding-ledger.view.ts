/**
 * The funding ledger of one platform (DESIGN.md "funding ledger"; S1-5, S3-6 amounts): what the
 * programs awarded and what was paid, per year and per program. Money is integer 分.
 *
 * Clawbacks and repayments (S1-7 追回) arrive later as new movement lists beside `disbursements`
 * and new FundingTotals fields; `outstandingFen` is computed in one place (funding-totals.ts).
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
  readonly byProgram: Readonly<Record<string, FundingTotals>>;
  readonly totals: FundingTotals;
}

export interface FundingTotals {
  readonly awardedFen: number;
  readonly disbursedFen: number;
  /** awardedFen − disbursedFen. */
  readonly outstandingFen: number;
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
