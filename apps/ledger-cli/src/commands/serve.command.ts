import type { Command } from 'commander';
import { startLedgerApi } from '../../../ledger-api/src/bootstrap';
import { configFromEnv } from '../../../ledger-api/src/config';
import { print } from '../open-store';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API (PORT, HOST, LEDGER_STORE … from the environment)')
    .action(async () => {
      const config = configFromEnv();
      const app = await startLedgerApi(config);
      print(`ledger-api listening on ${await app.getUrl()} (store: ${config.store.kind})`);
    });
}
