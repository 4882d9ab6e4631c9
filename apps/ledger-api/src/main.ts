import { configFromEnv } from './config';
import { startLedgerApi } from './bootstrap';

async function main(): Promise<void> {
  const config = configFromEnv();
  const app = await startLedgerApi(config);
  const where = config.store.kind === 'sqlite' ? config.store.path : config.store.kind;
  process.stdout.write(
    `ledger-api listening on ${await app.getUrl()} (store: ${config.store.kind}, ${where})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger-api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
