import { Inject, Injectable } from '@nestjs/common';
import type { OpenedProgram } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { ReadModelReader } from '@ledger/read-models';
import { ApiError } from '../http/api-error';
import { READ_MODEL_READER } from '../read-models/read-model-reader.token';
import { EVENT_STORE } from '../store/event-store.module';
import { evaluationContext } from './evaluation-context';
import type { PackResult } from './policy';
import { runProgramPack } from './program-packs';

/** How long an evaluation waits for the read models to apply the log as it stood when asked. */
export const EVALUATION_CATCH_UP_MS = 10_000;

export interface ProgramEvaluation {
  /** The global position every view read had applied: replaying the log to it reproduces this. */
  readonly position: number;
  readonly result: PackResult;
}

/**
 * Evaluates a program outside its decider: the pack reads the enrolled platforms' views from one
 * snapshot of the read models, after they have applied every event appended before the request.
 */
@Injectable()
export class ProgramEvaluationService {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async evaluate(program: OpenedProgram): Promise<ProgramEvaluation> {
    await this.catchUp();
    return this.reader.snapshot(async (snapshot) => ({
      position: snapshot.position,
      result: runProgramPack(program.program, await evaluationContext(snapshot, program)),
    }));
  }

  /** A record appended just before the evaluation is part of it (read-your-writes). */
  private async catchUp(): Promise<void> {
    const head = await this.events.headPosition();
    try {
      await this.reader.waitFor(head, EVALUATION_CATCH_UP_MS);
    } catch (error) {
      throw new ApiError(
        503,
        'READ_MODELS_BEHIND',
        `the read models have not applied position ${String(head)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
