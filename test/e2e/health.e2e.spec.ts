import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@ledger/event-store';
import { AnchorScheduler } from '../../apps/ledger-api/src/anchors/anchor-scheduler';
import { startLedgerApi } from '../../apps/ledger-api/src/bootstrap';
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
    const response = await fetch(`${baseUrl}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', store: 'sqlite', headPosition: 3 });
  });

  it('GET /metrics is Prometheus text with the head position', async () => {
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toMatch(/^ledger_head_position\{store="sqlite"\} \d+$/m);
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
