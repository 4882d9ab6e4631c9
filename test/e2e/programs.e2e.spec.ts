import { v7 as uuidv7 } from 'uuid';
import { platformStream, platformYearStream, programStream } from '@ledger/domain';
import { foldEvents, viewsOf, type ProjectedEvent } from '@ledger/projections/shared/projection';
import { memorySnapshot } from '@ledger/read-models';
import { evaluationContext } from '../../apps/ledger-api/src/programs/evaluation-context';
import { runProgramPack } from '../../apps/ledger-api/src/programs/program-packs';
import { PROJECTIONS } from '../../apps/projector/src/open-projector';
import { describeIfPostgres } from '../support/stores';
import { TestApi, type StoreKind } from '../support/ledger-api';
import {
  E2E_PROGRAM_ID,
  PROGRAM_WRITE_ROUTES,
  filingBody,
  programBody,
  uscc,
  YEAR,
} from './ledger-fixtures';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details: { field: string; reason: string }[];
    ruleId?: string;
  };
}

interface Written {
  stream: string;
  eventIds: string[];
  revision: number;
  position: number;
}

const errorOf = (body: unknown) => (body as ErrorBody).error;

/** Programs (open, enrol), the new platform facts and their guards, through HTTP. */
function programSuite(kind: StoreKind): void {
  let api: TestApi;
  const window = `pw-${kind}`;
  const building = `pb-${kind}`;
  const yearPath = (platformId: string) => `/v1/platforms/${platformId}/years/${String(YEAR)}`;
  let tokens: Record<'platform' | 'district' | 'auditor', string>;

  beforeAll(async () => {
    api = await TestApi.start(kind);
    expect((await api.post('/v1/platforms', filingBody(window))).status).toBe(201);
    const underConstruction = filingBody(building, {
      underConstruction: true,
      filedAt: '2025-02-01',
    });
    expect((await api.post('/v1/platforms', underConstruction)).status).toBe(201);
    tokens = {
      platform: await api.issue('platform', { platformId: window }),
      district: await api.issue('district', { district: '万州区' }),
      auditor: await api.issue('auditor'),
    };
  });
  afterAll(async () => {
    await api.close();
  });

  async function events(
    stream: string,
  ): Promise<{ type: string; data: Record<string, unknown> }[]> {
    return (await api.streamEvents(stream)).map(({ type, data }) => ({ type, data }));
  }

  describe('opening a program (POST /v1/programs)', () => {
    it('records the pack, its version and the parameters with their defaults filled in', async () => {
      const programId = `open-${kind}`;
      const answer = await api.post('/v1/programs', programBody({ programId }));
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ stream: programStream(programId), revision: 0 });
      const program = await api.call('GET', `/v1/programs/${programId}`, { token: tokens.auditor });
      expect(program.status).toBe(200);
      expect(program.body).toMatchObject({
        programId,
        packId: 'cq-window-2025',
        packVersion: expect.any(String) as string,
        year: YEAR,
        enrolled: [],
        evaluations: [],
        publishedEvaluationId: null,
      });
      const parameters = (program.body as { parameters: Record<string, unknown> }).parameters;
      expect(parameters).toMatchObject({ minCompletionRate: 0.7, regionQuotaRounding: 'ceil' });
    });

    it('a program id chosen twice is a 409 CONFLICT (D-PROGRAM)', async () => {
      const body = programBody({ programId: `twice-${kind}` });
      expect((await api.post('/v1/programs', body)).status).toBe(201);
      const again = await api.post('/v1/programs', body);
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toMatchObject({ code: 'CONFLICT', ruleId: 'D-PROGRAM' });
    });

    it('a retried opening without a program id (same Idempotency-Key) opens one program', async () => {
      const headers = { 'idempotency-key': `open-${uuidv7()}` };
      const body = programBody({ programId: undefined });
      const first = await api.post('/v1/programs', body, api.adminToken, headers);
      expect(first.status).toBe(201);
      const again = await api.post('/v1/programs', body, api.adminToken, headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ ...(first.body as object), replayed: true });
      const reused = await api.post(
        '/v1/programs',
        { ...body, title: '另一个标题' },
        api.adminToken,
        headers,
      );
      expect(reused.status).toBe(422);
      expect(errorOf(reused.body).code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('without a program id one is generated', async () => {
      // JSON leaves an undefined member out: the body has no programId.
      const answer = await api.post('/v1/programs', programBody({ programId: undefined }));
      expect(answer.status).toBe(201);
      expect((answer.body as Written).stream).toMatch(/^program-[0-9a-f-]{36}$/);
    });

    it.each<{ name: string; overrides: Record<string, unknown>; field: string }>([
      { name: 'an unknown pack', overrides: { packId: 'no-such-pack' }, field: 'packId' },
      {
        name: 'another version of the pack',
        overrides: { packVersion: '0.0.1' },
        field: 'packVersion',
      },
      {
        name: 'an unknown parameter',
        overrides: { parameters: { bogus: 1 } },
        field: 'parameters.bogus',
      },
      {
        name: 'a parameter out of range',
        overrides: { parameters: { minCompletionRate: 1.5 } },
        field: 'parameters.minCompletionRate',
      },
      {
        name: 'a parameter of the wrong type',
        overrides: { parameters: { maxFunded: '20' } },
        field: 'parameters.maxFunded',
      },
      {
        name: 'parameters that are not an object',
        overrides: { parameters: [1, 2] },
        field: 'parameters',
      },
      { name: 'a year outside 2000..2100', overrides: { year: 1999 }, field: 'year' },
      {
        name: 'a program id with an underscore',
        overrides: { programId: 'cq_window' },
        field: 'programId',
      },
      { name: 'no title', overrides: { title: undefined }, field: 'title' },
    ])('$name is a 400 naming $field, and nothing is appended', async ({ overrides, field }) => {
      const programId = `bad-${uuidv7().slice(-12)}`;
      const answer = await api.post('/v1/programs', programBody({ programId, ...overrides }));
      expect(answer.status).toBe(400);
      expect(errorOf(answer.body).code).toBe('VALIDATION_FAILED');
      expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
      expect(await events(programStream(programId))).toEqual([]);
    });
  });

  describe('enrolment (POST /v1/programs/{programId}/enrolments)', () => {
    const programId = `enrol-${kind}`;

    beforeAll(async () => {
      expect((await api.post('/v1/programs', programBody({ programId }))).status).toBe(201);
    });

    it('enrols filed platforms once each; naming only enrolled ones is a 409', async () => {
      const path = `/v1/programs/${programId}/enrolments`;
      const first = await api.post(path, { platformIds: [window, window] });
      expect(first.status).toBe(201);
      const second = await api.post(path, { platformIds: [window, building] });
      expect(second.status).toBe(201);
      const again = await api.post(path, { platformIds: [building] });
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toMatchObject({ code: 'CONFLICT', ruleId: 'D-ENROLMENT' });
      const enrolled = await events(programStream(programId));
      expect(enrolled.slice(1).map((event) => event.data.platformIds)).toEqual([
        [window],
        [building],
      ]);
    });

    it('a platform that is not filed is a 404 naming it, and nothing is appended', async () => {
      const before = await events(programStream(programId));
      const answer = await api.post(`/v1/programs/${programId}/enrolments`, {
        platformIds: [window, 'never-filed'],
      });
      expect(answer.status).toBe(404);
      expect(errorOf(answer.body)).toMatchObject({ code: 'NOT_FOUND', ruleId: 'D-ENROLMENT' });
      expect(errorOf(answer.body).details[0]?.field).toBe('platformIds[1]');
      expect(await events(programStream(programId))).toEqual(before);
    });

    it.each([
      [{ platformIds: [] }, 'platformIds'],
      [{ platformIds: ['万州窗口'] }, 'platformIds'],
      [{ platformIds: 'pw' }, 'platformIds'],
      [{}, 'platformIds'],
    ])('the body %j is a 400 naming %s', async (body, field) => {
      const answer = await api.post(`/v1/programs/${programId}/enrolments`, body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
    });

    it('enrolling in a program never opened is a 404 (D-PROGRAM)', async () => {
      const answer = await api.post('/v1/programs/never-opened/enrolments', {
        platformIds: [window],
      });
      expect(answer.status).toBe(404);
      expect(errorOf(answer.body)).toMatchObject({ code: 'NOT_FOUND', ruleId: 'D-PROGRAM' });
    });
  });

  describe('program routes are for administrators (auditors read)', () => {
    const programId = `authz-${kind}`;

    beforeAll(async () => {
      expect((await api.post('/v1/programs', programBody({ programId }))).status).toBe(201);
    });

    it('every other role gets 403 on every program write, and nothing is appended', async () => {
      const known = { platformId: window, evaluationId: uuidv7() };
      const before = await events(programStream(programId));
      const outcomes: string[] = [];
      for (const [role, token] of Object.entries(tokens)) {
        const opened = await api.post('/v1/programs', programBody(), token);
        outcomes.push(`open × ${role}: ${String(opened.status)}`);
        for (const route of PROGRAM_WRITE_ROUTES) {
          const answer = await api.post(route.path(programId), route.body(known), token);
          outcomes.push(`${route.name} × ${role}: ${String(answer.status)}`);
        }
      }
      expect(outcomes.filter((line) => !line.endsWith(': 403'))).toEqual([]);
      expect(await events(programStream(programId))).toEqual(before);
    });

    it('without a token: 401', async () => {
      const answer = await api.call('POST', `/v1/programs/${programId}/enrolments`, {
        body: { platformIds: [window] },
      });
      expect(answer.status).toBe(401);
    });

    it('auditors and administrators read a program; platforms and districts do not', async () => {
      const read = (token: string) => api.call('GET', `/v1/programs/${programId}`, { token });
      expect((await read(api.adminToken)).status).toBe(200);
      expect((await read(tokens.auditor)).status).toBe(200);
      expect((await read(tokens.platform)).status).toBe(403);
      expect((await read(tokens.district)).status).toBe(403);
      const results = await api.call('GET', `/v1/programs/${programId}/results`, {
        token: tokens.platform,
      });
      expect(results.status).toBe(403);
    });

    it('reading a program never opened is a 404; a bad program id a 400', async () => {
      const missing = await api.call('GET', '/v1/programs/never-opened', { token: api.adminToken });
      expect(missing.status).toBe(404);
      const bad = await api.call('GET', '/v1/programs/bad_id', { token: api.adminToken });
      expect(bad.status).toBe(400);
      expect(errorOf(bad.body).details[0]?.field).toBe('programId');
    });

    it('results before any evaluation are a 404; a bad format or evaluation id a 400', async () => {
      const results = (query: string) =>
        api.call('GET', `/v1/programs/${programId}/results${query}`, { token: api.adminToken });
      expect((await results('')).status).toBe(404);
      const format = await results('?format=pdf');
      expect(format.status).toBe(400);
      expect(errorOf(format.body).details[0]?.field).toBe('format');
      const evaluation = await results('?evaluationId=latest');
      expect(evaluation.status).toBe(400);
      expect(errorOf(evaluation.body).details[0]?.field).toBe('evaluationId');
      expect((await results(`?evaluationId=${uuidv7()}`)).status).toBe(404);
    });

    it('publishing an evaluation never recorded is a 404 (D-PUBLICATION)', async () => {
      const answer = await api.post(`/v1/programs/${programId}/publication`, {
        evaluationId: uuidv7(),
      });
      expect(answer.status).toBe(404);
      expect(errorOf(answer.body)).toMatchObject({ code: 'NOT_FOUND', ruleId: 'D-PUBLICATION' });
    });
  });

  describe('construction completion (S2-1)', () => {
    const path = (platformId: string) => `/v1/platforms/${platformId}/construction-completion`;

    it('completes once for a platform filed under construction', async () => {
      expect((await api.post(path(building), { completedAt: '2025-06-30' })).status).toBe(201);
      const again = await api.post(path(building), { completedAt: '2025-07-01' });
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toMatchObject({ code: 'CONFLICT', ruleId: 'S2-1' });
      const stored = await events(platformStream(building));
      expect(stored.at(-1)).toEqual({
        type: 'PlatformConstructionCompleted',
        data: { completedAt: '2025-06-30' },
      });
    });

    it('a platform filed as built is a 422 RULE_VIOLATION', async () => {
      const answer = await api.post(path(window), { completedAt: '2025-06-30' });
      expect(answer.status).toBe(422);
      expect(errorOf(answer.body)).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'S2-1' });
    });

    it.each([
      [{ completedAt: '2025年6月30日' }, 'completedAt'],
      [{}, 'completedAt'],
      [{ completedAt: '2025-06-30', note: 'x' }, 'note'],
    ])('the body %j is a 400 naming %s', async (body, field) => {
      const before = await events(platformStream(window));
      const answer = await api.post(path(window), body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
      expect(await events(platformStream(window))).toEqual(before);
    });

    it('platform and district tokens get 403', async () => {
      for (const token of [tokens.platform, tokens.district, tokens.auditor]) {
        expect((await api.post(path(window), { completedAt: '2025-06-30' }, token)).status).toBe(
          403,
        );
      }
    });
  });

  describe('evaluation conduct (S3-7)', () => {
    const conduct = (overrides: Record<string, unknown> = {}) => ({
      occurredAt: '2025-11-20',
      conduct: 'false_evidence',
      summary: '评价中提供虚假佐证资料',
      ...overrides,
    });

    it('is recorded by an administrator, with or without a program', async () => {
      const path = `${yearPath(window)}/evaluation-conduct`;
      const answer = await api.post(path, conduct({ programId: E2E_PROGRAM_ID }));
      expect(answer.status).toBe(201);
      expect((await api.post(path, conduct({ conduct: 'provincial_unqualified' }))).status).toBe(
        201,
      );
      const stored = await events(platformYearStream(window, YEAR));
      const recorded = stored.filter((event) => event.type === 'EvaluationConductRecorded');
      expect(recorded.map((event) => [event.data.conduct, event.data.programId])).toEqual([
        ['false_evidence', E2E_PROGRAM_ID],
        ['provincial_unqualified', null],
      ]);
    });

    it.each([
      [conduct({ conduct: 'late' }), 'conduct'],
      [conduct({ programId: 'bengbu demo' }), 'programId'],
      [conduct({ occurredAt: 'yesterday' }), 'occurredAt'],
      [{ ...conduct(), summary: undefined }, 'summary'],
    ])('the body %j is a 400 naming %s', async (body, field) => {
      const answer = await api.post(`${yearPath(window)}/evaluation-conduct`, body);
      expect(answer.status).toBe(400);
      expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
    });

    it('the platform itself may not record it: 403', async () => {
      const answer = await api.post(
        `${yearPath(window)}/evaluation-conduct`,
        conduct(),
        tokens.platform,
      );
      expect(answer.status).toBe(403);
    });
  });

  describe('disbursements need a published award (D-DISBURSEMENT)', () => {
    const unpublished = `unpublished-${kind}`;
    const disbursement = (overrides: Record<string, unknown> = {}) => ({
      occurredAt: '2025-12-10',
      programId: unpublished,
      amountFen: 10_000_000,
      reference: '渝经信发〔2025〕88号',
      ...overrides,
    });

    beforeAll(async () => {
      const opened = await api.post('/v1/programs', programBody({ programId: unpublished }));
      expect(opened.status).toBe(201);
    });

    it.each<{ name: string; overrides: Record<string, unknown>; status: number; field: string }>([
      {
        name: 'an unknown program',
        overrides: { programId: 'never-opened' },
        status: 404,
        field: 'programId',
      },
      {
        name: 'a program without published results',
        overrides: {},
        status: 422,
        field: 'programId',
      },
      { name: 'an amount of 0 分', overrides: { amountFen: 0 }, status: 400, field: 'amountFen' },
      {
        name: 'a fractional amount',
        overrides: { amountFen: 100.5 },
        status: 400,
        field: 'amountFen',
      },
      {
        name: 'an amount as a string',
        overrides: { amountFen: '100' },
        status: 400,
        field: 'amountFen',
      },
      {
        name: 'a program id that is no id',
        overrides: { programId: 'no such' },
        status: 400,
        field: 'programId',
      },
      {
        name: 'no reference',
        overrides: { reference: undefined },
        status: 400,
        field: 'reference',
      },
    ])(
      '$name is a $status naming $field, and nothing is appended',
      async ({ overrides, status, field }) => {
        const stream = platformYearStream(window, YEAR);
        const before = await events(stream);
        const answer = await api.post(`${yearPath(window)}/disbursements`, disbursement(overrides));
        expect(answer.status).toBe(status);
        expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
        expect(await events(stream)).toEqual(before);
      },
    );

    it('only administrators record disbursements: 403', async () => {
      for (const token of Object.values(tokens)) {
        const answer = await api.post(`${yearPath(window)}/disbursements`, disbursement(), token);
        expect(answer.status).toBe(403);
      }
    });
  });

  describe('evaluation, publication, results and disbursements (the projector reads the year)', () => {
    // S1-1 counts records appended by the year's evidence deadline (10-10): the evaluated year is
    // the one after the server clock's, so records appended now count.
    const evalYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
    const funded = `pf-${kind}`;
    const programId = `funding-${kind}`;
    const fundedYear = `/v1/platforms/${funded}/years/${String(evalYear)}`;
    let evaluationId: string;

    beforeAll(async () => {
      expect((await api.post('/v1/platforms', filingBody(funded))).status).toBe(201);
      const platformToken = await api.issue('platform', { platformId: funded });
      const plan = { targets: [{ indicator: 'services', area: 'financing', target: 1 }] };
      expect((await api.post(`${fundedYear}/work-plan`, plan, platformToken)).status).toBe(201);
      const service = {
        occurredAt: `${String(evalYear)}-03-08T10:00:00+08:00`,
        enterpriseUscc: uscc(100),
        enterpriseName: '重庆某某机械有限公司',
        area: 'financing',
        mode: 'offline',
        feeKind: 'free',
        description: '融资政策咨询',
      };
      expect((await api.post(`${fundedYear}/services`, service, platformToken)).status).toBe(201);
      const review = {
        occurredAt: `${String(evalYear)}-10-15`,
        stage: 'evidence',
        opinion: '材料真实完整，同意推荐',
        score: 8,
        recommended: true,
      };
      expect(
        (await api.post(`${fundedYear}/district-review`, review, tokens.district)).status,
      ).toBe(201);
      const opened = await api.post('/v1/programs', programBody({ programId, year: evalYear }));
      expect(opened.status).toBe(201);
      const enrolled = await api.post(`/v1/programs/${programId}/enrolments`, {
        platformIds: [funded],
      });
      expect(enrolled.status).toBe(201);
    });

    it('evaluates at the read position, recording the evaluation id as the event id', async () => {
      const answer = await api.post(`/v1/programs/${programId}/evaluations`, {});
      expect(answer.status).toBe(201);
      const written = answer.body as Written;
      evaluationId = written.eventIds[0] ?? '';
      const stored = (await api.streamEvents(programStream(programId))).at(-1);
      expect(stored).toMatchObject({ id: evaluationId, type: 'ProgramEvaluated' });
      expect(stored?.data.position).toBeGreaterThan(0);
      const program = await api.call('GET', `/v1/programs/${programId}`, { token: tokens.auditor });
      expect(program.body).toMatchObject({
        evaluations: [{ evaluationId, platforms: 1, graded: 1, amountFen: 30_000_000 }],
        publishedEvaluationId: null,
      });
    });

    it('is reproducible: replaying the log to the recorded position in memory gives the same results', async () => {
      const stored = (await api.streamEvents(programStream(programId))).find(
        (event) => event.id === evaluationId,
      );
      const recorded = stored?.data as { position: number; results: unknown[] } | undefined;
      if (recorded === undefined) throw new Error('the evaluation is not in the program stream');
      // More events after the evaluation must not matter: the replay stops at its position.
      const later = { ...programBody({ programId: `${programId}-later`, year: evalYear }) };
      expect((await api.post('/v1/programs', later)).status).toBe(201);
      const upToPosition: ProjectedEvent[] = [];
      for await (const event of api.store.readAll()) {
        if (event.position <= recorded.position) upToPosition.push(event);
      }
      const models = new Map(
        PROJECTIONS.map((projection) => [
          projection.name,
          viewsOf(projection, foldEvents(projection, upToPosition)) as ReadonlyMap<string, unknown>,
        ]),
      );
      const snapshot = memorySnapshot(recorded.position, models);
      const program = await api.call('GET', `/v1/programs/${programId}`, { token: tokens.auditor });
      const opened = program.body as { packId: string; packVersion: string; parameters: object };
      const replayed = runProgramPack(
        { packId: opened.packId, packVersion: opened.packVersion, parameters: opened.parameters },
        await evaluationContext(snapshot, {
          status: 'opened',
          program: {
            programId,
            title: '',
            packId: opened.packId,
            packVersion: opened.packVersion,
            year: evalYear,
            parameters: opened.parameters as Record<string, unknown>,
            openedAt: '',
          },
          enrolled: [funded],
          evaluations: [],
          publication: null,
        }),
      );
      expect(JSON.parse(JSON.stringify(replayed.results))).toEqual(recorded.results);
    });

    it('the result table: 序号, 平台名称, 等次, 得分, 档次, 补助金额（元）, with the rules applied', async () => {
      const answer = await api.call('GET', `/v1/programs/${programId}/results`, {
        token: tokens.auditor,
      });
      expect(answer.status).toBe(200);
      const table = answer.body as {
        evaluationId: string;
        published: boolean;
        rows: { cells: unknown[]; rules: { ruleId: string }[] }[];
      };
      expect(table).toMatchObject({ evaluationId, published: false });
      expect(table.rows[0]?.cells).toEqual([
        1,
        filingBody(funded).name,
        expect.any(String),
        expect.any(String),
        '一档',
        '300000.00',
      ]);
      expect(table.rows[0]?.rules.map((rule) => rule.ruleId)).toEqual(
        expect.arrayContaining(['S1-4', 'S1-5', 'S1-8']),
      );
    });

    it('CSV (UTF-8 with a BOM) and XLSX downloads name their file', async () => {
      const csv = await fetch(`${api.baseUrl}/v1/programs/${programId}/results?format=csv`, {
        headers: { authorization: `Bearer ${api.adminToken}` },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="program-${programId}-${evaluationId}-results.csv"`,
      );
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
        '序号,平台名称,等次,得分,档次,补助金额（元）',
      );
      const xlsx = await fetch(`${api.baseUrl}/v1/programs/${programId}/results?format=xlsx`, {
        headers: { authorization: `Bearer ${api.adminToken}` },
      });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      // An .xlsx is a zip archive.
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });

    it('nothing is paid before the results are published', async () => {
      const answer = await api.post(`${fundedYear}/disbursements`, {
        occurredAt: `${String(evalYear)}-12-10`,
        programId,
        amountFen: 1,
        reference: '拨付-0',
      });
      expect(answer.status).toBe(422);
      expect(errorOf(answer.body)).toMatchObject({ ruleId: 'D-DISBURSEMENT' });
    });

    it('publication makes the award; disbursements reach it exactly, never 1 分 beyond', async () => {
      const published = await api.post(`/v1/programs/${programId}/publication`, { evaluationId });
      expect(published.status).toBe(201);
      const again = await api.post(`/v1/programs/${programId}/publication`, { evaluationId });
      expect(again.status).toBe(409);
      const pay = (amountFen: number, n: number) =>
        api.post(`${fundedYear}/disbursements`, {
          occurredAt: `${String(evalYear)}-12-10`,
          programId,
          amountFen,
          reference: `拨付-${String(n)}`,
        });
      expect((await pay(12_345_678, 1)).status).toBe(201);
      const over = await pay(17_654_323, 2);
      expect(over.status).toBe(422);
      expect(errorOf(over.body)).toMatchObject({
        code: 'RULE_VIOLATION',
        ruleId: 'D-DISBURSEMENT',
        details: [{ field: 'amountFen' }],
      });
      expect((await pay(17_654_322, 3)).status).toBe(201);
      expect((await pay(1, 4)).status).toBe(422);
      const table = await api.call('GET', `/v1/programs/${programId}/results`, {
        token: api.adminToken,
      });
      expect(table.body).toMatchObject({ evaluationId, published: true });
    });

    it('after publication: no enrolment and no second publication; a re-evaluation is recorded, the award stays (D-PROGRAM)', async () => {
      const enrolment = await api.post(`/v1/programs/${programId}/enrolments`, {
        platformIds: [window],
      });
      expect(enrolment.status).toBe(422);
      expect(errorOf(enrolment.body)).toMatchObject({ ruleId: 'D-PROGRAM' });
      const republished = await api.post(`/v1/programs/${programId}/evaluations`, {
        publish: true,
      });
      expect(republished.status).toBe(422);
      expect(errorOf(republished.body)).toMatchObject({ ruleId: 'D-PROGRAM' });
      const reevaluation = await api.post(`/v1/programs/${programId}/evaluations`, {});
      expect(reevaluation.status).toBe(201);
      const table = await api.call('GET', `/v1/programs/${programId}/results`, {
        token: tokens.auditor,
      });
      expect(table.body).toMatchObject({ evaluationId, published: true });
    });

    it("the platform's views: metrics, eligibility and funding, each within its reader's scope", async () => {
      const read = (path: string, token: string) =>
        api.call('GET', `/v1/platforms/${funded}${path}`, { token });
      const own = await api.issue('platform', { platformId: funded });
      const paths = [`/years/${String(evalYear)}/metrics`, '/eligibility', '/funding'];
      for (const path of paths) {
        for (const token of [own, tokens.district, tokens.auditor, api.adminToken]) {
          expect({ path, status: (await read(path, token)).status }).toEqual({ path, status: 200 });
        }
        expect((await read(path, tokens.platform)).status).toBe(403);
        const otherDistrict = await api.issue('district', { district: '渝中区' });
        expect((await read(path, otherDistrict)).status).toBe(403);
      }
      // The projector applies the disbursements just paid within moments (read models lag the log).
      const totals = { awardedFen: 30_000_000, disbursedFen: 30_000_000, outstandingFen: 0 };
      const deadline = Date.now() + 10_000;
      let funding = await read('/funding', api.adminToken);
      const reached = (body: unknown): boolean => {
        const shown = (body as { totals?: Record<string, unknown> }).totals ?? {};
        return Object.entries(totals).every(([key, value]) => shown[key] === value);
      };
      while (!reached(funding.body) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        funding = await read('/funding', api.adminToken);
      }
      expect(funding.body).toMatchObject({ platformId: funded, totals });
      const noYear = await read(`/years/${String(evalYear + 1)}/metrics`, api.adminToken);
      expect(noYear.status).toBe(404);
      expect(errorOf(noYear.body).code).toBe('NOT_FOUND');
      // A filed platform never awarded has an empty ledger; an unknown platform is a 404.
      const never = await api.call('GET', `/v1/platforms/${building}/funding`, {
        token: api.adminToken,
      });
      expect(never.status).toBe(200);
      expect(never.body).toMatchObject({
        platformId: building,
        years: {},
        totals: { awardedFen: 0, disbursedFen: 0, outstandingFen: 0 },
      });
      const unknown = await api.call('GET', '/v1/platforms/no-such-platform/funding', {
        token: api.adminToken,
      });
      expect(unknown.status).toBe(404);
    });

    it('evaluating with publish=true publishes in the same append', async () => {
      const other = `funding-now-${kind}`;
      expect(
        (await api.post('/v1/programs', programBody({ programId: other, year: evalYear }))).status,
      ).toBe(201);
      expect(
        (await api.post(`/v1/programs/${other}/enrolments`, { platformIds: [funded] })).status,
      ).toBe(201);
      const answer = await api.post(`/v1/programs/${other}/evaluations`, { publish: true });
      expect(answer.status).toBe(201);
      expect((answer.body as Written).eventIds).toHaveLength(2);
      const program = await api.call('GET', `/v1/programs/${other}`, { token: api.adminToken });
      expect((program.body as { publishedEvaluationId: string }).publishedEvaluationId).toBe(
        (answer.body as Written).eventIds[0],
      );
    });
  });

  describe('the new shapes of existing facts', () => {
    it('a profile may flag key institutions (重点服务机构); an omitted flag is not stored', async () => {
      const answer = await api.post(`/v1/platforms/${window}/profile`, {
        asOf: '2025-01-01',
        assetsFen: 350_000_000,
        revenueFen: 120_000_000,
        operatingSince: '2019-04-01',
        siteAreaM2: 800,
        staff: [{ name: '张三', education: 'bachelor', title: 'intermediate' }],
        institutions: [
          { uscc: uscc(800), name: '重庆某会计师事务所', key: true },
          { uscc: uscc(801), name: '重庆某律师事务所', key: null },
          { uscc: uscc(802), name: '重庆某检测中心' },
        ],
        creditStatus: 'good',
      });
      expect(answer.status).toBe(201);
      const profile = (await events(platformStream(window))).at(-1);
      expect(profile?.data.institutions).toEqual([
        { uscc: uscc(800), name: '重庆某会计师事务所', key: true },
        { uscc: uscc(801), name: '重庆某律师事务所' },
        { uscc: uscc(802), name: '重庆某检测中心' },
      ]);
    });

    it("an enterprise's demand posted online is a published item (S2-3)", async () => {
      const answer = await api.post(
        `${yearPath(window)}/published-items`,
        { occurredAt: '2025-05-20', itemKind: 'demand', title: '求购注塑模具温控改造方案' },
        tokens.platform,
      );
      expect(answer.status).toBe(201);
    });

    it('a work plan names indicators the metrics measure, each at least 1', async () => {
      const answer = await api.post(
        `${yearPath(window)}/work-plan`,
        {
          targets: [
            { indicator: 'services', area: 'financing', target: 12 },
            { indicator: 'financingFen', target: 50_000_000 },
            { indicator: 'trainees', target: 1 },
          ],
        },
        tokens.platform,
      );
      expect(answer.status).toBe(201);
    });
  });
}

describe('programs over HTTP on SQLite', () => {
  programSuite('sqlite');
});
describeIfPostgres('programs over HTTP on PostgreSQL', () => {
  programSuite('postgres');
});
