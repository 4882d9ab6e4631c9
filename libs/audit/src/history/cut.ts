import { parseInstant } from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/projections/shared/projection';
import { invalid } from '../audit-error';

/** A point in the history: which events of the log count as having happened. */
export type Cut =
  /** Events with position ≤ p. */
  | { readonly kind: 'position'; readonly position: number }
  /** metadata.recordedAt ≤ at: what the ledger knew then. */
  | { readonly kind: 'recorded'; readonly at: string }
  /** data.occurredAt ≤ at: what had happened by then (events without one, by recordedAt). */
  | { readonly kind: 'occurred'; readonly at: string }
  /** That stream up to revision r; every other stream up to the position of that event. */
  | { readonly kind: 'revision'; readonly stream: string; readonly revision: number }
  | { readonly kind: 'now' };

export type Clock = 'recorded' | 'occurred';

/**
 * A cut with its position bound: a revision cut as the position of the event it names, and every
 * cut bounded by the head read before any stream, so that appends landing during the reads never
 * show half-way.
 */
export type ResolvedCut =
  | { readonly kind: 'position'; readonly position: number; readonly head: number }
  | { readonly kind: Clock; readonly atMs: number; readonly head: number };

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The cut, or VALIDATION_FAILED naming `kind`, `position`, `at`, `stream` or `revision`. */
export function checkCut(cut: Cut): Cut {
  switch (cut.kind) {
    case 'position':
      if (!isCount(cut.position)) throw invalid('position', 'must be a non-negative integer');
      return cut;
    case 'recorded':
    case 'occurred':
      if (parseInstant(cut.at) === null) {
        throw invalid('at', 'must be an ISO 8601 date or instant (a date is Beijing midnight)');
      }
      return cut;
    case 'revision':
      if (typeof cut.stream !== 'string' || cut.stream === '') {
        throw invalid('stream', 'must be a stream name');
      }
      if (!isCount(cut.revision)) throw invalid('revision', 'must be a non-negative integer');
      return cut;
    case 'now':
      return cut;
    default:
      return unknownKind(cut);
  }
}

/** A cut from outside the type system (a CLI flag, JSON) whose kind is none of the five. */
function unknownKind(cut: never): never {
  throw invalid(
    'kind',
    `must be position, recorded, occurred, revision or now, not ${String(cut)}`,
  );
}

/**
 * The instant an event stands at on a clock, in ms: recordedAt (the store's clock), or the
 * service's own data.occurredAt — events without a readable one (filings, programs, plans) stand
 * at their recordedAt. Null only for an unreadable recordedAt, which no store writes.
 */
export function eventInstant(event: ProjectedEvent, clock: Clock): number | null {
  if (clock === 'occurred') {
    const occurredAt = event.data.occurredAt;
    const occurred = typeof occurredAt === 'string' ? parseInstant(occurredAt) : null;
    if (occurred !== null) return occurred;
  }
  return parseInstant(event.metadata.recordedAt);
}

/** Whether a resolved cut includes an event; never one after the head it was resolved at. */
export function cutIncludes(cut: ResolvedCut): (event: ProjectedEvent) => boolean {
  if (cut.kind === 'position') {
    const last = Math.min(cut.position, cut.head);
    return (event) => event.position <= last;
  }
  const { atMs, head, kind } = cut;
  return (event) => {
    if (event.position > head) return false;
    const instant = eventInstant(event, kind);
    return instant !== null && instant <= atMs;
  };
}

/** The global position a resolved cut stands for (the head for a clock cut). */
export function asOfPosition(cut: ResolvedCut): number {
  return cut.kind === 'position' ? Math.min(cut.position, cut.head) : cut.head;
}
