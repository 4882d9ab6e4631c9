import { Module } from '@nestjs/common';
import { ProgramEvaluationService } from './program-evaluation.service';
import {
  WriteDisbursementHandler,
  WriteEnrolmentHandler,
  WriteEvaluationHandler,
  WriteProgramOpeningHandler,
  WritePublicationHandler,
} from './program-write.handlers';
import { GetProgramHandler, GetProgramResultsHandler } from './program.queries';
import { ProgramsController } from './programs.controller';

/**
 * Evaluation programs and the disbursements paid against their awards. Uses the application's
 * global providers: the command processors, the event store and the read-model reader.
 */
@Module({
  controllers: [ProgramsController],
  providers: [
    ProgramEvaluationService,
    WriteProgramOpeningHandler,
    WriteEnrolmentHandler,
    WriteEvaluationHandler,
    WritePublicationHandler,
    WriteDisbursementHandler,
    GetProgramHandler,
    GetProgramResultsHandler,
  ],
})
export class ProgramsModule {}
