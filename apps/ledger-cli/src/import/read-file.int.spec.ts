import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { convertSheets } from './convert';
import { planImport, batchItems } from './planner';
import { readLedgerFile, sha256Hex } from './read-file';
import { PLATFORM_ID, YEAR, decideBatches, uscc } from './testing/fixtures';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');
const dir = mkdtempSync(join(tmpdir(), 'ledger-import-read-'));

/** A 台账 workbook as platforms keep them: an instructions sheet, title rows, typed cells. */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new Workbook();
  workbook.addWorksheet('填表说明').addRow(['请按模板填写，日期格式 2025/3/8']);

  const services = workbook.addWorksheet('服务记录');
  services.addRow(['重庆市渝中区中小企业公共服务平台 2025年服务台账']);
  services.mergeCells('A1:H1');
  services.addRow([
    '编号',
    '企业名称',
    '统一社会信用代码',
    '服务领域',
    '服务方式',
    '服务日期',
    '收费类型',
    '服务内容',
    '联系电话',
    '满意度',
    '评价日期',
  ]);
  services.addRow([
    1,
    { richText: [{ text: '重庆渝中' }, { text: '智造科技有限公司', font: { bold: true } }] },
    uscc(1),
    '数字化转型',
    '线下',
    new Date(Date.UTC(2025, 2, 8)),
    '免费',
    '数字化诊断',
    13808301122,
    '很满意',
    new Date(Date.UTC(2025, 2, 10, 9, 30)),
  ]);
  services.addRow([
    2,
    '重庆江北鑫达机械制造有限公司',
    uscc(2),
    '梯度培育',
    '线上',
    '2025/4/1',
    '低收费',
    '专精特新申报辅导',
    null,
    null,
    null,
  ]);
  services.addRow([
    3,
    '重庆沙坪坝博远电子有限公司',
    uscc(3),
    '融资促进',
    '线下',
    45_800, // an Excel serial day (2025-05-23), shown as a date by its number format
    '免费',
    '银行产品对接',
  ]);
  services.getCell('F4').value = {
    formula: 'DATE(2025,4,11)',
    result: new Date(Date.UTC(2025, 3, 11)),
  };
  services.getCell('F5').numFmt = 'yyyy/m/d';

  const ratings = workbook.addWorksheet('满意度评价');
  ratings.addRow(['服务编号', '满意度', '评价日期', '评价来源']);
  ratings.addRow([2, '满意', new Date(Date.UTC(2025, 3, 20)), '平台']);

  const activities = workbook.addWorksheet('服务活动');
  activities.addRow(['活动名称', '服务领域', '活动日期', '方式', '参加企业信用代码', '参加人次']);
  activities.addRow([
    '专精特新政策宣讲会',
    '梯度培育',
    new Date(Date.UTC(2025, 4, 16, 14, 0)),
    '线下',
    `${uscc(1)}\n${uscc(2)}；${uscc(3)}`,
    86,
  ]);

  const financing = workbook.addWorksheet('融资');
  financing.addRow([
    '企业名称',
    '信用代码',
    '金融机构',
    '产品',
    '合同编号',
    '金额（元）',
    '放款日期',
  ]);
  financing.addRow([
    '重庆沙坪坝博远电子有限公司',
    uscc(3),
    '重庆农村商业银行',
    '知识产权质押贷',
    'CQRCB-2025-0318',
    3_000_000.5,
    new Date(Date.UTC(2025, 2, 18)),
  ]);
  financing.addRow(['甲', uscc(4), '重庆银行', '税信贷', 'CQB-1', 12.345, '2025/9/1']);

  const trainings = workbook.addWorksheet('培训');
  trainings.addRow(['培训名称', '服务领域', '培训日期', '方式', '场次', '参训人次']);
  trainings.addRow(['数字化转型专题培训', '数字化转型', '2025-06-18', '线上', 2, 320]);

  await workbook.xlsx.writeFile(path);
}

describe('reading 台账 files', () => {
  it('reads every sheet of an XLSX: title rows, rich text, date cells, serials, formulas', async () => {
    const path = join(dir, '台账.xlsx');
    await writeWorkbook(path);
    const file = await readLedgerFile(path);
    expect(file.format).toBe('xlsx');
    expect(file.sha256).toBe(sha256Hex(readFileSync(path)));
    expect(file.sheets.map((s) => s.name)).toEqual([
      '填表说明',
      '服务记录',
      '满意度评价',
      '服务活动',
      '融资',
      '培训',
    ]);

    const conversion = convertSheets(file.sheets, {
      platformId: PLATFORM_ID,
      year: YEAR,
      fileSha256: file.sha256,
    });
    expect(conversion.sheets).toEqual([
      { name: '填表说明', kind: null, headerRow: null, rows: 0 },
      { name: '服务记录', kind: 'service', headerRow: 2, rows: 3 },
      { name: '满意度评价', kind: 'rating', headerRow: 1, rows: 1 },
      { name: '服务活动', kind: 'activity', headerRow: 1, rows: 1 },
      { name: '融资', kind: 'financing', headerRow: 1, rows: 2 },
      { name: '培训', kind: 'training', headerRow: 1, rows: 1 },
    ]);
    const byKey = new Map(conversion.rows.map((row) => [row.key, row]));
    const data = (key: string, index = 0): Record<string, unknown> | undefined =>
      byKey.get(key)?.items[index]?.item.data;

    expect(data('服务记录!3')).toMatchObject({
      enterpriseName: '重庆渝中智造科技有限公司',
      occurredAt: '2025-03-08T00:00:00+08:00',
      contactPhone: '13808301122',
    });
    expect(data('服务记录!3', 1)).toMatchObject({
      rating: 'very_satisfied',
      occurredAt: '2025-03-10T09:30:00+08:00',
    });
    expect(data('服务记录!4')).toMatchObject({ occurredAt: '2025-04-11T00:00:00+08:00' });
    expect(data('服务记录!5')).toMatchObject({ occurredAt: '2025-05-23T00:00:00+08:00' });
    expect(data('满意度评价!2')).toMatchObject({
      serviceId: data('服务记录!4')?.recordId,
      source: 'platform',
    });
    expect(data('服务活动!2')).toMatchObject({
      occurredAt: '2025-05-16T14:00:00+08:00',
      attendeeUsccs: [uscc(1), uscc(2), uscc(3)],
      personTimes: 86,
    });
    expect(data('融资!2')).toMatchObject({ amountFen: 300_000_050 });
    expect(byKey.get('融资!3')?.errors).toEqual([
      {
        sheet: '融资',
        row: 3,
        column: '金额（元）',
        value: '12.345',
        reason: 'more than 2 decimals for an amount in 元',
      },
    ]);
    expect(data('培训!2')).toMatchObject({ area: 'digital', sessions: 2, personTimes: 320 });

    const plan = planImport(conversion.rows, { skipInvalid: true, batchSize: 1000 });
    expect(decideBatches(plan.batches.map(batchItems)).map((d) => d.ok)).toEqual([true]);
  });

  it('reads the CSV fixture: 20 service rows, 2 of them invalid', async () => {
    const file = await readLedgerFile(join(FIXTURES, 'services-2025.csv'));
    expect(file.format).toBe('csv');
    expect(file.sheets.map((s) => s.name)).toEqual(['services-2025']);
    const conversion = convertSheets(file.sheets, {
      platformId: PLATFORM_ID,
      year: YEAR,
      fileSha256: file.sha256,
    });
    expect(conversion.rows).toHaveLength(20);
    const invalid = conversion.rows.filter((row) => row.errors.length > 0);
    expect(invalid.map((row) => row.errors.map((e) => [e.row, e.column]))).toEqual([
      [[20, '统一社会信用代码']],
      [[21, '服务日期']],
    ]);
    const items = conversion.rows.flatMap((row) => row.items.map((p) => p.item));
    expect(items.filter((i) => i.type === 'RecordService')).toHaveLength(18);
    expect(items.filter((i) => i.type === 'RateService')).toHaveLength(13);
    expect(decideBatches([items])[0]).toMatchObject({ ok: true });
  });

  it('reads a GB18030 CSV as Excel on a Chinese Windows saves it, and a BOM-prefixed tab file', async () => {
    const gbk = await readLedgerFile(join(FIXTURES, 'services-2025-gbk.csv'));
    const rows = convertSheets(gbk.sheets, {
      platformId: PLATFORM_ID,
      year: YEAR,
      fileSha256: gbk.sha256,
    }).rows;
    expect(rows).toHaveLength(6);
    expect(rows[0]?.items[0]?.item.data).toMatchObject({
      enterpriseName: '重庆渝中智造科技有限公司',
    });

    const path = join(dir, '培训.tsv');
    writeFileSync(
      path,
      `\uFEFF培训名称\t培训日期\t方式\t参训人次\n"创业培训\n第二期"\t2025/8/8\t线下\t60\n\n合计\t\t\t60\n`,
    );
    const tsv = await readLedgerFile(path);
    expect(tsv.sheets[0]?.name).toBe('培训');
    const conversion = convertSheets(tsv.sheets, {
      platformId: PLATFORM_ID,
      year: YEAR,
      fileSha256: tsv.sha256,
    });
    expect(conversion.rows.map((row) => [row.row, row.items[0]?.item.data])).toEqual([
      [2, expect.objectContaining({ title: '创业培训 第二期', personTimes: 60 })],
    ]);
  });

  it('refuses .xls files with a hint', async () => {
    const path = join(dir, 'old.xls');
    writeFileSync(path, 'not really');
    await expect(readLedgerFile(path)).rejects.toThrow(/save the file as .xlsx or .csv/);
  });
});
