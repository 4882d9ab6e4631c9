import { fail, normalizeText, ok, type Parsed } from './values';
import type { Cell } from './types';

/**
 * Money columns: 金额（元） by default, 金额（万元） or amountFen when the header says so. Amounts
 * become integer 分 by exact decimal arithmetic on the digits (RULES.md: never floats).
 */
export type MoneyUnit = 'yuan' | 'wan' | 'fen';

/** 分 per unit, and so the decimals a unit may carry: 元 2, 万元 6, 分 0. */
const FEN_PER_UNIT: Readonly<Record<MoneyUnit, bigint>> = { yuan: 100n, wan: 1_000_000n, fen: 1n };
const DECIMALS: Readonly<Record<MoneyUnit, number>> = { yuan: 2, wan: 6, fen: 0 };
const UNIT_SUFFIX: Readonly<Record<MoneyUnit, RegExp>> = {
  yuan: /元$/,
  wan: /万元?$/,
  fen: /分$/,
};
const UNIT_NAME: Readonly<Record<MoneyUnit, string>> = { yuan: '元', wan: '万元', fen: '分' };

/**
 * `12.34` 元 → 1234 分. Accepts thousands separators (`1,234.50`), a leading ¥, the unit after
 * the number, full-width digits. Refuses negatives, exponents and more decimals than the unit
 * allows (`12.345` 元); trailing zeros (`12.340`) are exact and accepted. A numeric XLSX cell
 * is read through its shortest round-trip decimal text (`String(12.34)` is `12.34`), so a
 * float that is not what the user typed (0.1 + 0.2) is refused rather than rounded.
 */
export function parseMoneyToFen(cell: Cell, unit: MoneyUnit = 'yuan'): Parsed<number> {
  if (cell === null) return fail('missing amount');
  if (typeof cell === 'boolean' || cell instanceof Date) return fail('not an amount');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return fail('not an amount');
    if (Math.abs(cell) >= 1e21) return fail('amount too large');
  }
  let text = normalizeText(typeof cell === 'number' ? String(cell) : cell).replace(/\s+/g, '');
  if (text === '') return fail('missing amount');
  text = text.replace(/^[¥￥]/, '').replace(UNIT_SUFFIX[unit], '');
  if (/^-/.test(text)) return fail('must not be negative');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replaceAll(',', '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return fail(`not a decimal amount in ${UNIT_NAME[unit]}`);
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const decimals = DECIMALS[unit];
  if (fraction.length > decimals) {
    return fail(
      decimals === 0
        ? `must be a whole number of ${UNIT_NAME[unit]}`
        : `more than ${String(decimals)} decimals for an amount in ${UNIT_NAME[unit]}`,
    );
  }
  const fen = BigInt(whole) * FEN_PER_UNIT[unit] + BigInt(fraction.padEnd(decimals, '0') || '0');
  return fen > BigInt(Number.MAX_SAFE_INTEGER) ? fail('amount too large') : ok(Number(fen));
}

/** The unit a money column's header names: `金额（万元）` → wan, `amountFen` → fen, else 元. */
export function moneyUnitOfHeader(header: string): MoneyUnit {
  const text = normalizeText(header).toLowerCase();
  if (/fen$|\(分\)$|（分）$/.test(text)) return 'fen';
  if (/万元|wan/.test(text)) return 'wan';
  return 'yuan';
}
