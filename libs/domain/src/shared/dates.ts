/** Calendar helpers for ISO 8601 timestamps (UTC) and dates; pure string/number work. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Milliseconds since the epoch, or null when the text is not an ISO 8601 date or instant. A
 * date alone is midnight in Beijing. Impossible calendar values (2025-02-30, 24:00) are refused
 * rather than rolled over as Date.parse would.
 */
export function parseInstant(text: string): number | null {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return null;
  if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  if (match[4] !== undefined && Number(match[4]) > 23) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00+08:00` : text);
  return Number.isNaN(ms) ? null : ms;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The calendar year of an instant in China Standard Time (UTC+8): a service on 2025-12-31 at
 * 23:00 Beijing time belongs to 2025 even though it is 15:00 UTC.
 */
export function beijingYearOf(ms: number): number {
  return new Date(ms + 8 * 3600_000).getUTCFullYear();
}
