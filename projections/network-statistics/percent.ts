/**
 * The bulletins report rates as percentages to two decimals (S2-1 "74.29%", S2-2 "83.74%").
 * The rounding is not stated; we round half up, computed on integers, so 26 ÷ 35 = 0.742857…
 * reads 74.29 and an exact half (1 ÷ 20000 = 0.005% → 0.01%) rounds up on every machine instead
 * of depending on how a float multiplication happened to land.
 */
export interface Percentage {
  /** The exact ratio as a float (for sorting and charts, not for display). */
  readonly rate: number;
  /** Percent to two decimals, half up: 74.29. */
  readonly percent: number;
  /** As the bulletin prints it: "74.29%". */
  readonly text: string;
  /** How it was computed, for a reader checking the figure: "26 ÷ 35 = 0.742857… → 74.29%". */
  readonly computation: string;
}

export function percentage(numerator: number, denominator: number): Percentage | null {
  if (!(denominator > 0)) return null;
  // Hundredths of a percent, half up: ⌊(n × 10000 + d/2) ÷ d⌋ kept in integers by doubling.
  const hundredths = Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
  const percent = hundredths / 100;
  const rate = numerator / denominator;
  const text = `${percent.toFixed(2)}%`;
  return {
    rate,
    percent,
    text,
    computation: `${String(numerator)} ÷ ${String(denominator)} = ${rate.toFixed(6)}… → ${text}`,
  };
}
