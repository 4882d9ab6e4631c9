import { convertSheets } from './convert';
import {
  batchItems,
  dropRows,
  itemAt,
  itemCount,
  planImport,
  validBatchSize,
  type ImportPlan,
} from './planner';
import { attributeServerError } from './server-errors';
import { describeRows, formatRowError, rejectsCsv } from './report';
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
import type { ConvertedRow, RawSheet } from './types';

const RATING_HEADER = ['服务编号', '满意度', '评价日期'];

function rowsOf(...sheets: RawSheet[]): readonly ConvertedRow[] {
  return convertSheets(sheets, { platformId: PLATFORM_ID, year: YEAR, fileSha256: FILE_SHA }).rows;
}

/** n service rows, every `ratedEvery`-th with an inline rating. */
function services(n: number, ratedEvery = 0): RawSheet {
  return sheet(
    '服务记录',
    SERVICE_HEADER,
    ...Array.from({ length: n }, (_, i) =>
      serviceRow(i + 1, ratedEvery > 0 && i % ratedEvery === 0 ? '满意' : null),
    ),
  );
}

function keys(plan: ImportPlan): string[][] {
  return plan.batches.map((batch) => batch.rows.map((row) => row.key));
}

describe('planner: batches', () => {
  it('sends a file that fits in one batch as one request', () => {
    const plan = planImport(rowsOf(services(20, 2)), { skipInvalid: false, batchSize: 1000 });
    expect(plan.blocked).toBe(false);
    expect(plan.batches).toHaveLength(1);
    expect(itemCount(plan.batches[0]!)).toBe(30);
  });

  it('fills batches with whole rows up to the batch size', () => {
    // Rows 1, 3, 5 … carry a rating: sizes 2,1,2,1,… items.
    const plan = planImport(rowsOf(services(10, 2)), { skipInvalid: false, batchSize: 4 });
    expect(plan.batches.map(itemCount)).toEqual([3, 3, 3, 3, 3]);
    expect(plan.batches.map((b) => b.index)).toEqual([0, 1, 2, 3, 4]);
    expect(plan.batches.every((b) => itemCount(b) <= 4)).toBe(true);
    // A service and its inline rating never part.
    for (const batch of plan.batches) {
      const items = batchItems(batch);
      for (const item of items) {
        if (item.type === 'RateService') {
          expect(items.some((i) => i.data.recordId === item.data.serviceId)).toBe(true);
        }
      }
    }
  });

  it('puts ratings in the same or a later batch than their services, even when their sheet comes first', () => {
    const rows = rowsOf(
      sheet(
        '满意度评价',
        RATING_HEADER,
        ['FW-005', '满意', '2025/8/1'],
        ['FW-001', '很满意', '2025/8/1'],
      ),
      services(6),
    );
    expect(rows[0]?.kind).toBe('rating');
    const plan = planImport(rows, { skipInvalid: false, batchSize: 2 });
    expect(keys(plan)).toEqual([
      ['服务记录!2', '服务记录!3'],
      ['服务记录!4', '服务记录!5'],
      ['服务记录!6', '服务记录!7'],
      ['满意度评价!2', '满意度评价!3'],
    ]);
    const batchOf = new Map<string, number>();
    plan.batches.forEach((batch, index) => {
      for (const item of batchItems(batch)) batchOf.set(item.data.recordId, index);
    });
    for (const batch of plan.batches) {
      for (const item of batchItems(batch)) {
        if (item.type === 'RateService') {
          expect(batchOf.get(item.data.serviceId)).toBeLessThanOrEqual(
            batchOf.get(item.data.recordId)!,
          );
        }
      }
    }
    // The server, deciding the batches in order, accepts every one.
    expect(decideBatches(plan.batches.map(batchItems)).map((d) => d.ok)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('refuses batch sizes the API cannot take', () => {
    expect(validBatchSize(1000)).toBe(true);
    expect(validBatchSize(5000)).toBe(true);
    expect(validBatchSize(5001)).toBe(false);
    expect(validBatchSize(1)).toBe(false);
    expect(validBatchSize(2.5)).toBe(false);
    expect(() => planImport([], { skipInvalid: false, batchSize: 6000 })).toThrow(RangeError);
  });

  it('maps an item index of a request back to its row', () => {
    const plan = planImport(rowsOf(services(4, 2)), { skipInvalid: false, batchSize: 1000 });
    const batch = plan.batches[0]!;
    expect(itemAt(batch, 0)?.row.key).toBe('服务记录!2');
    expect(itemAt(batch, 1)?.row.key).toBe('服务记录!2');
    expect(itemAt(batch, 1)?.planned.item.type).toBe('RateService');
    expect(itemAt(batch, 2)?.row.key).toBe('服务记录!3');
    expect(itemAt(batch, 5)?.row.key).toBe('服务记录!5');
    expect(itemAt(batch, 6)).toBeNull();
  });
});

describe('planner: invalid rows', () => {
  const withBadRows = (): RawSheet => {
    const sheetWithBad = services(5);
    const rows = sheetWithBad.rows.map((row) => {
      if (row.row !== 3) return row;
      const cells = [...row.cells];
      cells[2] = badUscc(2);
      return { ...row, cells };
    });
    return { ...sheetWithBad, rows };
  };

  it('blocks the whole import by default: nothing is planned', () => {
    const plan = planImport(rowsOf(withBadRows()), { skipInvalid: false, batchSize: 1000 });
    expect(plan.blocked).toBe(true);
    expect(plan.batches).toEqual([]);
    expect(plan.rejected.map((r) => [r.key, r.stage])).toEqual([['服务记录!3', 'client']]);
  });

  it('sends the valid rows with --skip-invalid, rejecting the ratings of rejected services too', () => {
    const rows = rowsOf(
      withBadRows(),
      sheet(
        '满意度评价',
        RATING_HEADER,
        ['FW-002', '满意', '2025/8/1'],
        ['FW-001', '满意', '2025/8/1'],
      ),
    );
    const plan = planImport(rows, { skipInvalid: true, batchSize: 1000 });
    expect(plan.blocked).toBe(false);
    expect(keys(plan)).toEqual([
      ['服务记录!2', '服务记录!4', '服务记录!5', '服务记录!6', '满意度评价!3'],
    ]);
    expect(plan.rejected.map((r) => r.key)).toEqual(['服务记录!3', '满意度评价!2']);
  });

  it('drops a row the server refused, and the rows depending on it, keeping batch indexes', () => {
    const rows = rowsOf(
      services(6),
      sheet(
        '满意度评价',
        RATING_HEADER,
        ['FW-001', '满意', '2025/8/1'],
        ['FW-002', '满意', '2025/8/1'],
      ),
    );
    const plan = planImport(rows, { skipInvalid: true, batchSize: 2 });
    expect(plan.batches).toHaveLength(4);
    const refused = {
      sheet: '服务记录',
      row: 2,
      column: '统一社会信用代码',
      value: 'x',
      reason: 'no',
    };
    const after = dropRows(plan, new Map([['服务记录!2', [refused]]]));
    expect(keys(after)).toEqual([
      ['服务记录!3'],
      ['服务记录!4', '服务记录!5'],
      ['服务记录!6', '服务记录!7'],
      ['满意度评价!3'],
    ]);
    expect(after.batches.map((b) => b.index)).toEqual([0, 1, 2, 3]);
    expect(after.rejected).toEqual([
      { key: '服务记录!2', sheet: '服务记录', row: 2, stage: 'server', errors: [refused] },
      {
        key: '满意度评价!2',
        sheet: '满意度评价',
        row: 2,
        stage: 'dependency',
        errors: [
          expect.objectContaining({
            reason: 'not sent: it rates the service in 服务记录 row 2, which was rejected',
          }),
        ],
      },
    ]);
  });
});

describe('server error attribution', () => {
  const plan = planImport(rowsOf(services(4, 2)), { skipInvalid: true, batchSize: 1000 });
  const batch = plan.batches[0]!;

  it('names the sheet row and column of items[i].field (decider and edge validation forms)', () => {
    const attribution = attributeServerError(batch, {
      code: 'VALIDATION_FAILED',
      message: 'bad',
      details: [
        { field: 'items[2].enterpriseUscc', reason: 'invalid USCC' },
        { field: 'items[1].data.rating', reason: 'rating must be one of …' },
      ],
    });
    expect(attribution.unattributed).toEqual([]);
    expect([...attribution.rows.keys()]).toEqual(['服务记录!3', '服务记录!2']);
    expect(attribution.rows.get('服务记录!3')).toEqual([
      {
        sheet: '服务记录',
        row: 3,
        column: '统一社会信用代码',
        value: uscc(2),
        reason: 'refused by the server (VALIDATION_FAILED): invalid USCC',
      },
    ]);
    expect(attribution.rows.get('服务记录!2')?.[0]?.column).toBe('满意度');
  });

  it('leaves refusals that name no item unattributed', () => {
    expect(
      attributeServerError(batch, { code: 'FORBIDDEN', message: 'not your platform', details: [] })
        .unattributed,
    ).toEqual(['not your platform']);
    expect(
      attributeServerError(batch, {
        code: 'VALIDATION_FAILED',
        message: 'x',
        details: [
          { field: 'items', reason: 'at most 5000' },
          { field: 'items[99].recordId', reason: 'exists' },
        ],
      }),
    ).toMatchObject({ unattributed: ['items: at most 5000', 'items[99].recordId: exists'] });
  });
});

describe('report', () => {
  it('prints row errors and row ranges', () => {
    expect(
      formatRowError({
        sheet: '融资',
        row: 4,
        column: '金额（元）',
        value: '1.005',
        reason: 'too many decimals',
      }),
    ).toBe('融资 row 4 [金额（元）] "1.005": too many decimals');
    expect(
      describeRows([
        { sheet: '服务记录', row: 2 },
        { sheet: '服务记录', row: 3 },
        { sheet: '服务记录', row: 4 },
        { sheet: '服务记录', row: 9 },
        { sheet: '融资', row: 2 },
      ]),
    ).toBe('服务记录 rows 2–4, 9; 融资 row 2');
    expect(describeRows([])).toBe('none');
  });

  it('writes rejects as UTF-8 CSV with a BOM, quoting and defusing formulas', () => {
    const csv = rejectsCsv([
      {
        key: 's!2',
        sheet: '服务记录',
        row: 2,
        stage: 'client',
        errors: [
          {
            sheet: '服务记录',
            row: 2,
            column: '服务内容',
            value: '=HYPERLINK("x")',
            reason: 'a, b',
          },
        ],
      },
    ]);
    expect(csv.startsWith('\uFEFF工作表 sheet,')).toBe(true);
    expect(csv).toContain('服务记录,2,服务内容,"\'=HYPERLINK(""x"")","a, b",client\r\n');
  });
});
