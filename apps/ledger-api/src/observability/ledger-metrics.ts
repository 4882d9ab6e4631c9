import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@ledger/event-store';
import type { ProcessorObserver } from '../commands/stream-command-processor';

/** What `/metrics` exposes (API.md "Health and operations"), one registry per API instance. */
export class LedgerMetrics {
  readonly registry = new Registry();
  readonly appends = new Counter({
    name: 'ledger_appends_total',
    help: 'Appends to the event store by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly appendedEvents = new Counter({
    name: 'ledger_appended_events_total',
    help: 'Events appended to the event store.',
    registers: [this.registry],
  });
  readonly appendSeconds = new Histogram({
    name: 'ledger_append_duration_seconds',
    help: 'Latency of one append (decide + durable commit), in seconds.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands decided, by outcome (accepted, rejected, replayed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(store: EventStore) {
    new Gauge({
      name: 'ledger_head_position',
      help: 'Global position of the newest event in the log.',
      labelNames: ['store'] as const,
      registers: [this.registry],
      async collect() {
        this.set({ store: store.kind }, await store.headPosition());
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  observer(): ProcessorObserver {
    return {
      appended: (events, seconds, ok) => {
        this.appends.inc({ outcome: ok ? 'ok' : 'failed' });
        if (ok) this.appendedEvents.inc(events);
        this.appendSeconds.observe(seconds);
      },
      decided: (outcome) => {
        this.commands.inc({ outcome });
      },
    };
  }
}
