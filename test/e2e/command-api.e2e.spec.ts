import { platformYearStream } from '@ledger/domain';
import { describeIfPostgres } from '../support/stores';
import { TestApi, type StoreKind } from '../support/ledger-api';
import { filingBody, serviceBody, uscc, WRITE_ROUTES, YEAR } from './ledger-fixtures';

interface Written {
  stream: string;
  eventIds: string[];
  revision: number;
  position: number;
  replayed: boolean;
}

async function uploadFile(
  api: TestApi,
  platformId: string,
  token: string,
  content: Buffer,
  mediaType = 'application/pdf',
) {
  const form = new FormData();
  form.append('kind', 'work_summary');
  form.append('description', '2025年工作总结');
  form.append('file', new Blob([content], { type: mediaType }), '工作总结.pdf');
  const response = await fetch(
    `${api.baseUrl}/v1/platforms/${platformId}/years/${String(YEAR)}/materials`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function commandApiSuite(kind: StoreKind): void {
  let api: TestApi;
  const demoId = `demo-${kind}`;
  let platformToken: string;
  let districtToken: string;

  beforeAll(async () => {
    api = await TestApi.start(kind);
    const demo = filingBody(demoId, {
      name: '重庆市渝信中小企业公共服务示范平台',
      kind: 'demonstration',
      level: 'municipal',
      // Still building, so that its construction can be completed (S2-1).
      underConstruction: true,
    });
    expect((await api.post('/v1/platforms', demo)).status).toBe(201);
    expect((await api.post('/v1/platforms', filingBody('cq-window-1'))).status).toBe(201);
    platformToken = await api.issue('platform', { platformId: demoId });
    districtToken = await api.issue('district', { district: '万州区' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers every write route with event ids, revision (also ETag) and global position', async () => {
    const serviceUscc = uscc(100);
    const service = await api.post(
      `/v1/platforms/${demoId}/years/${String(YEAR)}/services`,
      serviceBody({ enterpriseUscc: serviceUscc }),
      platformToken,
    );
    expect(service.status).toBe(201);
    const serviceId = (service.body as Written).eventIds[0] ?? '';
    const complaint = await api.post(`/v1/platforms/${demoId}/years/${String(YEAR)}/complaints`, {
      occurredAt: '2025-04-01',
      complainant: '某企业',
      summary: '服务未兑现',
    });
    const complaintId = (complaint.body as Written).eventIds[0] ?? '';
    const upload = await uploadFile(api, demoId, platformToken, Buffer.from('%PDF-1.7 工作总结'));
    expect(upload.status).toBe(201);
    const uploaded = await api.streamEvents(platformYearStream(demoId, YEAR));
    const material = uploaded.find((event) => event.type === 'MaterialUploaded');
    expect(material?.data).toMatchObject({
      kind: 'work_summary',
      mediaType: 'application/pdf',
      originalName: '工作总结.pdf',
      sizeBytes: Buffer.byteLength('%PDF-1.7 工作总结'),
    });
    const sha256 = material?.data.sha256 as string;

    const known = { serviceId, serviceUscc, complaintId };
    // Routes whose 201 needs more than a filed platform are walked by the specs that build it.
    for (const route of WRITE_ROUTES.filter((candidate) => candidate.needs === undefined)) {
      const token = route.roles.includes('admin')
        ? api.adminToken
        : route.roles.includes('district')
          ? districtToken
          : platformToken;
      const body = route.name.startsWith('materials')
        ? { ...route.body(known), sha256 }
        : route.body(known);
      const answer = await api.post(route.path(demoId), body, token);
      if (answer.status !== 201)
        throw new Error(`${route.name}: ${String(answer.status)} ${JSON.stringify(answer.body)}`);
      expect({ route: route.name, status: answer.status, body: answer.body }).toMatchObject({
        body: {},
        route: route.name,
        status: 201,
      });
      const written = answer.body as Written;
      expect(written.eventIds.length).toBeGreaterThan(0);
      expect(written.position).toBeGreaterThan(0);
      expect(answer.headers.get('etag')).toBe(`"${String(written.revision)}"`);
    }
    const year = await api.call('GET', `/v1/platforms/${demoId}/years/${String(YEAR)}`, {
      token: api.adminToken,
    });
    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^ledger_appends_total\{outcome="ok"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ledger_append_duration_seconds_count [1-9]\d*$/m);
    expect(metrics).toMatch(/^ledger_commands_total\{outcome="accepted"\} [1-9]\d*$/m);
    expect(year.body).toMatchObject({ submittedAt: expect.any(String) as string, retracted: 1 });
  });
}

describe('command API over HTTP on SQLite', () => {
  commandApiSuite('sqlite');
});
describeIfPostgres('command API over HTTP on PostgreSQL', () => {
  commandApiSuite('postgres');
});
