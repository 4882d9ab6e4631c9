import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { freshSqliteStoreAt } from '../support/stores';
import { events } from '../contract/contract-fixtures';
import { REPO_ROOT, typeScriptEntry } from '../support/typescript-entry';

const run = promisify(execFile);

async function ledger(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      typeScriptEntry('apps/ledger-cli/src/main.ts', ...args),
      { cwd: REPO_ROOT, env: { ...process.env, LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir } },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('ledger CLI: verify, anchor, prove, check-proof against a real SQLite file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const dbPath = join(dataDir, 'ledger.sqlite');

  beforeAll(async () => {
    const store = freshSqliteStoreAt(dbPath);
    await store.append(
      'platformyear-cq001_2025',
      events(4, 'ServiceRecorded', { amountFen: 1000 }),
    );
    await store.append('platformyear-cq002_2025', events(2));
    await store.close();
  });

  it('verifies, anchors, proves inclusion offline, and then catches an edited row', async () => {
    const verified = await ledger(dataDir, 'verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain('ok: 6 events in 2 streams');

    const anchored = await ledger(dataDir, 'anchor');
    const anchor = JSON.parse(anchored.stdout) as { anchoredPosition: number; root: string };
    expect(anchor.anchoredPosition).toBe(6);

    const proved = await ledger(
      dataDir,
      'prove',
      '--stream',
      'platformyear-cq001_2025',
      '--anchor-position',
      '6',
    );
    const proofFile = join(dataDir, 'proof.json');
    writeFileSync(proofFile, proved.stdout);
    await expect(
      ledger(dataDir, 'check-proof', '--proof', proofFile, '--root', anchor.root),
    ).resolves.toMatchObject({ code: 0 });
    await expect(
      ledger(dataDir, 'check-proof', '--proof', proofFile, '--root', 'a'.repeat(64)),
    ).resolves.toMatchObject({ code: 1 });

    const db = new Database(dbPath);
    db.prepare(
      "UPDATE ledger_events SET data = replace(data, '1000', '9000') WHERE stream = 'platformyear-cq001_2025' AND revision = 2",
    ).run();
    db.close();
    const broken = await ledger(dataDir, 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at platformyear-cq001_2025@2 (position 3');
    expect(broken.stdout).toContain('hash_mismatch');
  });
});

describe('ledger CLI: token create, list and revoke, honoured by a running API on the same file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-tokens-'));

  it('issues a scoped token the API accepts, lists it without its secret, and revokes it', async () => {
    const created = await ledger(
      dataDir,
      'token',
      'create',
      '--role',
      'auditor',
      '--label',
      '审计处',
      '--json',
    );
    expect(created.code).toBe(0);
    const { token, tokenId } = JSON.parse(created.stdout) as { token: string; tokenId: string };
    expect(token).toMatch(/^lgr_[0-9a-f]{32}_/);

    const { startLedgerApi } = await import('../../apps/ledger-api/src/bootstrap');
    const app = await startLedgerApi({
      port: 0,
      host: '127.0.0.1',
      store: { kind: 'sqlite', path: join(dataDir, 'ledger.sqlite') },
      readModels: { kind: 'sqlite', path: join(dataDir, 'read-models.sqlite') },
      projector: 'embedded',
      anchorIntervalMs: 0,
      blobDir: join(dataDir, 'blobs'),
      maxUploadBytes: 1024,
      maxBodyBytes: 1024 * 1024,
    });
    try {
      const url = `${await app.getUrl()}/v1/platforms/nowhere`;
      const asAuditor = { headers: { authorization: `Bearer ${token}` } };
      expect((await fetch(url, asAuditor)).status).toBe(404);

      const listed = await ledger(dataDir, 'token', 'list', '--json');
      const listing = JSON.parse(listed.stdout) as {
        tokenId: string;
        role: string;
        status: string;
        label: string;
      }[];
      expect(listing).toEqual([
        expect.objectContaining({ tokenId, role: 'auditor', status: 'active', label: '审计处' }),
      ]);
      expect(listed.stdout).not.toContain(token.slice(-43));

      expect((await ledger(dataDir, 'token', 'revoke', tokenId, '--reason', '离职')).code).toBe(0);
      // The API re-reads a token at most every 2 s: a revocation by another process lands by then.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect((await fetch(url, asAuditor)).status).toBe(401);
      expect((await ledger(dataDir, 'token', 'revoke', tokenId)).code).not.toBe(0);
      expect((await ledger(dataDir, 'token', 'create', '--role', 'platform')).code).not.toBe(0);
    } finally {
      await app.close();
    }
  });
});
