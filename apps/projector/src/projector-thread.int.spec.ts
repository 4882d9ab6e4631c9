import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformStream } from '@ledger/domain';
import { windowFiling } from '../../../libs/domain/src/testing/fixtures';
import { openEventStore, type EventStoreConfig } from '@ledger/event-store';
import { openReadModelStore, READ_MODELS, type ReadModelStoreConfig } from '@ledger/read-models';
import { ProjectorThread } from './projector-thread';

/** The embedded projector's thread against real SQLite files, as the API starts it. */
describe('ProjectorThread (SQLite)', () => {
  function configs(): { events: EventStoreConfig; readModels: ReadModelStoreConfig } {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-projector-thread-'));
    return {
      events: { kind: 'sqlite', path: join(dir, 'ledger.sqlite') },
      readModels: { kind: 'sqlite', path: join(dir, 'read-models.sqlite') },
    };
  }

  it('projects what this thread appends, and a thread started after a stop resumes where it ended', async () => {
    const config = configs();
    const events = await openEventStore(config.events);
    const readModels = await openReadModelStore(config.readModels);
    const errors: string[] = [];
    const thread = new ProjectorThread(config, (message) => {
      errors.push(message);
    });
    try {
      await thread.start();
      const filed = await events.append(platformStream(windowFiling.platformId), [
        {
          id: randomUUID(),
          type: 'PlatformFiled',
          data: { ...windowFiling },
          metadata: {
            actor: { subject: 'spec', role: 'admin' },
            correlationId: randomUUID(),
            causationId: null,
            schemaVersion: 1,
          },
        },
      ]);
      await readModels.reader().waitFor(filed.lastPosition, 30_000);
      const view = await readModels
        .reader()
        .snapshot((s) => s.view<{ name: string }>(READ_MODELS.platforms, windowFiling.platformId));
      expect(view?.name).toBe(windowFiling.name);
      // Appended just before the stop: applied now, or by the next thread from the stored position.
      const noise = await events.append('noise-1', [
        {
          id: randomUUID(),
          type: 'Ignored',
          data: {},
          metadata: {
            actor: { subject: 'spec', role: 'admin' },
            correlationId: randomUUID(),
            causationId: null,
            schemaVersion: 1,
          },
        },
      ]);
      await thread.stop();
      const stopped = (await readModels.generations()).filter((g) => g.status === 'active');
      expect(stopped.length).toBeGreaterThan(0);
      for (const generation of stopped) expect(generation.position).toBeGreaterThanOrEqual(1);
      const next = new ProjectorThread(config, (message) => {
        errors.push(message);
      });
      await next.start();
      await readModels.reader().waitFor(noise.lastPosition, 30_000);
      await next.stop();
      const resumed = (await readModels.generations()).filter((g) => g.status === 'active');
      for (const generation of resumed) expect(generation.position).toBe(noise.lastPosition);
      expect(errors).toEqual([]);
    } finally {
      await thread.stop();
      await readModels.close();
      await events.close();
    }
  });

  it('refuses to start, with the reason, when it cannot open its stores', async () => {
    const config = configs();
    const thread = new ProjectorThread(
      { ...config, readModels: { kind: 'sqlite', path: '/proc/no-such-dir/read-models.sqlite' } },
      () => undefined,
    );
    await expect(thread.start()).rejects.toThrow(/projector thread/);
    await thread.stop();
  });
});
