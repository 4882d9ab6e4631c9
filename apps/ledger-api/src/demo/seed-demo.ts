import { randomUUID } from 'node:crypto';
import type {
  BatchItem,
  OperatorProfileUpdated,
  PlatformCertified,
  PlatformFiled,
} from '@ledger/domain';
import type { Actor } from '@ledger/event-store';
import type { LedgerProcessors } from '../commands/ledger-processors';
import type { WriteContext } from '../http/write-context';

/** The shape of a demo dataset (apps/ledger-cli/src/demo generates one). */
export interface DemoDataset {
  readonly platforms: readonly {
    readonly filing: PlatformFiled['data'];
    readonly profile: OperatorProfileUpdated['data'];
    readonly certification?: PlatformCertified['data'];
  }[];
  readonly years: readonly {
    readonly platformId: string;
    readonly year: number;
    readonly items: readonly BatchItem[];
  }[];
}

export interface SeedReport {
  readonly platforms: number;
  readonly records: number;
}

const SEED_ACTOR: Actor = { subject: 'demo-seed', role: 'admin' };
const BATCH = 2_000;

/**
 * Writes a demo dataset through the same deciders as the API (nothing bypasses a rule), with
 * every platform-year written as batches of records.
 */
export async function seedDemo(
  processors: LedgerProcessors,
  dataset: DemoDataset,
  now = new Date(),
): Promise<SeedReport> {
  const context = (): WriteContext => ({
    actor: SEED_ACTOR,
    correlationId: randomUUID(),
    now: now.toISOString(),
  });
  const metadata = {
    now: now.toISOString(),
    actor: { subject: SEED_ACTOR.subject, role: 'admin' as const },
  };
  await Promise.all(
    dataset.platforms.map(async ({ filing, profile, certification }) => {
      await processors.writePlatform(
        filing.platformId,
        { type: 'FilePlatform', data: filing, metadata },
        context(),
      );
      await processors.writePlatform(
        filing.platformId,
        { type: 'UpdateOperatorProfile', data: profile, metadata },
        context(),
      );
      if (certification !== undefined) {
        await processors.writePlatform(
          filing.platformId,
          { type: 'CertifyPlatform', data: certification, metadata },
          context(),
        );
      }
    }),
  );
  let records = 0;
  await Promise.all(
    dataset.years.map(async ({ platformId, year, items }) => {
      for (let start = 0; start < items.length; start += BATCH) {
        const slice = items.slice(start, start + BATCH);
        await processors.writeYear(
          platformId,
          year,
          { type: 'RecordBatch', platformId, year, items: slice, metadata },
          context(),
        );
        records += slice.length;
      }
    }),
  );
  return { platforms: dataset.platforms.length, records };
}
