import type { ReadModelReader } from './read-model-reader';

/**
 * Where projected documents live. A model may have one active generation (served to readers) and
 * one being built (a rebuild); each generation stores its views and documents with the global
 * positions they have applied, written in the same transaction, so a crash never double-applies
 * or skips.
 *
 * Views (small, query-ready) are committed often, documents (the fold's whole state: a
 * platform-year's holds every record) only at checkpoints, so a commit costs what changed rather
 * than the size of what changed. `position` is the views' position, the one readers see;
 * `docPosition` ≤ `position` is the documents' position, where a projector resumes folding. Folding
 * again from there reproduces the stored views exactly (projections are deterministic), and a
 * projector writes no view until it has passed `position` again, so readers never see one go back.
 */
export interface ModelGeneration {
  readonly model: string;
  readonly generation: number;
  /** The projection version that built it: a model built by another version is rebuilt. */
  readonly version: number;
  readonly position: number;
  readonly docPosition: number;
  readonly status: 'active' | 'building';
}

export interface DocumentWrite {
  readonly model: string;
  readonly generation: number;
  readonly key: string;
  /** The fold's document as JSON; null leaves the stored one (if any) as it is. */
  readonly doc: string | null;
  /** The query-ready view as JSON; null leaves the stored one as it is. */
  readonly view: string | null;
}

export interface PositionWrite {
  readonly model: string;
  readonly generation: number;
  readonly position: number;
  readonly docPosition: number;
}

export interface ReadModelStore {
  readonly kind: 'sqlite' | 'postgres';
  generations(): Promise<ModelGeneration[]>;
  /** A new, empty generation in status `building` at positions -1. */
  createGeneration(model: string, version: number): Promise<ModelGeneration>;
  /** Makes the generation the model's active one and drops the one it replaces, atomically. */
  activate(model: string, generation: number): Promise<void>;
  dropGeneration(model: string, generation: number): Promise<void>;
  /** A stored document's JSON, or null (none, or only a view so far). */
  loadDoc(model: string, generation: number, key: string): Promise<string | null>;
  /**
   * The key of every document the generation holds (not counting keys with a view only): a
   * projector that owns the generation knows a key outside them (a new enterprise, a new
   * contract) has no document, without a read.
   */
  documentKeys(model: string, generation: number): Promise<string[]>;
  /**
   * Views, documents and positions in one transaction; StaleGenerationError if a generation is
   * gone.
   * `writes` is read once, to the end, before this call returns (before any await): a caller may
   * produce each document only as it is read — the projector serialises them one at a time — and
   * a store may pass each on at once rather than hold a whole batch of texts.
   */
  commit(writes: Iterable<DocumentWrite>, positions: readonly PositionWrite[]): Promise<void>;
  /** Bumped by every activation: a projector seeing it change reloads its generations. */
  epoch(): Promise<number>;
  reader(): ReadModelReader;
  close(): Promise<void>;
}

/** A commit named a generation that no longer exists (another process swapped a rebuild in). */
export class StaleGenerationError extends Error {
  constructor(
    readonly model: string,
    readonly generation: number,
  ) {
    super(`read model ${model} generation ${String(generation)} was replaced`);
    this.name = 'StaleGenerationError';
  }
}
