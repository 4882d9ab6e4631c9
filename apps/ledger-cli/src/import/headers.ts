import { cellText, normalizeText } from './values';
import type { Cell, RawRow, RawSheet, SheetKind } from './types';

/**
 * Column headers of each sheet kind: the Chinese names a 台账 uses, the API's English field
 * names, and a few common variants. Matching ignores case, spaces, full-width/half-width forms,
 * a required-field marker (`*`) and a parenthesised unit (`金额（元）` matches `金额`).
 */
export interface FieldSpec {
  /** Canonical field id (mostly the API's data field). */
  readonly field: string;
  /** The name printed in reports when the column is missing. */
  readonly label: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

const spec = (
  field: string,
  label: string,
  required: boolean,
  ...aliases: string[]
): FieldSpec => ({ field, label, required, aliases: [label, field, ...aliases] });

export const FIELD_SPECS: Readonly<Record<SheetKind, readonly FieldSpec[]>> = {
  service: [
    spec('ref', '编号', false, '服务编号', '记录编号', 'serviceNo', 'serviceRef', 'no', 'id'),
    spec('enterpriseName', '企业名称', true, '服务企业', '企业', 'company'),
    spec(
      'enterpriseUscc',
      '统一社会信用代码',
      true,
      '信用代码',
      '企业信用代码',
      '社会信用代码',
      'uscc',
    ),
    spec('area', '服务领域', true, '领域', '服务类别', '服务类型'),
    spec('mode', '服务方式', true, '方式', '线上/线下'),
    spec('occurredAt', '服务日期', true, '服务时间', '日期', 'date'),
    spec('feeKind', '收费类型', true, '收费情况', '收费方式', '是否收费', 'fee'),
    spec('description', '服务内容', true, '内容', '服务事项', '服务描述'),
    spec('institutionUscc', '服务机构信用代码', false, '服务机构统一社会信用代码', '机构信用代码'),
    spec('contactPhone', '联系电话', false, '电话', '联系方式', 'phone'),
    spec('rating', '满意度', false, '满意度评价', '评价结果', 'satisfaction'),
    spec('ratedAt', '评价日期', false, '评价时间'),
    spec('ratingSource', '评价来源', false, '评价方'),
  ],
  activity: [
    spec('title', '活动名称', true, '活动主题', '名称', '活动'),
    spec('area', '服务领域', true, '领域', '服务类别'),
    spec('occurredAt', '活动日期', true, '活动时间', '日期', 'date'),
    spec('mode', '方式', true, '活动方式', '服务方式', '线上/线下'),
    spec(
      'attendeeUsccs',
      '参加企业信用代码',
      true,
      '参加企业',
      '参会企业信用代码',
      '参加企业统一社会信用代码',
      'attendees',
    ),
    spec('personTimes', '参加人次', true, '人次', '参会人次'),
  ],
  rating: [
    spec('serviceRef', '服务编号', true, '服务记录编号', 'serviceNo'),
    spec('rating', '满意度', true, '满意度评价', '评价结果', 'satisfaction'),
    spec('occurredAt', '评价日期', true, '评价时间', '日期', 'ratedAt', 'date'),
    spec('source', '评价来源', false, '来源', '评价方', 'ratingSource'),
    spec('enterpriseUscc', '统一社会信用代码', false, '信用代码', '企业信用代码', 'uscc'),
  ],
  financing: [
    spec('enterpriseName', '企业名称', false, '融资企业', '企业'),
    spec('enterpriseUscc', '信用代码', true, '统一社会信用代码', '企业信用代码', 'uscc'),
    spec('lender', '金融机构', true, '放款机构', '贷款机构', '银行'),
    spec('product', '产品', true, '融资产品', '金融产品', '贷款产品'),
    spec('contractNumber', '合同编号', true, '合同号', 'contractNo'),
    spec('amount', '金额', true, '融资金额', '贷款金额', 'amountYuan', 'amountWan', 'amountFen'),
    spec('occurredAt', '放款日期', true, '融资日期', '签约日期', '日期', 'date'),
  ],
  training: [
    spec('title', '培训名称', true, '培训主题', '名称'),
    spec('area', '服务领域', false, '领域'),
    spec('occurredAt', '培训日期', true, '培训时间', '日期', 'date'),
    spec('mode', '方式', true, '培训方式', '线上/线下'),
    spec('sessions', '场次', false, '培训场次', '期数'),
    spec('personTimes', '参训人次', true, '培训人次', '参加人次', '人次'),
  ],
};

export const SHEET_KINDS = Object.keys(FIELD_SPECS) as SheetKind[];

/** `金额（元）*` → `金额`, `Enterprise USCC` → `enterpriseuscc`. */
export function normalizeHeader(header: string): string {
  return normalizeText(header)
    .replace(/[*＊]/g, '')
    .replace(/\((元|万元|分|yuan|wan|fen)\)$/i, '')
    .replace(/[\s_]+/g, '')
    .toLowerCase();
}

function aliasIndex(kind: SheetKind): ReadonlyMap<string, string> {
  return new Map(
    FIELD_SPECS[kind].flatMap((field) =>
      field.aliases.map((alias) => [normalizeHeader(alias), field.field] as const),
    ),
  );
}

const ALIAS_INDEX: Readonly<Record<SheetKind, ReadonlyMap<string, string>>> = {
  service: aliasIndex('service'),
  activity: aliasIndex('activity'),
  rating: aliasIndex('rating'),
  financing: aliasIndex('financing'),
  training: aliasIndex('training'),
};

/** Which field of `kind` a header names, or null. */
export function fieldOfHeader(kind: SheetKind, header: string): string | null {
  return ALIAS_INDEX[kind].get(normalizeHeader(header)) ?? null;
}

/** A recognised column: where it is and what the user called it. */
export interface ColumnBinding {
  readonly field: string;
  /** 0-based cell index. */
  readonly index: number;
  readonly header: string;
}

export interface HeaderMapping {
  readonly kind: SheetKind;
  /** 1-based row number of the header row. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, ColumnBinding>;
  /** Required fields with no column. */
  readonly missing: readonly FieldSpec[];
  /** Columns naming a field already bound (the first one wins). */
  readonly duplicates: readonly ColumnBinding[];
}

export function mapHeaders(kind: SheetKind, header: RawRow): HeaderMapping {
  const columns = new Map<string, ColumnBinding>();
  const duplicates: ColumnBinding[] = [];
  header.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    const field = fieldOfHeader(kind, text);
    if (field === null) return;
    const binding = { field, index, header: text };
    if (columns.has(field)) duplicates.push(binding);
    else columns.set(field, binding);
  });
  const missing = FIELD_SPECS[kind].filter((f) => f.required && !columns.has(f.field));
  return { kind, headerRow: header.row, columns, missing, duplicates };
}

const NAME_PATTERNS: readonly (readonly [SheetKind, RegExp])[] = [
  ['rating', /满意度|评价|rating/i],
  ['activity', /活动|activit/i],
  ['financing', /融资|金融|贷款|financ/i],
  ['training', /培训|training/i],
  ['service', /服务|service/i],
];

/** The kind a sheet's (or CSV file's) name suggests, if any. */
export function kindOfName(name: string): SheetKind | null {
  return NAME_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

/** How many rows from the top may hold a title before the header row. */
const HEADER_SCAN_ROWS = 10;

export interface SheetRecognition {
  readonly mapping: HeaderMapping;
  /** How the kind was told: every required column present, or the sheet's name. */
  readonly by: 'header' | 'name';
}

/**
 * Finds the header row (the first rows may hold a title such as “2025年服务台账”) and the sheet's
 * kind: the kind whose required columns are all present (the name, then the most recognised
 * columns, break ties); failing that the kind the name suggests, with its missing columns.
 * Null when neither the name nor any row looks like a 台账 sheet.
 */
export function recognizeSheet(sheet: Pick<RawSheet, 'name' | 'rows'>): SheetRecognition | null {
  const byName = kindOfName(sheet.name);
  const candidates = sheet.rows.slice(0, HEADER_SCAN_ROWS);
  let best: { mapping: HeaderMapping; score: number } | null = null;
  for (const row of candidates) {
    for (const kind of SHEET_KINDS) {
      const mapping = mapHeaders(kind, row);
      if (mapping.missing.length > 0) continue;
      const score = mapping.columns.size * 2 + (kind === byName ? 1 : 0);
      if (best === null || score > best.score) best = { mapping, score };
    }
    if (best !== null) return { mapping: best.mapping, by: 'header' };
  }
  if (byName === null) return null;
  // Name known, header incomplete: take the row that names most of this kind's columns.
  let partial: HeaderMapping | null = null;
  for (const row of candidates) {
    const mapping = mapHeaders(byName, row);
    if (partial === null || mapping.columns.size > partial.columns.size) partial = mapping;
  }
  return partial === null || partial.columns.size === 0 ? null : { mapping: partial, by: 'name' };
}

/** The cell under a bound column, or null. */
export function cellOf(cells: readonly Cell[], binding: ColumnBinding | undefined): Cell {
  return binding === undefined ? null : (cells[binding.index] ?? null);
}
