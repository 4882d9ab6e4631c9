import { writeFile } from 'node:fs/promises';
import { SHEET_KIND_LABELS, type ConvertedRow } from './types';
import { convertSheets, type Conversion } from './convert';
import {
  postBatch,
  type ApiError,
  type BatchResponse,
  type BatchTarget,
  type FetchLike,
} from './http';
import {
  batchItems,
  dropRows,
  itemCount,
  planImport,
  type ImportPlan,
  type PlannedBatch,
  type RejectedRow,
} from './planner';
import { createProgress, type ImportProgress, type ProgressStream } from './progress';
import { readLedgerFile, type LedgerFile } from './read-file';
import { defaultRejectsPath, describeRows, formatRowError, rejectsCsv } from './report';
import { attributeServerError } from './server-errors';

export interface ImportOptions {
  readonly file: string;
  readonly platformId: string;
  readonly year: number;
  readonly baseUrl: string;
  readonly token: string | undefined;
  readonly skipInvalid: boolean;
  /** Defaults to `<file>.rejects.csv`; written in --skip-invalid mode. */
  readonly rejectsPath: string | undefined;
  readonly batchSize: number;
  readonly dryRun: boolean;
}

export interface ImportIo {
  /** The report (one line per call, no newline). */
  readonly print: (line: string) => void;
  /** Where progress goes: a bar when it is a TTY, plain lines otherwise. */
  readonly progressStream: ProgressStream;
  readonly fetch?: FetchLike;
  /** Network failures and 5xx/429 answers are retried this many times with the same key. */
  readonly transientRetries?: number;
  /** With --skip-invalid, how many times one batch is re-sent after the server refused rows. */
  readonly maxRefusalRetries?: number;
  readonly retryDelayMs?: number;
}

export type ImportOutcome = 'dry_run' | 'imported' | 'invalid' | 'failed';

export interface ImportSummary {
  readonly outcome: ImportOutcome;
  readonly fileSha256: string | null;
  readonly rowsRead: number;
  readonly itemsPlanned: number;
  /** Items in batches the server accepted. */
  readonly itemsSent: number;
  readonly eventsAppended: number;
  readonly batchesPlanned: number;
  readonly batchesAccepted: number;
  readonly rejected: readonly RejectedRow[];
  readonly rejectsPath: string | null;
  readonly committedRows: readonly { readonly sheet: string; readonly row: number }[];
}

export interface ImportResult {
  readonly exitCode: number;
  readonly summary: ImportSummary;
}

/** A batch refused this many times in a row has a problem dropping rows will not solve. */
const DEFAULT_REFUSAL_RETRIES = 100;

/** How many rejected rows the report lists (the rejects file lists them all). */
const REPORT_LIMIT = 200;

export function idempotencyKey(fileSha256: string, batchIndex: number, attempt: number): string {
  const base = `import-${fileSha256}-${String(batchIndex)}`;
  return attempt === 0 ? base : `${base}-retry${String(attempt)}`;
}

/**
 * Imports a 台账 file into one platform-year:
 * read → convert rows (client-side validation) → plan batches → send → summary.
 *
 * Atomicity: every batch is one all-or-nothing request. A file whose items fit in one batch is
 * imported atomically. A larger file is all-or-nothing for client-side validation (nothing is
 * sent while any row is invalid, unless --skip-invalid), but batches the server has accepted
 * stay in the ledger if a later batch is refused: the report then names the committed rows, and
 * re-running the same file re-sends the same record ids and idempotency keys, so accepted
 * batches are answered from the server's idempotency record instead of being doubled.
 */
export async function runImport(options: ImportOptions, io: ImportIo): Promise<ImportResult> {
  const summary: Mutable<ImportSummary> = {
    outcome: 'invalid',
    fileSha256: null,
    rowsRead: 0,
    itemsPlanned: 0,
    itemsSent: 0,
    eventsAppended: 0,
    batchesPlanned: 0,
    batchesAccepted: 0,
    rejected: [],
    rejectsPath: null,
    committedRows: [],
  };
  const done = (exitCode: number, outcome: ImportOutcome): ImportResult => {
    summary.outcome = outcome;
    return { exitCode, summary };
  };

  let file: LedgerFile;
  try {
    file = await readLedgerFile(options.file);
  } catch (error) {
    io.print(
      `cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return done(1, 'invalid');
  }
  summary.fileSha256 = file.sha256;
  const conversion = convertSheets(file.sheets, {
    platformId: options.platformId,
    year: options.year,
    fileSha256: file.sha256,
  });
  summary.rowsRead = conversion.rows.length;
  printOverview(io, options, file, conversion);

  if (conversion.sheetErrors.length > 0) {
    io.print('the file cannot be imported:');
    for (const error of conversion.sheetErrors) io.print(`  ${formatRowError(error)}`);
    return done(1, 'invalid');
  }

  if (options.rejectsPath !== undefined && !options.skipInvalid) {
    io.print('  note: --rejects is written only with --skip-invalid');
  }
  let plan = planImport(conversion.rows, {
    skipInvalid: options.skipInvalid,
    batchSize: options.batchSize,
  });
  summary.rejected = plan.rejected;
  summary.batchesPlanned = plan.batches.length;
  summary.itemsPlanned = plan.batches.reduce((sum, batch) => sum + itemCount(batch), 0);
  printRejected(io, plan.rejected, 'invalid rows');

  if (options.dryRun) {
    io.print(
      plan.blocked
        ? `dry run: ${String(plan.rejected.length)} invalid row(s): nothing would be sent (pass --skip-invalid to send the valid rows)`
        : `dry run: ${String(summary.itemsPlanned)} items from ${String(countRows(plan))} rows would be sent in ${String(plan.batches.length)} batch(es); ${String(plan.rejected.length)} row(s) rejected`,
    );
    return done(plan.blocked ? 1 : 0, 'dry_run');
  }
  if (plan.blocked) {
    io.print(
      `nothing sent: ${String(plan.rejected.length)} invalid row(s). The import is all-or-nothing: fix them, or pass --skip-invalid to send the valid rows and write the rejects to a file.`,
    );
    return done(1, 'invalid');
  }
  if (options.token === undefined || options.token === '') {
    io.print('no token: pass --token or set LEDGER_TOKEN');
    return done(1, 'failed');
  }
  const target: BatchTarget = {
    baseUrl: options.baseUrl,
    platformId: options.platformId,
    year: options.year,
    token: options.token,
  };

  const progress = createProgress(io.progressStream);
  const committed: ConvertedRow[] = [];
  let failure: string[] | null = null;
  progress.start(summary.itemsPlanned, plan.batches.length);
  try {
    for (let position = 0; position < plan.batches.length && failure === null; position++) {
      for (let attempt = 0; ; attempt++) {
        const batch: PlannedBatch | undefined = plan.batches[position];
        if (batch === undefined || batch.rows.length === 0) break;
        const key = idempotencyKey(file.sha256, batch.index, attempt);
        const response = await sendTransient(target, key, batch, io, progress);
        if (response === null || 'network' in response) {
          failure = [
            `batch ${String(batch.index + 1)} could not be delivered: ${response === null ? 'no answer' : response.network}`,
          ];
          break;
        }
        if (response.ok) {
          committed.push(...batch.rows);
          summary.batchesAccepted++;
          summary.itemsSent += itemCount(batch);
          summary.eventsAppended += response.accepted.eventIds.length;
          progress.advance(
            summary.itemsSent,
            position + 1,
            `batch ${String(batch.index + 1)}/${String(plan.batches.length)}: ${String(itemCount(batch))} items accepted (${response.accepted.stream} revision ${String(response.accepted.revision)})`,
          );
          break;
        }
        const attribution = attributeServerError(batch, response.error);
        const refused = [...attribution.rows.values()].flat();
        if (
          options.skipInvalid &&
          attempt < (io.maxRefusalRetries ?? DEFAULT_REFUSAL_RETRIES) &&
          attribution.rows.size > 0 &&
          attribution.unattributed.length === 0 &&
          response.status >= 400 &&
          response.status < 500
        ) {
          plan = dropRows(plan, attribution.rows);
          for (const error of refused) progress.note(`refused, dropped: ${formatRowError(error)}`);
          progress.note(`retrying batch ${String(batch.index + 1)} without the refused row(s)`);
          continue;
        }
        failure = [
          `batch ${String(batch.index + 1)} was refused (HTTP ${String(response.status)} ${response.error.code}): ${response.error.message}`,
          ...attribution.unattributed.map((text) => `  ${text}`),
          ...refused.map((error) => `  ${formatRowError(error)}`),
        ];
        break;
      }
    }
  } finally {
    progress.stop();
  }

  summary.rejected = plan.rejected;
  summary.committedRows = committed.map((row) => ({ sheet: row.sheet, row: row.row }));
  const serverRejected = plan.rejected.filter((r) => r.stage !== 'client');
  printRejected(io, serverRejected, 'rows refused by the server and dropped');
  if (options.skipInvalid) {
    const path = options.rejectsPath ?? defaultRejectsPath(options.file);
    await writeFile(path, rejectsCsv(plan.rejected), 'utf8');
    summary.rejectsPath = path;
  }
  if (failure !== null) {
    for (const line of failure) io.print(line);
    io.print(
      committed.length === 0
        ? 'nothing was committed'
        : `committed before the failure (accepted batches stay in the ledger): ${describeRows(summary.committedRows)}`,
    );
    const committedKeys = new Set(committed.map((row) => row.key));
    const unsent = plan.batches
      .flatMap((batch) => batch.rows)
      .filter((row) => !committedKeys.has(row.key));
    if (unsent.length > 0) io.print(`not committed: ${describeRows(unsent)}`);
    if (committed.length > 0 && !options.skipInvalid) {
      io.print(
        'to finish without doubling the committed rows, re-run this same file with --skip-invalid (and the same --batch-size): accepted batches are answered again, not appended, and the refused rows go to the rejects file',
      );
    }
  }
  printSummary(io, summary);
  return failure === null ? done(0, 'imported') : done(1, 'failed');
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type Delivery = BatchResponse | { readonly network: string };

/** Retries network failures, 5xx and 429 with the same idempotency key (safe to repeat). */
async function sendTransient(
  target: BatchTarget,
  key: string,
  batch: PlannedBatch,
  io: ImportIo,
  progress: ImportProgress,
): Promise<Delivery | null> {
  const retries = io.transientRetries ?? 3;
  const delay = io.retryDelayMs ?? 500;
  let last: Delivery | null = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      progress.note(`batch ${String(batch.index + 1)}: ${describeDelivery(last)}; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay * 2 ** (attempt - 1)));
    }
    try {
      last = await postBatch(target, key, batchItems(batch), io.fetch);
    } catch (error) {
      last = { network: error instanceof Error ? error.message : String(error) };
      continue;
    }
    if (last.ok || (last.status < 500 && last.status !== 429)) return last;
  }
  return last;
}

function describeDelivery(delivery: Delivery | null): string {
  if (delivery === null) return 'no answer';
  if ('network' in delivery) return delivery.network;
  return delivery.ok ? 'accepted' : `HTTP ${String(delivery.status)} ${errorText(delivery.error)}`;
}

function errorText(error: ApiError): string {
  return `${error.code}: ${error.message}`;
}

function countRows(plan: ImportPlan): number {
  return plan.batches.reduce((sum, batch) => sum + batch.rows.length, 0);
}

function printOverview(
  io: ImportIo,
  options: ImportOptions,
  file: LedgerFile,
  conversion: Conversion,
): void {
  io.print(
    `${options.file} (${file.format}, sha256 ${file.sha256.slice(0, 12)}…) → platform ${options.platformId}, year ${String(options.year)}`,
  );
  for (const sheet of conversion.sheets) {
    io.print(
      sheet.kind === null
        ? `  sheet ${sheet.name}: skipped`
        : `  sheet ${sheet.name}: ${SHEET_KIND_LABELS[sheet.kind]}, header in row ${String(sheet.headerRow)}, ${String(sheet.rows)} rows`,
    );
  }
  for (const warning of conversion.warnings) io.print(`  warning: ${warning}`);
}

function printRejected(io: ImportIo, rejected: readonly RejectedRow[], title: string): void {
  if (rejected.length === 0) return;
  io.print(`${String(rejected.length)} ${title}:`);
  const errors = rejected.flatMap((row) => row.errors);
  for (const error of errors.slice(0, REPORT_LIMIT)) io.print(`  ${formatRowError(error)}`);
  if (errors.length > REPORT_LIMIT) {
    io.print(`  … and ${String(errors.length - REPORT_LIMIT)} more problems`);
  }
}

function printSummary(io: ImportIo, summary: ImportSummary): void {
  io.print(
    [
      `rows read: ${String(summary.rowsRead)}`,
      `items sent: ${String(summary.itemsSent)} of ${String(summary.itemsPlanned)}`,
      `batches accepted: ${String(summary.batchesAccepted)} of ${String(summary.batchesPlanned)}`,
      `events appended: ${String(summary.eventsAppended)}`,
      `rejected rows: ${String(summary.rejected.length)}${summary.rejectsPath === null ? '' : ` (written to ${summary.rejectsPath})`}`,
    ].join('; '),
  );
}
