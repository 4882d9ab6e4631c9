import {
  RATING_LABELS,
  SERVICE_AREA_LABELS,
  beijingYearOf,
  describeUsccProblem,
  parseInstant,
  usccProblem,
  type ActivityMode,
  type FeeKind,
  type Rating,
  type RatingSource,
  type ServiceArea,
} from '@ledger/domain';
import type { Cell } from './types';

/** Cell parsers: each answers a value or the reason the cell is refused (never throws). */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

const BEIJING_OFFSET_MS = 8 * 3600_000;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (1899-12-30, which absorbs the 1900 leap-year bug) as a Unix day number. */
const EXCEL_EPOCH_UNIX_DAYS = 25_569;

/** The cell as the user would read it: trimmed text, numbers without float noise where possible. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
}

/** Full-width digits, letters and punctuation (１２，３) to their ASCII forms, then trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}

export function isBlank(cell: Cell): boolean {
  return cellText(cell) === '';
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface ParsedDate {
  /** ISO 8601 with the Beijing offset, e.g. `2025-03-08T00:00:00+08:00`. */
  readonly iso: string;
  readonly ms: number;
  /** True when the cell held a day without a time of day. */
  readonly dateOnly: boolean;
}

const YMD =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T)(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DATE_HINT = 'use 2025-03-08, 2025/3/8, 2025年3月8日, an ISO timestamp or an Excel date cell';

/**
 * Reads a date: ISO dates and timestamps, `2025/3/8`, `2025-03-08 14:30`, `2025年3月8日`,
 * `20250308`, Excel date cells and Excel serial numbers. A wall-clock time without a zone is
 * Beijing time (spreadsheets have no zone; exceljs hands date cells over as UTC wall clocks).
 */
export function parseDateCell(cell: Cell): Parsed<ParsedDate> {
  if (cell === null) return fail('missing date');
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? fail('not a date') : ok(fromWallClock(cell.getTime()));
  }
  if (typeof cell === 'number') return parseDateNumber(cell);
  if (typeof cell === 'boolean') return fail(`not a date: ${DATE_HINT}`);
  const text = normalizeText(cell);
  if (text === '') return fail('missing date');
  if (ISO_WITH_ZONE.test(text)) {
    const ms = parseInstant(text);
    return ms === null ? fail(`not a valid timestamp: ${DATE_HINT}`) : ok(fromInstant(ms));
  }
  const ymd = YMD.exec(text);
  if (ymd) {
    const [, y, m, d, hh, mi, ss] = ymd;
    return wallClock(
      Number(y),
      Number(m),
      Number(d),
      Number(hh ?? 0),
      Number(mi ?? 0),
      Number(ss ?? 0),
      hh === undefined,
    );
  }
  const compact = YYYYMMDD.exec(text);
  if (compact) {
    const [, y, m, d] = compact;
    return wallClock(Number(y), Number(m), Number(d), 0, 0, 0, true);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return parseDateNumber(Number(text));
  return fail(`not a date: ${DATE_HINT}`);
}

function parseDateNumber(value: number): Parsed<ParsedDate> {
  if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
    const text = String(value);
    return wallClock(
      Number(text.slice(0, 4)),
      Number(text.slice(4, 6)),
      Number(text.slice(6, 8)),
      0,
      0,
      0,
      true,
    );
  }
  // Excel serial day numbers: 1 = 1900-01-01 … 73050 = 2099-12-31.
  if (Number.isFinite(value) && value >= 1 && value < 73_051) {
    return ok(fromWallClock(Math.round((value - EXCEL_EPOCH_UNIX_DAYS) * MS_PER_DAY)));
  }
  return fail(`not a date: ${DATE_HINT}`);
}

function wallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  dateOnly: boolean,
): Parsed<ParsedDate> {
  if (month < 1 || month > 12) return fail(`no month ${String(month)}`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return fail(`${String(year)}-${String(month)} has no day ${String(day)}`);
  }
  if (hour > 23 || minute > 59 || second > 59) return fail('not a valid time of day');
  const utcWall = Date.UTC(year, month - 1, day, hour, minute, second);
  return ok({ ...fromWallClock(utcWall), dateOnly });
}

/** `utcWall` holds a Beijing wall-clock reading in UTC fields (as exceljs delivers dates). */
function fromWallClock(utcWall: number): ParsedDate {
  return fromInstant(utcWall - BEIJING_OFFSET_MS);
}

function fromInstant(ms: number): ParsedDate {
  const wall = new Date(ms + BEIJING_OFFSET_MS);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const millis = wall.getUTCMilliseconds();
  const iso =
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}` +
    (millis === 0 ? '' : `.${pad(millis, 3)}`) +
    '+08:00';
  const dateOnly =
    wall.getUTCHours() === 0 &&
    wall.getUTCMinutes() === 0 &&
    wall.getUTCSeconds() === 0 &&
    millis === 0;
  return { iso, ms, dateOnly };
}

/** D-PERIOD, checked before sending: a reported record happens inside its year (Beijing time). */
export function parseDateInYear(cell: Cell, year: number): Parsed<ParsedDate> {
  const parsed = parseDateCell(cell);
  if (!parsed.ok) return parsed;
  // The domain's own parser must accept what is sent.
  if (parseInstant(parsed.value.iso) !== parsed.value.ms) return fail('not a valid date');
  const actual = beijingYearOf(parsed.value.ms);
  return actual === year
    ? parsed
    : fail(`date falls in ${String(actual)}, outside the imported year ${String(year)}`);
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A non-negative whole number (counts, person-times, sessions). */
export function parseCount(cell: Cell): Parsed<number> {
  if (cell === null) return fail('missing number');
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) && cell >= 0
      ? ok(cell)
      : fail('must be a whole number, 0 or more');
  }
  if (typeof cell !== 'string') return fail('must be a whole number, 0 or more');
  const text = normalizeText(cell).replace(
    /^(\d{1,3})((,\d{3})+)$/,
    (_m, head: string, rest: string) => head + rest.replaceAll(',', ''),
  );
  if (text === '') return fail('missing number');
  if (!/^\d+$/.test(text)) return fail('must be a whole number, 0 or more');
  const value = Number(text);
  return Number.isSafeInteger(value) ? ok(value) : fail('number too large');
}

// ---------------------------------------------------------------------------------------------
// Identities and texts

/** 统一社会信用代码 with the domain's check (GB 32100-2015); full-width and lower case tolerated. */
export function parseUscc(cell: Cell): Parsed<string> {
  const text = normalizeText(cellText(cell)).replace(/\s+/g, '').toUpperCase();
  if (text === '') return fail('missing USCC');
  const problem = usccProblem(text);
  return problem === null ? ok(text) : fail(describeUsccProblem(problem));
}

/** USCCs separated by ；, ;, a newline (or , ， 、); each checked, repeats refused. */
export function parseUsccList(cell: Cell): Parsed<string[]> {
  const parts = cellText(cell)
    .split(/[;；\n\r,，、]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const seen = new Set<string>();
  const result: string[] = [];
  for (const [index, part] of parts.entries()) {
    const uscc = parseUscc(part);
    if (!uscc.ok) return fail(`entry ${String(index + 1)} (${part}): ${uscc.reason}`);
    if (seen.has(uscc.value)) return fail(`${uscc.value} is listed twice`);
    seen.add(uscc.value);
    result.push(uscc.value);
  }
  return ok(result);
}

/** Non-blank text, whitespace runs collapsed; `max` as the API's field allows. */
export function parseRequiredText(cell: Cell, what = 'value', max = 500): Parsed<string> {
  const text = cellText(cell).replace(/\s+/g, ' ');
  if (text === '') return fail(`missing ${what}`);
  if (text.length > max) return fail(`longer than ${String(max)} characters`);
  return ok(text);
}

/** Phone numbers: digits with optional +, -, spaces, parentheses; 7 to 15 digits, ≤ 40 characters. */
export function parsePhone(cell: Cell): Parsed<string> {
  const text = normalizeText(cellText(cell));
  const digits = text.replace(/\D/g, '');
  if (
    !/^\+?[\d\s()-]+$/.test(text) ||
    digits.length < 7 ||
    digits.length > 15 ||
    text.length > 40
  ) {
    return fail('not a phone number (7 to 15 digits)');
  }
  return ok(text);
}

// ---------------------------------------------------------------------------------------------
// Labels (Chinese as in the 台账, or the API's English codes)

function lookup<T extends string>(
  table: ReadonlyMap<string, T>,
  cell: Cell,
  what: string,
  accepted: readonly string[],
): Parsed<T> {
  const text = normalizeText(cellText(cell));
  if (text === '') return fail(`missing ${what}`);
  const found = table.get(text) ?? table.get(text.toLowerCase());
  return found === undefined
    ? fail(`unknown ${what} "${text}" (use ${accepted.join(' / ')})`)
    : ok(found);
}

const AREA_TABLE = new Map<string, ServiceArea>();
for (const [code, label] of Object.entries(SERVICE_AREA_LABELS) as [ServiceArea, string][]) {
  AREA_TABLE.set(code, code);
  AREA_TABLE.set(code.toLowerCase(), code);
  AREA_TABLE.set(label, code);
}
const S1_3_LABELS = Object.values(SERVICE_AREA_LABELS).slice(0, 8);

/** 服务领域: a label from service-areas.ts (企业码上服务推广 … 培训服务) or its code. */
export function parseServiceArea(cell: Cell): Parsed<ServiceArea> {
  return lookup(AREA_TABLE, cell, 'service area', [...S1_3_LABELS, '…']);
}

const MODE_TABLE = new Map<string, ActivityMode>([
  ['线上', 'online'],
  ['online', 'online'],
  ['线下', 'offline'],
  ['offline', 'offline'],
]);
export function parseMode(cell: Cell): Parsed<ActivityMode> {
  return lookup(MODE_TABLE, cell, 'mode', ['线上', '线下']);
}

const FEE_TABLE = new Map<string, FeeKind>([
  ['免费', 'free'],
  ['公益', 'free'],
  ['free', 'free'],
  ['低收费', 'low_fee'],
  ['low_fee', 'low_fee'],
  ['收费', 'paid'],
  ['有偿', 'paid'],
  ['paid', 'paid'],
]);
export function parseFeeKind(cell: Cell): Parsed<FeeKind> {
  return lookup(FEE_TABLE, cell, 'fee kind', ['免费', '低收费', '收费']);
}

const RATING_TABLE = new Map<string, Rating>();
for (const [code, label] of Object.entries(RATING_LABELS) as [Rating, string][]) {
  RATING_TABLE.set(code, code);
  RATING_TABLE.set(label, code);
}
RATING_TABLE.set('非常满意', 'very_satisfied');
export function parseRating(cell: Cell): Parsed<Rating> {
  return lookup(RATING_TABLE, cell, 'rating', Object.values(RATING_LABELS));
}

const SOURCE_TABLE = new Map<string, RatingSource>([
  ['企业', 'enterprise'],
  ['企业评价', 'enterprise'],
  ['enterprise', 'enterprise'],
  ['平台', 'platform'],
  ['平台回访', 'platform'],
  ['platform', 'platform'],
]);
export function parseRatingSource(cell: Cell): Parsed<RatingSource> {
  return lookup(SOURCE_TABLE, cell, 'rating source', ['企业', '平台']);
}
