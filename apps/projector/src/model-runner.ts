import {
  parseDocument,
  stringifyDocument,
  type ProjectedEvent,
  type Projection,
} from '@ledger/projections/shared/projection';
import type {
  DocumentWrite,
  ModelGeneration,
  PositionWrite,
  ReadModelStore,
} from '@ledger/read-models';

export type AnyProjection = Projection<unknown, unknown>;

/** What one commit writes for a runner: its views and documents, and its positions. */
export interface RunnerCommit {
  readonly writes: Iterable<DocumentWrite>;
  readonly position: PositionWrite;
}

/**
 * One projection applied to one stored generation: a cache of its documents, the keys whose views
 * and whose documents changed since they were last written, and the positions applied, viewed and
 * checkpointed (read-model-store.ts). Documents are loaded once and then owned here (evolve may
 * update them in place: projections/shared/projection.ts), so a batch of events costs evolve
 * calls, not reads and parses.
 */
export class ModelRunner {
  private readonly docs = new Map<string, unknown>();
  /** Keys changed since their view was last written. */
  private readonly viewsDirty = new Set<string>();
  /** Keys changed since their document was last written (the last checkpoint). */
  private readonly docsDirty = new Set<string>();
  /** Keys updated since the cache last dropped documents: those stay when it next does. */
  private readonly usedSinceEviction = new Set<string>();
  /**
   * Every key the generation holds a document for (those stored when this runner started, and
   * every one it has checkpointed since): a key outside it has no stored document, so its
   * initial document needs no read. Null when unknown: every missing document is then read.
   */
  private readonly stored: Set<string> | null;
  /** Applied in memory: from the stored documents' position on. */
  private applied: number;
  /** The stored views' position (what readers see). */
  private committedAt: number;
  /** The stored documents' position. */
  private checkpointAt: number;

  constructor(
    readonly projection: AnyProjection,
    readonly generation: ModelGeneration,
    private readonly store: ReadModelStore,
    storedKeys: Iterable<string> | null = null,
  ) {
    this.stored = storedKeys === null ? null : new Set(storedKeys);
    this.applied = generation.docPosition;
    this.committedAt = generation.position;
    this.checkpointAt = generation.docPosition;
  }

  get model(): string {
    return this.projection.name;
  }

  /** The views' position in the store. */
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
        this.viewsDirty.add(key);
        this.docsDirty.add(key);
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

  get uncheckpointedDocs(): number {
    return this.docsDirty.size;
  }

  /** Documents changed since the last checkpoint (a restart would fold their events again). */
  get uncheckpointed(): boolean {
    return this.docsDirty.size > 0 || this.applied > this.checkpointAt;
  }

  /**
   * What a commit writes now, or null when nothing: the views changed since the last commit and
   * the position applied — unless the fold has not yet passed the stored views again after a
   * restart (those views are newer) — and, at a `checkpoint`, every document changed since the
   * last one and its position. Texts are serialised as the writes are read: read them before any
   * later event is applied (ReadModelStore.commit reads them during the call), and a store can
   * hand each text on at once instead of the whole batch living until the last.
   */
  takeCommit(checkpoint: boolean): RunnerCommit | null {
    const writeViews =
      this.applied >= this.committedAt &&
      (this.viewsDirty.size > 0 || this.applied > this.committedAt);
    const writeDocs = checkpoint && this.uncheckpointed;
    if (!writeViews && !writeDocs) return null;
    const views = writeViews ? new Set(this.viewsDirty) : new Set<string>();
    const documents = writeDocs ? new Set(this.docsDirty) : new Set<string>();
    if (writeViews) this.viewsDirty.clear();
    if (writeDocs) {
      this.docsDirty.clear();
      if (this.stored !== null) for (const key of documents) this.stored.add(key);
    }
    const { model, projection, docs } = this;
    const { generation } = this.generation;
    return {
      position: {
        model,
        generation,
        position: writeViews ? this.applied : this.committedAt,
        docPosition: writeDocs ? this.applied : this.checkpointAt,
      },
      writes: (function* serialise(): Generator<DocumentWrite> {
        for (const key of new Set([...views, ...documents])) {
          const doc = docs.get(key);
          yield {
            model,
            generation,
            key,
            doc: documents.has(key) ? stringifyDocument(projection, doc) : null,
            view: views.has(key) ? JSON.stringify(projection.view(doc, key)) : null,
          };
        }
      })(),
    };
  }

  /**
   * The commit of the last takeCommit has landed. Bounded memory: past the bound, the documents
   * neither updated since the cache last dropped some nor changed since they were last written are
   * dropped (the store holds them as they are): the documents a busy platform's every event
   * updates stay cached, and so does every document whose stored view or document is behind.
   */
  committed(position: PositionWrite, maxCachedDocs: number): void {
    this.committedAt = position.position;
    this.checkpointAt = position.docPosition;
    if (this.docs.size <= maxCachedDocs) return;
    for (const key of this.docs.keys())
      if (!this.usedSinceEviction.has(key) && !this.docsDirty.has(key) && !this.viewsDirty.has(key))
        this.docs.delete(key);
    this.usedSinceEviction.clear();
  }
}
