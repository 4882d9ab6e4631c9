import { parseInstant } from '@ledger/domain';
import {
  cellText,
  parseCount,
  parseDateCell,
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
  type Parsed,
} from './values';

const VALID = '91350100M000100Y43';
const VALID2 = '91110000600037341L';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.reason}`);
  return parsed.value;
}

function reason<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.value)}`);
  return parsed.reason;
}

describe('dates: normalised to ISO with +08:00', () => {
  it.each([
    ['2025-03-08', '2025-03-08T00:00:00+08:00'],
    ['2025/3/8', '2025-03-08T00:00:00+08:00'],
    ['2025.3.8', '2025-03-08T00:00:00+08:00'],
    ['2025年3月8日', '2025-03-08T00:00:00+08:00'],
    ['20250308', '2025-03-08T00:00:00+08:00'],
    ['2025/3/8 14:30', '2025-03-08T14:30:00+08:00'],
    ['2025-03-08 09:05:07', '2025-03-08T09:05:07+08:00'],
    ['2025-03-08T14:30:00+08:00', '2025-03-08T14:30:00+08:00'],
    ['2025-03-08T06:30:00Z', '2025-03-08T14:30:00+08:00'],
    ['２０２５／３／８', '2025-03-08T00:00:00+08:00'],
  ])('%s → %s', (text, iso) => {
    const parsed = value(parseDateCell(text));
    expect(parsed.iso).toBe(iso);
    expect(parseInstant(parsed.iso)).toBe(parsed.ms);
  });

  it('reads Excel date cells (UTC wall clock) and serial numbers as Beijing time', () => {
    expect(value(parseDateCell(new Date(Date.UTC(2025, 2, 8)))).iso).toBe(
      '2025-03-08T00:00:00+08:00',
    );
    expect(value(parseDateCell(new Date(Date.UTC(2025, 2, 8, 14, 30)))).iso).toBe(
      '2025-03-08T14:30:00+08:00',
    );
    expect(value(parseDateCell(45724)).iso).toBe('2025-03-08T00:00:00+08:00');
    expect(value(parseDateCell(45724.5)).iso).toBe('2025-03-08T12:00:00+08:00');
    expect(value(parseDateCell(20250308)).iso).toBe('2025-03-08T00:00:00+08:00');
  });

  it('says whether only a day was given', () => {
    expect(value(parseDateCell('2025-03-08')).dateOnly).toBe(true);
    expect(value(parseDateCell('2025-03-08 00:00')).dateOnly).toBe(false);
    expect(value(parseDateCell('2025-03-08 10:00')).dateOnly).toBe(false);
  });

  it.each([
    ['2025/2/30', /has no day 30/],
    ['2025/13/1', /no month 13/],
    ['2025-03-08 25:00', /time of day/],
    ['March 8', /not a date/],
    ['', /missing date/],
  ])('refuses %s', (text, why) => {
    expect(reason(parseDateCell(text))).toMatch(why);
  });

  it('refuses empty cells, booleans and dates outside the imported year (Beijing time)', () => {
    expect(reason(parseDateCell(null))).toBe('missing date');
    expect(reason(parseDateCell(true))).toMatch(/not a date/);
    expect(reason(parseDateInYear('2024-12-31', 2025))).toMatch(/falls in 2024/);
    // 2024-12-31T16:30Z is 2025-01-01 00:30 in Beijing: inside 2025.
    expect(value(parseDateInYear('2024-12-31T16:30:00Z', 2025)).iso).toBe(
      '2025-01-01T00:30:00+08:00',
    );
    expect(reason(parseDateInYear('2025-12-31T16:30:00Z', 2025))).toMatch(/falls in 2026/);
  });
});

describe('counts', () => {
  it('accepts whole non-negative numbers, as cells or text', () => {
    expect(value(parseCount(12))).toBe(12);
    expect(value(parseCount('12'))).toBe(12);
    expect(value(parseCount('1,200'))).toBe(1200);
    expect(value(parseCount('０'))).toBe(0);
  });

  it.each([[-1], [1.5], ['1.5'], ['abc'], [null], ['']])('refuses %p', (cell) => {
    expect(parseCount(cell).ok).toBe(false);
  });
});

describe('USCCs', () => {
  it('checks with the domain validator, tolerating lower case, spaces and full width', () => {
    expect(value(parseUscc(VALID))).toBe(VALID);
    expect(value(parseUscc(' 91350100m000100y43 '))).toBe(VALID);
    expect(value(parseUscc('９１３５０１００Ｍ０００１００Ｙ４３'))).toBe(VALID);
  });

  it.each([
    ['91350100M000100Y44', /check character/],
    ['91350100M000100Y4', /18 characters/],
    ['91350100M000100YO3', /may only use/],
    ['91AB0100M000100Y43', /area code/],
    ['', /missing USCC/],
  ])('refuses %s', (text, why) => {
    expect(reason(parseUscc(text))).toMatch(why);
  });

  it('splits attendee lists on ；, ;, newlines (and commas), refusing bad or repeated entries', () => {
    expect(value(parseUsccList(`${VALID}；${VALID2}`))).toEqual([VALID, VALID2]);
    expect(value(parseUsccList(`${VALID};\n${VALID2}`))).toEqual([VALID, VALID2]);
    expect(value(parseUsccList(`${VALID}\r\n${VALID2}`))).toEqual([VALID, VALID2]);
    expect(value(parseUsccList(null))).toEqual([]);
    expect(reason(parseUsccList(`${VALID}；91350100M000100Y44`))).toMatch(
      /entry 2 .*check character/,
    );
    expect(reason(parseUsccList(`${VALID}；${VALID}`))).toMatch(/listed twice/);
  });
});

describe('texts and phones', () => {
  it('collapses whitespace and enforces the API maximum', () => {
    expect(value(parseRequiredText('  上门  服务\n指导 '))).toBe('上门 服务 指导');
    expect(reason(parseRequiredText('', 'title'))).toBe('missing title');
    expect(reason(parseRequiredText('x'.repeat(201), 'name', 200))).toMatch(/longer than 200/);
  });

  it('accepts phone numbers with 7 to 15 digits', () => {
    expect(value(parsePhone('023-63801234'))).toBe('023-63801234');
    expect(value(parsePhone(13808301122))).toBe('13808301122');
    expect(value(parsePhone('+86 138 0830 1122'))).toBe('+86 138 0830 1122');
    expect(parsePhone('12345').ok).toBe(false);
    expect(parsePhone('call me').ok).toBe(false);
    expect(parsePhone(`1 2 3 4 5 6 7 8 9 0${' '.repeat(30)}1`).ok).toBe(false);
  });

  it('prints cells as the user reads them', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(' a ')).toBe('a');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(false)).toBe('FALSE');
  });
});

describe('labels: Chinese as in the 台账, or the API codes', () => {
  it('maps service areas by label or code', () => {
    expect(value(parseServiceArea('融资促进'))).toBe('financing');
    expect(value(parseServiceArea('企业码上服务推广'))).toBe('cq_code_service');
    expect(value(parseServiceArea('培训服务'))).toBe('training');
    expect(value(parseServiceArea('digital'))).toBe('digital');
    expect(value(parseServiceArea('Digital'))).toBe('digital');
    expect(reason(parseServiceArea('综合服务'))).toMatch(/unknown service area "综合服务"/);
  });

  it('maps modes, fee kinds, ratings and rating sources', () => {
    expect(value(parseMode('线上'))).toBe('online');
    expect(value(parseMode('线下'))).toBe('offline');
    expect(reason(parseMode('混合'))).toMatch(/unknown mode/);
    expect(value(parseFeeKind('免费'))).toBe('free');
    expect(value(parseFeeKind('低收费'))).toBe('low_fee');
    expect(value(parseFeeKind('收费'))).toBe('paid');
    expect(reason(parseFeeKind('面议'))).toMatch(/unknown fee kind/);
    expect(value(parseRating('很满意'))).toBe('very_satisfied');
    expect(value(parseRating('满意'))).toBe('satisfied');
    expect(value(parseRating('不满意'))).toBe('dissatisfied');
    expect(reason(parseRating('一般'))).toMatch(/很满意 \/ 满意 \/ 不满意/);
    expect(value(parseRatingSource('企业'))).toBe('enterprise');
    expect(value(parseRatingSource('平台'))).toBe('platform');
    expect(reason(parseRatingSource(null))).toBe('missing rating source');
  });
});
