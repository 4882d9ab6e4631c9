import type { ActualRevision, ExpectedRevision } from './types';

/**
 * Typed store errors. Each carries a stable machine-readable code that the HTTP layer maps once
 * (WRONG_EXPECTED_REVISION and DUPLICATE_EVENT_ID → 409, INVALID_APPEND and INVALID_OPTION → 400, others → 503).
 */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(
      `Append to ${stream} expected revision ${String(expected)} but the stream is at ${String(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly existingStream: string,
    readonly existingRevision: number,
  ) {
    super(
      `Event id ${eventId} is already stored as ${existingStream}@${existingRevision}, not at the position of this append`,
    );
    this.name = 'DuplicateEventIdError';
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid append: ${field} ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

export class InvalidOptionError extends EventStoreError {
  readonly code = 'INVALID_OPTION';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid option: ${field} ${reason}`);
    this.name = 'InvalidOptionError';
  }
}

export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export interface ChainBreak {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly eventId: string;
  readonly reason:
    | 'hash_mismatch'
    | 'prev_hash_mismatch'
    | 'revision_gap'
    | 'position_gap'
    | 'out_of_order'
    | 'head_mismatch'
    | 'anchor_mismatch'
    | 'malformed';
  readonly expected: string;
  readonly found: string;
}

export class ChainBrokenError extends EventStoreError {
  readonly code = 'CHAIN_BROKEN';
  constructor(readonly chainBreak: ChainBreak) {
    super(
      `Hash chain broken at ${chainBreak.stream}@${chainBreak.revision} (position ${chainBreak.position}): ${chainBreak.reason}, expected ${chainBreak.expected}, found ${chainBreak.found}`,
    );
    this.name = 'ChainBrokenError';
  }
}
