import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EventStore } from '../port/event-store';
import type { ExportSubject } from './export-format';
import { exportText, type ExportOptions, type ExportSummary } from './export-streams';

/** Passes a generator's values on and hands its return value to `done`. */
async function* valuesOf<T, R>(source: AsyncGenerator<T, R>, done: (result: R) => void) {
  for (let step = await source.next(); ; step = await source.next()) {
    if (step.done === true) {
      done(step.value);
      return;
    }
    yield step.value;
  }
}

/**
 * Writes an export to `path` as it is read (see exportText). It goes to `path.partial` first and
 * is renamed when complete, so a failed export never leaves a file that looks finished.
 */
export async function writeExportFile(
  store: EventStore,
  subject: ExportSubject,
  streams: readonly string[],
  path: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const partial = `${path}.partial`;
  let summary: ExportSummary | undefined;
  const text = valuesOf(exportText(store, subject, streams, options), (result) => {
    summary = result;
  });
  try {
    await pipeline(Readable.from(text), createWriteStream(partial));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  if (summary === undefined) throw new Error('export ended without its summary');
  return summary;
}

/** Reads an export file as parsed JSON: verifyExport checks what is in it. */
export async function readExportFile(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}
