import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerEventStore, SqliteEventStoreAdapter, type StreamHead } from '@ledger/event-store';
import { REPO_ROOT, typeScriptEntry } from '../support/typescript-entry';

const CHILD = 'test/support/append-until-killed.ts';
const KILL_AFTER = 5_000;

interface KilledRun {
  /** Ids the child acknowledged on complete lines before it died. */
  readonly acked: string[];
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Spawns the appender, SIGKILLs it once KILL_AFTER ids are acknowledged, and waits for its exit. */
function appendUntilKilled(dbPath: string, timeoutMs: number): Promise<KilledRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, typeScriptEntry(CHILD, dbPath), {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`only ${acked.length} ids acknowledged in ${timeoutMs} ms; stderr: ${stderr}`),
      );
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // Only complete lines count; whatever follows the last newline may be cut by the kill.
      // Lines still arriving after the kill was sent were written before the child died: they count.
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      acked.push(...lines.filter((line) => line !== ''));
      if (!killed && acked.length >= KILL_AFTER) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!killed)
        reject(
          new Error(
            `child exited by itself (code ${String(code)}, signal ${String(signal)}): ${stderr}`,
          ),
        );
      else resolvePromise({ acked, signal, stderr });
    });
  });
}

describe('sqlite: kill -9 during concurrent appends loses no acknowledged event', () => {
  it('every acknowledged id survives, the chains verify and the heads match the log', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'ledger-kill9-')), 'ledger.sqlite');
    const run = await appendUntilKilled(dbPath, 50_000);
    expect(run.signal).toBe('SIGKILL');
    expect(run.acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const store = new LedgerEventStore(new SqliteEventStoreAdapter({ path: dbPath }));
    try {
      const stored = new Set<string>();
      const positions: number[] = [];
      const tips = new Map<string, StreamHead>();
      for await (const event of store.readAll()) {
        stored.add(event.id);
        positions.push(event.position);
        tips.set(event.stream, {
          stream: event.stream,
          revision: event.revision,
          hash: event.metadata.hash,
          position: event.position,
        });
      }
      const missing = run.acked.filter((id) => !stored.has(id));
      console.log(
        `kill -9: acked ${run.acked.length} ids (${new Set(run.acked).size} distinct), stored ${stored.size} events ` +
          `in ${tips.size} streams, ${stored.size - run.acked.length} stored but not acknowledged, ${missing.length} acknowledged but missing`,
      );
      expect(missing).toEqual([]);
      expect(new Set(run.acked).size).toBe(run.acked.length);
      expect(positions).toEqual(positions.map((_, index) => index + 1));

      const report = await store.verify();
      expect(report).toMatchObject({
        ok: true,
        eventsChecked: stored.size,
        streamsChecked: tips.size,
      });

      const snapshot = await store.adapter.headsSnapshot();
      expect(snapshot.position).toBe(stored.size);
      const heads = [...snapshot.heads].sort((a, b) => a.stream.localeCompare(b.stream));
      expect(heads).toEqual([...tips.values()].sort((a, b) => a.stream.localeCompare(b.stream)));
    } finally {
      await store.close();
    }
  }, 60_000);
});
