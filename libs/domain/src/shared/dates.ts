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
