import type { EventStore } from '../port/event-store';
import type { RecordedEvent } from '../port/types';
import { anchorsFor, type AnchorSelector } from './export-anchors';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  type ExportedStream,
  type ExportSubject,
  type LedgerExport,
} from './export-format';

export interface ExportOptions {
  /** Which anchors to include (default: every anchor proving one of the streams). */
  readonly anchors?: AnchorSelector;
  /** The clock for exportedAt (tests pin it). */
  readonly now?: () => Date;
}

export interface ExportSummary {
  readonly streams: number;
  readonly events: number;
  readonly anchors: number;
  readonly proofs: number;
}

function uniqueStreams(streams: readonly string[]): string[] {
  return [...new Set(streams)];
}

function headerOf(subject: ExportSubject, options: ExportOptions) {
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    subject,
  } as const;
}

/**
 * The export as one object, each stream whole from revision 0 (read a page at a time). Anchors
 * are read first, so every proven head is already in the streams read after them.
 */
export async function exportStreams(
  store: EventStore,
  subject: ExportSubject,
  streams: readonly string[],
  options: ExportOptions = {},
): Promise<LedgerExport> {
  const names = uniqueStreams(streams);
  const anchors = await anchorsFor(store, names, options.anchors);
  const exported: ExportedStream[] = [];
  for (const stream of names) {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) events.push(event);
    exported.push({ stream, events });
  }
  return { ...headerOf(subject, options), streams: exported, anchors };
}

/** Text is handed on in pieces of about this size, not an event at a time. */
const CHUNK_CHARS = 1 << 20;

/**
 * The same export as JSON text, produced as the streams are read so no stream is ever held
 * whole: one event a line, parsing to exactly what exportStreams returns. The generator's
 * return value counts what was written.
 */
export async function* exportText(
  store: EventStore,
  subject: ExportSubject,
  streams: readonly string[],
  options: ExportOptions = {},
): AsyncGenerator<string, ExportSummary> {
  const names = uniqueStreams(streams);
  const anchors = await anchorsFor(store, names, options.anchors);
  const header = JSON.stringify(headerOf(subject, options));
  let buffer = `${header.slice(0, -1)},\n"streams":[`;
  let events = 0;
  for (const [index, stream] of names.entries()) {
    buffer += `${index === 0 ? '\n' : ',\n'}{"stream":${JSON.stringify(stream)},"events":[`;
    let first = true;
    for await (const event of store.readStream(stream)) {
      buffer += `${first ? '\n' : ',\n'}${JSON.stringify(event)}`;
      first = false;
      events += 1;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '\n]}';
  }
  buffer += '\n],\n"anchors":[';
  buffer += anchors.map((anchor) => `\n${JSON.stringify(anchor)}`).join(',');
  yield `${buffer}\n]}\n`;
  const proofs = anchors.reduce((sum, anchor) => sum + anchor.proofs.length, 0);
  return { streams: names.length, events, anchors: anchors.length, proofs };
}
