import { Command } from '@nestjs/cqrs';
import type { WriteResult } from '../commands/write-result';
import type { WriteContext } from '../http/write-context';

/**
 * Program writes and disbursements as bus commands. Their handlers resolve what the deciders take
 * from outside the stream (a pack's parameters, filed platforms, the pack's results, an award)
 * before the processor loads the stream, decides and appends.
 */

export interface ProgramOpeningRequest {
  readonly programId: string;
  readonly title: string;
  readonly packId: string;
  readonly packVersion: string | null;
  readonly year: number;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export class WriteProgramOpening extends Command<WriteResult> {
  constructor(
    readonly request: ProgramOpeningRequest,
    readonly context: WriteContext,
  ) {
    super();
  }
}

export class WriteEnrolment extends Command<WriteResult> {
  constructor(
    readonly programId: string,
    readonly platformIds: readonly string[],
    readonly context: WriteContext,
  ) {
    super();
  }
}

export class WriteEvaluation extends Command<WriteResult> {
  constructor(
    readonly programId: string,
    readonly publish: boolean,
    readonly context: WriteContext,
  ) {
    super();
  }
}

export class WritePublication extends Command<WriteResult> {
  constructor(
    readonly programId: string,
    readonly evaluationId: string,
    readonly context: WriteContext,
  ) {
    super();
  }
}

export interface DisbursementRequest {
  readonly recordId: string;
  readonly occurredAt: string;
  readonly programId: string;
  readonly amountFen: number;
  readonly reference: string;
}

export class WriteDisbursement extends Command<WriteResult> {
  constructor(
    readonly platformId: string,
    readonly year: number,
    readonly request: DisbursementRequest,
    readonly context: WriteContext,
  ) {
    super();
  }
}
