import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { openEventStore, type EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG } from '../config.token';
import type { LedgerApiConfig } from '../config';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The one event store of the process, opened from the configuration and closed on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerApiConfig): Promise<EventStore> => openEventStore(config.store),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
