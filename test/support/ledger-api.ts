import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TokenRole, TokenScope } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { startLedgerApi } from '../../apps/ledger-api/src/bootstrap';
import type { LedgerApiConfig } from '../../apps/ledger-api/src/config';
import { EVENT_STORE } from '../../apps/ledger-api/src/store/event-store.module';
import { TokenService } from '../../apps/ledger-api/src/tokens/token.service';
import { postgresUrl } from './stores';

export type StoreKind = 'sqlite' | 'postgres';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A real ledger-api over HTTP on a fresh store, with an admin token, for e2e specs. */
export class TestApi {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly store: EventStore,
    readonly tokens: TokenService,
    readonly adminToken: string,
    readonly config: LedgerApiConfig,
  ) {}

  static async start(kind: StoreKind, overrides: Partial<LedgerApiConfig> = {}): Promise<TestApi> {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const url = postgresUrl();
    if (kind === 'postgres' && url === undefined) throw new Error('TEST_DATABASE_URL is not set');
    const config: LedgerApiConfig = {
      port: 0,
      host: '127.0.0.1',
      store:
        kind === 'sqlite'
          ? { kind, path: join(dir, 'ledger.sqlite') }
          : {
              kind,
              connectionString: url ?? '',
              schema: `e2e_${String(process.pid)}_${Date.now().toString(36)}`,
            },
      readModels:
        kind === 'sqlite'
          ? { kind, path: join(dir, 'read-models.sqlite') }
          : {
              kind,
              connectionString: url ?? '',
              schema: `e2e_rm_${String(process.pid)}_${Date.now().toString(36)}`,
            },
      projector: 'embedded',
      anchorIntervalMs: 0,
      blobDir: join(dir, 'blobs'),
      maxUploadBytes: 1024 * 1024,
      maxBodyBytes: 16 * 1024 * 1024,
      ...overrides,
    };
    const app = await startLedgerApi(config);
    const tokens = app.get(TokenService);
    const store = app.get<EventStore>(EVENT_STORE);
    const { token } = await tokens.issue(
      {
        role: 'admin',
        scope: { platformId: null, district: null },
        label: 'e2e admin',
        expiresAt: null,
      },
      { subject: 'cli:e2e', role: 'admin' },
    );
    return new TestApi(app, await app.getUrl(), store, tokens, token, config);
  }

  async issue(role: TokenRole, scope: Partial<TokenScope> = {}): Promise<string> {
    const { token } = await this.tokens.issue(
      {
        role,
        scope: { platformId: scope.platformId ?? null, district: scope.district ?? null },
        label: `e2e ${role}`,
        expiresAt: null,
      },
      { subject: 'cli:e2e', role: 'admin' },
    );
    return token;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  post(
    path: string,
    body: unknown,
    token: string = this.adminToken,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> {
    return this.call('POST', path, { token, body, headers });
  }

  async streamEvents(stream: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream)) events.push(event);
    return events;
  }

  blobCount(): number {
    const root = join(this.config.blobDir, 'sha256');
    try {
      return readdirSync(root).reduce((sum, dir) => sum + readdirSync(join(root, dir)).length, 0);
    } catch {
      return 0;
    }
  }

  /** Stops this server and starts another on the same store (and data), keeping the tokens. */
  async restart(): Promise<TestApi> {
    await this.app.close();
    const app = await startLedgerApi(this.config);
    return new TestApi(
      app,
      await app.getUrl(),
      app.get<EventStore>(EVENT_STORE),
      app.get(TokenService),
      this.adminToken,
      this.config,
    );
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
