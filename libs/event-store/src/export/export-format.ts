import type { AnchorRecord, InclusionProof } from '../chain/anchors';
import type { ChainBreak } from '../port/errors';
import type { RecordedEvent } from '../port/types';

/**
 * The auditor's export: one self-contained JSON file that `verifyExport` checks without a store.
 *
 * ```
 * { format: 'ledger-export', formatVersion: 1, exportedAt: ISO instant,
 *   subject: { kind: 'platform-year', platformId, year } | { kind: 'program', programId }
 *          | { kind: 'streams' },
 *   streams: [{ stream, events: [RecordedEvent as readStream returns it: id, stream, revision,
 *               position, type, data, metadata (recordedAt, actor, …, prevHash, hash)] }],
 *   anchors: [{ anchor: AnchorRecord, event: the LedgerAnchored event with its hash,
 *               proofs: [{ head: { stream, revision, hash }, leafIndex, treeSize, path }] }] }
 * ```
 *
 * Streams are whole, from revision 0: a chain only verifies from its genesis. Each anchor carries
 * an inclusion proof for the head, as of the anchored position, of every exported stream that
 * existed then, so a root the authority published vouches for the history under it. The stored
 * data and metadata are canonical JSON, so their canonical form re-serialised from the parsed
 * values is the hashed text itself; the file needs no second copy as strings. The file alone
 * proves only its own consistency (its writer could recompute every hash): a root published
 * independently is what vouches for it (verifyExport's publishedRoot).
 */
export const EXPORT_FORMAT = 'ledger-export';
export const EXPORT_FORMAT_VERSION = 1;

export type ExportSubject =
  | { readonly kind: 'platform-year'; readonly platformId: string; readonly year: number }
  | { readonly kind: 'program'; readonly programId: string }
  | { readonly kind: 'streams' };

export interface ExportedStream {
  readonly stream: string;
  readonly events: readonly RecordedEvent[];
}

/** An inclusion proof without its anchor: the anchor is the enclosing ExportedAnchor's. */
export type ExportedProof = Omit<InclusionProof, 'anchor'>;

export interface ExportedAnchor {
  readonly anchor: AnchorRecord;
  /** The LedgerAnchored event the record was read from, so its hash can be recomputed. */
  readonly event: RecordedEvent;
  readonly proofs: readonly ExportedProof[];
}

export interface LedgerExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly formatVersion: typeof EXPORT_FORMAT_VERSION;
  readonly exportedAt: string;
  readonly subject: ExportSubject;
  readonly streams: readonly ExportedStream[];
  readonly anchors: readonly ExportedAnchor[];
}

export type ExportVerifyReport =
  | {
      readonly ok: true;
      readonly streams: number;
      readonly events: number;
      readonly anchorsChecked: number;
      readonly proofsChecked: number;
      /** The anchored position of the anchor whose root was the published one, when given. */
      readonly publishedRootAt?: number;
    }
  | { readonly ok: false; readonly firstBreak: ChainBreak };
