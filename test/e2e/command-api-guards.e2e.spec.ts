import { v7 as uuidv7 } from 'uuid';
import { platformYearStream } from '@ledger/domain';
import { describeIfPostgres } from '../support/stores';
import { TestApi, type StoreKind } from '../support/ledger-api';
import { filingBody, serviceBody, uscc, WRITE_ROUTES, YEAR } from './ledger-fixtures';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { field: string; reason: string }[];
    ruleId?: string;
  };
}

function guardSuite(kind: StoreKind): void {
  let api: TestApi;
  const platformId = `g-${kind}`;
  const yearPath = `/v1/platforms/${platformId}/years/${String(YEAR)}`;
  const stream = platformYearStream(platformId, YEAR);
  let platformToken: string;

  beforeAll(async () => {
    api = await TestApi.start(kind);
    expect((await api.post('/v1/platforms', filingBody(platformId))).status).toBe(201);
    platformToken = await api.issue('platform', { platformId });
  });
  afterAll(async () => {
    await api.close();
  });

  async function revision(): Promise<number> {
    return (await api.streamEvents(stream)).length - 1;
  }

  describe('every validation failure is a 4xx naming the field, and appends nothing', () => {
    const invalid: {
      name: string;
      route: string;
      body: () => unknown;
      status: number;
      field: string;
      code?: string;
    }[] = [
      {
        name: 'invalid USCC check character',
        route: 'services',
        body: () => serviceBody({ enterpriseUscc: '91350100M000100Y44' }),
        status: 400,
        field: 'enterpriseUscc',
      },
      {
        name: 'USCC with a forbidden letter',
        route: 'services',
        body: () => serviceBody({ enterpriseUscc: '91350100M000100YO3' }),
        status: 400,
        field: 'enterpriseUscc',
      },
      {
        name: 'missing required field',
        route: 'services',
        body: () => ({ ...serviceBody(), enterpriseName: undefined }),
        status: 400,
        field: 'enterpriseName',
      },
      {
        name: 'unknown field',
        route: 'services',
        body: () => serviceBody({ bogus: 1 }),
        status: 400,
        field: 'bogus',
      },
      {
        name: 'area outside the catalogue',
        route: 'services',
        body: () => serviceBody({ area: 'astrology' }),
        status: 400,
        field: 'area',
      },
      {
        name: 'date that is not ISO 8601',
        route: 'services',
        body: () => serviceBody({ occurredAt: '2025年3月8日' }),
        status: 400,
        field: 'occurredAt',
      },
      {
        name: 'record id that is not a UUID',
        route: 'services',
        body: () => serviceBody({ recordId: 'row-1' }),
        status: 400,
        field: 'recordId',
      },
      {
        name: 'fractional 分',
        route: 'financing-deals',
        body: () => ({
          occurredAt: '2025-05-01',
          enterpriseUscc: uscc(300),
          lender: '银行',
          product: '贷',
          contractNumber: 'HT-1',
          amountFen: 100.5,
        }),
        status: 400,
        field: 'amountFen',
      },
      {
        name: 'negative 分',
        route: 'financing-deals',
        body: () => ({
          occurredAt: '2025-05-01',
          enterpriseUscc: uscc(300),
          lender: '银行',
          product: '贷',
          contractNumber: 'HT-1',
          amountFen: -1,
        }),
        status: 400,
        field: 'amountFen',
      },
      {
        name: 'amount as a string',
        route: 'financing-deals',
        body: () => ({
          occurredAt: '2025-05-01',
          enterpriseUscc: uscc(300),
          lender: '银行',
          product: '贷',
          contractNumber: 'HT-1',
          amountFen: '100',
        }),
        status: 400,
        field: 'amountFen',
      },
      {
        name: 'nested attendee USCC',
        route: 'activities',
        body: () => ({
          occurredAt: '2025-05-01',
          area: 'digital',
          title: '沙龙',
          mode: 'offline',
          attendeeUsccs: [uscc(1), 'nope'],
          personTimes: 3,
        }),
        status: 400,
        field: 'attendeeUsccs',
      },
      {
        name: 'nested work-plan target',
        route: 'work-plan',
        body: () => ({ targets: [{ indicator: 'activities', target: -3 }] }),
        status: 400,
        field: 'targets[0].target',
      },
      {
        name: 'work-plan indicator the metrics do not measure (D-PLAN)',
        route: 'work-plan',
        body: () => ({ targets: [{ indicator: 'trainingPersonTimes', target: 10 }] }),
        status: 400,
        field: 'targets[0].indicator',
      },
      {
        name: 'work-plan target of 0 (D-PLAN)',
        route: 'work-plan',
        body: () => ({ targets: [{ indicator: 'activities', target: 0 }] }),
        status: 400,
        field: 'targets[0].target',
      },
      {
        name: 'work-plan area on an indicator counted for the whole year only (D-PLAN)',
        route: 'work-plan',
        body: () => ({
          targets: [{ indicator: 'financingFen', area: 'financing', target: 50_000_000 }],
        }),
        status: 400,
        field: 'targets[0].area',
      },
      {
        name: 'published item of an unknown kind',
        route: 'published-items',
        body: () => ({ occurredAt: '2025-05-01', itemKind: 'news', title: '新闻' }),
        status: 400,
        field: 'itemKind',
      },
      {
        name: 'batch item data',
        route: 'batch',
        body: () => ({
          items: [
            { type: 'RecordService', data: serviceBody() },
            { type: 'RecordService', data: serviceBody({ enterpriseUscc: 'bad' }) },
          ],
        }),
        status: 400,
        field: 'items[1].data.enterpriseUscc',
      },
      {
        name: 'batch item type',
        route: 'batch',
        body: () => ({ items: [{ type: 'FileComplaint', data: {} }] }),
        status: 400,
        field: 'items[0].type',
      },
      {
        name: 'empty batch',
        route: 'batch',
        body: () => ({ items: [] }),
        status: 400,
        field: 'items',
      },
      {
        name: 'body that is not an object',
        route: 'services',
        body: () => '[1,2]',
        status: 400,
        field: '',
      },
      {
        name: 'malformed JSON',
        route: 'services',
        body: () => '{"enterpriseUscc":',
        status: 400,
        field: 'body',
      },
      {
        name: 'occurredAt outside the year (D-PERIOD)',
        route: 'services',
        body: () => serviceBody({ occurredAt: '2026-01-01T00:00:00+08:00' }),
        status: 422,
        field: 'occurredAt',
        code: 'RULE_VIOLATION',
      },
      {
        name: 'rating of an unknown service (D-RATING-REF)',
        route: 'ratings',
        body: () => ({
          occurredAt: '2025-05-01',
          serviceId: uuidv7(),
          enterpriseUscc: uscc(100),
          rating: 'satisfied',
          source: 'enterprise',
        }),
        status: 404,
        field: 'serviceId',
        code: 'NOT_FOUND',
      },
      {
        name: 'batch whose second item breaks a rule',
        route: 'batch',
        body: () => ({
          items: [
            { type: 'RecordService', data: serviceBody() },
            {
              type: 'RateService',
              data: {
                occurredAt: '2025-01-01',
                serviceId: uuidv7(),
                enterpriseUscc: uscc(100),
                rating: 'satisfied',
                source: 'enterprise',
              },
            },
          ],
        }),
        status: 404,
        field: 'items[1].serviceId',
        code: 'NOT_FOUND',
      },
      {
        name: 'retraction of an unknown record',
        route: 'retractions',
        body: () => ({ retractedId: uuidv7(), reason: '错误' }),
        status: 404,
        field: 'retractedId',
        code: 'NOT_FOUND',
      },
      {
        name: 'reference to a file never uploaded',
        route: 'materials',
        body: () => ({ kind: 'photo', sha256: 'cd'.repeat(32), mediaType: 'image/png' }),
        status: 404,
        field: 'sha256',
        code: 'NOT_FOUND',
      },
    ];
    it.each(invalid)('$name → $status on $field', async ({ route, body, status, field, code }) => {
      expect((await api.post(`${yearPath}/services`, serviceBody(), platformToken)).status).toBe(
        201,
      );
      const before = await revision();
      const answer = await api.post(`${yearPath}/${route}`, body(), platformToken);
      expect(answer.status).toBe(status);
      const error = (answer.body as ErrorBody).error;
      expect(error.code).toBe(code ?? 'VALIDATION_FAILED');
      if (field !== '') expect(error.details.map((detail) => detail.field)).toContain(field);
      expect(await revision()).toBe(before);
    });

    it('a bad path parameter or If-Match header is a 400 naming it', async () => {
      const badYear = await api.post(
        `/v1/platforms/${platformId}/years/25/services`,
        serviceBody(),
        platformToken,
      );
      expect((badYear.body as ErrorBody).error.details[0]?.field).toBe('year');
      const badIfMatch = await api.post(`${yearPath}/services`, serviceBody(), platformToken, {
        'if-match': 'latest',
      });
      expect(badIfMatch.status).toBe(400);
      expect((badIfMatch.body as ErrorBody).error.details[0]?.field).toBe('If-Match');
    });
  });

  describe('authorization matrix: every role × every route', () => {
    const matrixPlatform = `m-${kind}`;
    let tokens: Record<string, string | undefined>;

    beforeAll(async () => {
      const demo = filingBody(matrixPlatform, {
        name: '重庆市矩阵中小企业公共服务示范平台',
        kind: 'demonstration',
        level: 'municipal',
      });
      expect((await api.post('/v1/platforms', demo)).status).toBe(201);
      tokens = {
        none: undefined,
        admin: api.adminToken,
        auditor: await api.issue('auditor'),
        'platform (own)': await api.issue('platform', { platformId: matrixPlatform }),
        'platform (other)': await api.issue('platform', { platformId: 'someone-else' }),
        'district (own)': await api.issue('district', { district: '万州区' }),
        'district (other)': await api.issue('district', { district: '渝中区' }),
      };
    });

    it('allows exactly the documented roles and answers 401 without a token, 403 otherwise', async () => {
      const known = { serviceId: uuidv7(), serviceUscc: uscc(100), complaintId: uuidv7() };
      const outcomes: string[] = [];
      for (const route of WRITE_ROUTES) {
        for (const [who, token] of Object.entries(tokens)) {
          const role = who.split(' ')[0] ?? who;
          const scoped = !who.includes('(other)') || route.name === 'file platform';
          const allowed =
            token !== undefined &&
            route.roles.includes(role as never) &&
            scoped &&
            !(route.name === 'file platform' && role !== 'admin');
          const answer = await api.call('POST', route.path(matrixPlatform), {
            ...(token !== undefined && { token }),
            body: route.body(known),
          });
          const expected = token === undefined ? '401' : allowed ? 'allowed' : '403';
          const actual = answer.status === 401 ? '401' : answer.status === 403 ? '403' : 'allowed';
          outcomes.push(
            `${route.name} × ${who}: ${actual === expected ? 'ok' : `expected ${expected}, got ${String(answer.status)} ${JSON.stringify(answer.body)}`}`,
          );
        }
      }
      expect(outcomes.filter((line) => !line.endsWith(': ok'))).toEqual([]);
      expect(outcomes.length).toBe(WRITE_ROUTES.length * 7);
    });

    it('a revoked token is refused', async () => {
      const { token, tokenId } = await api.tokens.issue(
        {
          role: 'admin',
          scope: { platformId: null, district: null },
          label: 'to revoke',
          expiresAt: null,
        },
        { subject: 'cli:e2e', role: 'admin' },
      );
      expect((await api.call('GET', `/v1/platforms/${platformId}`, { token })).status).toBe(200);
      await api.tokens.revoke(tokenId, 'left the office', { subject: 'cli:e2e', role: 'admin' });
      expect((await api.call('GET', `/v1/platforms/${platformId}`, { token })).status).toBe(401);
    });
  });

  it('upper-case UUIDs (as Windows tools write them) are stored lower-case and still cited', async () => {
    const id = uuidv7().toUpperCase();
    const service = await api.post(
      `${yearPath}/services`,
      serviceBody({ recordId: id, enterpriseUscc: uscc(901) }),
      platformToken,
    );
    expect((service.body as { eventIds: string[] }).eventIds).toEqual([id.toLowerCase()]);
    const rating = await api.post(
      `${yearPath}/ratings`,
      {
        occurredAt: '2025-06-01',
        serviceId: id,
        enterpriseUscc: uscc(901),
        rating: 'satisfied',
        source: 'enterprise',
      },
      platformToken,
    );
    expect(rating.status).toBe(201);
  });

  describe('Idempotency-Key', () => {
    it('a retry with the same key and body returns the first answer and appends once, also after a restart', async () => {
      const body = serviceBody();
      const headers = { 'idempotency-key': `svc-${uuidv7()}` };
      const first = await api.post(`${yearPath}/services`, body, platformToken, headers);
      expect(first.status).toBe(201);
      const before = await revision();
      const again = await Promise.all(
        [1, 2, 3].map(() => api.post(`${yearPath}/services`, body, platformToken, headers)),
      );
      for (const answer of again) {
        expect(answer.status).toBe(201);
        expect(answer.body).toEqual({ ...(first.body as object), replayed: true });
        expect(answer.headers.get('etag')).toBe(first.headers.get('etag'));
      }
      expect(await revision()).toBe(before);
      api = await api.restart();
      const afterRestart = await api.post(`${yearPath}/services`, body, platformToken, headers);
      expect(afterRestart.body).toEqual({ ...(first.body as object), replayed: true });
      expect(await revision()).toBe(before);
    });

    it('the same key with a different body is a 422 and appends nothing', async () => {
      const headers = { 'idempotency-key': `svc-${uuidv7()}` };
      expect(
        (await api.post(`${yearPath}/services`, serviceBody(), platformToken, headers)).status,
      ).toBe(201);
      const before = await revision();
      const reused = await api.post(`${yearPath}/services`, serviceBody(), platformToken, headers);
      expect(reused.status).toBe(422);
      expect((reused.body as ErrorBody).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await revision()).toBe(before);
    });
  });

  describe('If-Match', () => {
    it('of 20 concurrent writers expecting the same revision exactly one wins, round after round', async () => {
      for (let round = 0; round < 3; round++) {
        const current = await revision();
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            api.post(`${yearPath}/services`, serviceBody(), platformToken, {
              'if-match': `"${String(current)}"`,
            }),
          ),
        );
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses.filter((status) => status === 201)).toHaveLength(1);
        expect(statuses.filter((status) => status === 409)).toHaveLength(19);
        expect(await revision()).toBe(current + 1);
      }
    });
  });

  describe('evidence uploads', () => {
    async function upload(content: Buffer, mediaType: string) {
      const form = new FormData();
      form.append('kind', 'photo');
      form.append('file', new Blob([content], { type: mediaType }), 'site.png');
      const response = await fetch(`${api.baseUrl}${yearPath}/materials`, {
        method: 'POST',
        headers: { authorization: `Bearer ${platformToken}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as ErrorBody };
    }

    it('an upload over the size limit is refused with 413 and stores no blob and no event', async () => {
      const before = await revision();
      const blobs = api.blobCount();
      const answer = await upload(Buffer.alloc(api.config.maxUploadBytes + 1, 7), 'image/png');
      expect(answer.status).toBe(413);
      expect(answer.body.error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: [{ field: 'file' }],
      });
      expect(api.blobCount()).toBe(blobs);
      expect(await revision()).toBe(before);
    });

    it('an upload refused after its file arrived (bad kind, unknown evidence) keeps no blob', async () => {
      const blobs = api.blobCount();
      const before = await revision();
      for (const [name, value] of [
        ['kind', 'selfie'],
        ['evidences', uuidv7()],
      ] as const) {
        const form = new FormData();
        form.append(
          'file',
          new Blob([Buffer.from(`%PDF ${name}`)], { type: 'application/pdf' }),
          'x.pdf',
        );
        form.append('kind', name === 'kind' ? value : 'photo');
        if (name === 'evidences') form.append('evidences', value);
        const response = await fetch(`${api.baseUrl}${yearPath}/materials`, {
          method: 'POST',
          headers: { authorization: `Bearer ${platformToken}` },
          body: form,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
      expect(api.blobCount()).toBe(blobs);
      expect(await revision()).toBe(before);
    });

    it('a media type outside the allow-list is refused with 415', async () => {
      const before = await revision();
      const answer = await upload(Buffer.from('MZ executable'), 'application/x-msdownload');
      expect(answer.status).toBe(415);
      expect(answer.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await revision()).toBe(before);
    });

    it('an upload at the limit is stored once, content-addressed', async () => {
      const content = Buffer.alloc(api.config.maxUploadBytes, 9);
      const blobs = api.blobCount();
      expect((await upload(content, 'image/png')).status).toBe(201);
      expect((await upload(content, 'image/png')).status).toBe(201);
      expect(api.blobCount()).toBe(blobs + 1);
    });
  });
}

describe('command API guards on SQLite', () => {
  guardSuite('sqlite');
});
describeIfPostgres('command API guards on PostgreSQL', () => {
  guardSuite('postgres');
});
