/** Calendar helpers for ISO 8601 timestamps (UTC) and dates; pure string/number work. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch, or null when the text is not an ISO 8601 date or instant. */
export function parseInstant(text: string): number | null {
  if (!ISO_INSTANT.test(text)) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00+08:00` : text);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The calendar year of an instant in China Standard Time (UTC+8): a service on 2025-12-31 at
 * 23:00 Beijing time belongs to 2025 even though it is 15:00 UTC.
 */
export function beijingYearOf(ms: number): number {
  return new Date(ms + 8 * 3600_000).getUTCFullYear();
}
