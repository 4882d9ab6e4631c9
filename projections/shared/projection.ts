/**
 * A projection is a keyed fold over the global log: each event updates zero or more documents,
 * each document is folded by `evolve` from `initialDoc`. The same code runs live in the projector
 * (documents persisted in read models with their position) and in memory for audit replay, so a
 * replay and a read model can never disagree.
 *
 * Storage: between batches the projector keeps a document as JSON text. A document is a JSON value
 * itself unless the projection has a `codec` (its documents keep Maps in memory): then
 * `codec.stringify` writes the text and `codec.parse` reads the document back.
 *
 * Ownership: the projector and `foldEvents` hand `evolve` a document nobody else holds, so `evolve`
 * may update it in place and return it (the fold owns its state linearly, as Rust's
 * `fn evolve(mut self, e) -> Self`). Rebuilding 1,000,000 events at ≥ 100,000 events/s leaves no
 * room for copying a document per event. What `evolve` may never do: read the clock, make ids,
 * do I/O, or touch anything but the document it was given.
 */

/** The part of a stored event a projection reads: a RecordedEvent is one, structurally. */
export interface ProjectedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: { readonly recordedAt: string };
}

export interface Projection<Doc, View = Doc> {
  /** Read-model name: table/document namespace and the name in `ledger projections …`. */
  readonly name: string;
  /** Bumped whenever evolve changes meaning: a model built by another version must be rebuilt. */
  readonly version: number;
  /** Event types this projection reads; every other event only advances its position. */
  readonly eventTypes: ReadonlySet<string>;
  /** The documents an event updates (usually one; never empty for a handled event that matters). */
  keysOf(event: ProjectedEvent): readonly string[];
  initialDoc(key: string): Doc;
  evolve(doc: Doc, event: ProjectedEvent, key: string): Doc;
  /**
   * The small, query-ready view stored beside the document (e.g. derived metrics without the
   * record index), so readers such as an evaluation of 1,000 platforms parse only what they use.
   */
  view(doc: Doc, key: string): View;
  /** How a document that is not a JSON value itself is stored (see "Storage" above). */
  readonly codec?: DocumentCodec<Doc>;
}

/** For every document: parse(stringify(doc), key) folds on exactly as doc does. */
export interface DocumentCodec<Doc> {
  /** The document as JSON text. */
  stringify(doc: Doc): string;
  /** The document a stringify text holds. */
  parse(text: string, key: string): Doc;
}

/** The JSON text a document is stored as. */
export function stringifyDocument<Doc, View>(projection: Projection<Doc, View>, doc: Doc): string {
  return projection.codec === undefined ? JSON.stringify(doc) : projection.codec.stringify(doc);
}

/** The document a stored JSON text holds. */
export function parseDocument<Doc, View>(
  projection: Projection<Doc, View>,
  text: string,
  key: string,
): Doc {
  return projection.codec === undefined
    ? (JSON.parse(text) as Doc)
    : projection.codec.parse(text, key);
}

export function canHandle(projection: Projection<unknown, unknown>, eventType: string): boolean {
  return projection.eventTypes.has(eventType);
}

/** Folds events in memory (audit replay, tests): the reference the projector must equal. */
export function foldEvents<Doc, View>(
  projection: Projection<Doc, View>,
  events: Iterable<ProjectedEvent>,
  docs: Map<string, Doc> = new Map(),
): Map<string, Doc> {
  for (const event of events) {
    if (!projection.eventTypes.has(event.type)) continue;
    for (const key of projection.keysOf(event)) {
      const doc = docs.get(key) ?? projection.initialDoc(key);
      docs.set(key, projection.evolve(doc, event, key));
    }
  }
  return docs;
}

/** The views of every folded document, by key. */
export function viewsOf<Doc, View>(
  projection: Projection<Doc, View>,
  docs: ReadonlyMap<string, Doc>,
): Map<string, View> {
  const views = new Map<string, View>();
  for (const [key, doc] of docs) views.set(key, projection.view(doc, key));
  return views;
}
