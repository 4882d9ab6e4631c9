import { eventStoreConfigFromEnv, openEventStore } from '@ledger/event-store';
import { createProjector, openReadModels } from './open-projector';

/**
 * The projector as its own process (the PostgreSQL setup: LEDGER_STORE=postgres, read models in
 * DATABASE_URL). In the embedded default the API runs the same Projector in-process instead.
 */
function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? String(fallback));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const events = await openEventStore(eventStoreConfigFromEnv());
  const readModels = await openReadModels();
  const projector = createProjector(events, readModels, {
    maxPendingEvents: positiveInteger('LEDGER_PROJECTOR_COMMIT_EVENTS', 20_000),
    checkpointEvents: positiveInteger('LEDGER_PROJECTOR_CHECKPOINT_EVENTS', 200_000),
    onError: (error) => {
      process.stderr.write(
        `projector: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    },
  });
  await projector.start();
  const report = setInterval(() => {
    void projector.status().then((models) => {
      const lags = models.map((m) => `${m.model}@${String(m.position)} lag ${String(m.lag)}`);
      process.stdout.write(`projector: ${lags.join(', ')}\n`);
    });
  }, 60_000);
  const shutdown = (): void => {
    clearInterval(report);
    void projector
      .stop()
      .then(() => Promise.all([readModels.close(), events.close()]))
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  process.stdout.write('projector: running\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(`projector: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
