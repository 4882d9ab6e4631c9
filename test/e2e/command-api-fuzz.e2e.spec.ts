import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { TestApi } from '../support/ledger-api';
import { filingBody, uscc, WRITE_ROUTES } from './ledger-fixtures';

/** One mutation of a valid body: what a careless client, a bad import or an attacker might send. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });
  const weird = fc.oneof(
    anyJson,
    fc.constantFrom(
      null,
      -1,
      0.5,
      1e21,
      '',
      ' ',
      '2025-13-45',
      '91350100M000100Y44',
      'NaN',
      [],
      {},
      '\u0000',
      '重'.repeat(3000),
    ),
  );
  return fc.oneof(
    anyJson,
    fc.record({ key, value: weird }).map(({ key: k, value }) => ({ ...valid, [k]: value })),
    key.map((k) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== k))),
    fc
      .record({ extra: fc.string({ minLength: 1, maxLength: 12 }), value: weird })
      .map(({ extra, value }) => ({ ...valid, [extra]: value })),
    fc
      .record({ key, at: fc.nat(), char: fc.constantFrom('O', 'I', 'Z', '0', 'é', '"', '\\') })
      .map(({ key: k, at, char }) => {
        const value = valid[k];
        if (typeof value !== 'string' || value.length === 0) return valid;
        const index = at % value.length;
        return { ...valid, [k]: value.slice(0, index) + char + value.slice(index + 1) };
      }),
  );
}

describe('write routes under random and mutated bodies (SQLite)', () => {
  let api: TestApi;
  const platformId = 'fuzz-1';
  let platformToken: string;
  let districtToken: string;

  beforeAll(async () => {
    api = await TestApi.start('sqlite');
    const demo = filingBody(platformId, {
      name: '重庆市模糊中小企业公共服务示范平台',
      kind: 'demonstration',
      level: 'municipal',
    });
    expect((await api.post('/v1/platforms', demo)).status).toBe(201);
    platformToken = await api.issue('platform', { platformId });
    districtToken = await api.issue('district', { district: '万州区' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('never answers 5xx, and a refused body never appends', async () => {
    const known = { serviceId: uuidv7(), serviceUscc: uscc(100), complaintId: uuidv7() };
    const routes = WRITE_ROUTES.filter(
      (route) => route.name !== 'revocations' && route.name !== 'submission',
    );
    const statuses = new Map<number, number>();
    let refusedThatAppended = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...routes)
          .chain((route) => mutated(route.body(known)).map((body) => ({ route, body }))),
        async ({ route, body }) => {
          const token = route.roles.includes('platform')
            ? platformToken
            : route.roles.includes('district')
              ? districtToken
              : api.adminToken;
          const before = await api.store.headPosition();
          const answer = await api.call('POST', route.path(platformId), {
            token,
            body: JSON.stringify(body),
          });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 400 && (await api.store.headPosition()) !== before)
            refusedThatAppended += 1;
          return answer.status < 500;
        },
      ),
      { numRuns: 3_000, seed: 20251125 },
    );
    expect(refusedThatAppended).toBe(0);
    // The run exercised refusals: most mutations are invalid.
    expect(
      [...statuses.entries()]
        .filter(([status]) => status >= 400)
        .reduce((sum, [, n]) => sum + n, 0),
    ).toBeGreaterThan(1_500);
  });
});
