import type { BatchItem, RecordCommandType } from '@ledger/domain';
import {
  FIELD_SPECS,
  cellOf,
  recognizeSheet,
  type ColumnBinding,
  type HeaderMapping,
} from './headers';
import { moneyUnitOfHeader, parseMoneyToFen } from './money';
import { importRecordId } from './record-ids';
import {
  SHEET_KIND_LABELS,
  rowKey,
  type Cell,
  type ConvertedRow,
  type FieldSource,
  type PlannedItem,
  type RawRow,
  type RawSheet,
  type RowError,
  type SheetKind,
} from './types';
import {
  cellText,
  normalizeText,
  parseCount,
  parseDateInYear,
  parseFeeKind,
  parseMode,
  parsePhone,
  parseRating,
  parseRatingSource,
  parseRequiredText,
  parseServiceArea,
  parseUscc,
  parseUsccList,
  type ParsedDate,
  type Parsed,
} from './values';

export interface ConvertContext {
  readonly platformId: string;
  readonly year: number;
  readonly fileSha256: string;
}

export interface SheetSummary {
  readonly name: string;
  /** Null when the sheet was skipped (not a 台账 sheet). */
  readonly kind: SheetKind | null;
  readonly headerRow: number | null;
  /** Data rows read (blank rows and 合计 rows are not counted). */
  readonly rows: number;
}

export interface Conversion {
  /** Every data row, valid or not, in workbook order. */
  readonly rows: readonly ConvertedRow[];
  /** Problems with a file's or sheet's structure (a missing column): nothing can be imported. */
  readonly sheetErrors: readonly RowError[];
  readonly warnings: readonly string[];
  readonly sheets: readonly SheetSummary[];
}

/** Rows whose first cell says they are totals, not records. */
const TOTAL_ROW = /^(合计|总计|小计|total)$/i;

/**
 * Turns a file's sheets into items or row errors. Service sheets are read first so that a
 * 满意度评价 sheet can cite their 编号 wherever it sits in the workbook.
 */
export function convertSheets(sheets: readonly RawSheet[], context: ConvertContext): Conversion {
  const warnings: string[] = [];
  const sheetErrors: RowError[] = [];
  const summaries: SheetSummary[] = [];
  const recognised: { sheet: RawSheet; mapping: HeaderMapping; order: number }[] = [];

  sheets.forEach((sheet, order) => {
    const recognition = recognizeSheet(sheet);
    if (recognition === null) {
      summaries.push({ name: sheet.name, kind: null, headerRow: null, rows: 0 });
      if (sheet.rows.length > 0) {
        warnings.push(
          `sheet "${sheet.name}" skipped: neither its name nor a header row says which 台账 it is`,
        );
      }
      return;
    }
    const { mapping } = recognition;
    for (const missing of mapping.missing) {
      sheetErrors.push({
        sheet: sheet.name,
        row: mapping.headerRow,
        column: missing.label,
        value: '',
        reason: `missing column ${missing.label} in the ${SHEET_KIND_LABELS[mapping.kind]} sheet (also accepted: ${missing.aliases.slice(1).join(', ')})`,
      });
    }
    for (const duplicate of mapping.duplicates) {
      warnings.push(
        `sheet "${sheet.name}": column "${duplicate.header}" ignored, the same field is read from an earlier column`,
      );
    }
    recognised.push({ sheet, mapping, order });
  });

  if (recognised.length === 0 && sheetErrors.length === 0) {
    const kinds = Object.values(SHEET_KIND_LABELS).join(', ');
    sheetErrors.push({
      sheet: sheets[0]?.name ?? '',
      row: 1,
      column: '',
      value: '',
      reason: `no 台账 sheet found (${kinds}): check the header row`,
    });
  }

  const services = new ServiceIndex();
  const converted: { order: number; row: ConvertedRow }[] = [];
  const counts = new Map<string, number>();
  // Services and the other records first, then the ratings that cite services.
  const ordered = [
    ...recognised.filter((r) => r.mapping.kind !== 'rating'),
    ...recognised.filter((r) => r.mapping.kind === 'rating'),
  ];
  for (const { sheet, mapping, order } of ordered) {
    if (mapping.missing.length > 0) continue;
    let count = 0;
    for (const raw of sheet.rows) {
      if (raw.row <= mapping.headerRow || isTotalRow(raw)) continue;
      count++;
      const reader = new RowReader(sheet.name, raw, mapping);
      converted.push({ order, row: convertRow(reader, context, services) });
    }
    counts.set(sheet.name, count);
    if (count === 0) warnings.push(`sheet "${sheet.name}" has a header but no rows`);
  }
  for (const { sheet, mapping } of recognised) {
    summaries.push({
      name: sheet.name,
      kind: mapping.kind,
      headerRow: mapping.headerRow,
      rows: counts.get(sheet.name) ?? 0,
    });
  }
  const sheetOrder = new Map(sheets.map((sheet, index) => [sheet.name, index]));
  summaries.sort((a, b) => (sheetOrder.get(a.name) ?? 0) - (sheetOrder.get(b.name) ?? 0));
  converted.sort((a, b) => a.order - b.order || a.row.row - b.row.row);
  return { rows: converted.map((c) => c.row), sheetErrors, warnings, sheets: summaries };
}

function isTotalRow(raw: RawRow): boolean {
  const first = raw.cells.find((cell) => cellText(cell) !== '');
  return first !== undefined && TOTAL_ROW.test(normalizeText(cellText(first ?? null)));
}

/** Reads one row's cells through its header mapping, collecting every problem. */
class RowReader {
  readonly errors: RowError[] = [];
  private readonly sources = new Map<string, FieldSource>();

  constructor(
    readonly sheet: string,
    readonly raw: RawRow,
    readonly mapping: HeaderMapping,
  ) {}

  get kind(): SheetKind {
    return this.mapping.kind;
  }

  binding(field: string): ColumnBinding | undefined {
    return this.mapping.columns.get(field);
  }

  cell(field: string): Cell {
    return cellOf(this.raw.cells, this.binding(field));
  }

  /** The column is present and the cell is not blank. */
  has(field: string): boolean {
    return cellText(this.cell(field)) !== '';
  }

  /** A required cell: its value, or undefined after recording the error. */
  read<T>(field: string, parse: (cell: Cell) => Parsed<T>): T | undefined {
    const cell = this.cell(field);
    this.sources.set(field, { column: this.columnName(field), value: cellText(cell) });
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.error(field, parsed.reason);
    return undefined;
  }

  /** An optional cell: null when blank (or its column absent). */
  optional<T>(field: string, parse: (cell: Cell) => Parsed<T>): T | null | undefined {
    return this.has(field) ? this.read(field, parse) : null;
  }

  error(field: string, reason: string): void {
    this.errors.push({
      sheet: this.sheet,
      row: this.raw.row,
      column: this.columnName(field),
      value: cellText(this.cell(field)),
      reason,
    });
  }

  rowError(reason: string): void {
    this.errors.push({ sheet: this.sheet, row: this.raw.row, column: '', value: '', reason });
  }

  /** The item's data field → the cell it came from. */
  sourcesFor(fields: Readonly<Record<string, string>>): Record<string, FieldSource> {
    const result: Record<string, FieldSource> = {};
    for (const [dataField, field] of Object.entries(fields)) {
      const source = this.sources.get(field);
      if (source !== undefined) result[dataField] = source;
    }
    return result;
  }

  private columnName(field: string): string {
    return (
      this.binding(field)?.header ??
      FIELD_SPECS[this.kind].find((spec) => spec.field === field)?.label ??
      field
    );
  }
}

interface IndexedService {
  readonly key: string;
  readonly row: number;
  readonly sheet: string;
  /** Null when the service row is invalid. */
  readonly recordId: string | null;
  readonly enterpriseUscc: string | null;
  readonly occurredAt: ParsedDate | null;
  /** The row holding this service's rating (its own row for an inline 满意度). */
  ratedBy: string | null;
}

/** Service rows by their 编号, for 满意度评价 rows to cite. */
class ServiceIndex {
  private readonly byRef = new Map<string, IndexedService>();

  get(ref: string): IndexedService | undefined {
    return this.byRef.get(ref);
  }

  add(ref: string, service: IndexedService): IndexedService | null {
    const existing = this.byRef.get(ref);
    if (existing !== undefined) return existing;
    this.byRef.set(ref, service);
    return null;
  }
}

function refOf(cell: Cell): string {
  return normalizeText(cellText(cell));
}

function convertRow(
  reader: RowReader,
  context: ConvertContext,
  services: ServiceIndex,
): ConvertedRow {
  const id = (kind: RecordCommandType): string =>
    importRecordId({ ...context, sheet: reader.sheet, row: reader.raw.row, kind });
  let items: PlannedItem[] = [];
  let dependsOn: string | null = null;
  switch (reader.kind) {
    case 'service':
      items = serviceItems(reader, context, services, id);
      break;
    case 'rating': {
      const result = ratingItem(reader, context, services, id);
      items = result.items;
      dependsOn = result.dependsOn;
      break;
    }
    case 'activity':
      items = activityItems(reader, context, id);
      break;
    case 'financing':
      items = financingItems(reader, context, id);
      break;
    case 'training':
      items = trainingItems(reader, context, id);
      break;
  }
  const errors = reader.errors;
  return {
    key: rowKey(reader.sheet, reader.raw.row),
    sheet: reader.sheet,
    row: reader.raw.row,
    kind: reader.kind,
    items: errors.length > 0 ? [] : items,
    errors,
    dependsOn,
  };
}

type IdOf = (kind: RecordCommandType) => string;

function planned(item: BatchItem, sources: Record<string, FieldSource>): PlannedItem {
  return { item, sources };
}

function serviceItems(
  reader: RowReader,
  context: ConvertContext,
  services: ServiceIndex,
  id: IdOf,
): PlannedItem[] {
  const year = context.year;
  const ref = reader.has('ref') ? refOf(reader.cell('ref')) : null;
  const enterpriseName = reader.read('enterpriseName', (c) =>
    parseRequiredText(c, 'enterprise name', 200),
  );
  const enterpriseUscc = reader.read('enterpriseUscc', parseUscc);
  const area = reader.read('area', parseServiceArea);
  const mode = reader.read('mode', parseMode);
  const occurredAt = reader.read('occurredAt', (c) => parseDateInYear(c, year));
  const feeKind = reader.read('feeKind', parseFeeKind);
  const description = reader.read('description', (c) => parseRequiredText(c, 'description', 2000));
  const institutionUscc = reader.optional('institutionUscc', parseUscc);
  const contactPhone = reader.optional('contactPhone', parsePhone);

  const wantsRating = reader.has('rating') || reader.has('ratedAt') || reader.has('ratingSource');
  let rated: {
    rating: BatchItemData<'RateService'>['rating'];
    at: ParsedDate | null;
    source: BatchItemData<'RateService'>['source'];
  } | null = null;
  if (wantsRating) {
    const rating = reader.read('rating', parseRating);
    const at = reader.optional('ratedAt', (c) => parseDateInYear(c, year));
    const source = reader.optional('ratingSource', parseRatingSource);
    if (rating !== undefined && at !== undefined && source !== undefined) {
      rated = { rating, at, source: source ?? 'enterprise' };
    }
  }

  const serviceId = id('RecordService');
  const valid =
    enterpriseName !== undefined &&
    enterpriseUscc !== undefined &&
    area !== undefined &&
    mode !== undefined &&
    occurredAt !== undefined &&
    feeKind !== undefined &&
    description !== undefined &&
    institutionUscc !== undefined &&
    contactPhone !== undefined &&
    reader.errors.length === 0;

  let ratedAt: ParsedDate | null = null;
  if (rated !== null && occurredAt !== undefined) {
    ratedAt = ratingInstant(reader, 'ratedAt', rated.at ?? occurredAt, occurredAt);
  }

  if (ref !== null) {
    const existing = services.add(ref, {
      key: rowKey(reader.sheet, reader.raw.row),
      row: reader.raw.row,
      sheet: reader.sheet,
      recordId: valid ? serviceId : null,
      enterpriseUscc: enterpriseUscc ?? null,
      occurredAt: occurredAt ?? null,
      ratedBy: wantsRating ? rowKey(reader.sheet, reader.raw.row) : null,
    });
    if (existing !== null) {
      reader.error(
        'ref',
        `编号 ${ref} is already used by row ${String(existing.row)} of ${existing.sheet}`,
      );
    }
  }
  if (!valid || reader.errors.length > 0) return [];

  const items: PlannedItem[] = [
    planned(
      {
        type: 'RecordService',
        data: {
          recordId: serviceId,
          occurredAt: occurredAt.iso,
          enterpriseUscc,
          enterpriseName,
          area,
          mode,
          feeKind,
          description,
          institutionUscc,
          contactPhone,
        },
      },
      reader.sourcesFor({
        occurredAt: 'occurredAt',
        enterpriseUscc: 'enterpriseUscc',
        enterpriseName: 'enterpriseName',
        area: 'area',
        mode: 'mode',
        feeKind: 'feeKind',
        description: 'description',
        institutionUscc: 'institutionUscc',
        contactPhone: 'contactPhone',
      }),
    ),
  ];
  if (rated !== null && ratedAt !== null) {
    items.push(
      planned(
        {
          type: 'RateService',
          data: {
            recordId: id('RateService'),
            occurredAt: ratedAt.iso,
            serviceId,
            enterpriseUscc,
            rating: rated.rating,
            source: rated.source,
          },
        },
        reader.sourcesFor({
          occurredAt: rated.at === null ? 'occurredAt' : 'ratedAt',
          serviceId: 'ref',
          enterpriseUscc: 'enterpriseUscc',
          rating: 'rating',
          source: 'ratingSource',
        }),
      ),
    );
  }
  return items;
}

type BatchItemData<T extends BatchItem['type']> = Extract<BatchItem, { type: T }>['data'];

/**
 * D-RATING-REF: a rating cannot precede its service. A rating dated by day alone on the
 * service's own day is taken to follow it (it is stamped with the service's time).
 */
function ratingInstant(
  reader: RowReader,
  field: string,
  rating: ParsedDate,
  service: ParsedDate,
): ParsedDate | null {
  if (rating.ms >= service.ms) return rating;
  if (rating.dateOnly && rating.iso.slice(0, 10) === service.iso.slice(0, 10)) return service;
  reader.error(field, `rating dated before the service it rates (${service.iso.slice(0, 10)})`);
  return null;
}

function ratingItem(
  reader: RowReader,
  context: ConvertContext,
  services: ServiceIndex,
  id: IdOf,
): { items: PlannedItem[]; dependsOn: string | null } {
  const ref = refOf(reader.cell('serviceRef'));
  reader.read('serviceRef', (cell) =>
    refOf(cell) === ''
      ? { ok: false, reason: 'missing 服务编号' }
      : { ok: true, value: refOf(cell) },
  );
  const rating = reader.read('rating', parseRating);
  const occurredAt = reader.read('occurredAt', (c) => parseDateInYear(c, context.year));
  const source = reader.optional('source', parseRatingSource);
  const uscc = reader.optional('enterpriseUscc', parseUscc);
  if (ref === '') return { items: [], dependsOn: null };

  const service = services.get(ref);
  if (service === undefined) {
    reader.error('serviceRef', `no service row has 编号 ${ref}`);
    return { items: [], dependsOn: null };
  }
  const self = rowKey(reader.sheet, reader.raw.row);
  if (service.recordId === null || service.occurredAt === null || service.enterpriseUscc === null) {
    reader.error(
      'serviceRef',
      `the service it rates (row ${String(service.row)} of ${service.sheet}) is invalid`,
    );
    return { items: [], dependsOn: service.key };
  }
  if (service.ratedBy !== null && service.ratedBy !== self) {
    reader.error(
      'serviceRef',
      service.ratedBy === service.key
        ? `service ${ref} is already rated in its own row (row ${String(service.row)} of ${service.sheet})`
        : `service ${ref} is already rated (${service.ratedBy}): one rating per service (S4-3)`,
    );
    return { items: [], dependsOn: service.key };
  }
  service.ratedBy = self;
  if (uscc !== undefined && uscc !== null && uscc !== service.enterpriseUscc) {
    reader.error(
      'enterpriseUscc',
      `service ${ref} was delivered to ${service.enterpriseUscc}, not to this enterprise`,
    );
  }
  const at =
    occurredAt === undefined
      ? null
      : ratingInstant(reader, 'occurredAt', occurredAt, service.occurredAt);
  if (rating === undefined || at === null || source === undefined || reader.errors.length > 0) {
    return { items: [], dependsOn: service.key };
  }
  return {
    dependsOn: service.key,
    items: [
      planned(
        {
          type: 'RateService',
          data: {
            recordId: id('RateService'),
            occurredAt: at.iso,
            serviceId: service.recordId,
            enterpriseUscc: service.enterpriseUscc,
            rating,
            source: source ?? 'enterprise',
          },
        },
        reader.sourcesFor({
          occurredAt: 'occurredAt',
          serviceId: 'serviceRef',
          enterpriseUscc: 'enterpriseUscc',
          rating: 'rating',
          source: 'source',
        }),
      ),
    ],
  };
}

function activityItems(reader: RowReader, context: ConvertContext, id: IdOf): PlannedItem[] {
  const title = reader.read('title', (c) => parseRequiredText(c, 'title', 300));
  const area = reader.read('area', parseServiceArea);
  const occurredAt = reader.read('occurredAt', (c) => parseDateInYear(c, context.year));
  const mode = reader.read('mode', parseMode);
  const attendeeUsccs = reader.read('attendeeUsccs', parseUsccList);
  const personTimes = reader.read('personTimes', parseCount);
  if (
    title === undefined ||
    area === undefined ||
    occurredAt === undefined ||
    mode === undefined ||
    attendeeUsccs === undefined ||
    personTimes === undefined
  ) {
    return [];
  }
  return [
    planned(
      {
        type: 'RecordServiceActivity',
        data: {
          recordId: id('RecordServiceActivity'),
          occurredAt: occurredAt.iso,
          area,
          title,
          mode,
          attendeeUsccs,
          personTimes,
        },
      },
      reader.sourcesFor({
        occurredAt: 'occurredAt',
        area: 'area',
        title: 'title',
        mode: 'mode',
        attendeeUsccs: 'attendeeUsccs',
        personTimes: 'personTimes',
      }),
    ),
  ];
}

function financingItems(reader: RowReader, context: ConvertContext, id: IdOf): PlannedItem[] {
  reader.optional('enterpriseName', (c) => parseRequiredText(c, 'enterprise name', 200));
  const enterpriseUscc = reader.read('enterpriseUscc', parseUscc);
  const lender = reader.read('lender', (c) => parseRequiredText(c, 'lender', 200));
  const product = reader.read('product', (c) => parseRequiredText(c, 'product', 200));
  const contractNumber = reader.read('contractNumber', (c) =>
    parseRequiredText(c, 'contract number', 100),
  );
  const unit = moneyUnitOfHeader(reader.binding('amount')?.header ?? '');
  const amountFen = reader.read('amount', (c) => parseMoneyToFen(c, unit));
  const occurredAt = reader.read('occurredAt', (c) => parseDateInYear(c, context.year));
  if (
    enterpriseUscc === undefined ||
    lender === undefined ||
    product === undefined ||
    contractNumber === undefined ||
    amountFen === undefined ||
    occurredAt === undefined
  ) {
    return [];
  }
  return [
    planned(
      {
        type: 'RecordFinancingDeal',
        data: {
          recordId: id('RecordFinancingDeal'),
          occurredAt: occurredAt.iso,
          enterpriseUscc,
          lender,
          product,
          contractNumber,
          amountFen,
        },
      },
      reader.sourcesFor({
        occurredAt: 'occurredAt',
        enterpriseUscc: 'enterpriseUscc',
        lender: 'lender',
        product: 'product',
        contractNumber: 'contractNumber',
        amountFen: 'amount',
      }),
    ),
  ];
}

function trainingItems(reader: RowReader, context: ConvertContext, id: IdOf): PlannedItem[] {
  const title = reader.read('title', (c) => parseRequiredText(c, 'title', 300));
  const area = reader.optional('area', parseServiceArea);
  const occurredAt = reader.read('occurredAt', (c) => parseDateInYear(c, context.year));
  const mode = reader.read('mode', parseMode);
  const sessions = reader.optional('sessions', parseCount);
  const personTimes = reader.read('personTimes', parseCount);
  if (
    title === undefined ||
    area === undefined ||
    occurredAt === undefined ||
    mode === undefined ||
    sessions === undefined ||
    personTimes === undefined
  ) {
    return [];
  }
  return [
    planned(
      {
        type: 'RecordTraining',
        data: {
          recordId: id('RecordTraining'),
          occurredAt: occurredAt.iso,
          area: area ?? 'training',
          title,
          mode,
          sessions: sessions ?? 1,
          personTimes,
        },
      },
      reader.sourcesFor({
        occurredAt: 'occurredAt',
        area: 'area',
        title: 'title',
        mode: 'mode',
        sessions: 'sessions',
        personTimes: 'personTimes',
      }),
    ),
  ];
}
