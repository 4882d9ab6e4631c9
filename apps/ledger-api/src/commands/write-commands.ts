import { Command } from '@nestjs/cqrs';
import type { PlatformCommand, PlatformYearCommand } from '@ledger/domain';
import type { WriteContext } from '../http/write-context';
import type { WriteResult } from './write-result';

export class WritePlatform extends Command<WriteResult> {
  constructor(
    readonly platformId: string,
    readonly command: PlatformCommand,
    readonly context: WriteContext,
  ) {
    super();
  }
}

export class WritePlatformYear extends Command<WriteResult> {
  constructor(
    readonly platformId: string,
    readonly year: number,
    readonly command: PlatformYearCommand,
    readonly context: WriteContext,
  ) {
    super();
  }
}
