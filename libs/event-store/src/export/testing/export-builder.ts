import { chainedMetadata, prepareAppend } from '../../append/prepare-append';
import {
  ANCHOR_EVENT_TYPE,
  ANCHOR_STREAM,
  buildInclusionProof,
  MERKLE_ALGORITHM,
  rootOfHeads,
  type AnchorRecord,
} from '../../chain/anchors';
import { computeEventHash, GENESIS_HASH } from '../../chain/event-hash';
import type { JsonObject, RecordedEvent, StreamHead } from '../../port/types';
import { toRecordedEvent } from '../../stored-event';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportedAnchor,
  type ExportedProof,
  type LedgerExport,
} from '../export-format';

const ACTOR = { subject: 'export-spec', role: 'system' } as const;
const BASE_TIME = Date.parse('2025-03-01T08:00:00.000Z');

/**
 * Builds exports by hand with the store's own code — prepareAppend's canonical texts,
 * chainedMetadata, computeEventHash, the Merkle anchors — so a valid export is valid for the
 * same reasons a stored history is, and every tamper case starts from one.
 */
export class ExportBuilder {
  private position = 0;
  private ids = 0;
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly anchors: ExportedAnchor[] = [];

  append(stream: string, type: string, data: JsonObject = {}): RecordedEvent {
    this.position += 1;
    this.ids += 1;
    const id = `00000000-0000-4000-8000-${String(this.ids).padStart(12, '0')}`;
    const [prepared] = prepareAppend(stream, [
      {
        id,
        type,
        data,
        metadata: { actor: ACTOR, correlationId: id, causationId: null, schemaVersion: 1 },
      },
    ]).events;
    if (prepared === undefined) throw new Error('nothing prepared');
    const events = this.streams.get(stream) ?? [];
    const prevHash = events.at(-1)?.metadata.hash ?? GENESIS_HASH;
    const recordedAt = new Date(BASE_TIME + this.position * 1000).toISOString();
    const stored = {
      position: this.position,
      stream,
      revision: events.length,
      id,
      type,
      data: prepared.data,
      metadata: chainedMetadata(prepared, prevHash, recordedAt, this.position),
    };
    const event = toRecordedEvent({ ...stored, hash: computeEventHash(stored) });
    events.push(event);
    this.streams.set(stream, events);
    return event;
  }

  /** Anchors every stream head now and proves each of `proven` that has a head. */
  anchor(proven: readonly string[]): ExportedAnchor {
    const heads: StreamHead[] = [...this.streams.values()].flatMap((events) => {
      const last = events.at(-1);
      if (last === undefined) return [];
      const { stream, revision, position } = last;
      return [{ stream, revision, position, hash: last.metadata.hash }];
    });
    const anchoredPosition = this.position;
    const { root, streamCount } = rootOfHeads(heads);
    const data = { anchoredPosition, root, streamCount, algorithm: MERKLE_ALGORITHM };
    const event = this.append(ANCHOR_STREAM, ANCHOR_EVENT_TYPE, data);
    const anchor: AnchorRecord = {
      ...data,
      eventId: event.id,
      eventPosition: event.position,
      recordedAt: event.metadata.recordedAt,
    };
    const proofs: ExportedProof[] = proven.flatMap((stream) => {
      const proof = buildInclusionProof(anchor, heads, stream);
      if (proof === undefined) return [];
      const { head, leafIndex, treeSize, path } = proof;
      return [{ head, leafIndex, treeSize, path }];
    });
    const exported = { anchor, event, proofs };
    this.anchors.push(exported);
    return exported;
  }

  /** The export of `streams` with every anchor made so far that proves one of them. */
  export(streams: readonly string[]): LedgerExport {
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt: '2026-01-15T00:00:00.000Z',
      subject: { kind: 'streams' },
      streams: streams.map((stream) => ({ stream, events: this.streams.get(stream) ?? [] })),
      anchors: this.anchors
        .map((anchor) => ({
          ...anchor,
          proofs: anchor.proofs.filter((proof) => streams.includes(proof.head.stream)),
        }))
        .filter((anchor) => anchor.proofs.length > 0),
    };
  }
}

/** A deep, mutable copy of an export to tamper with, as someone editing the file would. */
export function editable(file: LedgerExport): MutableExport {
  return JSON.parse(JSON.stringify(file)) as MutableExport;
}

type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

export type MutableExport = Mutable<LedgerExport>;
