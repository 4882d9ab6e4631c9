import {
  readExportFile,
  verifyExport,
  type ChainBreak,
  type ExportVerifyReport,
} from '@ledger/event-store';
import { print } from '../open-store';

/** A file that is not JSON at all is reported like any other malformed export. */
async function reportOf(file: string, root: string | undefined): Promise<ExportVerifyReport> {
  let parsed: unknown;
  try {
    parsed = await readExportFile(file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // unreadable: a usage error (exit 2)
    const firstBreak: ChainBreak = {
      stream: '',
      revision: -1,
      position: -1,
      eventId: '',
      reason: 'malformed',
      expected: 'a JSON export file',
      found: error.message,
    };
    return { ok: false, firstBreak };
  }
  return verifyExport(parsed, root === undefined ? {} : { publishedRoot: root });
}

/**
 * `ledger verify --file <export> [--root <hex>]`: checks an export offline, with no store opened,
 * and prints like the store's verify; exit code 1 names the first broken event.
 */
export async function verifyExportFile(
  file: string,
  options: { root?: string; json?: boolean },
): Promise<void> {
  const report = await reportOf(file, options.root);
  if (options.json === true) print(JSON.stringify(report));
  else if (report.ok) {
    print(
      `ok: ${report.events} events in ${report.streams} streams, ${report.anchorsChecked} anchors and ${report.proofsChecked} inclusion proofs verified offline`,
    );
    if (report.publishedRootAt !== undefined)
      print(
        `  published root ${options.root ?? ''} is the anchor at position ${report.publishedRootAt}`,
      );
  } else {
    const b = report.firstBreak;
    print(
      `BROKEN at ${b.stream}@${b.revision} (position ${b.position}, event ${b.eventId || '-'}): ${b.reason}`,
    );
    print(`  expected ${b.expected}`);
    print(`  found    ${b.found}`);
  }
  if (!report.ok) process.exitCode = 1;
}
