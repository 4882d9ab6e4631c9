import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import type { BatchItem } from '@ledger/domain';
import { registerImportCommand } from './import.command';
import { sha256Hex } from './read-file';
import { runImport, type ImportIo, type ImportOptions } from './run-import';
import { decideBatches } from './testing/fixtures';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');
const SERVICES_CSV = join(FIXTURES, 'services-2025.csv');
const dir = mkdtempSync(join(tmpdir(), 'ledger-import-run-'));

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly items: BatchItem[];
}

type Answer = { status: number; body: unknown };
type Responder = (request: Received, index: number) => Answer;

/** A stand-in for the ledger API's batch route: records requests, answers as told. */
class FakeLedger {
  readonly requests: Received[] = [];
  respond: Responder = (request) => accepted(request);
  private readonly server: Server;
  private revision = -1;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: BatchItem[] };
        const received: Received = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          items: body.items,
        };
        this.requests.push(received);
        const answer = this.respond(received, this.requests.length - 1);
        if (answer.status === 201) this.revision += received.items.length;
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
  }

  get revisionNow(): number {
    return this.revision;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => {
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}

function accepted(request: Received): Answer {
  return {
    status: 201,
    body: {
      stream: 'platformyear-cq-test_2025',
      eventIds: request.items.map((item) => item.data.recordId),
      revision: request.items.length - 1,
      position: 100,
    },
  };
}

function refused(
  status: number,
  code: string,
  details: { field: string; reason: string }[],
): Answer {
  return { status, body: { error: { code, message: details[0]?.reason ?? code, details } } };
}

function collectingIo(tty = false): ImportIo & { lines: string[]; progress: string[] } {
  const lines: string[] = [];
  const progress: string[] = [];
  const stream = new PassThrough();
  // What cli-progress reads from a terminal.
  if (tty) Object.assign(stream, { isTTY: true, columns: 100 });
  stream.on('data', (chunk: Buffer) => progress.push(chunk.toString('utf8')));
  return {
    lines,
    progress,
    print: (line) => lines.push(line),
    progressStream: stream,
    retryDelayMs: 1,
  };
}

/** The fixture without its two invalid rows. */
function validCsv(): string {
  const path = join(dir, 'valid.csv');
  const lines = readFileSync(SERVICES_CSV, 'utf8').trimEnd().split('\n');
  writeFileSync(path, `${lines.slice(0, 19).join('\n')}\n`);
  return path;
}

describe('ledger import against a fake ledger API', () => {
  const ledger = new FakeLedger();
  let url = '';
  const options = (file: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    file,
    platformId: 'cq-test',
    year: 2025,
    baseUrl: url,
    token: 'secret-token',
    skipInvalid: false,
    rejectsPath: undefined,
    batchSize: 1000,
    dryRun: false,
    ...extra,
  });

  beforeAll(async () => {
    url = await ledger.start();
  });
  afterAll(async () => {
    await ledger.stop();
  });
  beforeEach(() => {
    ledger.requests.length = 0;
    ledger.respond = (request) => accepted(request);
  });

  it('imports a file that fits in one batch atomically, in one request', async () => {
    const file = validCsv();
    const sha = sha256Hex(readFileSync(file));
    const io = collectingIo();
    const result = await runImport(options(file), io);

    expect(result.exitCode).toBe(0);
    expect(ledger.requests).toHaveLength(1);
    const [request] = ledger.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/v1/platforms/cq-test/years/2025/batch',
      headers: {
        authorization: 'Bearer secret-token',
        'idempotency-key': `import-${sha}-0`,
        'content-type': 'application/json',
      },
    });
    expect(request?.items).toHaveLength(18 + 13);
    expect(decideBatches([request?.items ?? []])[0]).toMatchObject({ ok: true });
    expect(result.summary).toMatchObject({
      outcome: 'imported',
      rowsRead: 18,
      itemsSent: 31,
      eventsAppended: 31,
      batchesAccepted: 1,
      rejected: [],
    });
    expect(io.lines.at(-1)).toBe(
      'rows read: 18; items sent: 31 of 31; batches accepted: 1 of 1; events appended: 31; rejected rows: 0',
    );
    expect(io.progress.join('')).toContain('sending 31 items in 1 batch\n');
  });

  it('sends the same ids and keys when the same file is imported again', async () => {
    const file = validCsv();
    await runImport(options(file), collectingIo());
    await runImport(options(file), collectingIo());
    const [first, second] = ledger.requests;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.items).toEqual(first?.items);
  });

  it('sends nothing while any row is invalid (all or nothing), and says which rows', async () => {
    const io = collectingIo();
    const result = await runImport(options(SERVICES_CSV), io);
    expect(result.exitCode).toBe(1);
    expect(result.summary.outcome).toBe('invalid');
    expect(ledger.requests).toHaveLength(0);
    expect(io.lines).toEqual(
      expect.arrayContaining([
        '2 invalid rows:',
        '  services-2025 row 20 [统一社会信用代码] "91500103MA5U7K3X1X": invalid USCC: check character does not match (GB 32100-2015)',
        '  services-2025 row 21 [服务日期] "2025/2/30": 2025-2 has no day 30',
      ]),
    );
    expect(io.lines.at(-1)).toMatch(
      /^nothing sent: 2 invalid row\(s\)\. The import is all-or-nothing/,
    );
  });

  it('validates only with --dry-run', async () => {
    const io = collectingIo();
    const result = await runImport(options(SERVICES_CSV, { dryRun: true, skipInvalid: true }), io);
    expect(result.exitCode).toBe(0);
    expect(ledger.requests).toHaveLength(0);
    expect(io.lines.at(-1)).toBe(
      'dry run: 31 items from 18 rows would be sent in 1 batch(es); 2 row(s) rejected',
    );
    const strict = await runImport(options(SERVICES_CSV, { dryRun: true }), collectingIo());
    expect(strict.exitCode).toBe(1);
  });

  it('sends batches with per-batch idempotency keys and stops at a refused batch, naming what was committed', async () => {
    const file = validCsv();
    const sha = sha256Hex(readFileSync(file));
    ledger.respond = (request, index) =>
      index < 2
        ? accepted(request)
        : refused(422, 'RULE_VIOLATION', [
            {
              field: 'items[1].enterpriseUscc',
              reason: 'the service was delivered to another enterprise',
            },
          ]);
    const io = collectingIo();
    const result = await runImport(options(file, { batchSize: 10 }), io);

    expect(result.exitCode).toBe(1);
    expect(ledger.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      `import-${sha}-0`,
      `import-${sha}-1`,
      `import-${sha}-2`,
    ]);
    expect(ledger.requests.map((r) => r.items.length)).toEqual([10, 9, 10]);
    expect(result.summary).toMatchObject({
      outcome: 'failed',
      batchesPlanned: 4,
      batchesAccepted: 2,
      itemsSent: 19,
    });
    expect(io.lines).toEqual(
      expect.arrayContaining([
        'batch 3 was refused (HTTP 422 RULE_VIOLATION): the service was delivered to another enterprise',
        '  valid row 13 [统一社会信用代码] "91500112MA60PQ6R96": refused by the server (RULE_VIOLATION): the service was delivered to another enterprise',
        'committed before the failure (accepted batches stay in the ledger): valid rows 2–12',
        'not committed: valid rows 13–19',
      ]),
    );
  });

  it('finishes a partly committed import by re-running the same file with --skip-invalid', async () => {
    const file = validCsv();
    const refuseRow13 = (request: Received): Answer =>
      request.items.some(
        (item) =>
          item.type === 'RecordService' && item.data.enterpriseUscc === '91500112MA60PQ6R96',
      )
        ? refused(422, 'RULE_VIOLATION', [{ field: 'items[0].enterpriseUscc', reason: 'no' }])
        : accepted(request);
    ledger.respond = refuseRow13;
    const io = collectingIo();
    const first = await runImport(options(file, { batchSize: 10 }), io);
    expect(first.exitCode).toBe(1);
    expect(io.lines.join('\n')).toMatch(/re-run this same file with --skip-invalid/);
    const firstRun = ledger.requests.splice(0);

    const second = await runImport(
      options(file, { batchSize: 10, skipInvalid: true }),
      collectingIo(),
    );
    expect(second.exitCode).toBe(0);
    const key = (r: Received | undefined): unknown => r?.headers['idempotency-key'];
    // The accepted batches go again with the same keys and bodies: the server answers them again.
    expect(ledger.requests.slice(0, 2).map(key)).toEqual(firstRun.slice(0, 2).map(key));
    expect(ledger.requests.slice(0, 2).map((r) => r.items)).toEqual(
      firstRun.slice(0, 2).map((r) => r.items),
    );
    expect(
      ledger.requests
        .map(key)
        .slice(2)
        .map((k) => String(k).replace(/^import-[0-9a-f]+-/, '')),
    ).toEqual(['2', '2-retry1', '3']);
    expect(second.summary.rejected.map((r) => [r.row, r.stage])).toEqual([[13, 'server']]);
  });

  it('with --skip-invalid drops a row the server refuses, with its rating, retries the batch and writes the rejects', async () => {
    const sha = sha256Hex(readFileSync(SERVICES_CSV));
    const rejectsPath = join(dir, 'rejects.csv');
    // items[0] is row 2's service, items[1] its rating: refusing the service drops both.
    ledger.respond = (request, index) =>
      index === 0
        ? refused(422, 'RULE_VIOLATION', [
            {
              field: 'items[0].recordId',
              reason: 'a record with this id already exists in this year',
            },
          ])
        : accepted(request);
    const io = collectingIo();
    const result = await runImport(options(SERVICES_CSV, { skipInvalid: true, rejectsPath }), io);

    expect(result.exitCode).toBe(0);
    expect(ledger.requests.map((r) => [r.headers['idempotency-key'], r.items.length])).toEqual([
      [`import-${sha}-0`, 31],
      [`import-${sha}-0-retry1`, 29],
    ]);
    expect(ledger.requests[1]?.items).toEqual(ledger.requests[0]?.items.slice(2));
    expect(result.summary).toMatchObject({
      outcome: 'imported',
      itemsSent: 29,
      eventsAppended: 29,
    });
    expect(result.summary.rejected.map((r) => [r.row, r.stage])).toEqual([
      [20, 'client'],
      [21, 'client'],
      [2, 'server'],
    ]);
    const rejects = readFileSync(rejectsPath, 'utf8');
    expect(rejects.charCodeAt(0)).toBe(0xfeff);
    expect(rejects.split('\r\n').filter((line) => line !== '')).toHaveLength(4);
    expect(rejects).toContain(
      'services-2025,2,,,refused by the server (RULE_VIOLATION): a record with this id already exists in this year,server',
    );
    expect(io.progress.join('')).toContain('retrying batch 1 without the refused row(s)');
    expect(io.lines.at(-1)).toContain(`rejected rows: 3 (written to ${rejectsPath})`);
  });

  it('gives up re-sending a batch the server keeps refusing', async () => {
    ledger.respond = () =>
      refused(422, 'RULE_VIOLATION', [{ field: 'items[0].occurredAt', reason: 'no' }]);
    const io = { ...collectingIo(), maxRefusalRetries: 2 };
    const result = await runImport(options(validCsv(), { skipInvalid: true }), io);
    expect(result.exitCode).toBe(1);
    expect(ledger.requests.map((r) => r.items.length)).toEqual([31, 29, 27]);
    expect(result.summary.rejected).toHaveLength(2);
  });

  it('never blames a row for a year-level rule (the year was submitted)', async () => {
    ledger.respond = () => ({
      status: 422,
      body: {
        error: {
          code: 'RULE_VIOLATION',
          ruleId: 'D-SUBMITTED',
          message: 'the year has been submitted: only retractions are accepted',
          details: [{ field: 'items[0]', reason: 'the year has been submitted' }],
        },
      },
    });
    const io = collectingIo();
    const result = await runImport(options(validCsv(), { skipInvalid: true }), io);
    expect(result.exitCode).toBe(1);
    expect(ledger.requests).toHaveLength(1);
    expect(io.lines).toContain(
      '  D-SUBMITTED: the year has been submitted: only retractions are accepted',
    );
  });

  it('stops on a refusal that names no row, even with --skip-invalid', async () => {
    ledger.respond = () => refused(403, 'FORBIDDEN', []);
    const io = collectingIo();
    const result = await runImport(options(validCsv(), { skipInvalid: true }), io);
    expect(result.exitCode).toBe(1);
    expect(ledger.requests).toHaveLength(1);
    expect(io.lines).toContain('nothing was committed');
  });

  it('retries 5xx answers and network failures with the same key', async () => {
    ledger.respond = (request, index) =>
      index === 0
        ? { status: 503, body: { error: { code: 'STORE_UNAVAILABLE', message: 'down' } } }
        : accepted(request);
    const result = await runImport(options(validCsv()), collectingIo());
    expect(result.exitCode).toBe(0);
    expect(ledger.requests).toHaveLength(2);
    expect(ledger.requests[1]?.headers['idempotency-key']).toBe(
      ledger.requests[0]?.headers['idempotency-key'],
    );

    const io = collectingIo();
    const unreachable = await runImport(
      { ...options(validCsv()), baseUrl: 'http://127.0.0.1:9' },
      { ...io, transientRetries: 1 },
    );
    expect(unreachable.exitCode).toBe(1);
    expect(io.lines.join('\n')).toMatch(/batch 1 could not be delivered/);
  });

  it('refuses to send without a token', async () => {
    const io = collectingIo();
    const result = await runImport(options(validCsv(), { token: undefined }), io);
    expect(result.exitCode).toBe(1);
    expect(io.lines.at(-1)).toBe('no token: pass --token or set LEDGER_TOKEN');
    expect(ledger.requests).toHaveLength(0);
  });

  it('draws a progress bar on a terminal', async () => {
    const io = collectingIo(true);
    const result = await runImport(options(validCsv(), { batchSize: 10 }), io);
    expect(result.exitCode).toBe(0);
    expect(io.progress.join('')).toMatch(/import \[.*\] 31\/31 items \| batch 4\/4/);
  });

  it('runs as `ledger import` through commander, the token from LEDGER_TOKEN', async () => {
    const io = collectingIo();
    const program = new Command('ledger').exitOverride();
    registerImportCommand(program, io);
    const previous = process.env.LEDGER_TOKEN;
    process.env.LEDGER_TOKEN = 'from-env';
    try {
      await program.parseAsync(
        [
          'import',
          validCsv(),
          '--platform',
          'cq-test',
          '--year',
          '2025',
          '--url',
          url,
          '--batch-size',
          '20',
        ],
        { from: 'user' },
      );
    } finally {
      if (previous === undefined) delete process.env.LEDGER_TOKEN;
      else process.env.LEDGER_TOKEN = previous;
    }
    expect(process.exitCode ?? 0).toBe(0);
    expect(ledger.requests.map((r) => [r.headers.authorization, r.items.length])).toEqual([
      ['Bearer from-env', 19],
      ['Bearer from-env', 12],
    ]);
  });

  it('refuses bad options before reading anything', async () => {
    const program = new Command('ledger')
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
    registerImportCommand(program, collectingIo());
    const run = (...args: string[]): Promise<Command> =>
      program.parseAsync(['import', 'x.csv', ...args], { from: 'user' });
    await expect(run('--platform', 'cq-test', '--year', '25')).rejects.toThrow(/four-digit year/);
    await expect(run('--platform', 'cq test', '--year', '2025')).rejects.toThrow(/letters, digits/);
    await expect(
      run('--platform', 'cq-test', '--year', '2025', '--batch-size', '9000'),
    ).rejects.toThrow(/2 to 5000/);
    await expect(run('--year', '2025')).rejects.toThrow(/--platform/);
  });
});
