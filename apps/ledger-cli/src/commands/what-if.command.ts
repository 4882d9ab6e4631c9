import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  AuditError,
  whatIf,
  type PlatformChange,
  type WhatIf,
  type WhatIfRequest,
} from '@ledger/audit';
import { print, withStore } from '../open-store';

interface WhatIfOptions {
  readonly program: string;
  readonly param: readonly string[];
  readonly paramsJson?: string;
  readonly basis?: string;
  readonly pack?: string;
  readonly packVersion?: string;
  readonly evaluation?: string;
  readonly json?: boolean;
}

export function registerWhatIf(program: Command): void {
  program
    .command('what-if')
    .description(
      're-evaluate a program under other parameters or another pack and print the differences per platform; appends nothing',
    )
    .requiredOption('--program <id>', 'the program')
    .option(
      '--param <name=value>',
      'a parameter (the value read as JSON when it parses, else as text); repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--params-json <file>', 'a JSON object of parameters (--param wins over it)')
    .option('--basis <basis>', 'baseline (the log as the evaluation read it) or current (now)')
    .option('--pack <id>', "another policy pack (default: the baseline's)")
    .option('--pack-version <version>', 'must be the version the ledger runs')
    .option('--evaluation <id>', 'the baseline evaluation (default: published, else latest)')
    .option('--json', 'print the answer as JSON')
    .action(async (options: WhatIfOptions) => {
      const request = requestOf(options);
      const answer = await withStore((store) => whatIf(store, options.program, request)).catch(
        (error: unknown) => {
          throw error instanceof AuditError ? new Error(describe(error)) : error;
        },
      );
      if (options.json === true) print(JSON.stringify(answer));
      else for (const line of report(answer)) print(line);
    });
}

function requestOf(options: WhatIfOptions): WhatIfRequest {
  const parameters: Record<string, unknown> = {
    ...(options.paramsJson === undefined ? {} : parametersFile(options.paramsJson)),
  };
  for (const pair of options.param) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--param ${pair}: write name=value`);
    parameters[pair.slice(0, at)] = valueOf(pair.slice(at + 1));
  }
  // The library checks the basis and the rest, and names what it refuses.
  return {
    ...(Object.keys(parameters).length > 0 && { parameters }),
    ...(options.basis !== undefined && { basis: options.basis as WhatIfRequest['basis'] }),
    ...(options.pack !== undefined && { packId: options.pack }),
    ...(options.packVersion !== undefined && { packVersion: options.packVersion }),
    ...(options.evaluation !== undefined && { evaluationId: options.evaluation }),
  };
}

function parametersFile(path: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--params-json ${path}: must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** `0.8` is a number, `true` a flag, `[1,2]` a list; `floor` stays text. */
function valueOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(error: AuditError): string {
  const details = error.details.map((detail) => `\n  ${detail.field}: ${detail.reason}`);
  return `${error.code}: ${error.message}${details.join('')}`;
}

function report(answer: WhatIf): string[] {
  const { baseline, candidate, summary } = answer;
  const lines = [
    `program ${answer.programId} (${String(answer.year)}), basis ${answer.basis}`,
    `baseline:  ${baseline.evaluationId ?? "the program's own pack (no evaluation yet)"}${baseline.published ? ' (published)' : ''}, ${baseline.packId} ${baseline.packVersion}, position ${String(baseline.position)}`,
    `candidate: ${candidate.packId} ${candidate.packVersion}, position ${String(candidate.position)}`,
    ...answer.changedParameters.map(
      (change) => `  ${change.name}: ${text(change.before)} → ${text(change.after)}`,
    ),
    `${String(summary.changed)} of ${String(summary.platforms)} platforms change; awarded ${yuan(summary.awardedFenBefore)} → ${yuan(summary.awardedFenAfter)} 元`,
  ];
  for (const platform of answer.platforms) {
    if (platform.changes.length > 0) lines.push(...platformLines(platform));
  }
  return lines;
}

function platformLines(platform: PlatformChange): string[] {
  const before = (platform.before ?? {}) as Record<string, unknown>;
  const after = (platform.after ?? {}) as Record<string, unknown>;
  const fields = platform.changes
    .filter((field) => field !== 'rules' && field !== 'line')
    .map((field) => `${field} ${text(before[field])} → ${text(after[field])}`);
  if (platform.changes.includes('line')) {
    fields.push(platform.before === null ? 'not in the baseline' : 'not in the candidate');
  }
  const rules = (platform.rulesAfter ?? []).map((rule) => {
    const was = platform.rulesBefore?.find((old) => old.ruleId === rule.ruleId)?.outcome;
    return `${rule.ruleId} ${was ?? '-'} → ${rule.outcome}`;
  });
  return [
    `  ${platform.platformId} ${platform.name}: ${fields.join('; ')}`,
    ...(rules.length > 0 ? [`    rules: ${rules.join(', ')}`] : []),
  ];
}

function text(value: unknown): string {
  return value === undefined ? '-' : JSON.stringify(value);
}

/** 分 as 元 with two decimals, in integers. */
function yuan(fen: number): string {
  const cents = Math.abs(fen) % 100;
  return `${fen < 0 ? '-' : ''}${String((Math.abs(fen) - cents) / 100)}.${String(cents).padStart(2, '0')}`;
}
