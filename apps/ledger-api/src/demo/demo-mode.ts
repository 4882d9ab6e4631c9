import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateDemoDataset } from '@ledger/demo-data';
import type { EventStore } from '@ledger/event-store';
import { LedgerProcessors } from '../commands/ledger-processors';
import { EVENT_STORE } from '../store/event-store.module';
import { TokenService } from '../tokens/token.service';
import { seedDemo, type SeedReport } from './seed-demo';

export interface DemoStart {
  /** What was loaded now, or null when the store already held data. */
  readonly seeded: SeedReport | null;
  readonly adminToken: string;
}

/** Demo mode: load the demo dataset once into an empty store, and issue an admin token. */
export async function prepareDemo(app: NestFastifyApplication): Promise<DemoStart> {
  const store = app.get<EventStore>(EVENT_STORE);
  const seeded =
    (await store.headPosition()) === 0
      ? await seedDemo(app.get(LedgerProcessors), generateDemoDataset())
      : null;
  const { token } = await app.get(TokenService).issue(
    {
      role: 'admin',
      scope: { platformId: null, district: null },
      label: 'demo admin (npm start)',
      // Printed on every demo start: it lapses after a day rather than piling up valid admins.
      expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
    { subject: 'demo-mode', role: 'admin' },
  );
  return { seeded, adminToken: token };
}
