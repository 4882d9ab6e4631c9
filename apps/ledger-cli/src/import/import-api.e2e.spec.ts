import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { platformYearStream, withUsccCheckCharacter } from '@ledger/domain';
import { TestApi } from '../../../../test/support/ledger-api';
import { runImport, type ImportIo, type ImportOptions } from './run-import';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');
const PLATFORM = 'cq-yuzhong-import';

function io(): ImportIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, print: (line) => lines.push(line), progressStream: new PassThrough() };
}

/** The 台账 import end to end: CSV → the real ledger API (SQLite) → events in the year's stream. */
describe('ledger import against the real ledger API', () => {
  let api: TestApi;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-import-e2e-'));
  const options = (file: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    file,
    platformId: PLATFORM,
    year: 2025,
    baseUrl: api.baseUrl,
    token,
    skipInvalid: false,
    rejectsPath: join(dir, 'rejects.csv'),
    batchSize: 1000,
    dryRun: false,
    ...extra,
  });

  beforeAll(async () => {
    api = await TestApi.start('sqlite');
    const filed = await api.post('/v1/platforms', {
      platformId: PLATFORM,
      name: '渝中区中小企业公共服务窗口平台',
      kind: 'district_window',
      level: null,
      province: '重庆市',
      district: '渝中区',
      operatorUscc: withUsccCheckCharacter('12500103MB0000001'),
      operatorName: '重庆市渝中区中小企业服务中心',
      filedAt: '2024-03-01',
      underConstruction: false,
      planned: true,
    });
    expect(filed.status).toBe(201);
    token = await api.issue('platform', { platformId: PLATFORM });
  });
  afterAll(async () => {
    await api.close();
  });

  it('appends the valid rows in batches; importing the file again appends nothing new', async () => {
    const first = await runImport(
      options(join(FIXTURES, 'services-2025.csv'), { skipInvalid: true, batchSize: 10 }),
      io(),
    );
    expect(first.exitCode).toBe(0);
    expect(first.summary).toMatchObject({ itemsSent: 31, eventsAppended: 31, batchesAccepted: 4 });
    const stream = platformYearStream(PLATFORM, 2025);
    const events = await api.streamEvents(stream);
    expect(events).toHaveLength(31);
    expect(events.filter((e) => e.type === 'SatisfactionRated')).toHaveLength(13);

    const again = await runImport(
      options(join(FIXTURES, 'services-2025.csv'), { skipInvalid: true, batchSize: 10 }),
      io(),
    );
    expect(again.exitCode).toBe(0);
    expect(await api.streamEvents(stream)).toHaveLength(31);
  });

  it('stops on a refusal the client cannot attribute to a row and reports it', async () => {
    const path = join(dir, 'financing.csv');
    writeFileSync(path, readFileSync(join(FIXTURES, 'financing-2025.csv')));
    const out = io();
    const result = await runImport(
      { ...options(path, { skipInvalid: true }), platformId: 'cq-not-filed' },
      out,
    );
    expect(result.exitCode).toBe(1);
    expect(out.lines.join('\n')).toMatch(/batch 1 was refused \(HTTP 40[34]/);
  });

  it('after the year is submitted, stops at the first refusal instead of dropping row after row', async () => {
    const submitted = await api.post(
      `/v1/platforms/${PLATFORM}/years/2025/submission`,
      { note: '2025年度材料已提交' },
      token,
    );
    expect(submitted.status).toBe(201);
    const out = io();
    const before = await api.streamEvents(platformYearStream(PLATFORM, 2025));
    const result = await runImport(
      options(join(FIXTURES, 'financing-2025.csv'), { skipInvalid: true }),
      out,
    );
    expect(result.exitCode).toBe(1);
    expect(result.summary.rejected.filter((r) => r.stage === 'server')).toEqual([]);
    expect(out.lines.join('\n')).toMatch(/D-SUBMITTED: the year has been submitted/);
    expect(await api.streamEvents(platformYearStream(PLATFORM, 2025))).toHaveLength(before.length);
  });
});
