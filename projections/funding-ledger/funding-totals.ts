import type { FundingTotals } from './funding-ledger.view';

/** Running sums of one scope (a program, a year, the platform). */
export interface FundingSums {
  awardedFen: number;
  disbursedFen: number;
}

export function emptySums(): FundingSums {
  return { awardedFen: 0, disbursedFen: 0 };
}

/** The one place outstanding is computed (clawbacks and repayments will enter here). */
export function totalsOf(sums: FundingSums): FundingTotals {
  return {
    awardedFen: sums.awardedFen,
    disbursedFen: sums.disbursedFen,
    outstandingFen: sums.awardedFen - sums.disbursedFen,
  };
}
