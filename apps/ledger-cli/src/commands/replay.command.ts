import type { Command } from 'commander';
import {
  AuditError,
  explainAsOf,
  replayPlatformYear,
  type Cut,
  type Explanation,
  type PlatformYearReplay,
} from '@ledger/audit';
import { platformYearStream } from '@ledger/domain';
import { print, withStore } from '../open-store';

interface CutOptions {
  readonly platform: string;
  readonly year: number;
  readonly asOf?: string;
  readonly clock?: string;
  readonly position?: number;
  readonly revision?: number;
  readonly json?: boolean;
}

const integer = (value: string): number => Number.parseInt(value, 10);

/** `ledger replay` and `ledger explain`: the auditor's routes without the server (DESIGN.md "Audit"). */
export function registerAuditCommands(program: Command): void {
  withCut(
    program
      .command('replay')
      .description(
        "a platform-year's metrics, eligibility, funding and program results as of a position, a revision or a time on either clock",
      )
      .option('--limit <n>', 'events listed', integer, 20)
      .option('--verify', "also verify the platform-year stream's hash chain"),
  ).action(async (options: CutOptions & { limit: number; verify?: boolean }) => {
    await reportAuditErrors(async () => {
      const replay = await withStore((store) =>
        replayPlatformYear(
          store,
          options.platform,
          options.year,
          cutOf(options),
          {
            offset: 0,
            limit: options.limit,
          },
          { verify: options.verify === true },
        ),
      );
      print(options.json === true ? JSON.stringify(replay) : replayText(replay));
    });
  });

  withCut(
    program
      .command('explain')
      .description(
        'rule ids and contributing event ids of a metric, grade, tier, amount, eligibility or funding',
      )
      .requiredOption(
        '--metric <name>',
        'e.g. calendarYear.enterprisesServed, ratings, grade, eligibility',
      )
      .option('--limit <n>', 'event ids listed', integer, 1_000),
  ).action(async (options: CutOptions & { metric: string; limit: number }) => {
    await reportAuditErrors(async () => {
      const explanation = await withStore((store) =>
        explainAsOf(
          store,
          options.platform,
          options.year,
          cutOf(options),
          options.metric,
          options.limit,
        ),
      );
      print(options.json === true ? JSON.stringify(explanation) : explanationText(explanation));
    });
  });
}

function withCut(command: Command): Command {
  return command
    .requiredOption('--platform <id>', 'the platform')
    .requiredOption('--year <y>', 'the year', integer)
    .option('--as-of <instant>', 'ISO 8601 instant or date (Beijing midnight)')
    .option('--clock <clock>', 'recorded (what the ledger knew) or occurred (what had happened)')
    .option('--position <n>', 'a global position', integer)
    .option('--revision <n>', "a revision of the platform-year's stream", integer)
    .option('--json', 'print JSON');
}

function cutOf(options: CutOptions): Cut {
  if (options.position !== undefined) return { kind: 'position', position: options.position };
  if (options.revision !== undefined) {
    return {
      kind: 'revision',
      stream: platformYearStream(options.platform, options.year),
      revision: options.revision,
    };
  }
  if (options.asOf !== undefined) {
    return { kind: options.clock === 'occurred' ? 'occurred' : 'recorded', at: options.asOf };
  }
  return { kind: 'now' };
}

function replayText(replay: PlatformYearReplay): string {
  const lines = [
    `${replay.platformId} ${String(replay.year)} as of position ${String(replay.position)} (revision ${String(replay.revision)}, ${String(replay.events.total)} events)`,
    `eligible: ${replay.eligibility === null ? '-' : String(replay.eligibility.eligible)}${(replay.eligibility?.reasons ?? []).map((reason) => `\n  ${reason.ruleId}: ${reason.reason}`).join('')}`,
    ...replay.results.map(
      (result) =>
        `${result.programId}: grade ${result.line.grade ?? '-'}, tier ${result.line.tier ?? '-'}, ${String(result.line.amountFen)} 分`,
    ),
    `funding: ${JSON.stringify(replay.funding.year?.totals ?? null)}`,
  ];
  if (replay.verification !== null) {
    lines.push(`verify: ${replay.verification.ok ? 'ok' : 'BROKEN'}`);
  }
  return lines.join('\n');
}

function explanationText(explanation: Explanation): string {
  return [
    `${explanation.metric} = ${JSON.stringify(explanation.value)}`,
    `rules: ${explanation.ruleIds.join(', ')}`,
    `events (${String(explanation.eventCount)}): ${explanation.eventIds.join(' ')}`,
    explanation.detail,
  ].join('\n');
}

async function reportAuditErrors(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AuditError)) throw error;
    print(`${error.code}: ${error.message}`);
    process.exitCode = 2;
  }
}
