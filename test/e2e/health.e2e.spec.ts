import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@ledger/event-store';
import { AnchorScheduler } from '../../apps/ledger-api/src/anchors/anchor-scheduler';
import { startLedgerApi } from '../../apps/ledger-api/src/bootstrap';
import { READ_MODEL_READER } from '../../apps/ledger-api/src/read-models/read-model-reader.token';
import { PROJECTIONS } from '../../apps/projector/src/open-projector';
import type { ReadModelReader } from '@ledger/read-models';
import { EVENT_STORE } from '../../apps/ledger-api/src/store/event-store.module';
import { events } from '../contract/contract-fixtures';

describe('ledger-api over HTTP on the embedded store', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-api-')), 'ledger.sqlite');
    app = await startLedgerApi({
      port: 0,
      host: '127.0.0.1',
      store: { kind: 'sqlite', path },
      readModels: { kind: 'sqlite', path: `${path}.read-models` },
      projector: 'embedded',
      anchorIntervalMs: 0,
      blobDir: join(path, '..', 'blobs'),
      maxUploadBytes: 1024 * 1024,
      maxBodyBytes: 1024 * 1024,
    });
    baseUrl = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /health answers ok', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready reports the store and its head position', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    await store.append('platformyear-cq001_2025', events(3));
    // The embedded projector applies them; /ready then shows every read model at lag 0.
    await app.get<ReadModelReader>(READ_MODEL_READER).waitFor(3);
    const response = await fetch(`${baseUrl}/ready`);
    expect(response.status).toBe(200);
    const ready = (await response.json()) as { readModels: { model: string; lag: number }[] };
    expect(ready).toEqual({
      status: 'ready',
      store: 'sqlite',
      headPosition: 3,
      readModels: expect.arrayContaining([
        { model: 'platform-year-metrics', position: 3, lag: 0 },
        { model: 'platforms', position: 3, lag: 0 },
      ]) as unknown,
    });
    expect(ready.readModels).toHaveLength(PROJECTIONS.length);
  });

  it('GET /metrics is Prometheus text with the head position and each read model lag', async () => {
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^ledger_head_position\{store="sqlite"\} \d+$/m);
    expect(text).toMatch(/^ledger_projector_lag_events\{model="platform-year-metrics"\} \d+$/m);
  });

  it('the anchor scheduler anchors when the log moved, and not again until it moves', async () => {
    const scheduler = app.get(AnchorScheduler);
    const store = app.get<EventStore>(EVENT_STORE);
    await store.append('platformyear-cq002_2025', events(2));
    expect(await scheduler.anchorIfMoved()).toBe(true);
    expect(await scheduler.anchorIfMoved()).toBe(false);
    const [anchor] = (await store.anchors()).slice(-1);
    expect(anchor?.streamCount).toBe(2);
    await expect(store.verify()).resolves.toMatchObject({ ok: true, anchorsChecked: 1 });
  });
});
