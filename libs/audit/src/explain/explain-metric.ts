import { SERVICE_AREAS, type ServiceArea } from '@ledger/domain';
import {
  IN_CALENDAR_YEAR,
  IN_IMPLEMENTATION_PERIOD,
} from '@ledger/projections/platform-year-metrics/metrics.calendar';
import type { Contribution } from '@ledger/projections/platform-year-metrics/metrics.contribution';
import type { MetricsDoc } from '@ledger/projections/platform-year-metrics/metrics.doc';
import { FUNCTION_AREAS } from '@ledger/projections/platform-year-metrics/metrics.indicators';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import { invalid } from '../audit-error';
import { inAreas, METRIC_RULES, type MetricRule } from './metric-contributors';

export type MetricWindow = 'calendarYear' | 'implementationPeriod';

/** Why a metric has its value: the rules that read it and the events that make it up. */
export interface MetricExplanation {
  readonly platformId: string;
  readonly year: number;
  readonly metric: string;
  readonly window: MetricWindow | null;
  /** The metric's value in the platform-year view. */
  readonly value: unknown;
  readonly ruleIds: readonly string[];
  /** The events counted, in the order they were recorded (first `limit`). */
  readonly eventIds: readonly string[];
  readonly eventCount: number;
  /** S1-1: records of this metric that occurred or were recorded outside the period and do not count. */
  readonly excluded: readonly {
    readonly eventId: string;
    readonly reason: string;
    readonly ruleId: 'S1-1';
  }[];
  readonly detail: string;
}

const WINDOW_BITS: Readonly<Record<MetricWindow, number>> = {
  calendarYear: IN_CALENDAR_YEAR,
  implementationPeriod: IN_IMPLEMENTATION_PERIOD,
};

const LIST_METRICS = ['targets', 'excluded', 'disqualifications', 'fraudConfirmed'] as const;

/**
 * Explains one metric of a platform-year from its metrics document (the projection's own fold):
 * `[calendarYear.|implementationPeriod.][byArea.<area>.|byFunction.<function>.]<leaf>`, or one
 * of the lists `targets` (S1-4), `excluded` (S1-1), `disqualifications`, `fraudConfirmed`.
 */
export function explainMetric(
  doc: MetricsDoc,
  view: PlatformYearMetrics,
  metric: string,
  limit = 1_000,
): MetricExplanation {
  const listed = LIST_METRICS.find((name) => name === metric);
  if (listed !== undefined) return explainList(doc, view, listed);
  const segments = metric.split('.');
  const window = windowOf(segments[0]);
  const path = window === null ? segments : segments.slice(1);
  const scope = areaScope(path);
  const leaf = scope.rest[0] ?? '';
  const rule: MetricRule | undefined = METRIC_RULES[leaf];
  if (rule === undefined) {
    throw invalid(
      'metric',
      `is not a metric: known leaves are ${Object.keys(METRIC_RULES).join(', ')} (see metrics.view.ts)`,
    );
  }
  const chosen = window ?? 'calendarYear';
  // The financing function counts every financing deal, whatever its area (metrics.view-of.ts).
  const counts = (record: Contribution): boolean =>
    rule.counts(record) &&
    (scope.areas === null ||
      inAreas(record, scope.areas) ||
      (scope.fn === 'financing' && record.type === 'FinancingDealRecorded'));
  const eventIds: string[] = [];
  let eventCount = 0;
  for (const [eventId, record] of doc.records) {
    if (!('windows' in record) || (record.windows & WINDOW_BITS[chosen]) === 0) continue;
    if (!counts(record)) continue;
    eventCount += 1;
    if (eventIds.length < limit) eventIds.push(eventId);
  }
  const excluded =
    chosen === 'implementationPeriod'
      ? doc.excluded.flatMap((entry) => {
          const record = entry === null ? undefined : doc.records.get(entry.recordId);
          return entry !== null && record !== undefined && counts(record)
            ? [{ eventId: entry.recordId, reason: entry.reason, ruleId: 'S1-1' as const }]
            : [];
        })
      : [];
  const ruleIds = chosen === 'implementationPeriod' ? ['S1-1', ...rule.ruleIds] : rule.ruleIds;
  return {
    platformId: doc.platformId,
    year: doc.year,
    metric,
    window: chosen,
    value: valueAt(view[chosen], path),
    ruleIds,
    eventIds,
    eventCount,
    excluded,
    detail: `${metric} of ${doc.platformId} ${String(doc.year)} (${chosen === 'calendarYear' ? 'the calendar year' : "S1-1's implementation period, recorded by the evidence deadline"}): ${String(eventCount)} event(s) counted${excluded.length > 0 ? `, ${String(excluded.length)} excluded by S1-1` : ''}.`,
  };
}

function windowOf(segment: string | undefined): MetricWindow | null {
  return segment === 'calendarYear' || segment === 'implementationPeriod' ? segment : null;
}

function areaScope(path: readonly string[]): {
  readonly areas: readonly ServiceArea[] | null;
  readonly fn: string | null;
  readonly rest: readonly string[];
} {
  const [head, name, ...rest] = path;
  if (head === 'byArea') {
    const area = SERVICE_AREAS.find((known) => known === name);
    if (area === undefined) throw invalid('metric', `names no service area: ${name ?? ''}`);
    return { areas: [area], fn: null, rest };
  }
  if (head === 'byFunction') {
    const areas = Object.entries(FUNCTION_AREAS).find(([fn]) => fn === name)?.[1];
    if (areas === undefined) throw invalid('metric', `names no function: ${name ?? ''}`);
    return { areas, fn: name ?? null, rest };
  }
  return { areas: null, fn: null, rest: path };
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !(segment in value)) return null;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function explainList(
  doc: MetricsDoc,
  view: PlatformYearMetrics,
  metric: (typeof LIST_METRICS)[number],
): MetricExplanation {
  const base = { platformId: doc.platformId, year: doc.year, metric, window: null, excluded: [] };
  switch (metric) {
    case 'targets': {
      const plan = doc.plans.at(-1);
      const eventIds = plan === undefined ? [] : [plan.eventId];
      return {
        ...base,
        value: view.targets,
        ruleIds: ['S1-4'],
        eventIds,
        eventCount: eventIds.length,
        detail: `S1-4: the last standing work plan's targets against the implementation period's actuals (explain each indicator as implementationPeriod.<indicator>).`,
      };
    }
    case 'excluded': {
      const eventIds = view.excluded.map((entry) => entry.recordId);
      return {
        ...base,
        value: view.excluded,
        ruleIds: ['S1-1', 'F-6'],
        eventIds,
        eventCount: eventIds.length,
        detail: `S1-1: ${String(eventIds.length)} record(s) outside the implementation period or recorded after the evidence deadline do not count.`,
      };
    }
    case 'disqualifications':
    case 'fraudConfirmed': {
      const entries = view[metric];
      const eventIds = entries.map((entry) => entry.eventId);
      return {
        ...base,
        value: entries,
        ruleIds: [...new Set(entries.map((entry) => entry.ruleId))],
        eventIds,
        eventCount: eventIds.length,
        detail: `${metric}: ${String(eventIds.length)} decision(s) recorded in this year's stream.`,
      };
    }
  }
}
