import { parseInstant } from '@ledger/domain';

/**
 * S1-1's counting window, as month-days (`MM-DD`, inclusive, Beijing time) of the evaluated year.
 * A projection parameter: a deployment that reads another year's notice builds the projection
 * with its own calendar (and bumps the projection version, since the counts change).
 */
export interface S1Calendar {
  /** First day of the implementation period. S1 二、实施期限: 1月1日. */
  readonly periodStart: string;
  /** Last day of the implementation period, counted to 23:59:59.999. S1 二: 9月30日. */
  readonly periodEnd: string;
  /**
   * Last day evidence may be recorded (metadata.recordedAt), counted to 23:59:59.999. S1 四(五)
   * says 10月10日前 ("before 10-10"); RULES.md reads it as "by 10-10", so 10-10 itself counts.
   */
  readonly evidenceDeadline: string;
}

export const DEFAULT_S1_CALENDAR: S1Calendar = {
  periodStart: '01-01',
  periodEnd: '09-30',
  evidenceDeadline: '10-10',
};

/**
 * Refuses a calendar that cannot apply to every year: month-days that do not exist (02-29 lacks
 * in most years), a period that ends before it starts, a deadline before the period ends.
 */
export function checkS1Calendar(calendar: S1Calendar): S1Calendar {
  const windows = countingWindows(2001, calendar);
  if (windows.periodEndMs <= windows.periodStartMs) {
    throw new RangeError(`the period ends before it starts: ${JSON.stringify(calendar)}`);
  }
  if (windows.evidenceDeadlineEndMs < windows.periodEndMs) {
    throw new RangeError(
      `the evidence deadline precedes the period end: ${JSON.stringify(calendar)}`,
    );
  }
  return calendar;
}

/** The windows of one year as epoch milliseconds; every end is exclusive. */
export interface CountingWindows {
  readonly yearStartMs: number;
  readonly yearEndMs: number;
  readonly periodStartMs: number;
  readonly periodEndMs: number;
  readonly evidenceDeadlineEndMs: number;
}

const DAY_MS = 86_400_000;

export function countingWindows(year: number, calendar: S1Calendar): CountingWindows {
  return {
    yearStartMs: beijingMidnight(year, '01-01'),
    yearEndMs: beijingMidnight(year + 1, '01-01'),
    periodStartMs: beijingMidnight(year, calendar.periodStart),
    periodEndMs: beijingMidnight(year, calendar.periodEnd) + DAY_MS,
    evidenceDeadlineEndMs: beijingMidnight(year, calendar.evidenceDeadline) + DAY_MS,
  };
}

/** A date alone is Beijing midnight (parseInstant's reading of `YYYY-MM-DD`). */
function beijingMidnight(year: number, monthDay: string): number {
  const ms = /^\d{2}-\d{2}$/.test(monthDay)
    ? parseInstant(`${String(year).padStart(4, '0')}-${monthDay}`)
    : null;
  if (ms === null) throw new RangeError(`not a calendar month-day of ${String(year)}: ${monthDay}`);
  return ms;
}

/** Bit flags of the windows a record counts in. */
export const IN_CALENDAR_YEAR = 1;
export const IN_IMPLEMENTATION_PERIOD = 2;

export type ExclusionReason = 'outside_period' | 'after_evidence_deadline';

export interface Classification {
  readonly windows: number;
  readonly exclusion: ExclusionReason | null;
}

// The few possible outcomes, shared so that classifying a record allocates nothing.
const NOWHERE: Classification = { windows: 0, exclusion: 'outside_period' };
const YEAR_ONLY_OUTSIDE_PERIOD: Classification = {
  windows: IN_CALENDAR_YEAR,
  exclusion: 'outside_period',
};
const YEAR_ONLY_LATE: Classification = {
  windows: IN_CALENDAR_YEAR,
  exclusion: 'after_evidence_deadline',
};
const BOTH_WINDOWS: Classification = {
  windows: IN_CALENDAR_YEAR | IN_IMPLEMENTATION_PERIOD,
  exclusion: null,
};

/**
 * S1-1: a record counts in the implementation period when it occurred inside the period and was
 * recorded by the evidence deadline; the calendar year takes every record that occurred in the
 * year, late or not. Compares epoch numbers only (no Date objects): it runs once per record.
 */
export function classify(
  windows: CountingWindows,
  occurredAt: string,
  recordedAt: string,
): Classification {
  const occurredMs = parseInstant(occurredAt);
  if (occurredMs === null) return NOWHERE;
  const inYear = occurredMs >= windows.yearStartMs && occurredMs < windows.yearEndMs;
  if (occurredMs < windows.periodStartMs || occurredMs >= windows.periodEndMs) {
    return inYear ? YEAR_ONLY_OUTSIDE_PERIOD : NOWHERE;
  }
  // The period is made of month-days of the year, so a record inside it is inside the year.
  const recordedMs = parseInstant(recordedAt);
  if (recordedMs === null || recordedMs >= windows.evidenceDeadlineEndMs) return YEAR_ONLY_LATE;
  return BOTH_WINDOWS;
}
