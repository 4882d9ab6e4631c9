import {
  parseDocument,
  stringifyDocument,
  type ProjectedEvent,
  type Projection,
} from '@ledger/projections/shared/projection';
import type { DocumentWrite, ModelGeneration, ReadModelStore } from '@ledger/read-models';

export type AnyProjection = Projection<unknown, unknown>;

/**
 * One projection applied to one stored generation: a cache of its documents, the keys changed
 * since the last commit, and the position applied. Documents are loaded once and then owned here
 * (evolve may update them in place: projections/shared/projection.ts), so a batch of events costs
 * evolve calls, not reads and parses.
 */
export class ModelRunner {
  private readonly docs = new Map<string, unknown>();
  private readonly dirty = new Set<string>();
  /** Keys updated since the cache last dropped documents: those stay when it next does. */
  private readonly usedSinceEviction = new Set<string>();
  /**
   * Every key the generation holds a document for (those stored when this runner started, and
   * every one it has handed to the store since): a key outside it has no stored document, so its
   * initial document needs no read. Null when unknown: every missing document is then read.
   */
  private readonly stored: Set<string> | null;
  /** Applied in memory, not yet committed. */
  private applied: number;
  private committedAt: number;

  constructor(
    readonly projection: AnyProjection,
    readonly generation: ModelGeneration,
    private readonly store: ReadModelStore,
    storedKeys: Iterable<string> | null = null,
  ) {
    this.stored = storedKeys === null ? null : new Set(storedKeys);
    this.applied = generation.position;
    this.committedAt = generation.position;
  }

  get model(): string {
    return this.projection.name;
  }

  /** The last position committed to the store. */
  get committedPosition(): number {
    return this.committedAt;
  }

  get appliedPosition(): number {
    return this.applied;
  }

  async apply(event: ProjectedEvent): Promise<void> {
    while (!this.applyCached(event)) {
      for (const key of this.projection.keysOf(event)) {
        if (!this.docs.has(key)) this.docs.set(key, await this.load(key));
      }
    }
  }

  /**
   * Applies the event if every document it updates is in the cache (or it updates none) and
   * returns true; returns false, having changed nothing, when a document must be loaded first
   * (apply does that). Synchronous, so a rebuild folds a page without an await per event.
   */
  applyCached(event: ProjectedEvent): boolean {
    if (event.position <= this.applied) return true;
    const { projection, docs } = this;
    if (projection.eventTypes.has(event.type)) {
      const keys = projection.keysOf(event);
      const { stored } = this;
      for (const key of keys) {
        if (docs.has(key)) continue;
        if (stored === null || stored.has(key)) return false;
        docs.set(key, projection.initialDoc(key));
      }
      for (const key of keys) {
        docs.set(key, projection.evolve(docs.get(key), event, key));
        this.dirty.add(key);
        this.usedSinceEviction.add(key);
      }
    }
    this.applied = event.position;
    return true;
  }

  private async load(key: string): Promise<unknown> {
    const stored = await this.store.loadDoc(this.model, this.generation.generation, key);
    return stored === null
      ? this.projection.initialDoc(key)
      : parseDocument(this.projection, stored, key);
  }

  /** Whether a document has changed since the last takeWrites. */
  get changed(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * The documents changed since the last takeWrites, each serialised as it is read: read them
   * before any later event is applied (ReadModelStore.commit reads them during the call), and a
   * store can hand each text on at once instead of the whole batch living until the last.
   */
  takeWrites(): Iterable<DocumentWrite> {
    const keys = [...this.dirty];
    this.dirty.clear();
    if (this.stored !== null) for (const key of keys) this.stored.add(key);
    const { model, projection, docs } = this;
    const { generation } = this.generation;
    return (function* serialise(): Generator<DocumentWrite> {
      for (const key of keys) {
        const doc = docs.get(key);
        yield {
          model,
          generation,
          key,
          doc: stringifyDocument(projection, doc),
          view: JSON.stringify(projection.view(doc, key)),
        };
      }
    })();
  }

  /**
   * The commit of the last takeWrites has landed at `position`. Bounded memory: past the bound,
   * the documents neither updated since the cache last dropped some nor changed since that
   * snapshot are dropped (the store holds them as they are): the documents a busy platform's
   * every event updates stay cached, and those changed since the snapshot (events applied while
   * the commit was written) stay for the next commit.
   */
  committed(position: number, maxCachedDocs: number): void {
    this.committedAt = position;
    if (this.docs.size <= maxCachedDocs) return;
    for (const key of this.docs.keys())
      if (!this.usedSinceEviction.has(key) && !this.dirty.has(key)) this.docs.delete(key);
    this.usedSinceEviction.clear();
  }
}
