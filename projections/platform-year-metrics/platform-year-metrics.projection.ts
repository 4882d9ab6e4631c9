import { parsePlatformYearStream } from '@ledger/domain';
import type { ProjectedEvent, Projection } from '../shared/projection';
import {
  checkS1Calendar,
  countingWindows,
  DEFAULT_S1_CALENDAR,
  type S1Calendar,
} from './metrics.calendar';
import {
  emptyMetricsDoc,
  parseMetricsDoc,
  stringifyMetricsDoc,
  type MetricsDoc,
} from './metrics.doc';
import { evolveMetrics, METRICS_EVENT_TYPES } from './metrics.evolve';
import type { PlatformYearMetrics } from './metrics.view';
import { metricsView } from './metrics.view-of';

/** Read-model name (the same as READ_MODELS.platformYearMetrics in libs/read-models). */
export const PLATFORM_YEAR_METRICS = 'platform-year-metrics';

/**
 * `{platformId}/{year}`: the key readers use. libs/read-models' platformYearKey builds the same
 * string; projections may not import read models, so the format is spelled out on both sides.
 */
export function platformYearKey(platformId: string, year: number): string {
  return `${platformId}/${String(year)}`;
}

export function parsePlatformYearKey(key: string): { platformId: string; year: number } {
  const slash = key.lastIndexOf('/');
  const year = Number(key.slice(slash + 1));
  if (slash <= 0 || !Number.isInteger(year)) {
    throw new RangeError(`not a platform-year key: ${key}`);
  }
  return { platformId: key.slice(0, slash), year };
}

/**
 * The platform-year metrics (RULES.md S0-6, S1-1, S1-4, S2-3, S3-2, S3-3, S4-1..S4-3): one document
 * per `platformyear-{platformId}_{year}` stream. `calendar` sets S1-1's implementation period
 * and evidence deadline (DEFAULT_S1_CALENDAR: 01-01..09-30, evidence by 10-10).
 */
export function platformYearMetricsProjection(
  calendar: S1Calendar = DEFAULT_S1_CALENDAR,
): Projection<MetricsDoc, PlatformYearMetrics> {
  checkS1Calendar(calendar);
  // Stream names repeat in runs (a batch is one stream): remember the last one parsed.
  let lastStream = '';
  let lastKeys: readonly string[] = [];
  return {
    name: PLATFORM_YEAR_METRICS,
    version: 2,
    eventTypes: METRICS_EVENT_TYPES,
    keysOf(event: ProjectedEvent): readonly string[] {
      if (event.stream === lastStream) return lastKeys;
      const parsed = parsePlatformYearStream(event.stream);
      lastStream = event.stream;
      lastKeys = parsed === null ? [] : [platformYearKey(parsed.platformId, parsed.year)];
      return lastKeys;
    },
    initialDoc(key: string): MetricsDoc {
      const { platformId, year } = parsePlatformYearKey(key);
      return emptyMetricsDoc(platformId, year, countingWindows(year, calendar));
    },
    evolve: evolveMetrics,
    view: metricsView,
    codec: { stringify: stringifyMetricsDoc, parse: parseMetricsDoc },
  };
}

export const platformYearMetrics = platformYearMetricsProjection();
