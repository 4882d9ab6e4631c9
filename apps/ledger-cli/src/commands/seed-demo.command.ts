import type { Command } from 'commander';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_YEAR, generateDemoDataset } from '@ledger/demo-data';
import { LedgerProcessors } from '../../../ledger-api/src/commands/ledger-processors';
import { seedDemo } from '../../../ledger-api/src/demo/seed-demo';
import { print, withStore } from '../open-store';

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'load the demo dataset (≈50 Chongqing platforms, a year of records) into an empty store',
    )
    .option('--seed <n>', 'PRNG seed of the dataset', String(DEFAULT_DEMO_SEED))
    .option('--year <yyyy>', 'the year to generate', String(DEFAULT_DEMO_YEAR))
    .action(async (options: { seed: string; year: string }) => {
      await withStore(async (store) => {
        if ((await store.headPosition()) > 0)
          throw new Error('the store already holds data: seed-demo only fills an empty store');
        const dataset = generateDemoDataset({
          seed: Number(options.seed),
          year: Number(options.year),
        });
        const report = await seedDemo(new LedgerProcessors(store), dataset);
        print(`loaded ${String(report.platforms)} platforms and ${String(report.records)} records`);
      });
    });
}
