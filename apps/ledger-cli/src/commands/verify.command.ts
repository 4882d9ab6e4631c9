import type { Command } from 'commander';
import { print, withStore } from '../open-store';
import { verifyExportFile } from './verify-file';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'recompute every hash chain and anchor (or one stream); exit code 1 names the first broken event',
    )
    .option('--stream <name>', 'verify one stream only')
    .option('--json', 'print the report as JSON')
    .option('--file <export>', 'verify an export file offline instead (no store is opened)')
    .option('--root <hex>', 'with --file: a published root the export must prove')
    .action(async (options: { stream?: string; json?: boolean; file?: string; root?: string }) => {
      if (options.file !== undefined || options.root !== undefined) {
        if (options.file === undefined || options.stream !== undefined)
          throw new Error('--root needs --file, and --file cannot be combined with --stream');
        return verifyExportFile(options.file, options);
      }
      const report = await withStore((store) =>
        store.verify(options.stream === undefined ? {} : { stream: options.stream }),
      );
      // A misspelt stream name verifies zero events: say so instead of "ok".
      const nothingFound = options.stream !== undefined && report.ok && report.eventsChecked === 0;
      if (options.json === true) print(JSON.stringify(report));
      else if (nothingFound) print(`no events in stream ${options.stream ?? ''}`);
      else if (report.ok) {
        print(
          `ok: ${report.eventsChecked} events in ${report.streamsChecked} streams, ${report.anchorsChecked} anchors verified`,
        );
      } else {
        const b = report.firstBreak;
        print(
          `BROKEN at ${b.stream}@${b.revision} (position ${b.position}, event ${b.eventId || '-'}): ${b.reason}`,
        );
        print(`  expected ${b.expected}`);
        print(`  found    ${b.found}`);
      }
      if (!report.ok || nothingFound) process.exitCode = 1;
    });
}
