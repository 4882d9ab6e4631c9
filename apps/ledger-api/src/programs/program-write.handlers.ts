import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import {
  awardOf,
  isValidPlatformId,
  type ProgramResultLine,
  type RecordEvaluation,
} from '@ledger/domain';
import { DomainRejection } from '../commands/domain-rejection';
import { LedgerProcessors } from '../commands/ledger-processors';
import type { WriteResult } from '../commands/write-result';
import { metadataOf } from '../platform-years/platform-years.controller';
import type { PlatformResult } from './policy';
import { ProgramEvaluationService } from './program-evaluation.service';
import { packForOpening, resolvedParameters } from './program-packs';
import {
  WriteDisbursement,
  WriteEnrolment,
  WriteEvaluation,
  WriteProgramOpening,
  WritePublication,
} from './program-writes';

@CommandHandler(WriteProgramOpening)
export class WriteProgramOpeningHandler implements ICommandHandler<
  WriteProgramOpening,
  WriteResult
> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  /** The pack resolves the parameters first: a bad pack or parameter appends nothing. */
  execute({ request, context }: WriteProgramOpening): Promise<WriteResult> {
    const pack = packForOpening(request.packId, request.packVersion);
    const parameters = resolvedParameters(pack, request.parameters);
    const { programId, title, packId, year } = request;
    return this.processors.writeProgram(
      programId,
      {
        type: 'OpenProgram',
        data: { programId, title, packId, packVersion: pack.version, year, parameters },
        metadata: metadataOf(context),
      },
      context,
    );
  }
}

@CommandHandler(WriteEnrolment)
export class WriteEnrolmentHandler implements ICommandHandler<WriteEnrolment, WriteResult> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  /** Which of the platforms are filed, read from their own streams (D-ENROLMENT). */
  async execute({ programId, platformIds, context }: WriteEnrolment): Promise<WriteResult> {
    const candidates = [...new Set(platformIds)].filter(isValidPlatformId);
    const states = await Promise.all(candidates.map((id) => this.processors.platformState(id)));
    const filed = candidates.filter((_, index) => states[index]?.status !== 'unfiled');
    return this.processors.writeProgram(
      programId,
      { type: 'EnrolPlatforms', data: { platformIds }, filed, metadata: metadataOf(context) },
      context,
    );
  }
}

@CommandHandler(WriteEvaluation)
export class WriteEvaluationHandler implements ICommandHandler<WriteEvaluation, WriteResult> {
  constructor(
    @Inject(LedgerProcessors) private readonly processors: LedgerProcessors,
    @Inject(ProgramEvaluationService) private readonly evaluations: ProgramEvaluationService,
  ) {}

  /**
   * The pack runs on the program as it stands; the decider then refuses the results if an
   * enrolment landed meanwhile (D-EVALUATION) or the results were published (D-PROGRAM).
   */
  async execute({ programId, publish, context }: WriteEvaluation): Promise<WriteResult> {
    const state = await this.processors.programState(programId);
    if (state.status === 'unopened') {
      throw new DomainRejection({
        code: 'NOT_FOUND',
        ruleId: 'D-PROGRAM',
        message: `program ${programId} has not been opened`,
        details: [],
      });
    }
    const { position, result } = await this.evaluations.evaluate(state);
    const command: RecordEvaluation = {
      type: 'RecordEvaluation',
      data: {
        evaluationId: uuidv7(),
        position,
        results: result.results.map(resultLine),
        network: asJson(result.network),
        publish,
      },
      metadata: metadataOf(context),
    };
    return this.processors.writeProgram(programId, command, context);
  }
}

@CommandHandler(WritePublication)
export class WritePublicationHandler implements ICommandHandler<WritePublication, WriteResult> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  execute({ programId, evaluationId, context }: WritePublication): Promise<WriteResult> {
    return this.processors.writeProgram(
      programId,
      { type: 'PublishResults', data: { evaluationId }, metadata: metadataOf(context) },
      context,
    );
  }
}

@CommandHandler(WriteDisbursement)
export class WriteDisbursementHandler implements ICommandHandler<WriteDisbursement, WriteResult> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  /** The award is read from the program's stream, never taken from the client (D-DISBURSEMENT). */
  async execute({ platformId, year, request, context }: WriteDisbursement): Promise<WriteResult> {
    const award = isValidPlatformId(request.programId)
      ? awardOf(await this.processors.programState(request.programId), platformId)
      : ({ status: 'no_program' } as const);
    return this.processors.writeYear(
      platformId,
      year,
      {
        type: 'RecordDisbursement',
        platformId,
        year,
        data: request,
        award,
        metadata: metadataOf(context),
      },
      context,
    );
  }
}

/** A pack's line as event data: plain JSON (no undefined members, no class instances). */
function resultLine(result: PlatformResult): ProgramResultLine {
  return asJson(result);
}

function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
