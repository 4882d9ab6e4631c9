import { platformYearStream } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import {
  platformYearKey,
  platformYearMetricsProjection,
} from '@ledger/projections/platform-year-metrics/platform-year-metrics.projection';
import type { MetricsDoc } from '@ledger/projections/platform-year-metrics/metrics.doc';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';

/** A platform-year's metrics document as of its stream's latest revision. */
export interface LiveMetricsDoc {
  readonly doc: MetricsDoc;
  readonly view: PlatformYearMetrics;
  /** The stream revision folded (-1: no events). */
  readonly revision: number;
}

interface Entry {
  readonly projection: ReturnType<typeof platformYearMetricsProjection>;
  doc: MetricsDoc;
  revision: number;
  /** Calls on one stream run one after another: the fold updates the document in place. */
  turn: Promise<unknown>;
}

/**
 * The metrics documents explain reads, folded with the projector's own code from the
 * platform-year streams and kept for the next call, which reads only the events appended since:
 * explaining a metric of a 100,000-event year costs a scan of its records, not a refold. The
 * document holds what the view drops (each record's contribution), so it is the explain source.
 * Bounded: the least recently used year is dropped beyond `capacity`.
 */
export class LiveMetricsDocs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EventStore,
    private readonly capacity = 16,
  ) {}

  current(platformId: string, year: number): Promise<LiveMetricsDoc | null> {
    const stream = platformYearStream(platformId, year);
    let entry = this.entries.get(stream);
    if (entry === undefined) {
      const projection = platformYearMetricsProjection();
      const key = platformYearKey(platformId, year);
      entry = {
        projection,
        doc: projection.initialDoc(key),
        revision: -1,
        turn: Promise.resolve(),
      };
    }
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    const chosen = entry;
    const next = chosen.turn.then(() =>
      this.catchUp(chosen, stream, platformYearKey(platformId, year)),
    );
    chosen.turn = next.catch(() => undefined);
    return next;
  }

  private async catchUp(entry: Entry, stream: string, key: string): Promise<LiveMetricsDoc | null> {
    for await (const event of this.store.readStream(stream, { fromRevision: entry.revision + 1 })) {
      if (entry.projection.eventTypes.has(event.type)) {
        entry.doc = entry.projection.evolve(entry.doc, event, key);
      }
      entry.revision = event.revision;
    }
    if (entry.revision < 0) return null;
    return {
      doc: entry.doc,
      view: entry.projection.view(entry.doc, key),
      revision: entry.revision,
    };
  }
}
