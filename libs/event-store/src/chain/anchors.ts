import type { EventStoreAdapter } from '../port/event-store-adapter';
import type { StreamHead } from '../port/types';
import {
  headLeafHash,
  inclusionPath,
  merkleRoot,
  MERKLE_ALGORITHM,
  rootFromInclusionPath,
} from './merkle';

/** The system stream holding anchors; it is hash-chained like any other and left out of the leaves. */
export const ANCHOR_STREAM = 'ledger-anchors';
export const ANCHOR_EVENT_TYPE = 'LedgerAnchored';

/** What an authority publishes (e.g. in its annual bulletin) to freeze the history under it. */
export interface AnchorRecord {
  /** Every stream head as of this global position is a leaf. */
  readonly anchoredPosition: number;
  readonly root: string;
  readonly streamCount: number;
  readonly algorithm: string;
  /** Where the anchor event itself was stored. */
  readonly eventId: string;
  readonly eventPosition: number;
  readonly recordedAt: string;
}

/** The data of a LedgerAnchored event, as appended by LedgerEventStore.anchor. */
export interface AnchorData {
  readonly anchoredPosition: number;
  readonly root: string;
  readonly streamCount: number;
  readonly algorithm: string;
}

/** Decodes anchor event data; undefined when it is not an anchor (a tampered or foreign row). */
export function anchorDataOf(value: unknown): AnchorData | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Partial<Record<keyof AnchorData, unknown>>;
  return typeof data.anchoredPosition === 'number' &&
    typeof data.root === 'string' &&
    typeof data.streamCount === 'number' &&
    typeof data.algorithm === 'string'
    ? {
        anchoredPosition: data.anchoredPosition,
        root: data.root,
        streamCount: data.streamCount,
        algorithm: data.algorithm,
      }
    : undefined;
}

export interface InclusionProof {
  readonly anchor: AnchorRecord;
  readonly head: Pick<StreamHead, 'stream' | 'revision' | 'hash'>;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly path: readonly string[];
}

/** Leaves in code-unit order of stream name, anchor stream excluded. */
export function anchorLeaves(heads: Iterable<Pick<StreamHead, 'stream' | 'revision' | 'hash'>>) {
  const sorted = [...heads]
    .filter((head) => head.stream !== ANCHOR_STREAM)
    .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  return { heads: sorted, leaves: sorted.map(headLeafHash) };
}

export function rootOfHeads(heads: Iterable<Pick<StreamHead, 'stream' | 'revision' | 'hash'>>): {
  root: string;
  streamCount: number;
} {
  const { leaves } = anchorLeaves(heads);
  return { root: merkleRoot(leaves), streamCount: leaves.length };
}

export { MERKLE_ALGORITHM };

/** Every stream's head as of a global position, by one pass over the log (any adapter). */
export async function headsAtPosition(
  adapter: EventStoreAdapter,
  position: number,
): Promise<Map<string, StreamHead>> {
  const heads = new Map<string, StreamHead>();
  for await (const page of adapter.readAllPages({
    fromPosition: 1,
    direction: 'forwards',
    maxCount: position,
    filter: undefined,
  })) {
    for (const event of page) {
      if (event.position > position) return heads;
      heads.set(event.stream, {
        stream: event.stream,
        revision: event.revision,
        hash: event.hash,
        position: event.position,
      });
    }
  }
  return heads;
}

export function buildInclusionProof(
  anchor: AnchorRecord,
  heads: Iterable<StreamHead>,
  stream: string,
): InclusionProof | undefined {
  const { heads: sorted, leaves } = anchorLeaves(heads);
  const leafIndex = sorted.findIndex((head) => head.stream === stream);
  const head = sorted[leafIndex];
  if (head === undefined) return undefined;
  return {
    anchor,
    head: { stream: head.stream, revision: head.revision, hash: head.hash },
    leafIndex,
    treeSize: leaves.length,
    path: inclusionPath(leaves, leafIndex),
  };
}

/** Offline check: does the proof lead from the stream head to the published root? */
export function verifyInclusionProof(proof: InclusionProof, publishedRoot: string): boolean {
  // RFC 9162 paths do not pin the tree size on their own; the anchor records it.
  if (proof.treeSize !== proof.anchor.streamCount) return false;
  const root = rootFromInclusionPath(
    headLeafHash(proof.head),
    proof.leafIndex,
    proof.treeSize,
    proof.path,
  );
  return root !== undefined && root === publishedRoot;
}
