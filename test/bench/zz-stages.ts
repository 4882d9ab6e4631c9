import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  withUsccCheckCharacter,
  platformYearDecider,
  initialPlatformYearState,
  type PlatformState,
} from '@ledger/domain';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { validateBatch } from '../../apps/ledger-api/src/platform-years/batch.dto';
import { recordItem } from '../../apps/ledger-api/src/platform-years/record-routes';
import { LedgerProcessors } from '../../apps/ledger-api/src/commands/ledger-processors';

let n = 0;
const uscc = () =>
  withUsccCheckCharacter(
    `91500101MA${(++n).toString(36).toUpperCase().padStart(7, '0')}`.replace(/[IOSVZ]/g, 'X'),
  );
const body = () =>
  JSON.stringify({
    items: Array.from({ length: 1000 }, () => ({
      type: 'RecordService',
      data: {
        recordId: uuidv7(),
        occurredAt: '2025-03-08T10:00:00+08:00',
        enterpriseUscc: uscc(),
        enterpriseName: '重庆某某机械有限公司',
        area: 'financing',
        mode: 'offline',
        feeKind: 'free',
        description: '融资政策咨询',
      },
    })),
  });
const t = () => Number(process.hrtime.bigint()) / 1e6;
async function main() {
  const store = new LedgerEventStore(
    new SqliteEventStoreAdapter({ path: join(mkdtempSync(join(tmpdir(), 'bs-')), 'l.sqlite') }),
  );
  const processors = new LedgerProcessors(store);
  const platform: PlatformState = {
    status: 'filed',
    filing: {
      platformId: 'p',
      name: 'x',
      kind: 'district_window',
      level: null,
      province: '重庆市',
      district: '万州区',
      operatorUscc: uscc(),
      operatorName: 'x',
      filedAt: '2024-01-01',
      underConstruction: false,
      planned: true,
    },
    certification: null,
    profile: null,
    windowPlatformId: null,
    revokedAt: null,
  };
  const acc: Record<string, number> = {};
  const add = (k: string, v: number) => {
    acc[k] = (acc[k] ?? 0) + v;
  };
  const rounds = Number(process.env.ROUNDS ?? 15);
  for (let r = 0; r < rounds; r++) {
    const text = body();
    let s = t();
    const raw = JSON.parse(text);
    add('json.parse', t() - s);
    s = t();
    const validated = validateBatch(raw);
    add('validateBatch', t() - s);
    s = t();
    const now = new Date().toISOString();
    const items = validated.map(({ type, data }) => recordItem(type, data, now));
    add('recordItem', t() - s);
    const metadata = {
      now: new Date().toISOString(),
      actor: { subject: 's', role: 'platform' as const },
    };
    s = t();
    const d = platformYearDecider.decide(
      { type: 'RecordBatch', platformId: 'p', year: 2025, items, metadata },
      initialPlatformYearState(),
      platform,
    );
    add('decide', t() - s);
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    s = t();
    await processors.years.submit({
      stream: `platformyear-p${r}_2025`,
      command: { type: 'RecordBatch', platformId: 'p', year: 2025, items, metadata },
      context: () => Promise.resolve(platform),
      actor: { subject: 's', role: 'platform' },
      correlationId: 'c',
    });
    add('processor(decide+append)', t() - s);
  }
  for (const [k, v] of Object.entries(acc))
    console.log(k.padEnd(28), ((v / rounds / 1000) * 1000).toFixed(1), 'µs/record');
  await store.close();
}
void main();
