import type { ReadModelReader } from './read-model-reader';

/**
 * Where projected documents live. A model may have one active generation (served to readers) and
 * one being built (a rebuild); each generation stores its documents and the global position it has
 * applied, always written in the same transaction, so a crash never double-applies or skips.
 */
export interface ModelGeneration {
  readonly model: string;
  readonly generation: number;
  /** The projection version that built it: a model built by another version is rebuilt. */
  readonly version: number;
  readonly position: number;
  readonly status: 'active' | 'building';
}

export interface DocumentWrite {
  readonly model: string;
  readonly generation: number;
  readonly key: string;
  /** The fold's document as JSON. */
  readonly doc: string;
  /** The query-ready view as JSON. */
  readonly view: string;
}

export interface PositionWrite {
  readonly model: string;
  readonly generation: number;
  readonly position: number;
}

export interface ReadModelStore {
  readonly kind: 'sqlite' | 'postgres';
  generations(): Promise<ModelGeneration[]>;
  /** A new, empty generation in status `building` at position -1. */
  createGeneration(model: string, version: number): Promise<ModelGeneration>;
  /** Makes the generation the model's active one and drops the one it replaces, atomically. */
  activate(model: string, generation: number): Promise<void>;
  dropGeneration(model: string, generation: number): Promise<void>;
  /** A stored document's JSON, or null. */
  loadDoc(model: string, generation: number, key: string): Promise<string | null>;
  /**
   * The key of every document the generation holds: a projector that owns the generation knows
   * a key outside them (a new enterprise, a new contract) has no document, without a read.
   */
  documentKeys(model: string, generation: number): Promise<string[]>;
  /**
   * Documents and positions in one transaction; StaleGenerationError if a generation is gone.
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
