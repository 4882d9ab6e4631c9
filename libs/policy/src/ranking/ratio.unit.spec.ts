import {
  add,
  compareRatios,
  divide,
  ratioOf,
  roundRatio,
  shareOf,
  toNumber,
  ZERO,
  type Ratio,
} from './ratio';

const mean = (values: readonly number[]): Ratio =>
  divide(
    values.reduce((sum, value) => add(sum, ratioOf(value)), ZERO),
    ratioOf(values.length),
  );

describe('exact ratios for bars and shares (S1-4, S1-5, S3-5)', () => {
  it('reads a parameter as the decimal it is written as: 0.7 is 7/10', () => {
    expect(ratioOf(0.7)).toEqual({ numerator: 7n, denominator: 10n });
    expect(ratioOf(1.5e-7)).toEqual({ numerator: 3n, denominator: 20_000_000n });
    expect(ratioOf(1e21)).toEqual({ numerator: 10n ** 21n, denominator: 1n });
    expect(ratioOf(-0.25)).toEqual({ numerator: -1n, denominator: 4n });
  });

  it('S1-4: the mean of 60%, 70% and 80% is exactly 70% (the float mean is 0.6999999999999998)', () => {
    expect((0.6 + 0.7 + 0.8) / 3).toBeLessThan(0.7);
    expect(compareRatios(mean([0.6, 0.7, 0.8]), ratioOf(0.7))).toBe(0);
  });

  it('S1-4: 6,999 of 10,000 is below 70%, 7 of 10 is at it', () => {
    expect(compareRatios(divide(ratioOf(6999), ratioOf(10_000)), ratioOf(0.7))).toBe(-1);
    expect(compareRatios(divide(ratioOf(7), ratioOf(10)), ratioOf(0.7))).toBe(0);
  });

  it('S1-5: a whole share is exact under every rounding, where floats miss by one (0.55 × 100 is 55.00000000000001, 0.7 × 90 is 62.99999999999999)', () => {
    expect(shareOf(0.3, 20, 'ceil')).toBe(6);
    expect(shareOf(0.3, 20, 'floor')).toBe(6);
    expect(Math.ceil(0.55 * 100)).toBe(56);
    expect(shareOf(0.55, 100, 'ceil')).toBe(55);
    expect(Math.floor(0.7 * 90)).toBe(62);
    expect(shareOf(0.7, 90, 'floor')).toBe(63);
  });

  it('S1-5: 30% of 7 is 2.1 — ceil 3, floor 2, round 2; 30% of 5 is 1.5 — round (half up) 2', () => {
    expect(shareOf(0.3, 7, 'ceil')).toBe(3);
    expect(shareOf(0.3, 7, 'floor')).toBe(2);
    expect(shareOf(0.3, 7, 'round')).toBe(2);
    expect(shareOf(0.3, 5, 'round')).toBe(2);
  });

  it('S3-5: half of 7 participants floors to 3', () => {
    expect(shareOf(0.5, 7, 'floor')).toBe(3);
    expect(shareOf(0.5, 8, 'floor')).toBe(4);
  });

  it('rounds negative ratios toward the right integers', () => {
    const minusTwoAndAHalf = divide(ratioOf(-5), ratioOf(2));
    expect(roundRatio(minusTwoAndAHalf, 'floor')).toBe(-3);
    expect(roundRatio(minusTwoAndAHalf, 'ceil')).toBe(-2);
    expect(roundRatio(minusTwoAndAHalf, 'round')).toBe(-2);
  });

  it('reports a ratio as a number only for display', () => {
    expect(toNumber(divide(ratioOf(2), ratioOf(3)))).toBeCloseTo(0.6667, 4);
  });

  it('refuses a zero divisor and a non-finite number', () => {
    expect(() => divide(ratioOf(1), ZERO)).toThrow(RangeError);
    expect(() => ratioOf(Number.NaN)).toThrow(RangeError);
  });
});
