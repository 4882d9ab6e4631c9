import { parseInstant } from '@ledger/domain';

/**
 * Calendar arithmetic for the network rules. The documents count in Beijing calendar years
 * (S0-2's 2020-11-27 filing, S2-1's "2020 年底"), so a year starts at midnight UTC+8 and an
 * instant is placed on the date it had in Beijing, never on its UTC date.
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Milliseconds of a view's date or instant; NaN for unreadable text (every comparison false). */
export function instantOf(text: string): number {
  return parseInstant(text) ?? Number.NaN;
}

/** The first instant of a calendar year in Beijing (its 00:00 UTC+8). */
export function beijingYearStart(year: number): number {
  return Date.UTC(year, 0, 1) - BEIJING_OFFSET_MS;
}

/** True when the instant falls before the end of the year (before next year's first instant). */
export function isByYearEnd(text: string, year: number): boolean {
  return instantOf(text) < beijingYearStart(year + 1);
}

/** True when the instant falls inside the Beijing calendar year. */
export function isInYear(text: string, year: number): boolean {
  const at = instantOf(text);
  return at >= beijingYearStart(year) && at < beijingYearStart(year + 1);
}

/** The Beijing calendar date `YYYY-MM-DD` of a date or instant, or null when unreadable. */
export function beijingDateOf(text: string): string | null {
  const at = parseInstant(text);
  return at === null ? null : new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The same calendar day `years` later. 29 February rolls over to 1 March in a common year: a
 * period that began on a leap day is not complete until the day after 28 February.
 */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC((year ?? 0) + years, (month ?? 1) - 1, day ?? 1))
    .toISOString()
    .slice(0, 10);
}
