import { chainBreak, chainFieldsOf, checkLink } from '../chain/verify';
import { ChainBrokenError } from '../port/errors';
import type { RecordedEvent } from '../port/types';
import { fail, nowhere } from './breaks';
import { decodeExport } from './decode-export';
import type { ExportedStream, ExportVerifyReport } from './export-format';
import { storedFormOf } from './stored-form';
import { checkPublishedRoot, verifyAnchor, type Chains } from './verify-anchors';

export interface VerifyExportOptions {
  /** A root an authority published: some anchor in the file must have it, with its proofs. */
  readonly publishedRoot?: string;
}

/**
 * Verifies an export (a LedgerExport, or a parsed file of unknown content) offline, with no store: every stream's chain from genesis
 * with the store's own hashing, every anchor event and every inclusion proof, and optionally a
 * published root. The first problem found is reported, as the store's verify() does.
 */
export function verifyExport(
  value: unknown,
  options: VerifyExportOptions = {},
): ExportVerifyReport {
  try {
    const file = decodeExport(value);
    const chains = verifyChains(file.streams);
    let proofsChecked = 0;
    for (const anchor of file.anchors) proofsChecked += verifyAnchor(anchor, chains);
    const publishedRootAt =
      options.publishedRoot === undefined
        ? undefined
        : checkPublishedRoot(file.anchors, chains, options.publishedRoot);
    return {
      ok: true,
      streams: file.streams.length,
      events: file.streams.reduce((sum, stream) => sum + stream.events.length, 0),
      anchorsChecked: file.anchors.length,
      proofsChecked,
      ...(publishedRootAt !== undefined && { publishedRootAt }),
    };
  } catch (error) {
    if (error instanceof ChainBrokenError) return { ok: false, firstBreak: error.chainBreak };
    throw error;
  }
}

/** Each stream from genesis through checkLink, the store's own per-event check. */
function verifyChains(streams: readonly ExportedStream[]): Chains {
  const chains = new Map<string, readonly RecordedEvent[]>();
  // Positions are global: an event moved into another stream's place must not share one.
  const positions = new Set<number>();
  for (const { stream, events } of streams) {
    if (chains.has(stream))
      fail(chainBreak(events[0] ?? nowhere(stream), 'malformed', 'each stream once', 'twice'));
    let tip: RecordedEvent | undefined;
    for (const event of events) {
      if (event.stream !== stream)
        fail(chainBreak(event, 'malformed', `an event of ${stream}`, event.stream));
      const stored = storedFormOf(event);
      const tipLink = tip && {
        revision: tip.revision,
        hash: tip.metadata.hash,
        position: tip.position,
      };
      const linkBreak = checkLink(stored, tipLink, chainFieldsOf(stored));
      if (linkBreak !== undefined) fail(linkBreak);
      // Positions grow along a stream; on ESDB they are not hashed, so this is checked apart.
      if (tip !== undefined && event.position <= tip.position) {
        fail(
          chainBreak(
            event,
            'out_of_order',
            `position > ${tip.position}`,
            `position ${event.position}`,
          ),
        );
      }
      if (positions.has(event.position)) {
        const found = `position ${event.position} twice`;
        fail(chainBreak(event, 'out_of_order', 'a position of its own', found));
      }
      positions.add(event.position);
      tip = event;
    }
    chains.set(stream, events);
  }
  return chains;
}
