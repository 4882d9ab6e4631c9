import type { Command } from 'commander';
import { writeExportFile, type EventStore } from '@ledger/event-store';
import { platformYearExport, programExport, type ExportPlan } from '../export/subjects';
import { print, withStore } from '../open-store';

interface ExportOptions {
  platform?: string;
  year?: string;
  program?: string;
  out: string;
  root?: string;
  json?: boolean;
}

async function planOf(store: EventStore, options: ExportOptions): Promise<ExportPlan> {
  const { platform, year, program } = options;
  if (program !== undefined && platform === undefined && year === undefined)
    return programExport(store, program);
  if (platform !== undefined && year !== undefined && program === undefined) {
    if (!/^\d{4}$/.test(year)) throw new Error(`--year must be a year, not ${year}`);
    return platformYearExport(platform, Number(year));
  }
  throw new Error('give either --platform <id> --year <y>, or --program <id>');
}

/** Refuses an export of nothing at all (a misspelt id), which would still verify as "ok". */
async function requireEvents(store: EventStore, streams: readonly string[]): Promise<void> {
  for (const stream of streams) {
    for await (const _event of store.readStream(stream, { maxCount: 1 })) return;
  }
  throw new Error(`no events in ${streams.join(', ')}`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write a platform-year or a whole program, with hashes, anchors and inclusion proofs, to a self-contained file that `verify --file` checks offline',
    )
    .option('--platform <id>', 'the platform (with --year)')
    .option('--year <y>', 'the year of the platform-year')
    .option('--program <id>', 'an evaluation program: its stream and every enrolled platform-year')
    .requiredOption('--out <file>', 'the export file to write')
    .option('--root <hex>', 'include only the anchor(s) with this root (default: every anchor)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: ExportOptions) => {
      const root = options.root?.trim().toLowerCase();
      const summary = await withStore(async (store) => {
        const plan = await planOf(store, options);
        await requireEvents(store, plan.streams);
        return writeExportFile(store, plan.subject, plan.streams, options.out, {
          ...(root !== undefined && { anchors: (anchor) => anchor.root === root }),
        });
      });
      if (options.json === true) print(JSON.stringify({ file: options.out, ...summary }));
      else {
        print(
          `exported ${summary.events} events in ${summary.streams} streams, ${summary.anchors} anchors (${summary.proofs} inclusion proofs) to ${options.out}`,
        );
      }
      // An export nothing vouches for is still written, but the auditor should know.
      if (root !== undefined && summary.anchors === 0) {
        print(`no anchor with root ${root} proves any of these streams`);
        process.exitCode = 1;
      }
    });
}
