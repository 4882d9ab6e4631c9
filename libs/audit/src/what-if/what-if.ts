import type { OpenedProgram, ProgramResultLine } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { READ_MODELS } from '@ledger/read-models';
import { packById, type EvaluationContext, type PackResult } from '@ledger/policy';
import { AuditError } from '../audit-error';
import { evaluationContext } from '../evaluation/evaluation-context';
import { historySnapshot } from '../history/history-snapshot';
import { baselineOf, type Evaluation } from './baseline';
import { candidateOf, changedParameters, type Candidate, type PackChoice } from './candidate';
import { lineChange } from './line-diff';
import { openedProgram } from './program-stream';
import { checkedRequest } from './request';
import type { PlatformChange, WhatIf, WhatIfRequest } from './what-if.types';

/**
 * Re-evaluates a program under another pack version or parameter set and answers the differences
 * per platform, writing nothing. Basis 'baseline' runs the candidate on the log as the baseline
 * evaluation read it (a history snapshot at its recorded position, over the platforms it
 * evaluated), so only the rule change shows; 'current' on the log as of now, over the platforms
 * enrolled now. The "before" side is the baseline's recorded lines.
 */
export async function whatIf(
  store: EventStore,
  programId: string,
  given: WhatIfRequest = {},
): Promise<WhatIf> {
  const request = checkedRequest(given);
  const basis = request.basis ?? 'baseline';
  const program = await openedProgram(store, programId);
  const baseline = baselineOf(program, request.evaluationId, basis);
  const start: PackChoice = baseline ?? program.program;
  const candidate = candidateOf(start, request);

  const platformIds =
    basis === 'baseline' && baseline !== null ? evaluatedIds(program, baseline) : program.enrolled;
  const history = await historySnapshot(
    store,
    { platformIds },
    basis === 'baseline' && baseline !== null
      ? // -1 is the read models' position before the first event: nothing read.
        { kind: 'position', position: Math.max(0, baseline.position) }
      : { kind: 'now' },
    // The packs read the registry and metrics views, which no program event feeds.
    {
      discoverPrograms: false,
      models: [READ_MODELS.platforms, READ_MODELS.platformYearMetrics],
    },
  );
  const context = await evaluationContext(history.snapshot, { ...program, enrolled: platformIds });
  const after = linesOf(candidate.pack.evaluate(context, candidate.parameters));
  const before = baseline?.results ?? standIn(program, context);

  const platforms = changesOf(before, after);
  const changed = platforms.filter((platform) => platform.changes.length > 0).length;
  return {
    programId: program.program.programId,
    year: program.program.year,
    basis,
    baseline: baselineSummary(program, baseline, start, history.asOf),
    candidate: summaryOf(candidate, history.asOf),
    changedParameters: changedParameters(start.parameters, candidate.parameters),
    platforms,
    summary: {
      platforms: platforms.length,
      changed,
      unchanged: platforms.length - changed,
      awardedFenBefore: sumFen(before),
      awardedFenAfter: sumFen(after),
    },
  };
}

/**
 * The platforms an evaluation read, in enrolment order as the live evaluation handed them to the
 * pack (results come in table order; a tie-break may depend on the order read). Enrolments only
 * add, and results cover exactly the platforms enrolled then (D-EVALUATION).
 */
function evaluatedIds(program: OpenedProgram, evaluation: Evaluation): string[] {
  const evaluated = new Set(evaluation.results.map((line) => line.platformId));
  return program.enrolled.filter((platformId) => evaluated.has(platformId));
}

/** A pack's lines as the ledger records them: plain JSON, so equal results compare equal. */
function linesOf(result: PackResult): ProgramResultLine[] {
  return JSON.parse(JSON.stringify(result.results)) as ProgramResultLine[];
}

/** Before any evaluation (basis current), the program's own pack and parameters stand in. */
function standIn(program: OpenedProgram, context: EvaluationContext): ProgramResultLine[] {
  const { packId, packVersion, parameters } = program.program;
  const pack = packById(packId);
  const resolved = pack?.resolveParameters(parameters);
  if (pack === undefined || pack.version !== packVersion || resolved?.ok !== true) {
    throw new AuditError(
      'CONFLICT',
      `the program was opened with ${packId} ${packVersion}, which the ledger no longer runs as opened: name an evaluation or another pack`,
    );
  }
  return linesOf(pack.evaluate(context, resolved.parameters));
}

function changesOf(
  before: readonly ProgramResultLine[],
  after: readonly ProgramResultLine[],
): PlatformChange[] {
  const beforeById = new Map(before.map((line) => [line.platformId, line]));
  const afterIds = new Set(after.map((line) => line.platformId));
  return [
    ...after.map((line) =>
      lineChange(line.platformId, beforeById.get(line.platformId) ?? null, line),
    ),
    ...before
      .filter((line) => !afterIds.has(line.platformId))
      .map((line) => lineChange(line.platformId, line, null)),
  ];
}

function baselineSummary(
  program: OpenedProgram,
  baseline: Evaluation | null,
  start: PackChoice,
  position: number,
): WhatIf['baseline'] {
  return {
    evaluationId: baseline?.evaluationId ?? null,
    evaluatedAt: baseline?.evaluatedAt ?? null,
    published: baseline !== null && program.publication?.evaluationId === baseline.evaluationId,
    position: baseline?.position ?? position,
    packId: start.packId,
    packVersion: start.packVersion,
    parameters: start.parameters,
  };
}

function summaryOf(candidate: Candidate, position: number): WhatIf['candidate'] {
  return {
    packId: candidate.pack.id,
    packVersion: candidate.pack.version,
    parameters: candidate.parameters,
    position,
  };
}

function sumFen(lines: readonly ProgramResultLine[]): number {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}
