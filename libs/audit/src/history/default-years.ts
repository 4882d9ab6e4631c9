import {
  MAX_YEAR,
  MIN_YEAR,
  beijingYearOf,
  parseInstant,
  type PlatformEventType,
} from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/projections/shared/projection';

const FILED: PlatformEventType = 'PlatformFiled';

/**
 * The years whose platform-year streams may hold events: a year cannot be written before the
 * filing's (Beijing) year (D-PLATFORM-FILED), and plans are drawn up for next year at the latest,
 * so the filing year to the current year + 1. No filing, no year streams.
 */
export function defaultYears(platformEvents: readonly ProjectedEvent[], now: number): number[] {
  const filing = platformEvents.find((event) => event.type === FILED);
  const filedAt = filing?.data.filedAt;
  const filedMs = typeof filedAt === 'string' ? parseInstant(filedAt) : null;
  if (filedMs === null) return [];
  const first = Math.max(MIN_YEAR, beijingYearOf(filedMs));
  const last = Math.min(MAX_YEAR, beijingYearOf(now) + 1);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}
