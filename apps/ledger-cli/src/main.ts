import { Command } from 'commander';
import { registerAnchorCommands } from './commands/anchor.command';
import { registerAuditCommands } from './commands/replay.command';
import { registerExport } from './commands/export.command';
import { registerSeedDemo } from './commands/seed-demo.command';
import { registerServe } from './commands/serve.command';
import { registerTokenCommands } from './commands/token.command';
import { registerVerify } from './commands/verify.command';
import { registerWhatIf } from './commands/what-if.command';
import { registerImportCommand } from './import/import.command';
import { registerProjectionCommands } from './commands/projections.command';

const program = new Command('ledger')
  .description(
    'service-record ledger: operator and auditor tools (store chosen by LEDGER_STORE, LEDGER_DATA_DIR, DATABASE_URL, ESDB_CONNECTION_STRING)',
  )
  .showHelpAfterError();
registerServe(program);
registerVerify(program);
registerAnchorCommands(program);
registerExport(program);
registerTokenCommands(program);
registerImportCommand(program);
registerSeedDemo(program);
registerProjectionCommands(program);
registerWhatIf(program);
registerAuditCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`ledger: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
