import { configFromEnv } from './config';
import { createLedgerApi } from './bootstrap';
import { prepareDemo } from './demo/demo-mode';

/** `--demo` (npm start) loads the demo data into an empty store and prints an admin token. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const demo = process.argv.includes('--demo') || process.env.LEDGER_DEMO === '1';
  const app = await createLedgerApi(config);
  const prepared = demo ? await prepareDemo(app) : null;
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const where = config.store.kind === 'sqlite' ? config.store.path : config.store.kind;
  process.stdout.write(`ledger-api listening on ${url} (store: ${config.store.kind}, ${where})\n`);
  if (prepared !== null) {
    const data =
      prepared.seeded === null
        ? 'demo data: the store already holds data, nothing loaded'
        : `demo data: loaded ${String(prepared.seeded.platforms)} platforms and ${String(prepared.seeded.records)} records`;
    process.stdout.write(
      `${data}\nLEDGER_DEMO_TOKEN=${prepared.adminToken}\n` +
        `try: curl -s ${url}/v1/platforms/cq-wanzhou-window/years/2025 -H "authorization: Bearer ${prepared.adminToken}"\n` +
        `API docs: ${url}/docs\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger-api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
