import { parseInstant } from '@ledger/domain';

import { compareRatios, type Ratio } from './ratio';

/**
 * Deterministic ranking. A ranking decides money (S1-5 tiers, S3-5 bands), so it must never
 * depend on input order: every ranking ends with a key that is unique per platform (its id), and
 * the same inputs always give the same order. Each key is named so a result can say which key
 * separated two platforms.
 */
export interface RankKey<T> {
  /** e.g. 'score desc', shown in README tables and rule details. */
  readonly name: string;
  readonly compare: (a: T, b: T) => number;
}

export function descendingNumber<T>(name: string, of: (item: T) => number): RankKey<T> {
  return { name: `${name} desc`, compare: (a, b) => of(b) - of(a) };
}

export function descendingRatio<T>(name: string, of: (item: T) => Ratio): RankKey<T> {
  return { name: `${name} desc`, compare: (a, b) => compareRatios(of(b), of(a)) };
}

/** Earlier instants first; a date that does not parse sorts last rather than failing a ranking. */
export function ascendingInstant<T>(name: string, of: (item: T) => string): RankKey<T> {
  const instant = (item: T) => parseInstant(of(item)) ?? Number.POSITIVE_INFINITY;
  return {
    name: `${name} asc`,
    compare: (a, b) => {
      const left = instant(a);
      const right = instant(b);
      return left < right ? -1 : left > right ? 1 : 0;
    },
  };
}

/** Code-unit order, not locale order: the same on every machine and Node version. */
export function ascendingText<T>(name: string, of: (item: T) => string): RankKey<T> {
  return {
    name: `${name} asc`,
    compare: (a, b) => {
      const left = of(a);
      const right = of(b);
      return left < right ? -1 : left > right ? 1 : 0;
    },
  };
}

export function compareByKeys<T>(keys: readonly RankKey<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const order = key.compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

export interface Ranked<T> {
  readonly item: T;
  /** 1-based and unique: ties are always broken by the keys, so no two items share a rank. */
  readonly rank: number;
}

/** Sorted copy, best first; the input is not modified. */
export function rankBy<T>(items: readonly T[], keys: readonly RankKey<T>[]): Ranked<T>[] {
  return [...items].sort(compareByKeys(keys)).map((item, index) => ({ item, rank: index + 1 }));
}

/** "score desc, then completion desc, then platformId asc" for details and the README. */
export function describeKeys<T>(keys: readonly RankKey<T>[]): string {
  return keys.map((key) => key.name).join(', then ');
}
