import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';

declare global {
  var __LEDGER_TEST_POSTGRES__: ThrowawayPostgres | undefined;
}

/**
 * Gives the PostgreSQL suites a real server: TEST_DATABASE_URL if set, else a throwaway one.
 * Without binaries the PostgreSQL suites are skipped with a notice (CI sets
 * LEDGER_REQUIRE_POSTGRES=1, which turns that into a failure).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL !== undefined) {
    process.stdout.write(`\n[ledger tests] PostgreSQL suites use TEST_DATABASE_URL\n`);
    return;
  }
  const started = await startThrowawayPostgres();
  if ('skipped' in started) {
    if (process.env.LEDGER_REQUIRE_POSTGRES === '1')
      throw new Error(`PostgreSQL required but unavailable: ${started.skipped}`);
    process.stdout.write(
      `\n[ledger tests] NOTICE: PostgreSQL suites SKIPPED: ${started.skipped}\n`,
    );
    return;
  }
  globalThis.__LEDGER_TEST_POSTGRES__ = started;
  process.env.TEST_DATABASE_URL = started.url;
  process.stdout.write(`\n[ledger tests] started a throwaway PostgreSQL at ${started.url}\n`);
}
