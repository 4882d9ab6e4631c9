import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { LedgerProcessors } from './ledger-processors';
import { WritePlatform, WritePlatformYear } from './write-commands';
import type { WriteResult } from './write-result';

/** Thin adapters: the processor loads the stream, runs the pure decider and appends. */
@CommandHandler(WritePlatform)
export class WritePlatformHandler implements ICommandHandler<WritePlatform, WriteResult> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  execute({ platformId, command, context }: WritePlatform): Promise<WriteResult> {
    return this.processors.writePlatform(platformId, command, context);
  }
}

@CommandHandler(WritePlatformYear)
export class WritePlatformYearHandler implements ICommandHandler<WritePlatformYear, WriteResult> {
  constructor(@Inject(LedgerProcessors) private readonly processors: LedgerProcessors) {}

  execute({ platformId, year, command, context }: WritePlatformYear): Promise<WriteResult> {
    return this.processors.writeYear(platformId, year, command, context);
  }
}
