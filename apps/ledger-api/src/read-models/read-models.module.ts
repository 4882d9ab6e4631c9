import {
  Global,
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { EventStore } from '@ledger/event-store';
import { lagBehind, openReadModelStore, type ReadModelStore } from '@ledger/read-models';
import { ProjectorThread } from '../../../projector/src/projector-thread';
import type { LedgerApiConfig } from '../config';
import { LEDGER_CONFIG } from '../config.token';
import { LedgerMetrics } from '../observability/ledger-metrics';
import { EVENT_STORE } from '../store/event-store.module';
import { READ_MODEL_READER } from './read-model-reader.token';

export const READ_MODEL_STORE = Symbol('ReadModelStore');

export interface ModelLag {
  readonly model: string;
  readonly position: number;
  readonly lag: number;
}

/** Each active read model's position and lag behind the log (the projector may be elsewhere). */
export async function modelLags(
  events: EventStore,
  readModels: ReadModelStore,
): Promise<ModelLag[]> {
  const head = await events.headPosition();
  return (await readModels.generations())
    .filter((g) => g.status === 'active')
    .map((g) => ({ model: g.model, position: g.position, lag: lagBehind(head, g.position) }));
}

/**
 * Runs the projector inside the API process, on a thread of its own, in the embedded default
 * (LEDGER_PROJECTOR=embedded); with `external` (the PostgreSQL default) the projector is its own
 * process and the API only reads.
 */
class EmbeddedProjector
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private projector: ProjectorThread | null = null;

  constructor(
    @Inject(LEDGER_CONFIG) private readonly config: LedgerApiConfig,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(LedgerMetrics) metrics: LedgerMetrics,
  ) {
    new Gauge({
      name: 'ledger_projector_lag_events',
      help: 'Events in the log that a read model has not applied yet.',
      labelNames: ['model'] as const,
      registers: [metrics.registry],
      collect: async function (this: Gauge<'model'>) {
        for (const lag of await modelLags(events, readModels))
          this.set({ model: lag.model }, lag.lag);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.projector !== 'embedded') return;
    this.projector = new ProjectorThread(
      { events: this.config.store, readModels: this.config.readModels },
      (message) => {
        process.stderr.write(`projector: ${message}\n`);
      },
    );
    await this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
    this.projector = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: READ_MODEL_STORE,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerApiConfig): Promise<ReadModelStore> =>
        openReadModelStore(config.readModels),
    },
    {
      provide: READ_MODEL_READER,
      inject: [READ_MODEL_STORE],
      useFactory: (store: ReadModelStore) => store.reader(),
    },
    EmbeddedProjector,
  ],
  exports: [READ_MODEL_STORE, READ_MODEL_READER],
})
export class ReadModelsModule {}
