import type { ChainBreak } from '../port/errors';
import type { EventStoreAdapter } from '../port/event-store-adapter';
import type { StoredEvent, StreamHead } from '../port/types';
import {
  ANCHOR_EVENT_TYPE,
  ANCHOR_STREAM,
  rootOfHeads,
  anchorDataOf,
  type AnchorData,
} from './anchors';
import { computeEventHash, GENESIS_HASH } from './event-hash';
import { recomputedHash } from './hashed-pages';

export type VerifyReport =
  | {
      readonly ok: true;
      readonly eventsChecked: number;
      readonly streamsChecked: number;
      readonly anchorsChecked: number;
    }
  | {
      readonly ok: false;
      readonly eventsChecked: number;
      readonly firstBreak: ChainBreak;
    };

interface ChainTip {
  readonly revision: number;
  readonly hash: string;
  readonly position: number;
}

const EVERYTHING = { direction: 'forwards', maxCount: Number.MAX_SAFE_INTEGER } as const;

export function chainBreak(
  event: Pick<StoredEvent, 'stream' | 'revision' | 'position' | 'id'>,
  reason: ChainBreak['reason'],
  expected: string,
  found: string,
): ChainBreak {
  return {
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    eventId: event.id,
    reason,
    expected,
    found,
  };
}

interface ChainFields {
  readonly prevHash: string | undefined;
  readonly recordedAt: string;
  readonly position: number | undefined;
}

/** The metadata fields verification needs, parsed once per event. */
export function chainFieldsOf(event: StoredEvent): ChainFields {
  let metadata: unknown;
  try {
    metadata = JSON.parse(event.metadata);
  } catch {
    return { prevHash: undefined, recordedAt: '', position: undefined };
  }
  return chainFieldsOfParsed(metadata);
}

/** chainFieldsOf for metadata its caller has parsed already. */
export function chainFieldsOfParsed(metadata: unknown): ChainFields {
  const fields = (typeof metadata === 'object' && metadata !== null ? metadata : {}) as {
    prevHash?: unknown;
    recordedAt?: unknown;
    position?: unknown;
  };
  return {
    prevHash: typeof fields.prevHash === 'string' ? fields.prevHash : undefined,
    recordedAt: typeof fields.recordedAt === 'string' ? fields.recordedAt : '',
    position: typeof fields.position === 'number' ? fields.position : undefined,
  };
}

/**
 * Checks one event against the tip of its stream's chain; returns the break, if any. `recomputed`
 * is the event's hash as recomputed from its stored columns (a hashed read did it already).
 */
export function checkLink(
  event: StoredEvent,
  tip: ChainTip | undefined,
  fields: ChainFields = chainFieldsOf(event),
  recomputed: string = computeEventHash(event),
): ChainBreak | undefined {
  const expectedRevision = tip === undefined ? 0 : tip.revision + 1;
  if (event.revision !== expectedRevision) {
    return chainBreak(
      event,
      'revision_gap',
      `revision ${expectedRevision}`,
      `revision ${event.revision}`,
    );
  }
  const prevHash = fields.prevHash;
  if (prevHash === undefined)
    return chainBreak(event, 'malformed', 'metadata with prevHash', event.metadata.slice(0, 80));
  const expectedPrev = tip === undefined ? GENESIS_HASH : tip.hash;
  if (prevHash !== expectedPrev)
    return chainBreak(event, 'prev_hash_mismatch', expectedPrev, prevHash);
  if (recomputed !== event.hash) return chainBreak(event, 'hash_mismatch', recomputed, event.hash);
  // The hashed position is where the event was committed; a row found elsewhere was moved.
  if (fields.position !== undefined && fields.position !== event.position) {
    return chainBreak(
      event,
      'out_of_order',
      `position ${fields.position}`,
      `position ${event.position}`,
    );
  }
  return undefined;
}

function headBreak(
  stream: string,
  tip: ChainTip | undefined,
  recorded: StreamHead | undefined,
): ChainBreak {
  return {
    stream,
    revision: tip?.revision ?? recorded?.revision ?? -1,
    position: tip?.position ?? recorded?.position ?? -1,
    eventId: '',
    reason: 'head_mismatch',
    expected:
      recorded === undefined ? 'no recorded head' : `head ${recorded.revision} ${recorded.hash}`,
    found: tip === undefined ? 'no events' : `chain ends at ${tip.revision} ${tip.hash}`,
  };
}

/**
 * One stream: revisions from 0, prevHash links and hashes. The recorded head is read before and
 * after the pass, so appends made meanwhile are tolerated but a truncated stream (the head before
 * not reached) or rows no commit recorded (beyond the head after) are breaks.
 *
 * With `visit`, every event of the stream is handed to it in revision order, also past a break,
 * so that a caller who needs the events anyway (an auditor's replay) reads the stream once; it
 * answers the event's metadata, parsed, so that it is not parsed twice (undefined: parse it here).
 */
export async function verifyStream(
  adapter: EventStoreAdapter,
  stream: string,
  visit?: (event: StoredEvent) => unknown,
): Promise<VerifyReport> {
  const before = await adapter.streamHead(stream);
  let tip: ChainTip | undefined;
  let eventsChecked = 0;
  let firstBreak: ChainBreak | undefined;
  const pages = adapter.readStreamHashedPages(stream, { fromRevision: 0, ...EVERYTHING });
  for await (const page of pages) {
    for (let index = 0; index < page.events.length; index += 1) {
      const event = page.events[index] as StoredEvent;
      const metadata = visit?.(event);
      if (firstBreak !== undefined) continue;
      const fields = metadata === undefined ? chainFieldsOf(event) : chainFieldsOfParsed(metadata);
      firstBreak =
        checkLink(event, tip, fields, recomputedHash(page, index)) ??
        (before?.revision === event.revision && before.hash !== event.hash
          ? chainBreak(event, 'head_mismatch', `head ${before.revision} ${before.hash}`, event.hash)
          : undefined);
      if (firstBreak === undefined) {
        tip = { revision: event.revision, hash: event.hash, position: event.position };
        eventsChecked += 1;
      } else if (visit === undefined) break;
    }
    if (firstBreak !== undefined && visit === undefined) break;
  }
  if (firstBreak !== undefined) return { ok: false, eventsChecked, firstBreak };
  if (before !== undefined && (tip === undefined || tip.revision < before.revision)) {
    return { ok: false, eventsChecked, firstBreak: headBreak(stream, tip, before) };
  }
  const after = await adapter.streamHead(stream);
  if (
    tip !== undefined &&
    (after === undefined ||
      after.revision < tip.revision ||
      (after.revision === tip.revision && after.hash !== tip.hash))
  ) {
    return { ok: false, eventsChecked, firstBreak: headBreak(stream, tip, after) };
  }
  return { ok: true, eventsChecked, streamsChecked: tip === undefined ? 0 : 1, anchorsChecked: 0 };
}

interface PendingAnchor {
  readonly anchoredPosition: number;
  readonly root: string;
  readonly event: StoredEvent;
}

/** Anchors by anchored position; an anchor row that does not parse is left for the pass to report. */
async function readAnchors(
  adapter: EventStoreAdapter,
): Promise<{ anchors: PendingAnchor[]; malformed: Set<string> }> {
  const anchors: PendingAnchor[] = [];
  const malformed = new Set<string>();
  for await (const page of adapter.readStreamPages(ANCHOR_STREAM, {
    fromRevision: 0,
    ...EVERYTHING,
  })) {
    for (const event of page) {
      if (event.type !== ANCHOR_EVENT_TYPE) continue;
      const data = parseAnchor(event.data);
      if (data === undefined) malformed.add(event.id);
      else anchors.push({ anchoredPosition: data.anchoredPosition, root: data.root, event });
    }
  }
  return { anchors: anchors.sort((a, b) => a.anchoredPosition - b.anchoredPosition), malformed };
}

function parseAnchor(text: string): AnchorData | undefined {
  try {
    return anchorDataOf(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * One pass over the whole log: positions without gaps (where the adapter promises it), every
 * stream's revisions, prevHash links and hashes, and every anchor's Merkle root at its position.
 * Heads are read before and after the pass, so appends made while verifying are tolerated but
 * a truncated log (heads before the pass not reached) or rows no commit recorded (beyond the
 * heads after the pass) are breaks.
 */
export async function verifyAll(adapter: EventStoreAdapter): Promise<VerifyReport> {
  const snapshotBefore = await adapter.headsSnapshot();
  const before = new Map(snapshotBefore.heads.map((head) => [head.stream, head]));
  const { anchors, malformed } = await readAnchors(adapter);
  const tips = new Map<string, ChainTip>();
  let eventsChecked = 0;
  let anchorsChecked = 0;
  let lastPosition = 0;
  let lastRecordedAt = '';
  const fail = (firstBreak: ChainBreak): VerifyReport => ({ ok: false, eventsChecked, firstBreak });

  const checkAnchorsUpTo = (position: number): ChainBreak | undefined => {
    for (
      let next = anchors[anchorsChecked];
      next !== undefined && next.anchoredPosition <= position;
      next = anchors[anchorsChecked]
    ) {
      const { root } = rootOfHeads([...tips].map(([stream, tip]) => ({ stream, ...tip })));
      if (root !== next.root) return chainBreak(next.event, 'anchor_mismatch', next.root, root);
      anchorsChecked += 1;
    }
    return undefined;
  };

  const pages = adapter.readAllHashedPages({ fromPosition: 1, filter: undefined, ...EVERYTHING });
  for await (const page of pages) {
    for (let index = 0; index < page.events.length; index += 1) {
      const event = page.events[index] as StoredEvent;
      const anchorBreak = checkAnchorsUpTo(event.position - 1);
      if (anchorBreak !== undefined) return fail(anchorBreak);
      if (adapter.gapFreePositions && event.position !== lastPosition + 1) {
        return fail(
          chainBreak(
            event,
            'position_gap',
            `position ${lastPosition + 1}`,
            `position ${event.position}`,
          ),
        );
      }
      const fields = chainFieldsOf(event);
      const broken = checkLink(event, tips.get(event.stream), fields, recomputedHash(page, index));
      if (broken !== undefined) return fail(broken);
      if (malformed.has(event.id))
        return fail(chainBreak(event, 'malformed', 'anchor data', event.data.slice(0, 80)));
      // Positions are not hashed; where the store commits serially its clock never goes back, so
      // rows moved across commits (even of different streams) show up as time running backwards.
      const recordedAt = fields.recordedAt;
      if (adapter.gapFreePositions && recordedAt < lastRecordedAt) {
        return fail(
          chainBreak(
            event,
            'out_of_order',
            `recordedAt ≥ ${lastRecordedAt}`,
            `recordedAt ${recordedAt}`,
          ),
        );
      }
      lastRecordedAt = recordedAt;
      const recorded = before.get(event.stream);
      if (recorded?.revision === event.revision && recorded.hash !== event.hash) {
        return fail(
          chainBreak(
            event,
            'head_mismatch',
            `head ${recorded.revision} ${recorded.hash}`,
            event.hash,
          ),
        );
      }
      tips.set(event.stream, {
        revision: event.revision,
        hash: event.hash,
        position: event.position,
      });
      lastPosition = event.position;
      eventsChecked += 1;
    }
  }
  const trailingAnchorBreak = checkAnchorsUpTo(Number.MAX_SAFE_INTEGER);
  if (trailingAnchorBreak !== undefined) return fail(trailingAnchorBreak);

  // Truncation: every head that existed before the pass must have been reached, and the log
  // must reach the position recorded before the pass (PostgreSQL keeps it in ledger_head).
  for (const [stream, recorded] of before) {
    const tip = tips.get(stream);
    if (tip === undefined || tip.revision < recorded.revision)
      return fail(headBreak(stream, tip, recorded));
  }
  if (adapter.gapFreePositions && lastPosition < snapshotBefore.position) {
    const missing = { stream: '', revision: -1, position: lastPosition + 1, id: '' };
    return fail(
      chainBreak(
        missing,
        'head_mismatch',
        `log reaches position ${snapshotBefore.position}`,
        `log ends at position ${lastPosition}`,
      ),
    );
  }
  // Forgery: every event read must be covered by a head some commit recorded.
  const after = await adapter.headsSnapshot();
  const afterHeads = new Map(after.heads.map((head) => [head.stream, head]));
  for (const [stream, tip] of tips) {
    const recorded = afterHeads.get(stream);
    if (recorded === undefined || recorded.revision < tip.revision)
      return fail(headBreak(stream, tip, recorded));
    if (recorded.revision === tip.revision && recorded.hash !== tip.hash)
      return fail(headBreak(stream, tip, recorded));
  }
  if (adapter.gapFreePositions && lastPosition > after.position) {
    const beyond = { stream: '', revision: -1, position: after.position + 1, id: '' };
    return fail(
      chainBreak(
        beyond,
        'head_mismatch',
        `log ends at position ${after.position}`,
        `events up to position ${lastPosition}`,
      ),
    );
  }
  return { ok: true, eventsChecked, streamsChecked: tips.size, anchorsChecked };
}
