import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { programStream } from '@ledger/domain';
import { describeIfPostgres } from '../support/stores';
import { TestApi, type StoreKind } from '../support/ledger-api';
import { filingBody, programBody, uscc } from './ledger-fixtures';
import { REPO_ROOT, typeScriptEntry } from '../support/typescript-entry';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; reason: string }[] };
}

interface PlatformChange {
  platformId: string;
  name: string;
  before: { graded: boolean; grade: string | null; amountFen: number } | null;
  after: { graded: boolean; grade: string | null; amountFen: number } | null;
  changes: string[];
  rulesBefore?: { ruleId: string; outcome: string }[];
  rulesAfter?: { ruleId: string; outcome: string }[];
}

interface WhatIfAnswer {
  programId: string;
  basis: string;
  baseline: { evaluationId: string; position: number; published: boolean; packId: string };
  candidate: { packId: string; packVersion: string; position: number };
  changedParameters: { name: string; before: unknown; after: unknown }[];
  platforms: PlatformChange[];
  summary: {
    platforms: number;
    changed: number;
    unchanged: number;
    awardedFenBefore: number;
    awardedFenAfter: number;
  };
}

const errorOf = (body: unknown) => (body as ErrorBody).error;
const run = promisify(execFile);

/** The CLI as an operator runs it, on the API's SQLite file. */
async function ledger(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      typeScriptEntry('apps/ledger-cli/src/main.ts', ...args),
      { cwd: REPO_ROOT, env: { ...process.env, LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir } },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: `${failed.stdout}${failed.stderr}` };
  }
}

/**
 * What-if through HTTP: three window platforms whose plans target 3 financing services complete
 * 3/3, 2/3 and 1/3; the program evaluates and publishes under cq-window-2025's 70% bar (S1-4), and
 * the what-if lowers the bar to 60%.
 */
function whatIfSuite(kind: StoreKind): void {
  // S1-1 counts records appended by the year's evidence deadline: the evaluated year is the one
  // after the server clock's, so records appended now count (as in programs.e2e.spec.ts).
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const platforms = [`wf-full-${kind}`, `wf-two-${kind}`, `wf-one-${kind}`];
  const [full, two, one] = platforms as [string, string, string];
  const programId = `what-if-${kind}`;
  const path = `/v1/audit/programs/${programId}/what-if`;
  let api: TestApi;
  let tokens: Record<'platform' | 'district' | 'auditor', string>;
  let evaluationId: string;

  const service = (n: number, day: string) => ({
    occurredAt: `${String(year)}-${day}T10:00:00+08:00`,
    enterpriseUscc: uscc(n),
    enterpriseName: `重庆某某机械有限公司${String(n)}`,
    area: 'financing',
    mode: 'offline',
    feeKind: 'free',
    description: '融资政策咨询',
  });
  const yearPath = (platformId: string) => `/v1/platforms/${platformId}/years/${String(year)}`;

  beforeAll(async () => {
    api = await TestApi.start(kind);
    tokens = {
      platform: await api.issue('platform', { platformId: full }),
      district: await api.issue('district', { district: '万州区' }),
      auditor: await api.issue('auditor'),
    };
    for (const [index, platformId] of platforms.entries()) {
      expect((await api.post('/v1/platforms', filingBody(platformId))).status).toBe(201);
      const own = await api.issue('platform', { platformId });
      const plan = { targets: [{ indicator: 'services', area: 'financing', target: 3 }] };
      expect((await api.post(`${yearPath(platformId)}/work-plan`, plan, own)).status).toBe(201);
      for (let n = 0; n < 3 - index; n += 1) {
        const answer = await api.post(
          `${yearPath(platformId)}/services`,
          service(1000 * index + n, '03-08'),
          own,
        );
        expect(answer.status).toBe(201);
      }
      const review = {
        occurredAt: `${String(year)}-10-15`,
        stage: 'evidence',
        opinion: '材料真实完整，同意推荐',
        score: 8,
        recommended: true,
      };
      expect(
        (await api.post(`${yearPath(platformId)}/district-review`, review, tokens.district)).status,
      ).toBe(201);
    }
    expect((await api.post('/v1/programs', programBody({ programId, year }))).status).toBe(201);
    const enrolled = await api.post(`/v1/programs/${programId}/enrolments`, {
      platformIds: platforms,
    });
    expect(enrolled.status).toBe(201);
    const evaluated = await api.post(`/v1/programs/${programId}/evaluations`, { publish: true });
    expect(evaluated.status).toBe(201);
    evaluationId = (evaluated.body as { eventIds: string[] }).eventIds[0] ?? '';
  });
  afterAll(async () => {
    await api.close();
  });

  /** What a what-if must leave as it was: the head, the program's events, its results. */
  async function ledgerState(): Promise<unknown> {
    const results = await api.call('GET', `/v1/programs/${programId}/results`, {
      token: api.adminToken,
    });
    return {
      head: await api.store.headPosition(),
      program: await api.streamEvents(programStream(programId)),
      results: results.body,
    };
  }

  const ask = (body: unknown, token = tokens.auditor) => api.call('POST', path, { token, body });

  it('a lower completion bar changes the platform at 2/3, and nothing is written', async () => {
    const before = await ledgerState();
    const answer = await ask({ parameters: { minCompletionRate: 0.6 } });
    expect(answer.status).toBe(200);
    const whatIf = answer.body as WhatIfAnswer;
    expect(whatIf).toMatchObject({
      programId,
      basis: 'baseline',
      baseline: { evaluationId, published: true, packId: 'cq-window-2025' },
      changedParameters: [{ name: 'minCompletionRate', before: 0.7, after: 0.6 }],
    });
    expect(whatIf.candidate.position).toBe(whatIf.baseline.position);
    const byId = new Map(whatIf.platforms.map((platform) => [platform.platformId, platform]));
    const raised = byId.get(two);
    expect(raised?.changes.length).toBeGreaterThan(0);
    expect(raised?.before?.grade).toBe('不合格');
    expect(raised?.after?.grade).not.toBe('不合格');
    expect(raised?.after?.amountFen).toBeGreaterThan(0);
    expect(raised?.rulesBefore?.map((rule) => [rule.ruleId, rule.outcome])).toContainEqual([
      'S1-4',
      'fail',
    ]);
    expect(raised?.rulesAfter?.map((rule) => [rule.ruleId, rule.outcome])).toContainEqual([
      'S1-4',
      'pass',
    ]);
    // 1/3 stays below 60%.
    expect(byId.get(one)?.after?.grade).toBe('不合格');
    expect(whatIf.summary).toMatchObject({ platforms: 3 });
    expect(whatIf.summary.changed).toBeGreaterThan(0);
    expect(whatIf.summary.changed + whatIf.summary.unchanged).toBe(3);
    expect(whatIf.summary.awardedFenAfter).toBeGreaterThan(whatIf.summary.awardedFenBefore);
    expect(await ledgerState()).toEqual(before);
  });

  it('unchanged rules on the baseline reproduce the evaluation exactly: no difference', async () => {
    const answer = await ask({});
    expect(answer.status).toBe(200);
    const whatIf = answer.body as WhatIfAnswer;
    expect(whatIf.changedParameters).toEqual([]);
    expect(whatIf.summary).toMatchObject({ platforms: 3, changed: 0, unchanged: 3 });
    expect(whatIf.platforms.every((platform) => platform.changes.length === 0)).toBe(true);
  });

  it('later records do not move the baseline; basis current reads them', async () => {
    const own = await api.issue('platform', { platformId: one });
    for (const n of [1, 2]) {
      const answer = await api.post(`${yearPath(one)}/services`, service(5000 + n, '04-01'), own);
      expect(answer.status).toBe(201);
    }
    const baseline = (await ask({})).body as WhatIfAnswer;
    expect(baseline.summary.changed).toBe(0);
    const current = await ask({ basis: 'current' });
    expect(current.status).toBe(200);
    const now = current.body as WhatIfAnswer;
    expect(now.basis).toBe('current');
    expect(now.candidate.position).toBe(await api.store.headPosition());
    const caughtUp = now.platforms.find((platform) => platform.platformId === one);
    expect(caughtUp?.before?.grade).toBe('不合格');
    expect(caughtUp?.after?.grade).not.toBe('不合格');
  });

  it.each<{ name: string; body: unknown; field: string }>([
    {
      name: 'a parameter out of range',
      body: { parameters: { minCompletionRate: 1.5 } },
      field: 'parameters.minCompletionRate',
    },
    {
      name: 'a parameter of the wrong type',
      body: { parameters: { maxFunded: '20' } },
      field: 'parameters.maxFunded',
    },
    { name: 'an unknown parameter', body: { parameters: { bogus: 1 } }, field: 'parameters.bogus' },
    { name: 'another pack version', body: { packVersion: '0.0.1' }, field: 'packVersion' },
    { name: 'an unknown pack', body: { packId: 'no-such-pack' }, field: 'packId' },
    { name: 'an unknown basis', body: { basis: 'later' }, field: 'basis' },
    { name: 'parameters that are no object', body: { parameters: [1] }, field: 'parameters' },
    { name: 'an unknown field', body: { parameter: {} }, field: 'parameter' },
    {
      name: 'an evaluation id that is no UUID',
      body: { evaluationId: 'x' },
      field: 'evaluationId',
    },
  ])('$name is a 400 naming $field, and nothing is written', async ({ body, field }) => {
    const before = await ledgerState();
    const answer = await ask(body);
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body).code).toBe('VALIDATION_FAILED');
    expect(errorOf(answer.body).details.map((detail) => detail.field)).toContain(field);
    expect(await ledgerState()).toEqual(before);
  });

  it('an unknown program or evaluation is a 404', async () => {
    const missing = await api.call('POST', '/v1/audit/programs/never-opened/what-if', {
      token: tokens.auditor,
      body: {},
    });
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body).code).toBe('NOT_FOUND');
    const evaluation = await ask({ evaluationId: '01890a5d-ac96-774b-bcce-b302099a8057' });
    expect(evaluation.status).toBe(404);
    expect(errorOf(evaluation.body).details[0]?.field).toBe('evaluationId');
  });

  it('before any evaluation: basis baseline is a 404; basis current runs the program’s own pack as the baseline', async () => {
    const fresh = `${programId}-fresh`;
    expect((await api.post('/v1/programs', programBody({ programId: fresh, year }))).status).toBe(
      201,
    );
    const enrolled = await api.post(`/v1/programs/${fresh}/enrolments`, { platformIds: platforms });
    expect(enrolled.status).toBe(201);
    const freshPath = `/v1/audit/programs/${fresh}/what-if`;
    const none = await api.call('POST', freshPath, { token: tokens.auditor, body: {} });
    expect(none.status).toBe(404);
    expect(errorOf(none.body).details[0]?.field).toBe('basis');
    const current = await api.call('POST', freshPath, {
      token: tokens.auditor,
      body: { basis: 'current', parameters: { minCompletionRate: 0.6 } },
    });
    expect(current.status).toBe(200);
    const answer = current.body as WhatIfAnswer;
    expect(answer.baseline).toMatchObject({ evaluationId: null, published: false });
    expect(answer.baseline.position).toBe(answer.candidate.position);
    expect(answer.platforms.find((platform) => platform.platformId === two)?.changes).toContain(
      'grade',
    );
  });

  it('administrators and auditors may ask; platform and district tokens get 403; none 401', async () => {
    expect((await ask({}, api.adminToken)).status).toBe(200);
    expect((await ask({}, tokens.auditor)).status).toBe(200);
    expect((await ask({}, tokens.platform)).status).toBe(403);
    expect((await ask({}, tokens.district)).status).toBe(403);
    expect((await api.call('POST', path, { body: {} })).status).toBe(401);
  });

  if (kind === 'sqlite') {
    it('the CLI answers the same from the store file, writing nothing', async () => {
      const before = await ledgerState();
      const store = api.config.store;
      if (store.kind !== 'sqlite') throw new Error('not a SQLite store');
      const dataDir = dirname(store.path);
      const http = (await ask({ parameters: { minCompletionRate: 0.6 } })).body as WhatIfAnswer;
      const json = await ledger(
        dataDir,
        'what-if',
        '--program',
        programId,
        '--param',
        'minCompletionRate=0.6',
        '--json',
      );
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toEqual(http);
      const text = await ledger(
        dataDir,
        'what-if',
        '--program',
        programId,
        '--param',
        'minCompletionRate=0.6',
      );
      expect(text.code).toBe(0);
      expect(text.out).toContain('minCompletionRate: 0.7 → 0.6');
      expect(text.out).toContain(two);
      const refused = await ledger(
        dataDir,
        'what-if',
        '--program',
        programId,
        '--param',
        'bogus=1',
      );
      expect(refused.code).not.toBe(0);
      expect(refused.out).toContain('parameters.bogus');
      expect(await ledgerState()).toEqual(before);
    });
  }
}

describe('what-if over HTTP on SQLite', () => {
  whatIfSuite('sqlite');
});
describeIfPostgres('what-if over HTTP on PostgreSQL', () => {
  whatIfSuite('postgres');
});
