import {
  anchorDataOf,
  ANCHOR_EVENT_TYPE,
  ANCHOR_STREAM,
  MERKLE_ALGORITHM,
  verifyInclusionProof,
  type AnchorRecord,
} from '../chain/anchors';
import { computeEventHash } from '../chain/event-hash';
import { chainBreak, chainFieldsOf } from '../chain/verify';
import type { RecordedEvent } from '../port/types';
import { fail, nowhere } from './breaks';
import type { ExportedAnchor, ExportedProof } from './export-format';
import { storedFormOf } from './stored-form';

/** Each exported stream's events, indexed by revision (its chain has verified from genesis). */
export type Chains = ReadonlyMap<string, readonly RecordedEvent[]>;

const RECORD_KEYS = [
  'anchoredPosition',
  'root',
  'streamCount',
  'algorithm',
  'eventId',
  'eventPosition',
  'recordedAt',
] as const satisfies readonly (keyof AnchorRecord)[];

/** The anchor event hashes to its stated hash and says what the anchor record says. */
function verifyAnchorEvent({ anchor, event }: ExportedAnchor): void {
  const stored = storedFormOf(event);
  const recomputed = computeEventHash(stored);
  if (recomputed !== stored.hash) fail(chainBreak(event, 'hash_mismatch', recomputed, stored.hash));
  const hashedPosition = chainFieldsOf(stored).position;
  if (hashedPosition !== undefined && hashedPosition !== event.position) {
    fail(
      chainBreak(event, 'out_of_order', `position ${hashedPosition}`, `position ${event.position}`),
    );
  }
  const data = event.type === ANCHOR_EVENT_TYPE ? anchorDataOf(event.data) : undefined;
  if (event.stream !== ANCHOR_STREAM || data === undefined)
    fail(chainBreak(event, 'malformed', `a ${ANCHOR_EVENT_TYPE} event`, event.type));
  const stated: AnchorRecord = {
    ...data,
    eventId: event.id,
    eventPosition: event.position,
    recordedAt: event.metadata.recordedAt,
  };
  for (const key of RECORD_KEYS) {
    if (anchor[key] !== stated[key])
      fail(chainBreak(event, 'anchor_mismatch', `${key} ${stated[key]}`, `${key} ${anchor[key]}`));
  }
  if (data.algorithm !== MERKLE_ALGORITHM)
    fail(chainBreak(event, 'malformed', MERKLE_ALGORITHM, data.algorithm));
}

/** The proven head is the exported event at that revision and was the head as of the anchor. */
function checkProvenHead(proof: ExportedProof, chain: readonly RecordedEvent[], at: number): void {
  const { stream, revision, hash } = proof.head;
  const head = chain[revision];
  if (head === undefined) {
    fail(
      chainBreak(
        nowhere(stream, revision),
        'anchor_mismatch',
        `hash ${hash} anchored at position ${at}`,
        'no such event in the export',
      ),
    );
  }
  if (head.metadata.hash !== hash) {
    fail(
      chainBreak(
        head,
        'anchor_mismatch',
        `hash ${hash} anchored at position ${at}`,
        `hash ${head.metadata.hash}`,
      ),
    );
  }
  const next = chain[revision + 1];
  if (head.position > at || (next !== undefined && next.position <= at)) {
    fail(
      chainBreak(
        head,
        'anchor_mismatch',
        `the head as of position ${at}`,
        `position ${head.position}, next at ${next?.position ?? 'none'}`,
      ),
    );
  }
}

/**
 * One anchor: its event, then each proof (a proven head of the exported chain whose path leads
 * to the root), then a proof for every exported stream that had events by the anchored position
 * — a proof left out must not hide a rewritten stream. Returns how many proofs were checked.
 */
export function verifyAnchor(exported: ExportedAnchor, chains: Chains): number {
  verifyAnchorEvent(exported);
  const { anchor, event: anchorEvent, proofs } = exported;
  const at = anchor.anchoredPosition;
  const proven = new Set<string>();
  for (const proof of proofs) {
    const { stream, revision } = proof.head;
    const chain = chains.get(stream);
    if (chain === undefined || proven.has(stream)) {
      const found = chain === undefined ? `a proof for ${stream}` : `two for ${stream}`;
      fail(chainBreak(anchorEvent, 'malformed', 'one proof per exported stream', found));
    }
    proven.add(stream);
    checkProvenHead(proof, chain, at);
    if (!verifyInclusionProof({ anchor, ...proof }, anchor.root)) {
      fail(
        chainBreak(
          anchorEvent,
          'anchor_mismatch',
          `root ${anchor.root}`,
          `a proof of ${stream}@${revision} that does not lead to it`,
        ),
      );
    }
  }
  for (const [stream, events] of chains) {
    const first = events[0];
    if (stream === ANCHOR_STREAM || first === undefined || first.position > at) continue;
    if (!proven.has(stream))
      fail(chainBreak(anchorEvent, 'anchor_mismatch', `an inclusion proof for ${stream}`, 'none'));
  }
  return proofs.length;
}

/**
 * The published root vouches for the whole export: some anchor in the file has it (the latest
 * such anchor is used) and, having passed verifyAnchor, proves every exported stream that had
 * events by then. A stream that begins after it is a break too — the root cannot vouch for it
 * (the chain's own positions decide "after", so a rewritten stream must not escape that way).
 * Returns the anchored position.
 */
export function checkPublishedRoot(
  anchors: readonly ExportedAnchor[],
  chains: Chains,
  publishedRoot: string,
): number {
  const root = publishedRoot.trim().toLowerCase();
  const matching = anchors.filter((exported) => exported.anchor.root === root);
  const latest = matching.reduce<ExportedAnchor | undefined>(
    (best, next) =>
      best === undefined || next.anchor.anchoredPosition > best.anchor.anchoredPosition
        ? next
        : best,
    undefined,
  );
  if (latest === undefined) {
    const found = `${anchors.length} anchors, none with that root`;
    fail(
      chainBreak(nowhere(ANCHOR_STREAM), 'anchor_mismatch', `an anchor with root ${root}`, found),
    );
  }
  const at = latest.anchor.anchoredPosition;
  for (const [stream, events] of chains) {
    const first = events[0];
    if (stream === ANCHOR_STREAM || first === undefined || first.position <= at) continue;
    fail(
      chainBreak(
        first,
        'anchor_mismatch',
        `history under root ${root} (anchored at position ${at})`,
        `${stream} begins at position ${first.position}, after that anchor`,
      ),
    );
  }
  return at;
}
