import {
  anchorDataOf,
  anchorLeaves,
  ANCHOR_EVENT_TYPE,
  ANCHOR_STREAM,
  type AnchorRecord,
} from '../chain/anchors';
import { inclusionPath } from '../chain/merkle';
import type { EventStore } from '../port/event-store';
import type { RecordedEvent, StreamHead } from '../port/types';
import type { ExportedAnchor, ExportedProof } from './export-format';

/** Which anchors go into an export; every anchor by default. */
export type AnchorSelector = (anchor: AnchorRecord) => boolean;

interface AnchorCandidate {
  readonly anchor: AnchorRecord;
  readonly event: RecordedEvent;
}

async function readAnchors(store: EventStore, select: AnchorSelector): Promise<AnchorCandidate[]> {
  const candidates: AnchorCandidate[] = [];
  for await (const event of store.readStream(ANCHOR_STREAM)) {
    const data = event.type === ANCHOR_EVENT_TYPE ? anchorDataOf(event.data) : undefined;
    if (data === undefined) continue; // a malformed anchor row is verify()'s to report
    const anchor: AnchorRecord = {
      ...data,
      eventId: event.id,
      eventPosition: event.position,
      recordedAt: event.metadata.recordedAt,
    };
    if (select(anchor)) candidates.push({ anchor, event });
  }
  return candidates.sort((a, b) => a.anchor.anchoredPosition - b.anchor.anchoredPosition);
}

/** Proofs for the wanted streams that had a head at the anchor: leaves are hashed once. */
function proofsAt(heads: Iterable<StreamHead>, streams: readonly string[]): ExportedProof[] {
  const { heads: sorted, leaves } = anchorLeaves(heads);
  const index = new Map(sorted.map((head, at) => [head.stream, at]));
  const proofs: ExportedProof[] = [];
  for (const stream of streams) {
    const leafIndex = index.get(stream);
    const head = leafIndex === undefined ? undefined : sorted[leafIndex];
    if (leafIndex === undefined || head === undefined) continue;
    proofs.push({
      head: { stream: head.stream, revision: head.revision, hash: head.hash },
      leafIndex,
      treeSize: leaves.length,
      path: inclusionPath(leaves, leafIndex),
    });
  }
  return proofs;
}

/**
 * Every selected anchor with an inclusion proof for each given stream that existed at its
 * anchored position; anchors proving none of them are left out. One forward pass over the log
 * (up to the last anchored position) keeps every stream's head — one entry a stream, never the
 * events — as LedgerEventStore.proveInclusion does per proof, but for all anchors at once.
 */
export async function anchorsFor(
  store: EventStore,
  streams: readonly string[],
  select: AnchorSelector = () => true,
): Promise<ExportedAnchor[]> {
  const candidates = await readAnchors(store, select);
  const wanted = streams.filter((stream) => stream !== ANCHOR_STREAM);
  const exported: ExportedAnchor[] = [];
  const heads = new Map<string, StreamHead>();
  let next = 0;
  const anchorUpTo = (position: number): void => {
    for (
      let c = candidates[next];
      c && c.anchor.anchoredPosition <= position;
      c = candidates[next]
    ) {
      const proofs = proofsAt(heads.values(), wanted);
      if (proofs.length > 0) exported.push({ ...c, proofs });
      next += 1;
    }
  };
  if (candidates.length === 0 || wanted.length === 0) return [];
  for await (const event of store.readAll()) {
    anchorUpTo(event.position - 1);
    if (next >= candidates.length) break;
    const { stream, revision, position } = event;
    heads.set(stream, { stream, revision, position, hash: event.metadata.hash });
  }
  anchorUpTo(Number.MAX_SAFE_INTEGER);
  return exported;
}
