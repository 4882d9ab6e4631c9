import { convertSheets, type Conversion } from './convert';
import { importRecordId } from './record-ids';
import {
  FILE_SHA,
  PLATFORM_ID,
  SERVICE_HEADER,
  YEAR,
  badUscc,
  decideBatches,
  serviceRow,
  sheet,
  uscc,
} from './testing/fixtures';
import type { Cell, ConvertedRow, RawSheet } from './types';

const context = { platformId: PLATFORM_ID, year: YEAR, fileSha256: FILE_SHA };

function convert(...sheets: RawSheet[]): Conversion {
  return convertSheets(sheets, context);
}

function only(conversion: Conversion): ConvertedRow {
  expect(conversion.rows).toHaveLength(1);
  const row = conversion.rows[0];
  if (row === undefined) throw new Error('no row');
  return row;
}

/** One service row with one cell replaced; the row's errors as [column, reason]. */
function serviceErrors(column: string, cell: Cell): [string, string][] {
  const cells = serviceRow(1, '满意');
  const index = SERVICE_HEADER.indexOf(column as (typeof SERVICE_HEADER)[number]);
  if (index < 0) throw new Error(column);
  cells[index] = cell;
  const row = only(convert(sheet('服务记录', SERVICE_HEADER, cells)));
  expect(row.items).toEqual([]);
  return row.errors.map((e) => [e.column, e.reason]);
}

const ACTIVITY_HEADER = [
  '活动名称',
  '服务领域',
  '活动日期',
  '方式',
  '参加企业信用代码',
  '参加人次',
];
const FINANCING_HEADER = [
  '企业名称',
  '信用代码',
  '金融机构',
  '产品',
  '合同编号',
  '金额（元）',
  '放款日期',
];
const TRAINING_HEADER = ['培训名称', '培训日期', '方式', '参训人次'];
const RATING_HEADER = ['服务编号', '满意度', '评价日期', '评价来源'];

describe('row conversion: service records', () => {
  it('turns a row into RecordService, and one with 满意度 into RecordService + RateService', () => {
    const conversion = convert(
      sheet('服务记录', SERVICE_HEADER, serviceRow(1), serviceRow(2, '很满意')),
    );
    expect(conversion.sheetErrors).toEqual([]);
    const [plain, rated] = conversion.rows;
    expect(plain?.items.map((i) => i.item)).toEqual([
      {
        type: 'RecordService',
        data: {
          recordId: importRecordId({
            ...context,
            sheet: '服务记录',
            row: 2,
            kind: 'RecordService',
          }),
          occurredAt: '2025-03-02T00:00:00+08:00',
          enterpriseUscc: uscc(1),
          enterpriseName: '重庆测试企业1有限公司',
          area: 'digital',
          mode: 'offline',
          feeKind: 'free',
          description: '数字化诊断',
          institutionUscc: null,
          contactPhone: '023-63801234',
        },
      },
    ]);
    const [service, rating] = rated?.items ?? [];
    expect(rating?.item).toEqual({
      type: 'RateService',
      data: {
        recordId: importRecordId({ ...context, sheet: '服务记录', row: 3, kind: 'RateService' }),
        occurredAt: '2025-04-03T00:00:00+08:00',
        serviceId: service?.item.data.recordId,
        enterpriseUscc: uscc(2),
        rating: 'very_satisfied',
        source: 'enterprise',
      },
    });
    expect(rating?.sources.rating).toEqual({ column: '满意度', value: '很满意' });
    expect(service?.sources.enterpriseUscc).toEqual({ column: '统一社会信用代码', value: uscc(2) });
  });

  it('produces items the domain decider accepts', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      serviceRow(i + 1, i % 3 === 0 ? null : '满意'),
    );
    const conversion = convert(sheet('服务记录', SERVICE_HEADER, ...rows));
    const items = conversion.rows.flatMap((row) => row.items.map((p) => p.item));
    expect(items).toHaveLength(50);
    const [decision] = decideBatches([items]);
    expect(decision).toMatchObject({ ok: true });
  });

  it('derives the same ids from the same file, others from another file, row or kind', () => {
    const once = convert(sheet('服务记录', SERVICE_HEADER, serviceRow(1)));
    const again = convert(sheet('服务记录', SERVICE_HEADER, serviceRow(1)));
    const other = convertSheets([sheet('服务记录', SERVICE_HEADER, serviceRow(1))], {
      ...context,
      fileSha256: 'b'.repeat(64),
    });
    const id = (c: Conversion): string | undefined => c.rows[0]?.items[0]?.item.data.recordId;
    expect(id(once)).toBe(id(again));
    expect(id(once)).not.toBe(id(other));
    expect(id(once)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const base = { ...context, sheet: 's', row: 2, kind: 'RecordService' } as const;
    expect(importRecordId(base)).not.toBe(importRecordId({ ...base, row: 3 }));
    expect(importRecordId(base)).not.toBe(importRecordId({ ...base, kind: 'RateService' }));
    expect(importRecordId(base)).not.toBe(importRecordId({ ...base, sheet: 't' }));
    expect(importRecordId(base)).not.toBe(importRecordId({ ...base, year: 2026 }));
  });

  it.each([
    ['企业名称', null, /missing enterprise name/],
    ['统一社会信用代码', badUscc(1), /check character does not match/],
    ['统一社会信用代码', '9150010', /must be 18 characters/],
    ['服务领域', '综合服务', /unknown service area/],
    ['服务方式', '电话', /unknown mode/],
    ['服务日期', '2025/2/30', /has no day 30/],
    ['服务日期', '2024/12/31', /outside the imported year 2025/],
    ['服务日期', 'soon', /not a date/],
    ['收费类型', '面议', /unknown fee kind/],
    ['服务内容', '', /missing description/],
    ['服务机构信用代码', badUscc(9), /invalid USCC/],
    ['联系电话', '110', /not a phone number/],
    ['满意度', '一般', /unknown rating/],
    ['评价日期', '2025/1/1', /rating dated before the service/],
    ['评价日期', '2026/1/1', /outside the imported year/],
    ['评价来源', '区县', /unknown rating source/],
  ])('refuses a service row with a bad %s (%p)', (column, cell, reason) => {
    const errors = serviceErrors(column, cell);
    expect(errors).toEqual([[column, expect.stringMatching(reason)]]);
  });

  it('refuses 评价日期 without 满意度, and reports every bad cell of a row', () => {
    const cells = serviceRow(1, null);
    cells[11] = '2025/5/1';
    expect(only(convert(sheet('服务记录', SERVICE_HEADER, cells))).errors).toEqual([
      { sheet: '服务记录', row: 2, column: '满意度', value: '', reason: 'missing rating' },
    ]);
    const bad = serviceRow(1);
    bad[2] = badUscc(1);
    bad[3] = '综合';
    bad[6] = '面议';
    expect(
      only(convert(sheet('服务记录', SERVICE_HEADER, bad))).errors.map((e) => e.column),
    ).toEqual(['统一社会信用代码', '服务领域', '收费类型']);
  });

  it('stamps a rating dated the service day with the service time', () => {
    const cells = serviceRow(1, '满意');
    cells[5] = '2025-03-02 15:00';
    cells[11] = '2025-03-02';
    const rating = only(convert(sheet('服务记录', SERVICE_HEADER, cells))).items[1]?.item;
    expect(rating?.data.occurredAt).toBe('2025-03-02T15:00:00+08:00');
  });

  it('refuses a 编号 used twice (the later row)', () => {
    const second = serviceRow(2);
    second[0] = 'FW-001';
    const conversion = convert(sheet('服务记录', SERVICE_HEADER, serviceRow(1), second));
    expect(conversion.rows[0]?.errors).toEqual([]);
    expect(conversion.rows[1]?.errors[0]).toMatchObject({
      row: 3,
      column: '编号',
      reason: expect.stringMatching(/already used by row 2 of 服务记录/) as string,
    });
  });

  it('skips 合计 rows and reads a sheet without optional columns', () => {
    const header = [
      '企业名称',
      '统一社会信用代码',
      '服务领域',
      '服务方式',
      '服务日期',
      '收费类型',
      '服务内容',
    ];
    const conversion = convert(
      sheet(
        'Sheet1',
        header,
        ['重庆甲公司', uscc(5), '梯度培育', '线上', '2025-05-05', '低收费', '申报辅导'],
        ['合计', null, null, null, null, null, null],
      ),
    );
    expect(conversion.rows).toHaveLength(1);
    expect(conversion.sheets).toEqual([{ name: 'Sheet1', kind: 'service', headerRow: 1, rows: 1 }]);
    expect(conversion.rows[0]?.items[0]?.item.data).toMatchObject({
      institutionUscc: null,
      contactPhone: null,
      feeKind: 'low_fee',
    });
  });
});

describe('row conversion: 满意度评价 sheets citing service rows', () => {
  const services = sheet(
    '服务记录',
    SERVICE_HEADER,
    serviceRow(1),
    serviceRow(2),
    serviceRow(3, '满意'),
  );

  it('rates the service whose 编号 it cites, wherever the ratings sheet sits', () => {
    const conversion = convert(
      sheet('满意度评价', RATING_HEADER, ['FW-002', '不满意', '2025/6/1', '平台']),
      services,
    );
    const rating = conversion.rows.find((row) => row.kind === 'rating');
    const service = conversion.rows.find((row) => row.key === '服务记录!3');
    expect(rating?.dependsOn).toBe('服务记录!3');
    expect(rating?.items[0]?.item).toMatchObject({
      type: 'RateService',
      data: {
        serviceId: service?.items[0]?.item.data.recordId,
        enterpriseUscc: uscc(2),
        rating: 'dissatisfied',
        source: 'platform',
        occurredAt: '2025-06-01T00:00:00+08:00',
      },
    });
    // Rows come back in workbook order.
    expect(conversion.rows.map((row) => row.key)[0]).toBe('满意度评价!2');
  });

  it.each([
    [['FW-404', '满意', '2025/6/1', '企业'], '服务编号', /no service row has 编号 FW-404/],
    [['FW-003', '满意', '2025/6/1', '企业'], '服务编号', /already rated in its own row/],
    [['FW-001', '满意', '2025/1/1', '企业'], '评价日期', /rating dated before the service/],
    [[null, '满意', '2025/6/1', '企业'], '服务编号', /missing 服务编号/],
    [['FW-001', '好', '2025/6/1', '企业'], '满意度', /unknown rating/],
  ])('refuses %p', (cells, column, reason) => {
    const conversion = convert(services, sheet('满意度评价', RATING_HEADER, cells));
    const rating = conversion.rows.find((row) => row.kind === 'rating');
    expect(rating?.items).toEqual([]);
    expect(rating?.errors).toEqual([
      expect.objectContaining({ column, reason: expect.stringMatching(reason) as string }),
    ]);
  });

  it('refuses a second rating of one service, and a rating of an invalid service row', () => {
    const bad = serviceRow(4);
    bad[2] = badUscc(4);
    const conversion = convert(
      sheet('服务记录', SERVICE_HEADER, serviceRow(1), bad),
      sheet(
        '满意度评价',
        RATING_HEADER,
        ['FW-001', '满意', '2025/6/1', '企业'],
        ['FW-001', '很满意', '2025/6/2', '企业'],
        ['FW-004', '满意', '2025/6/1', '企业'],
      ),
    );
    const ratings = conversion.rows.filter((row) => row.kind === 'rating');
    expect(ratings.map((r) => r.errors.map((e) => e.reason))).toEqual([
      [],
      [expect.stringMatching(/already rated \(满意度评价!2\)/)],
      [expect.stringMatching(/the service it rates \(row 3 of 服务记录\) is invalid/)],
    ]);
    expect(ratings[2]?.dependsOn).toBe('服务记录!3');
  });

  it('refuses a rating naming another enterprise than the service', () => {
    const conversion = convert(
      services,
      sheet(
        '满意度评价',
        [...RATING_HEADER, '统一社会信用代码'],
        ['FW-001', '满意', '2025/6/1', '企业', uscc(2)],
      ),
    );
    expect(conversion.rows.find((r) => r.kind === 'rating')?.errors[0]?.reason).toMatch(
      /delivered to .* not to this enterprise/,
    );
  });
});

describe('row conversion: activities, financing, trainings', () => {
  it('reads an activity with its attendee list', () => {
    const row = only(
      convert(
        sheet('服务活动', ACTIVITY_HEADER, [
          '专精特新政策宣讲会',
          '梯度培育',
          '2025/4/10',
          '线下',
          `${uscc(1)}；${uscc(2)}\n${uscc(3)}`,
          '45',
        ]),
      ),
    );
    expect(row.items[0]?.item).toMatchObject({
      type: 'RecordServiceActivity',
      data: {
        title: '专精特新政策宣讲会',
        area: 'gradient_cultivation',
        mode: 'offline',
        attendeeUsccs: [uscc(1), uscc(2), uscc(3)],
        personTimes: 45,
      },
    });
  });

  it.each([
    [4, `${uscc(1)}；${badUscc(2)}`, '参加企业信用代码', /entry 2/],
    [5, '12.5', '参加人次', /whole number/],
    [5, '-3', '参加人次', /whole number/],
    [0, '', '活动名称', /missing title/],
  ])('refuses an activity with a bad cell %#', (index, cell, column, reason) => {
    const cells: Cell[] = ['宣讲会', '梯度培育', '2025/4/10', '线下', uscc(1), '10'];
    cells[index] = cell;
    const row = only(convert(sheet('服务活动', ACTIVITY_HEADER, cells)));
    expect(row.errors).toEqual([
      expect.objectContaining({ column, reason: expect.stringMatching(reason) as string }),
    ]);
  });

  it('reads financing amounts in 元 as integer 分, and in 万元 by the header', () => {
    const deal = (amount: Cell): Cell[] => [
      '重庆甲公司',
      uscc(1),
      '重庆银行',
      '税信贷',
      'HT-001',
      amount,
      '2025/6/30',
    ];
    const conversion = convert(
      sheet('融资', FINANCING_HEADER, deal('12.34'), deal(3_000_000), deal('1.005')),
    );
    expect(conversion.rows.map((r) => r.items[0]?.item.data)).toEqual([
      expect.objectContaining({ amountFen: 1234, lender: '重庆银行', contractNumber: 'HT-001' }),
      expect.objectContaining({ amountFen: 300_000_000 }),
      undefined,
    ]);
    expect(conversion.rows[2]?.errors[0]).toMatchObject({
      column: '金额（元）',
      value: '1.005',
      reason: expect.stringMatching(/more than 2 decimals/) as string,
    });
    expect(conversion.rows[0]?.items[0]?.sources.amountFen).toEqual({
      column: '金额（元）',
      value: '12.34',
    });

    const wan = convert(
      sheet(
        '融资',
        FINANCING_HEADER.map((h) => (h === '金额（元）' ? '金额（万元）' : h)),
        deal('4.5'),
      ),
    );
    expect(wan.rows[0]?.items[0]?.item.data).toMatchObject({ amountFen: 4_500_000 });
  });

  it('reads a training, with 1 session and the 培训服务 area by default', () => {
    const row = only(
      convert(sheet('培训', TRAINING_HEADER, ['数字化转型培训班', '2025-07-01', '线上', 120])),
    );
    expect(row.items[0]?.item).toMatchObject({
      type: 'RecordTraining',
      data: { area: 'training', sessions: 1, personTimes: 120, mode: 'online' },
    });
  });

  it('produces activities, deals and trainings the domain decider accepts', () => {
    const conversion = convert(
      sheet('服务活动', ACTIVITY_HEADER, [
        '宣讲会',
        '梯度培育',
        '2025/4/10',
        '线下',
        uscc(1),
        '10',
      ]),
      sheet('融资', FINANCING_HEADER, [
        '甲',
        uscc(1),
        '重庆银行',
        '税信贷',
        'HT-1',
        '100',
        '2025/6/30',
      ]),
      sheet('培训', TRAINING_HEADER, ['培训班', '2025-07-01', '线上', 120]),
    );
    const items = conversion.rows.flatMap((row) => row.items.map((p) => p.item));
    expect(items.map((i) => i.type)).toEqual([
      'RecordServiceActivity',
      'RecordFinancingDeal',
      'RecordTraining',
    ]);
    expect(decideBatches([items])[0]).toMatchObject({ ok: true });
  });
});

describe('sheet structure', () => {
  it('reports missing columns of a sheet recognised by name: nothing can be imported', () => {
    const conversion = convert(
      sheet('融资', ['企业名称', '信用代码', '金额（元）'], ['甲', uscc(1), '1']),
    );
    expect(conversion.rows).toEqual([]);
    expect(conversion.sheetErrors.map((e) => e.column)).toEqual([
      '金融机构',
      '产品',
      '合同编号',
      '放款日期',
    ]);
    expect(conversion.sheetErrors[0]?.reason).toMatch(
      /missing column 金融机构 .*also accepted: lender/,
    );
  });

  it('skips sheets it cannot place with a warning, and fails when none is left', () => {
    const conversion = convert(
      sheet('填表说明', ['请按模板填写'], ['……']),
      sheet('服务记录', SERVICE_HEADER, serviceRow(1)),
    );
    expect(conversion.warnings).toEqual([expect.stringMatching(/sheet "填表说明" skipped/)]);
    expect(conversion.sheets.map((s) => s.kind)).toEqual([null, 'service']);
    expect(conversion.sheetErrors).toEqual([]);

    const nothing = convert(sheet('data', ['a', 'b'], ['1', '2']));
    expect(nothing.sheetErrors).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/no 台账 sheet found/) as string }),
    ]);
  });

  it('warns about a sheet with a header and no rows', () => {
    expect(convert(sheet('服务记录', SERVICE_HEADER)).warnings).toEqual([
      'sheet "服务记录" has a header but no rows',
    ]);
  });
});
