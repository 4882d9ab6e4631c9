/** Normalising, hashing and date text for the fraud rules; pure string and number work. */

const WHITESPACE = /\s+/g;
const CONTRACT_SEPARATORS = /[\s\-_/.]+/g;
const NOT_DIGIT = /\D+/g;

/**
 * F-1 / F-3: full-width and half-width forms are one name (NFKC: （） and () compare equal) and
 * whitespace carries no meaning in Chinese names, so none is kept.
 */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(WHITESPACE, '');
}

/** F-3: a contract number written with or without separators is one contract. */
export function normaliseContractNumber(text: string): string {
  return text.normalize('NFKC').replace(CONTRACT_SEPARATORS, '').toUpperCase();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What a 台账 writes where it has no contract number (compared after normalising). */
const NO_CONTRACT_NUMBER = new Set([
  '无',
  '暂无',
  '没有',
  '空',
  '未知',
  '待定',
  '不详',
  'NA',
  'NONE',
  'NULL',
  'NIL',
  'TBD',
  '0',
]);

/**
 * F-3 compares only a number that names a contract: a placeholder (`-`, `/`, `无`, `N/A`, …) or
 * a number without a letter or digit names none, so two deals giving one are not one contract.
 */
export function namesAContract(contractNumber: string): boolean {
  const normalised = normaliseContractNumber(contractNumber);
  return LETTER_OR_DIGIT.test(normalised) && !NO_CONTRACT_NUMBER.has(normalised);
}

/**
 * F-4: the digits of a phone number in its domestic form, so that `023-6786 1234`,
 * `+86 23 6786 1234` and `0086 023 67861234` are one phone: a +86 / 0086 country code is dropped
 * and a landline's trunk 0 restored. '' when it holds no digit.
 */
export function normalisePhone(text: string): string {
  const digits = text.replace(NOT_DIGIT, '');
  let national: string;
  if (digits.startsWith('0086')) national = digits.slice(4);
  else if (digits.startsWith('86') && digits.length >= 12) national = digits.slice(2);
  else return digits;
  return national.startsWith('0') || national.startsWith('1') ? national : `0${national}`;
}

/**
 * FNV-1a, 64 bits, as 16 hex digits: a stable subject for keys and signal ids over free text.
 * Computed in two 32-bit halves with Math.imul (BigInt costs several times more per character).
 */
export function hash64(text: string): string {
  // Offset basis 0xcbf29ce484222325 and prime 0x100000001b3, split into 16-bit limbs.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let index = 0; index < text.length; index += 1) {
    h0 ^= text.charCodeAt(index);
    // (h3 h2 h1 h0) × (0x0100 0x0000 0x01b3): 16-bit limbs, carries propagated upwards.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3;
    const t2 = h2 * 0x1b3 + h0 * 0x100;
    const t3 = h3 * 0x1b3 + h1 * 0x100;
    h0 = t0 & 0xffff;
    const c1 = t1 + (t0 >>> 16);
    h1 = c1 & 0xffff;
    const c2 = t2 + Math.floor(c1 / 0x10000);
    h2 = c2 & 0xffff;
    h3 = (t3 + Math.floor(c2 / 0x10000)) & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/** Signal ids keep to [A-Za-z0-9._-]; anything else in a subject becomes '_'. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing (UTC+8) day of an instant, as a day number since 1970-01-01. */
export function beijingDayNumber(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** `YYYY-MM-DD` of a Beijing day number. */
export function dayText(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of the Beijing day an instant falls on. */
export function beijingDate(ms: number): string {
  return dayText(beijingDayNumber(ms));
}

/** 分 as 元 with two decimals, grouped (40,000,000,000 分 → "400,000,000.00"). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A share as a percentage with at most one decimal (0.5 → "50", 0.123 → "12.3"). */
export function percentText(share: number): string {
  return String(Math.round(share * 1000) / 10);
}
