/**
 * Exact rational numbers for bars, shares and rates. A float mean of per-indicator rates can land
 * a hair below a bar it meets — (0.6 + 0.7 + 0.8) ÷ 3 is 0.6999999999999998 in IEEE doubles — and
 * 0.55 × 100 is 55.00000000000001, whose ceiling is 56. Every bar decision (S1-4's 70%, S1-5's 30%
 * quota, S3-5's floors) is therefore taken on these ratios, and only reported as a number.
 */
export interface Ratio {
  readonly numerator: bigint;
  /** Always positive; the ratio is kept in lowest terms. */
  readonly denominator: bigint;
}

export const ZERO: Ratio = { numerator: 0n, denominator: 1n };
export const ONE: Ratio = { numerator: 1n, denominator: 1n };

/**
 * The exact value of a number as JavaScript prints it: 0.7 is 7/10, not the binary double
 * 0.6999999999999999555910790149937… — parameters are written in decimal, so that is what they mean.
 */
export function ratioOf(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${String(value)}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(value.toString());
  if (match === null) throw new RangeError(`unexpected number format: ${String(value)}`);
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exponent >= 0
    ? normalised(digits * 10n ** BigInt(exponent), 1n)
    : normalised(digits, 10n ** BigInt(-exponent));
}

/** a ÷ b for decimal numbers; b must not be zero. */
export function divide(a: Ratio, b: Ratio): Ratio {
  if (b.numerator === 0n) throw new RangeError('division by zero');
  return normalised(a.numerator * b.denominator, a.denominator * b.numerator);
}

export function add(a: Ratio, b: Ratio): Ratio {
  return normalised(
    a.numerator * b.denominator + b.numerator * a.denominator,
    a.denominator * b.denominator,
  );
}

export function multiply(a: Ratio, b: Ratio): Ratio {
  return normalised(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function compareRatios(a: Ratio, b: Ratio): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function minRatio(a: Ratio, b: Ratio): Ratio {
  return compareRatios(a, b) <= 0 ? a : b;
}

/** For reports and scores only; decisions compare ratios. */
export function toNumber(value: Ratio): number {
  return Number(value.numerator) / Number(value.denominator);
}

export type IntegerRounding = 'ceil' | 'floor' | 'round';

/** An integer from a ratio: 'round' is half up (2.5 → 3), the school rule, as 四舍五入. */
export function roundRatio(value: Ratio, rounding: IntegerRounding): number {
  const { numerator: n, denominator: d } = value;
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const remainder = n - floor * d;
  switch (rounding) {
    case 'floor':
      return Number(floor);
    case 'ceil':
      return Number(remainder === 0n ? floor : floor + 1n);
    case 'round':
      return Number(2n * remainder >= d ? floor + 1n : floor);
  }
}

/** ⌊share × count⌋ (or ceil / round) without float error: share 0.3 of 7 is exactly 2.1. */
export function shareOf(share: number, count: number, rounding: IntegerRounding): number {
  return roundRatio(multiply(ratioOf(share), ratioOf(count)), rounding);
}

function normalised(numerator: bigint, denominator: bigint): Ratio {
  if (denominator === 0n) throw new RangeError('zero denominator');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator * sign);
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
