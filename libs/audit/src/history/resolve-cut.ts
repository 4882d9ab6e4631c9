import { parseInstant } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { AuditError, invalid } from '../audit-error';
import { checkCut, type Cut, type ResolvedCut } from './cut';

/**
 * Binds a cut to the log as of `head` (read before any stream): a revision cut becomes the position
 * of the event it names (NOT_FOUND naming `revision` when the stream has no such revision);
 * a clock cut keeps its instant. The cut is checked first (VALIDATION_FAILED naming its field).
 */
export async function resolveCut(store: EventStore, cut: Cut, head: number): Promise<ResolvedCut> {
  const checked = checkCut(cut);
  switch (checked.kind) {
    case 'now':
      return { kind: 'position', position: head, head };
    case 'position':
      return { kind: 'position', position: checked.position, head };
    case 'recorded':
    case 'occurred':
      return { kind: checked.kind, atMs: instantOf(checked.at), head };
    case 'revision': {
      const position = await positionOfRevision(store, checked.stream, checked.revision);
      // Named explicitly, the event counts even if it was appended after the head was read.
      return { kind: 'position', position, head: Math.max(head, position) };
    }
  }
}

async function positionOfRevision(
  store: EventStore,
  stream: string,
  revision: number,
): Promise<number> {
  let events: AsyncIterable<{ readonly position: number; readonly revision: number }>;
  try {
    events = store.readStream(stream, { fromRevision: revision, maxCount: 1 });
  } catch (error) {
    throw invalid('stream', error instanceof Error ? error.message : String(error));
  }
  for await (const event of events) {
    if (event.revision === revision) return event.position;
  }
  throw new AuditError('NOT_FOUND', `stream ${stream} has no revision ${String(revision)}`, [
    { field: 'revision', reason: `stream ${stream} has no revision ${String(revision)}` },
  ]);
}

/** parseInstant's reading (a date alone is Beijing midnight); checkCut refused null. */
function instantOf(at: string): number {
  const ms = parseInstant(at);
  if (ms === null) throw invalid('at', 'must be an ISO 8601 date or instant');
  return ms;
}
