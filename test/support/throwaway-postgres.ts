import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts a disposable PostgreSQL server on loopback for tests and benchmarks (ENVIRONMENT.md):
 * initdb into a temp dir, as the `postgres` OS user when running as root (the server refuses
 * root), on a free port, with fsync on. stop() shuts it down immediately and removes the dir.
 */
export interface ThrowawayPostgres {
  readonly url: string;
  stop(): void;
}

export function findPostgresBinDir(): string | undefined {
  const candidates = [process.env.PG_BIN];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(root, version, 'bin'));
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath !== '') candidates.push(join(onPath, '..'));
  return candidates.find(
    (dir) =>
      dir !== undefined && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | { skipped: string }> {
  const bin = findPostgresBinDir();
  if (bin === undefined)
    return {
      skipped: 'no PostgreSQL server binaries (initdb, pg_ctl) found; install postgresql-15',
    };
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { skipped: 'running as root and there is no postgres OS user to run the server as' };
  }
  const base = mkdtempSync(join(tmpdir(), 'ledger-pg-'));
  const dataDir = join(base, 'data');
  const socketDir = join(base, 'socket');
  const run = (command: string, args: string[]): void => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  execFileSync('mkdir', ['-p', dataDir, socketDir]);
  chmodSync(base, 0o755);
  chmodSync(dataDir, 0o700);
  if (asRoot) execFileSync('chown', ['-R', 'postgres', base]);
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(base, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
