/** Calendar helpers for ISO 8601 timestamps (UTC) and dates; pure string/number work. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2})))?$/;

const BEIJING_OFFSET_MINUTES = 8 * 60;

/**
 * Milliseconds since the epoch, or null when the text is not an ISO 8601 date or instant. A
 * date alone is midnight in Beijing. Impossible calendar values (2025-02-30, 24:00) are refused
 * rather than rolled over as Date.parse would. Computed from the fields (no Date.parse): it runs
 * twice per record on the write path.
 */
export function parseInstant(text: string): number | null {
  // Stored events are read back untyped (old schema versions, foreign streams): not a string, no date.
  if (typeof text !== 'string') return null;
  const canonical = parseCanonicalInstant(text);
  if (canonical !== undefined) return canonical;
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (match[4] === undefined)
    return utc(year, month, day, 0, 0, 0, 0) - BEIJING_OFFSET_MINUTES * 60_000;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  // Date.parse keeps milliseconds and drops finer digits.
  const millis = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (match[8] === undefined) {
    const hours = Number(match[10]);
    const minutes = Number(match[11]);
    if (hours > 23 || minutes > 59) return null;
    offset = (match[9] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return utc(year, month, day, hour, minute, second, millis) - offset * 60_000;
}

/**
 * The two shapes the ledger itself writes — a date (`2025-05-20`) and toISOString's
 * `2025-05-20T02:00:00.123Z` — read by character codes: projections parse two per record, and the
 * regular expression with its match array cost more than the rest of a record's fold. Returns
 * undefined for anything else, impossible values included, so that the general reading above
 * decides every other text: a number returned here is the number it would return.
 */
function parseCanonicalInstant(text: string): number | undefined {
  const length = text.length;
  if ((length !== 10 && length !== 24) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  // Years 0–99 need utc()'s correction; leave them to the general reading.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (length === 10) return epochDay(year, month, day) * DAY_MS - BEIJING_OFFSET_MINUTES * 60_000;
  if (
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 || // .
    text.charCodeAt(23) !== 90 // Z
  )
    return undefined;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millis = digitsAt(text, 20, 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millis < 0)
    return undefined;
  return (
    epochDay(year, month, day) * DAY_MS +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1_000 +
    millis
  );
}

const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), what Date.UTC
 * counts for years 100 on, in arithmetic: Date.UTC is a call into the runtime, as dear as the
 * rest of the parse.
 */
function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The decimal number written by `count` ASCII digits from `from`; -1 if any is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Date.UTC, except that years 0–99 stay years 0–99. */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year >= 100) return ms;
  const date = new Date(ms);
  date.setUTCFullYear(year);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The calendar year of an instant in China Standard Time (UTC+8): a service on 2025-12-31 at
 * 23:00 Beijing time belongs to 2025 even though it is 15:00 UTC.
 */
export function beijingYearOf(ms: number): number {
  return new Date(ms + 8 * 3600_000).getUTCFullYear();
}
