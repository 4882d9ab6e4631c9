import { v7 as uuidv7 } from 'uuid';
import {
  platformDecider,
  platformStream,
  platformYearDecider,
  platformYearStream,
  programDecider,
  programStream,
  type PlatformCommand,
  type PlatformEvent,
  type PlatformState,
  type PlatformYearCommand,
  type PlatformYearEvent,
  type PlatformYearState,
  type ProgramCommand,
  type ProgramEvent,
  type ProgramState,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { StreamCommandProcessor, type ProcessorObserver } from './stream-command-processor';
import type { WriteResult } from './write-result';
import type { WriteContext } from '../http/write-context';

const PLATFORM_CONTEXT_MAX_AGE_MS = 1_000;

/** The command side of the ledger, usable from HTTP handlers, the CLI and the demo seeder alike. */
export class LedgerProcessors {
  readonly platforms: StreamCommandProcessor<
    PlatformCommand,
    PlatformEvent,
    PlatformState,
    undefined
  >;
  readonly years: StreamCommandProcessor<
    PlatformYearCommand,
    PlatformYearEvent,
    PlatformYearState,
    PlatformState
  >;
  readonly programs: StreamCommandProcessor<ProgramCommand, ProgramEvent, ProgramState, undefined>;

  constructor(
    readonly store: EventStore,
    observer?: ProcessorObserver,
  ) {
    this.platforms = new StreamCommandProcessor(store, platformDecider, undefined, observer);
    // A record's id is its event's id, so retractions and ratings can cite it.
    this.years = new StreamCommandProcessor(
      store,
      platformYearDecider,
      (event) => event.data.recordId,
      observer,
    );
    // An evaluation's id is its event's id, as a record's is.
    this.programs = new StreamCommandProcessor(
      store,
      programDecider,
      (event) => (event.type === 'ProgramEvaluated' ? event.data.evaluationId : uuidv7()),
      observer,
    );
  }

  /**
   * The platform as a platform-year decision sees it: re-read at most every second, so a
   * revocation written by another process takes effect within a second.
   */
  async platformState(platformId: string): Promise<PlatformState> {
    return (
      await this.platforms.current(platformStream(platformId), {
        maxAgeMs: PLATFORM_CONTEXT_MAX_AGE_MS,
      })
    ).state;
  }

  writePlatform(
    platformId: string,
    command: PlatformCommand,
    context: WriteContext,
  ): Promise<WriteResult> {
    return this.platforms.submit({
      stream: platformStream(platformId),
      command,
      context: () => Promise.resolve(undefined),
      ...streamWriteOptions(context),
    });
  }

  writeYear(
    platformId: string,
    year: number,
    command: PlatformYearCommand,
    context: WriteContext,
  ): Promise<WriteResult> {
    return this.years.submit({
      stream: platformYearStream(platformId, year),
      command,
      context: () => this.platformState(platformId),
      ...streamWriteOptions(context),
    });
  }

  /** The program as its commands are decided: current with the store. */
  async programState(programId: string): Promise<ProgramState> {
    return (await this.programs.current(programStream(programId))).state;
  }

  writeProgram(
    programId: string,
    command: ProgramCommand,
    context: WriteContext,
  ): Promise<WriteResult> {
    return this.programs.submit({
      stream: programStream(programId),
      command,
      context: () => Promise.resolve(undefined),
      ...streamWriteOptions(context),
    });
  }
}

function streamWriteOptions(context: WriteContext) {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    ...(context.expectedRevision !== undefined && { expectedRevision: context.expectedRevision }),
    ...(context.idempotency !== undefined && { idempotency: context.idempotency }),
  };
}
