import Database from 'better-sqlite3';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { platformYearStream } from '@ledger/domain';
import type { ReadModelReader } from '@ledger/read-models';
import { READ_MODEL_READER } from '../../apps/ledger-api/src/read-models/read-model-reader.token';
import { describeIfPostgres, postgresUrl } from '../support/stores';
import { TestApi, type StoreKind } from '../support/ledger-api';
import { filingBody, programBody, uscc } from './ledger-fixtures';

/**
 * Issue 5's story, through HTTP: a platform reports a year with fabricated ratings (services
 * entered in bulk and rated 很满意 within minutes, all by the platform itself), is graded 一档
 * under cq-window-2025 and paid 300,000 元; F-4 fires naming the ratings; the administrator
 * confirms, S1-7 disqualifies the year and the next and proposes the clawback; 300,000 元 is
 * ordered back and repaid in two parts. The auditor's replay as of each step shows the grade,
 * eligibility and funding as they were then; explain names the events; verify passes until a
 * row is edited directly in the database.
 */
const PAID = 30_000_000; // 300,000 元 in 分
const FIRST_PART = 12_000_000;
const SERVICES = 40;

interface Written {
  readonly eventIds: string[];
  readonly position: number;
}
interface Signal {
  readonly signalId: string;
  readonly ruleId: string;
  readonly kind: string;
  readonly fabricates: string | null;
  readonly eventIds: string[];
  readonly status: string;
  readonly sentence: { zh: string; en: string };
}
interface Replay {
  readonly results: {
    programId: string;
    line: { grade: string; tier: string; amountFen: number };
  }[];
  readonly eligibility: {
    eligible: boolean;
    reasons: { ruleId: string; eventIds: string[] }[];
  } | null;
  readonly funding: {
    year: {
      totals: Record<string, number>;
      clawbackProposals: { eventId: string; amountFen: number }[];
    } | null;
  };
  readonly events: { total: number; items: { id: string }[] };
  readonly verification: { ok: boolean } | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storySuite(kind: StoreKind): void {
  // S1-1 counts what is recorded by the year's evidence deadline (10-10): the story's year is the
  // one after the server clock's, so everything appended now counts.
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const platformId = `story-${kind}`;
  const programId = `story-program-${kind}`;
  const yearPath = `/v1/platforms/${platformId}/years/${String(year)}`;
  const stream = platformYearStream(platformId, year);
  let api: TestApi;
  let tokens: Record<'platform' | 'district' | 'auditor', string>;
  const ratingIds: string[] = [];
  /** The recorded-clock instant after each step: what the ledger knew then. */
  const after: Record<string, string> = {};
  let signal: Signal;
  let confirmation: Written;
  let clawbackId: string;

  const step = async (name: string): Promise<void> => {
    // recordedAt has millisecond resolution: keep the next step's events strictly later.
    await pause(5);
    after[name] = new Date().toISOString();
    await pause(5);
  };
  const auditor = (path: string) => api.call('GET', path, { token: tokens.auditor });
  const replayAt = async (name: string): Promise<Replay> => {
    const answer = await auditor(
      `/v1/audit/platforms/${platformId}/years/${String(year)}/replay?asOf=${encodeURIComponent(after[name] ?? '')}&clock=recorded&limit=5`,
    );
    expect(answer.status).toBe(200);
    return answer.body as Replay;
  };
  const settled = async (): Promise<void> => {
    const head = await api.store.headPosition();
    await api.app.get<ReadModelReader>(READ_MODEL_READER).waitFor(head, 20_000);
  };

  beforeAll(async () => {
    api = await TestApi.start(kind);
    expect((await api.post('/v1/platforms', filingBody(platformId))).status).toBe(201);
    tokens = {
      platform: await api.issue('platform', { platformId }),
      district: await api.issue('district', { district: '万州区' }),
      auditor: await api.issue('auditor'),
    };
    const plan = { targets: [{ indicator: 'services', area: 'financing', target: SERVICES }] };
    expect((await api.post(`${yearPath}/work-plan`, plan, tokens.platform)).status).toBe(201);
    // Services entered in bulk, each rated 很满意 by the platform itself, minutes apart at most.
    const items: { type: string; data: Record<string, unknown> }[] = [];
    for (let n = 0; n < SERVICES; n += 1) {
      const serviceId = uuidv7();
      const ratingId = uuidv7();
      ratingIds.push(ratingId);
      const at = `${String(year)}-0${String(3 + (n % 6))}-1${String(n % 10)}T10:00:00+08:00`;
      items.push(
        {
          type: 'RecordService',
          data: {
            recordId: serviceId,
            occurredAt: at,
            enterpriseUscc: uscc(500 + n),
            enterpriseName: `重庆某某科技有限公司${String(n)}`,
            area: 'financing',
            mode: 'offline',
            feeKind: 'free',
            description: '融资对接服务',
          },
        },
        {
          type: 'RateService',
          data: {
            recordId: ratingId,
            occurredAt: at,
            serviceId,
            enterpriseUscc: uscc(500 + n),
            rating: 'very_satisfied',
            source: 'platform',
          },
        },
      );
    }
    const batch = await api.post(`${yearPath}/batch`, { items }, tokens.platform);
    expect(batch.status).toBe(201);
    const review = {
      occurredAt: `${String(year)}-10-15`,
      stage: 'evidence',
      opinion: '材料真实完整，同意推荐',
      score: 8,
      recommended: true,
    };
    expect((await api.post(`${yearPath}/district-review`, review, tokens.district)).status).toBe(
      201,
    );
    await step('reported');
  });
  afterAll(async () => {
    await api.close();
  });

  it('grades the platform 一档 under cq-window-2025 and pays 300,000 元', async () => {
    const opened = await api.post('/v1/programs', programBody({ programId, year }));
    expect(opened.status).toBe(201);
    expect(
      (await api.post(`/v1/programs/${programId}/enrolments`, { platformIds: [platformId] }))
        .status,
    ).toBe(201);
    const evaluated = await api.post(`/v1/programs/${programId}/evaluations`, { publish: true });
    expect(evaluated.status).toBe(201);
    const results = await auditor(`/v1/programs/${programId}/results`);
    expect(results.body).toMatchObject({ published: true });
    await step('graded');
    const paid = await api.post(`${yearPath}/disbursements`, {
      occurredAt: `${String(year)}-12-10`,
      programId,
      amountFen: PAID,
      reference: '渝经信发〔拨付〕1号',
    });
    expect(paid.status).toBe(201);
    await step('paid');
  });

  it('F-4 fires on the ratings, naming the events, open until decided', async () => {
    await settled();
    const listed = await auditor(`/v1/fraud-signals?platformId=${platformId}&ruleId=F-4`);
    expect(listed.status).toBe(200);
    const signals = (listed.body as { signals: Signal[] }).signals;
    expect(signals.length).toBeGreaterThan(0);
    for (const found of signals) {
      expect(found).toMatchObject({ ruleId: 'F-4', fabricates: 'ratings', status: 'open' });
      expect(found.sentence.zh.length).toBeGreaterThan(0);
    }
    signal = signals.find((found) => found.kind === 'platform_entered_ratings') ?? signals[0]!;
    expect([...signal.eventIds].sort()).toEqual([...ratingIds].sort());
    const metrics = await api.call('GET', '/metrics');
    expect(String(metrics.body)).toMatch(/ledger_fraud_signals_open\{rule="F-4"\} [1-9]/);
    for (const [query, field] of [
      ['ruleId=F-11', 'ruleId'],
      ['ruleId=F-01', 'ruleId'],
      ['status=closed', 'status'],
      [`programId=${programId}&year=${String(year - 1)}`, 'year'],
    ]) {
      const refused = await auditor(`/v1/fraud-signals?${query ?? ''}`);
      expect({ query, status: refused.status, body: refused.body }).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', details: [{ field }] } },
      });
    }
    const byProgram = await auditor(`/v1/fraud-signals?programId=${programId}&status=open`);
    expect((byProgram.body as { signals: Signal[] }).signals.map((s) => s.signalId)).toContain(
      signal.signalId,
    );
  });

  it('the administrator confirms: S1-7 disqualifies this year and the next and proposes the clawback', async () => {
    const before = (await api.streamEvents(stream)).length;
    const platformTry = await api.post(
      `/v1/fraud-signals/${signal.signalId}/confirmation`,
      { reason: '回访企业均称未接受服务', evidenceRefs: ['回访记录-2027-01'] },
      tokens.platform,
    );
    expect(platformTry.status).toBe(403);
    const withoutEvidence = await api.post(`/v1/fraud-signals/${signal.signalId}/confirmation`, {
      reason: '回访企业均称未接受服务',
    });
    expect(withoutEvidence.status).toBe(400);
    expect(withoutEvidence.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: expect.arrayContaining([
          expect.objectContaining({ field: 'evidenceRefs' }),
        ]) as unknown,
      },
    });
    expect((await api.streamEvents(stream)).length).toBe(before);
    const answer = await api.post(`/v1/fraud-signals/${signal.signalId}/confirmation`, {
      reason: '回访企业均称未接受服务',
      evidenceRefs: ['回访记录-2027-01'],
    });
    expect(answer.status).toBe(201);
    confirmation = answer.body as Written;
    const appended = (await api.streamEvents(stream)).slice(before);
    expect(appended.map((event) => event.type)).toEqual([
      'FraudSignalConfirmed',
      'PlatformDisqualified',
      'ClawbackProposed',
    ]);
    expect(appended[1]?.data).toMatchObject({ ruleId: 'S1-7', yearsAffected: [year, year + 1] });
    expect(appended[2]?.data).toMatchObject({ ruleId: 'S1-7', amountFen: PAID });
    const again = await api.post(`/v1/fraud-signals/${signal.signalId}/dismissal`, {
      reason: '复核',
    });
    expect(again.status).toBe(409);
    await step('confirmed');

    await settled();
    const eligibility = await auditor(`/v1/platforms/${platformId}/eligibility`);
    const years = (
      eligibility.body as {
        years: Record<
          string,
          { eligible: boolean; reasons: { ruleId: string; eventIds: string[] }[] }
        >;
      }
    ).years;
    for (const affected of [year, year + 1]) {
      expect(years[String(affected)]).toMatchObject({ eligible: false });
      expect(years[String(affected)]?.reasons).toContainEqual(
        expect.objectContaining({
          ruleId: 'S1-7',
          eventIds: [appended[1]?.id, confirmation.eventIds[0]],
        }),
      );
    }
  });

  it('another signal is dismissed with reason and evidence: one event, no consequence, listed as dismissed', async () => {
    await settled();
    const open = await auditor(`/v1/fraud-signals?platformId=${platformId}&status=open`);
    const other = (open.body as { signals: Signal[] }).signals.find(
      (found) => found.kind === 'all_very_satisfied',
    );
    if (other === undefined) throw new Error('no open all_very_satisfied signal');
    const before = (await api.streamEvents(stream)).length;
    const answer = await api.post(`/v1/fraud-signals/${other.signalId}/dismissal`, {
      reason: '评价均由企业线上提交，核实无误',
      evidenceRefs: ['核查记录-3'],
    });
    expect(answer.status).toBe(201);
    const appended = (await api.streamEvents(stream)).slice(before);
    expect(appended.map((event) => event.type)).toEqual(['FraudSignalDismissed']);
    expect(appended[0]?.data).toMatchObject({
      signalId: other.signalId,
      reason: '评价均由企业线上提交，核实无误',
      evidenceRefs: ['核查记录-3'],
    });
    await settled();
    const dismissed = await auditor(`/v1/fraud-signals?platformId=${platformId}&status=dismissed`);
    expect((dismissed.body as { signals: Signal[] }).signals.map((s) => s.signalId)).toEqual([
      other.signalId,
    ]);

    // One merely satisfied rating ends "all 很满意": the signal is no longer raised, and its
    // dismissal is listed apart, still decided; retracting that rating raises it again.
    const serviceId = uuidv7();
    const ratingId = uuidv7();
    const given = `${String(year)}-05-06T10:00:00+08:00`;
    expect(
      (
        await api.post(
          `${yearPath}/services`,
          {
            recordId: serviceId,
            occurredAt: given,
            enterpriseUscc: uscc(950),
            enterpriseName: '重庆满意科技有限公司',
            area: 'financing',
            mode: 'offline',
            feeKind: 'free',
            description: '融资对接服务',
          },
          tokens.platform,
        )
      ).status,
    ).toBe(201);
    const rated = {
      recordId: ratingId,
      occurredAt: given,
      serviceId,
      enterpriseUscc: uscc(950),
      rating: 'satisfied',
      source: 'enterprise',
    };
    expect((await api.post(`${yearPath}/ratings`, rated, tokens.platform)).status).toBe(201);
    await settled();
    const moved = (await auditor(`/v1/fraud-signals?platformId=${platformId}&status=dismissed`))
      .body as { signals: Signal[]; withdrawn: { signalId: string; status: string }[] };
    expect(moved.signals).toEqual([]);
    expect(moved.withdrawn).toMatchObject([{ signalId: other.signalId, status: 'dismissed' }]);
    const again = await api.post(`/v1/fraud-signals/${other.signalId}/dismissal`, {
      reason: '复核',
    });
    expect(again.status).toBe(409);
    for (const retractedId of [ratingId, serviceId]) {
      const retracted = await api.post(
        `${yearPath}/retractions`,
        { retractedId, reason: '录入错误' },
        tokens.platform,
      );
      expect(retracted.status).toBe(201);
    }
    await settled();
    const back = (await auditor(`/v1/fraud-signals?platformId=${platformId}&status=dismissed`))
      .body as { signals: Signal[]; withdrawn: unknown[] };
    expect(back.signals.map((s) => s.signalId)).toEqual([other.signalId]);
    expect(back.withdrawn).toEqual([]);

    const unknown = await api.post('/v1/fraud-signals/F-4.no-such-platform.2025.burst/dismissal', {
      reason: '核实',
    });
    expect(unknown.status).toBe(404);
  });

  it('over-claw is refused and appends nothing; 300,000 元 is ordered back and repaid in two parts', async () => {
    const before = (await api.streamEvents(stream)).length;
    const over = await api.post(`${yearPath}/clawbacks`, {
      amountFen: PAID + 1,
      reason: '追回',
    });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ error: { code: 'RULE_VIOLATION', ruleId: 'D-CLAWBACK' } });
    expect((await api.streamEvents(stream)).length).toBe(before);

    const proposal = (await api.streamEvents(stream)).find((e) => e.type === 'ClawbackProposed');
    const ordered = await api.post(`${yearPath}/clawbacks`, {
      amountFen: PAID,
      reason: '依据S1-7追回已拨付资金',
      ruleId: 'S1-7',
      causeId: proposal?.id,
    });
    expect(ordered.status).toBe(201);
    clawbackId = (ordered.body as Written).eventIds[0] ?? '';
    await step('ordered');
    const repayments = `${yearPath}/clawbacks/${clawbackId}/repayments`;
    const first = {
      occurredAt: `${String(year + 1)}-02-01`,
      amountFen: FIRST_PART,
      reference: '缴款书-1',
    };
    expect((await api.post(repayments, first)).status).toBe(201);
    await step('repaid-first');
    const tooMuch = { ...first, amountFen: PAID - FIRST_PART + 1, reference: '缴款书-x' };
    expect((await api.post(repayments, tooMuch)).status).toBe(422);
    const second = { ...first, amountFen: PAID - FIRST_PART, reference: '缴款书-2' };
    expect((await api.post(repayments, second)).status).toBe(201);
    await step('repaid');

    await settled();
    const funding = await auditor(`/v1/platforms/${platformId}/funding`);
    expect((funding.body as { totals: Record<string, number> }).totals).toMatchObject({
      awardedFen: PAID,
      disbursedFen: PAID,
      clawedBackFen: PAID,
      repaidFen: PAID,
      owedFen: 0,
      retainedFen: 0,
    });
  });

  it("the auditor's replay as of each step shows the grade, eligibility and funding as they were then", async () => {
    const reported = await replayAt('reported');
    expect(reported.results).toEqual([]);
    expect(reported.eligibility?.eligible).toBe(true);

    const graded = await replayAt('graded');
    expect(graded.results[0]?.line).toMatchObject({ grade: '一档', tier: '一档', amountFen: PAID });
    expect(graded.funding.year?.totals).toMatchObject({ awardedFen: PAID, disbursedFen: 0 });

    const paid = await replayAt('paid');
    expect(paid.funding.year?.totals).toMatchObject({ disbursedFen: PAID, clawedBackFen: 0 });
    expect(paid.eligibility?.eligible).toBe(true);

    const confirmed = await replayAt('confirmed');
    expect(confirmed.eligibility?.eligible).toBe(false);
    expect(confirmed.eligibility?.reasons.map((reason) => reason.ruleId)).toContain('S1-7');
    expect(confirmed.funding.year?.clawbackProposals).toMatchObject([{ amountFen: PAID }]);
    expect(confirmed.results[0]?.line.grade).toBe('一档');

    const ordered = await replayAt('ordered');
    expect(ordered.funding.year?.totals).toMatchObject({ clawedBackFen: PAID, owedFen: PAID });
    const half = await replayAt('repaid-first');
    expect(half.funding.year?.totals).toMatchObject({
      repaidFen: FIRST_PART,
      owedFen: PAID - FIRST_PART,
    });
    const settledYear = await replayAt('repaid');
    expect(settledYear.funding.year?.totals).toMatchObject({ repaidFen: PAID, owedFen: 0 });
    expect(settledYear.events.total).toBeGreaterThan(2 * SERVICES);
    expect(settledYear.events.items).toHaveLength(5);
  });

  it('explain names the events: the ratings, the grade, the eligibility', async () => {
    const explainPath = (metric: string) =>
      `/v1/audit/platforms/${platformId}/years/${String(year)}/explain?metric=${metric}`;
    const ratings = await auditor(explainPath('implementationPeriod.ratings'));
    expect(ratings.status).toBe(200);
    expect(ratings.body).toMatchObject({ eventCount: SERVICES });
    expect((ratings.body as { ruleIds: string[] }).ruleIds).toEqual(
      expect.arrayContaining(['S1-1', 'S4-3']),
    );
    expect([...(ratings.body as { eventIds: string[] }).eventIds].sort()).toEqual(
      [...ratingIds].sort(),
    );

    const grade = await auditor(explainPath('grade'));
    expect(grade.body).toMatchObject({ value: [{ programId, grade: '一档' }] });
    expect((grade.body as { ruleIds: string[] }).ruleIds).toEqual(
      expect.arrayContaining(['S1-4', 'S1-5', 'S1-7']),
    );
    const eligibility = await auditor(explainPath('eligibility'));
    expect(eligibility.body).toMatchObject({ ruleIds: ['S1-7'] });
    expect((eligibility.body as { eventIds: string[] }).eventIds).toContain(
      confirmation.eventIds[0],
    );

    const unknown = await auditor(explainPath('nonsense'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { details: [{ field: 'metric' }] } });
  });

  it('a backdated record: replay as of a recorded time before it excludes it, as of occurred time includes it', async () => {
    const before = new Date().toISOString();
    await pause(5);
    const late = {
      occurredAt: `${String(year)}-02-01T10:00:00+08:00`,
      enterpriseUscc: uscc(900),
      enterpriseName: '重庆补录科技有限公司',
      area: 'financing',
      mode: 'offline',
      feeKind: 'free',
      description: '补录的融资咨询',
    };
    const answer = await api.post(`${yearPath}/services`, late, tokens.platform);
    expect(answer.status).toBe(201);
    const lateId = (answer.body as Written).eventIds[0];
    const replay = (query: string) =>
      auditor(`/v1/audit/platforms/${platformId}/years/${String(year)}/replay?${query}&limit=1000`);
    type Services = Replay & { metrics: { calendarYear: { services: number } } };
    const known = (await replay(`asOf=${encodeURIComponent(before)}&clock=recorded`))
      .body as Services;
    expect(known.metrics.calendarYear.services).toBe(SERVICES);
    expect(known.events.items.map((event) => event.id)).not.toContain(lateId);
    const happened = (await replay(`asOf=${String(year)}-02-02&clock=occurred`)).body as Services;
    expect(happened.metrics.calendarYear.services).toBe(1);
    expect(happened.events.items.map((event) => event.id)).toContain(lateId);
  });

  it('verify passes; a row edited directly in the database makes it fail at that event', async () => {
    const ok = await auditor('/v1/audit/verify');
    expect(ok.body).toMatchObject({ ok: true });
    const victim = (await api.streamEvents(stream)).find(
      (event) => event.type === 'DisbursementRecorded',
    );
    if (victim === undefined) throw new Error('no disbursement to tamper with');
    const edited = JSON.stringify({ ...victim.data, amountFen: 1 });
    const sql = `UPDATE ledger_events SET data = '${edited.replaceAll("'", "''")}' WHERE stream = '${stream}' AND revision = ${String(victim.revision)}`;
    await tamper(api, sql);
    const broken = await auditor(`/v1/audit/verify?stream=${stream}`);
    expect(broken.body).toMatchObject({
      ok: false,
      firstBreak: { stream, revision: victim.revision, eventId: victim.id },
    });
    const all = await auditor('/v1/audit/verify');
    expect(all.body).toMatchObject({ ok: false, firstBreak: { eventId: victim.id } });
  });
}

/** Runs SQL on the store's own tables through a connection of its own. */
async function tamper(api: TestApi, sql: string): Promise<void> {
  const store = api.config.store;
  if (store.kind === 'sqlite') {
    const db = new Database(store.path);
    db.pragma('busy_timeout = 10000');
    db.exec(sql);
    db.close();
    return;
  }
  if (store.kind !== 'postgres') throw new Error(`cannot tamper with ${store.kind}`);
  const client = new Client({
    connectionString: postgresUrl() ?? '',
    options: `-c search_path="${store.schema}"`,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('integrity story over HTTP on SQLite (issue 5)', () => {
  storySuite('sqlite');
});
describeIfPostgres('integrity story over HTTP on PostgreSQL (issue 5)', () => {
  storySuite('postgres');
});
