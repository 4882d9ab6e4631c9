import {
  platformDecider,
  platformStream,
  platformYearDecider,
  platformYearStream,
  type PlatformCommand,
  type PlatformEvent,
  type PlatformState,
  type PlatformYearCommand,
  type PlatformYearEvent,
  type PlatformYearState,
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
}

function streamWriteOptions(context: WriteContext) {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    ...(context.expectedRevision !== undefined && { expectedRevision: context.expectedRevision }),
    ...(context.idempotency !== undefined && { idempotency: context.idempotency }),
  };
}
