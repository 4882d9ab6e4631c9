/** What every write answers (API.md): the appended events, the stream revision and global position. */
export interface WriteResult {
  readonly stream: string;
  readonly eventIds: readonly string[];
  /** Revision of the command's last event: the next `If-Match` value (also sent as `ETag`). */
  readonly revision: number;
  /** Global position of the command's last event. */
  readonly position: number;
  /** True when an Idempotency-Key retry was answered from the ledger without appending. */
  readonly replayed: boolean;
}

/** A domain-independent refusal raised by the command processor itself. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was used with a different request body`);
  }
}

export class RevisionMismatchError extends Error {
  readonly code = 'REVISION_MISMATCH';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match expected revision ${String(expected)} but the stream is at ${String(actual)}`);
  }
}
