import type { FundingTotals } from './funding-ledger.view';

/** Running sums of one scope (a program, a year, the platform). */
export interface FundingSums {
  awardedFen: number;
  disbursedFen: number;
  clawedBackFen: number;
  repaidFen: number;
}

export function emptySums(): FundingSums {
  return { awardedFen: 0, disbursedFen: 0, clawedBackFen: 0, repaidFen: 0 };
}

/** The one place the balances are computed. */
export function totalsOf(sums: FundingSums): FundingTotals {
  return {
    ...sums,
    outstandingFen: sums.awardedFen - sums.disbursedFen,
    owedFen: sums.clawedBackFen - sums.repaidFen,
    retainedFen: sums.disbursedFen - sums.repaidFen,
  };
}
