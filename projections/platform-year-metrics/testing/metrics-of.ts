import { foldEvents, type ProjectedEvent } from '../../shared/projection';
import type { MetricsDoc } from '../metrics.doc';
import type { PlatformYearMetrics } from '../metrics.view';
import { platformYearKey, platformYearMetrics } from '../platform-year-metrics.projection';
import { log, PLATFORM_ID, YEAR } from './year-events';

export const KEY = platformYearKey(PLATFORM_ID, YEAR);

/** Folds the events (in this order) into the test platform-year's document (empty without any). */
export function docOf(...events: readonly ProjectedEvent[]): MetricsDoc {
  return (
    foldEvents(platformYearMetrics, log(...events)).get(KEY) ?? platformYearMetrics.initialDoc(KEY)
  );
}

/** The view of the test platform-year after the events. */
export function metricsOf(...events: readonly ProjectedEvent[]): PlatformYearMetrics {
  return platformYearMetrics.view(docOf(...events), KEY);
}
