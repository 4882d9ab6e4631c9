import {
  FIELD_SPECS,
  SHEET_KINDS,
  fieldOfHeader,
  kindOfName,
  mapHeaders,
  normalizeHeader,
  recognizeSheet,
} from './headers';
import type { Cell, RawRow } from './types';

const row = (n: number, ...cells: Cell[]): RawRow => ({ row: n, cells });

const SERVICE_HEADER = [
  '编号',
  '企业名称',
  '统一社会信用代码',
  '服务领域',
  '服务方式',
  '服务日期',
  '收费类型',
  '服务内容',
  '满意度',
  '评价日期',
];

describe('header mapping', () => {
  it('normalises width, case, spaces, required markers and a unit in parentheses', () => {
    expect(normalizeHeader(' 金额（元）* ')).toBe('金额');
    expect(normalizeHeader('金额(万元)')).toBe('金额');
    expect(normalizeHeader('Enterprise USCC')).toBe('enterpriseuscc');
    expect(normalizeHeader('enterprise_uscc')).toBe('enterpriseuscc');
    expect(normalizeHeader('＊服务日期')).toBe('服务日期');
  });

  it('maps Chinese names, variants and the API field names to fields', () => {
    expect(fieldOfHeader('service', '统一社会信用代码')).toBe('enterpriseUscc');
    expect(fieldOfHeader('service', '信用代码')).toBe('enterpriseUscc');
    expect(fieldOfHeader('service', 'enterpriseUscc')).toBe('enterpriseUscc');
    expect(fieldOfHeader('service', 'OCCURREDAT')).toBe('occurredAt');
    expect(fieldOfHeader('service', '服务日期*')).toBe('occurredAt');
    expect(fieldOfHeader('financing', '金额（元）')).toBe('amount');
    expect(fieldOfHeader('financing', 'amountFen')).toBe('amount');
    expect(fieldOfHeader('activity', '参加企业信用代码')).toBe('attendeeUsccs');
    expect(fieldOfHeader('rating', '服务编号')).toBe('serviceRef');
    expect(fieldOfHeader('service', '序号')).toBeNull();
  });

  it.each(SHEET_KINDS)('gives every header of a %s sheet one field only', (kind) => {
    const seen = new Map<string, string>();
    for (const spec of FIELD_SPECS[kind]) {
      for (const alias of spec.aliases) {
        const key = normalizeHeader(alias);
        const other = seen.get(key);
        if (other !== undefined && other !== spec.field) {
          throw new Error(`${kind}: ${alias} names both ${other} and ${spec.field}`);
        }
        seen.set(key, spec.field);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('binds columns by position, reports missing required fields and duplicate columns', () => {
    const mapping = mapHeaders('service', row(1, '序号', '企业名称', '企业', '服务日期'));
    expect(mapping.columns.get('enterpriseName')).toEqual({
      field: 'enterpriseName',
      index: 1,
      header: '企业名称',
    });
    expect(mapping.duplicates.map((d) => d.header)).toEqual(['企业']);
    expect(mapping.missing.map((m) => m.label)).toEqual([
      '统一社会信用代码',
      '服务领域',
      '服务方式',
      '收费类型',
      '服务内容',
    ]);
  });
});

describe('sheet recognition', () => {
  it('tells the kind from a sheet name', () => {
    expect(kindOfName('2025年服务记录台账')).toBe('service');
    expect(kindOfName('服务活动')).toBe('activity');
    expect(kindOfName('满意度评价')).toBe('rating');
    expect(kindOfName('融资服务')).toBe('financing');
    expect(kindOfName('培训')).toBe('training');
    expect(kindOfName('Services')).toBe('service');
    expect(kindOfName('说明')).toBeNull();
  });

  it('finds the header row under a title row, whatever the sheet is called', () => {
    const recognition = recognizeSheet({
      name: 'Sheet1',
      rows: [row(1, '重庆市某平台2025年服务台账'), row(3, ...SERVICE_HEADER), row(4, 'FW-1')],
    });
    expect(recognition?.by).toBe('header');
    expect(recognition?.mapping.kind).toBe('service');
    expect(recognition?.mapping.headerRow).toBe(3);
  });

  it('prefers the kind with most columns when several are complete (services with ratings)', () => {
    const recognition = recognizeSheet({
      name: '满意度',
      rows: [row(1, ...SERVICE_HEADER.map((h) => (h === '编号' ? '服务编号' : h)))],
    });
    expect(recognition?.mapping.kind).toBe('service');
  });

  it('recognises a ratings sheet and an English header', () => {
    expect(
      recognizeSheet({ name: 'x', rows: [row(1, '服务编号', '满意度', '评价日期', '评价来源')] })
        ?.mapping.kind,
    ).toBe('rating');
    expect(
      recognizeSheet({
        name: 'x',
        rows: [row(1, 'title', 'area', 'occurredAt', 'mode', 'attendeeUsccs', 'personTimes')],
      })?.mapping.kind,
    ).toBe('activity');
  });

  it('falls back to the name with the missing columns, or gives up', () => {
    const named = recognizeSheet({ name: '融资', rows: [row(1, '企业名称', '信用代码', '金额')] });
    expect(named?.by).toBe('name');
    expect(named?.mapping.kind).toBe('financing');
    expect(named?.mapping.missing.map((m) => m.field)).toEqual([
      'lender',
      'product',
      'contractNumber',
      'occurredAt',
    ]);
    expect(recognizeSheet({ name: '说明', rows: [row(1, '填表说明：……')] })).toBeNull();
  });
});
