import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { defaultEvaluationOf, programStream, type OpenedProgram } from '@ledger/domain';
import { LedgerProcessors } from '../commands/ledger-processors';
import { ApiError } from '../http/api-error';
import { resultTable, type ResultTable } from './result-table';

export interface EvaluationSummary {
  readonly evaluationId: string;
  readonly position: number;
  readonly evaluatedAt: string;
  readonly platforms: number;
  readonly graded: number;
  readonly amountFen: number;
}

/** GET /v1/programs/{programId}: the program as its stream holds it. */
export interface ProgramView {
  readonly programId: string;
  readonly stream: string;
  readonly revision: number;
  readonly title: string;
  readonly packId: string;
  readonly packVersion: string;
  readonly year: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly openedAt: string;
  readonly enrolled: readonly string[];
  readonly evaluations: readonly EvaluationSummary[];
  readonly publishedEvaluationId: string | null;
  readonly publishedAt: string | null;
}

export class GetProgram extends Query<ProgramView> {
  constructor(readonly programId: string) {
    super();
  }
}

/** The published evaluation's table by default, else the latest; or the one asked for. */
export class GetProgramResults extends Query<ResultTable> {
  constructor(
    readonly programId: string,
    readonly evaluationId: string | null,
  ) {
    super();
  }
}

@QueryHandler(GetProgram)
export class GetProgramHandler implements IQueryHandler<GetProgram, ProgramView> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  async execute({ programId }: GetProgram): Promise<ProgramView> {
    const { state, revision } = await openedProgram(this.processors, programId);
    const { program, publication } = state;
    return {
      programId,
      stream: programStream(programId),
      revision,
      title: program.title,
      packId: program.packId,
      packVersion: program.packVersion,
      year: program.year,
      parameters: program.parameters,
      openedAt: program.openedAt,
      enrolled: state.enrolled,
      evaluations: state.evaluations.map((evaluation) => ({
        evaluationId: evaluation.evaluationId,
        position: evaluation.position,
        evaluatedAt: evaluation.evaluatedAt,
        platforms: evaluation.results.length,
        graded: evaluation.results.filter((line) => line.graded).length,
        amountFen: evaluation.results.reduce((sum, line) => sum + line.amountFen, 0),
      })),
      publishedEvaluationId: publication?.evaluationId ?? null,
      publishedAt: publication?.publishedAt ?? null,
    };
  }
}

@QueryHandler(GetProgramResults)
export class GetProgramResultsHandler implements IQueryHandler<GetProgramResults, ResultTable> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  async execute({ programId, evaluationId }: GetProgramResults): Promise<ResultTable> {
    const { state } = await openedProgram(this.processors, programId);
    const evaluation =
      evaluationId === null
        ? defaultEvaluationOf(state)
        : (state.evaluations.find((recorded) => recorded.evaluationId === evaluationId) ?? null);
    if (evaluation === null) {
      throw evaluationId === null
        ? new ApiError(404, 'NOT_FOUND', `program ${programId} has no evaluation yet`)
        : new ApiError(404, 'NOT_FOUND', `no evaluation ${evaluationId} in program ${programId}`, [
            { field: 'evaluationId', reason: 'not an evaluation of this program' },
          ]);
    }
    return resultTable(state, evaluation);
  }
}

async function openedProgram(
  processors: LedgerProcessors,
  programId: string,
): Promise<{ readonly state: OpenedProgram; readonly revision: number }> {
  const { state, revision } = await processors.programs.current(programStream(programId));
  if (state.status === 'unopened') {
    throw new ApiError(404, 'NOT_FOUND', `program ${programId} has not been opened`);
  }
  return { state, revision };
}
