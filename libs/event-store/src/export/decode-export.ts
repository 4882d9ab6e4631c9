import { ANCHOR_STREAM, type AnchorRecord } from '../chain/anchors';
import { ChainBrokenError, type ChainBreak } from '../port/errors';
import type { RecordedEvent } from '../port/types';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportedAnchor,
  type ExportedProof,
  type ExportedStream,
  type ExportSubject,
  type LedgerExport,
} from './export-format';

/**
 * Checks the shape of a parsed export file (anything may be in it) and types it. Only what the
 * verification reads is checked here: the rest of every event is covered by its hash. A shape
 * error throws ChainBrokenError with reason 'malformed', naming the event where there is one.
 */
export function decodeExport(value: unknown): LedgerExport {
  const file = objectAt(value, 'the export');
  if (file.format !== EXPORT_FORMAT || file.formatVersion !== EXPORT_FORMAT_VERSION) {
    malformed(
      `format ${EXPORT_FORMAT} version ${EXPORT_FORMAT_VERSION}`,
      `${String(file.format)} ${String(file.formatVersion)}`,
    );
  }
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: typeof file.exportedAt === 'string' ? file.exportedAt : '',
    subject: subjectOf(file.subject),
    streams: arrayAt(file.streams, 'streams').map(streamOf),
    anchors: arrayAt(file.anchors, 'anchors').map(anchorOf),
  };
}

type Members = Record<string, unknown>;

function malformed(
  expected: string,
  found: string,
  at: Partial<Pick<ChainBreak, 'stream' | 'revision' | 'position' | 'eventId'>> = {},
): never {
  throw new ChainBrokenError({
    stream: at.stream ?? '',
    revision: at.revision ?? -1,
    position: at.position ?? -1,
    eventId: at.eventId ?? '',
    reason: 'malformed',
    expected,
    found: found.slice(0, 80),
  });
}

/** JSON text of what was found, for the report (a parsed file holds no functions or symbols). */
function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function isMembers(value: unknown): value is Members {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, what: string, at?: Partial<ChainBreak>): Members {
  if (!isMembers(value)) malformed(`${what} as a JSON object`, shown(value), at);
  return value;
}

function arrayAt(value: unknown, what: string, at?: Partial<ChainBreak>): unknown[] {
  if (!Array.isArray(value)) malformed(`${what} as an array`, shown(value), at);
  return value;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function subjectOf(value: unknown): ExportSubject {
  const subject = objectAt(value, 'subject');
  if (
    subject.kind === 'platform-year' &&
    typeof subject.platformId === 'string' &&
    isCount(subject.year)
  )
    return { kind: 'platform-year', platformId: subject.platformId, year: subject.year };
  if (subject.kind === 'program' && typeof subject.programId === 'string')
    return { kind: 'program', programId: subject.programId };
  if (subject.kind === 'streams') return { kind: 'streams' };
  return malformed('a platform-year, program or streams subject', JSON.stringify(subject));
}

/** An event's identity and the fields hashing reads; data and metadata must be objects. */
function eventOf(value: unknown, stream: string, index: number): RecordedEvent {
  const at = { stream, revision: index };
  const event = objectAt(value, `event ${index}`, at);
  const named = {
    stream,
    revision: isCount(event.revision) ? event.revision : index,
    position: isCount(event.position) ? event.position : -1,
    eventId: typeof event.id === 'string' ? event.id : '',
  };
  const metadata = isMembers(event.metadata) ? event.metadata : undefined;
  if (
    typeof event.id !== 'string' ||
    typeof event.stream !== 'string' ||
    !isCount(event.revision) ||
    !isCount(event.position) ||
    typeof event.type !== 'string' ||
    !isMembers(event.data) ||
    typeof metadata?.hash !== 'string'
  ) {
    malformed(
      'an event with id, stream, revision, position, type, data and metadata.hash',
      JSON.stringify(event),
      named,
    );
  }
  // The remaining metadata members (actor, recordedAt, prevHash, …) are vouched for by the hash.
  return event as unknown as RecordedEvent;
}

function streamOf(value: unknown, index: number): ExportedStream {
  const entry = objectAt(value, `streams[${index}]`);
  if (typeof entry.stream !== 'string')
    malformed(`streams[${index}].stream as a string`, String(entry.stream));
  const stream = entry.stream;
  const events = arrayAt(entry.events, `${stream} events`, { stream });
  return { stream, events: events.map((event, at) => eventOf(event, stream, at)) };
}

function anchorRecordOf(value: unknown, index: number): AnchorRecord {
  const record = objectAt(value, `anchors[${index}].anchor`);
  if (
    !isCount(record.anchoredPosition) ||
    typeof record.root !== 'string' ||
    !isCount(record.streamCount) ||
    typeof record.algorithm !== 'string' ||
    typeof record.eventId !== 'string' ||
    !isCount(record.eventPosition) ||
    typeof record.recordedAt !== 'string'
  ) {
    malformed(`anchors[${index}].anchor as an anchor record`, JSON.stringify(record));
  }
  return {
    anchoredPosition: record.anchoredPosition,
    root: record.root,
    streamCount: record.streamCount,
    algorithm: record.algorithm,
    eventId: record.eventId,
    eventPosition: record.eventPosition,
    recordedAt: record.recordedAt,
  };
}

function proofOf(value: unknown, what: string): ExportedProof {
  const proof = objectAt(value, what);
  const head = isMembers(proof.head) ? proof.head : {};
  const path: unknown[] | undefined = Array.isArray(proof.path) ? proof.path : undefined;
  if (
    typeof head.stream !== 'string' ||
    !isCount(head.revision) ||
    typeof head.hash !== 'string' ||
    !isCount(proof.leafIndex) ||
    !isCount(proof.treeSize) ||
    path?.every((node) => typeof node === 'string') !== true
  ) {
    malformed(`${what} as an inclusion proof`, JSON.stringify(proof));
  }
  return {
    head: { stream: head.stream, revision: head.revision, hash: head.hash },
    leafIndex: proof.leafIndex,
    treeSize: proof.treeSize,
    path,
  };
}

function anchorOf(value: unknown, index: number): ExportedAnchor {
  const entry = objectAt(value, `anchors[${index}]`);
  const proofs = arrayAt(entry.proofs, `anchors[${index}].proofs`);
  return {
    anchor: anchorRecordOf(entry.anchor, index),
    event: eventOf(entry.event, ANCHOR_STREAM, index),
    proofs: proofs.map((proof, at) => proofOf(proof, `anchors[${index}].proofs[${at}]`)),
  };
}
