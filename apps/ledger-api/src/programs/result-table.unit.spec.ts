import { Workbook } from 'exceljs';
import type { OpenedProgram, ProgramEvaluated, ProgramResultLine } from '@ledger/domain';
import { gradeText, resultCsv, resultTable, scoreText, yuanOf } from './result-table';
import { resultXlsx } from './result-xlsx';

const line = (o: Partial<ProgramResultLine> = {}): ProgramResultLine => ({
  platformId: 'cq-wz',
  platformName: '万州区中小企业公共服务窗口平台',
  graded: true,
  score: 91.256,
  rank: 1,
  grade: '优秀',
  tier: '一档',
  amountFen: 30_000_000,
  flags: [],
  ineligibleNextYear: false,
  rules: [{ ruleId: 'S1-5', outcome: 'pass', detail: 'tier 一档' }],
  ...o,
});

const evaluation = (results: readonly ProgramResultLine[]): ProgramEvaluated['data'] => ({
  evaluationId: '0195f3c2-7a10-4b5e-9c1d-000000000001',
  position: 812,
  evaluatedAt: '2025-10-20T02:00:00.000Z',
  packId: 'cq-network-2020',
  packVersion: '1.0.0',
  parameters: {},
  results,
  network: {},
});

const program = (publishedId: string | null): OpenedProgram => ({
  status: 'opened',
  program: {
    programId: 'cq-network-2020',
    title: '2020年度平台网络服务评价',
    packId: 'cq-network-2020',
    packVersion: '1.0.0',
    year: 2020,
    parameters: {},
    openedAt: '2021-01-05T02:00:00.000Z',
  },
  enrolled: ['cq-wz', 'cq-jb', 'cq-bb'],
  evaluations: [],
  publication:
    publishedId === null
      ? null
      : {
          evaluationId: publishedId,
          publishedAt: '2021-03-23T02:00:00.000Z',
          year: 2020,
          results: [],
        },
});

/** S0's annex layout: 序号, 平台名称, 等次, then 得分, 档次, 补助金额（元）. */
const rows = [
  line(),
  line({
    platformId: 'cq-jb',
    platformName: '江北区中小企业公共服务窗口平台',
    grade: '合格',
    score: 75,
    tier: null,
    amountFen: 0,
    flags: ['建设期', '联系不通畅'],
  }),
  line({
    platformId: 'cq-bb',
    platformName: '=北碚区,"窗口"平台',
    graded: false,
    grade: null,
    score: null,
    rank: null,
    tier: null,
    amountFen: 1,
    flags: ['不纳入评价'],
  }),
];

describe('Result table: 分 are shown as 元 with two decimals, in integers', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [30_000_000, '300000.00'],
    [40_000_000_000, '400000000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
    [-1, '-0.01'],
  ])('Result table: %d 分 is %s 元', (fen, yuan) => {
    expect(yuanOf(fen)).toBe(yuan);
  });

  it('Result table: a fractional amount of 分 is a bug, not a rounding', () => {
    expect(() => yuanOf(0.5)).toThrow(RangeError);
  });

  it('Result table: scores print with at most two decimals; none is blank', () => {
    expect([scoreText(91.256), scoreText(75), scoreText(null)]).toEqual(['91.26', '75', '']);
  });
});

describe('Result table: 等次 as the S0 annex writes it', () => {
  it('Result table: a graded platform in its 建设期 reads 合格（建设期）; other flags stay out', () => {
    expect(gradeText(rows[1] ?? line())).toBe('合格（建设期）');
  });

  it('Result table: a platform excluded from grading reads 不纳入评价', () => {
    expect(gradeText(rows[2] ?? line())).toBe('不纳入评价');
  });
});

describe('Result table: rows, totals and the published flag', () => {
  const table = resultTable(program('0195f3c2-7a10-4b5e-9c1d-000000000001'), evaluation(rows));

  it('Result table: 序号 follows the pack order and cells follow the columns', () => {
    expect(table.columns).toEqual(['序号', '平台名称', '等次', '得分', '档次', '补助金额（元）']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      [1, '万州区中小企业公共服务窗口平台', '优秀', '91.26', '一档', '300000.00'],
      [2, '江北区中小企业公共服务窗口平台', '合格（建设期）', '75', '', '0.00'],
      [3, '=北碚区,"窗口"平台', '不纳入评价', '', '', '0.01'],
    ]);
    expect(table.rows[0]?.rules).toEqual([
      { ruleId: 'S1-5', outcome: 'pass', detail: 'tier 一档' },
    ]);
  });

  it('Result table: totals in 分 and 元, and whether this evaluation is the published one', () => {
    expect(table).toMatchObject({
      totalAmountFen: 30_000_001,
      totalAmountYuan: '300000.01',
      published: true,
      publishedAt: '2021-03-23T02:00:00.000Z',
      position: 812,
    });
    expect(resultTable(program(null), evaluation(rows))).toMatchObject({
      published: false,
      publishedAt: null,
    });
  });
});

describe('Result table exports', () => {
  const table = resultTable(program(null), evaluation(rows));

  it('CSV: UTF-8 BOM, CRLF lines, RFC 4180 quoting, formulas neutralised', () => {
    expect(resultCsv(table)).toBe(
      '\uFEFF序号,平台名称,等次,得分,档次,补助金额（元）\r\n' +
        '1,万州区中小企业公共服务窗口平台,优秀,91.26,一档,300000.00\r\n' +
        '2,江北区中小企业公共服务窗口平台,合格（建设期）,75,,0.00\r\n' +
        `3,"'=北碚区,""窗口""平台",不纳入评价,,,0.01\r\n`,
    );
  });

  it('XLSX: one sheet with the same header and cells, amounts as numbers', async () => {
    const workbook = new Workbook();
    // exceljs' typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load((await resultXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(sheet?.name).toBe('2020年度评价结果');
    expect(values(1)).toEqual(['序号', '平台名称', '等次', '得分', '档次', '补助金额（元）']);
    expect(values(2)).toEqual([1, '万州区中小企业公共服务窗口平台', '优秀', 91.26, '一档', 300000]);
    expect(values(3).slice(0, 3)).toEqual([2, '江北区中小企业公共服务窗口平台', '合格（建设期）']);
    expect(sheet?.getRow(2).getCell(6).numFmt).toBe('0.00');
    expect(sheet?.rowCount).toBe(4);
  });
});
