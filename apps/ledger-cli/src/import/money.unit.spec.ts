import { moneyUnitOfHeader, parseMoneyToFen } from './money';

describe('money: 元 text and cells to integer 分, exactly', () => {
  it.each([
    ['12.34', 1234],
    ['12.3', 1230],
    ['12', 1200],
    ['0', 0],
    ['0.01', 1],
    ['12.340', 1234],
    ['1,234.56', 123456],
    ['3,000,000.00', 300_000_000],
    ['¥88.8', 8880],
    ['￥88.80', 8880],
    ['88.8元', 8880],
    ['１２．３４', 1234],
    [' 5 000 ', 500_000],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%s 元 → %d 分', (text, fen) => {
    expect(parseMoneyToFen(text)).toEqual({ ok: true, value: fen });
  });

  it('reads numeric cells through their shortest decimal text, never float arithmetic', () => {
    expect(parseMoneyToFen(12.34)).toEqual({ ok: true, value: 1234 });
    expect(parseMoneyToFen(0.29)).toEqual({ ok: true, value: 29 }); // 0.29 * 100 = 28.999…
    expect(parseMoneyToFen(1_500_000)).toEqual({ ok: true, value: 150_000_000 });
    expect(parseMoneyToFen(0.1 + 0.2)).toMatchObject({ ok: false });
  });

  it.each([
    ['12.345', /more than 2 decimals/],
    ['-5', /negative/],
    ['1e5', /not a decimal amount/],
    ['12,34', /not a decimal amount/],
    ['abc', /not a decimal amount/],
    ['', /missing/],
    ['90071992547409.92', /too large/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseMoneyToFen(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('refuses cells that are not amounts', () => {
    expect(parseMoneyToFen(null)).toEqual({ ok: false, reason: 'missing amount' });
    expect(parseMoneyToFen(true)).toMatchObject({ ok: false });
    expect(parseMoneyToFen(new Date())).toMatchObject({ ok: false });
    expect(parseMoneyToFen(Number.NaN)).toMatchObject({ ok: false });
    expect(parseMoneyToFen(1e21)).toEqual({ ok: false, reason: 'amount too large' });
  });

  it('reads 万元 with up to 6 decimals and 分 as whole numbers', () => {
    expect(parseMoneyToFen('4.5', 'wan')).toEqual({ ok: true, value: 4_500_000 });
    expect(parseMoneyToFen('40000万元', 'wan')).toEqual({ ok: true, value: 40_000_000_000 });
    expect(parseMoneyToFen('0.000001', 'wan')).toEqual({ ok: true, value: 1 });
    expect(parseMoneyToFen('0.0000001', 'wan')).toMatchObject({ ok: false });
    expect(parseMoneyToFen('1234', 'fen')).toEqual({ ok: true, value: 1234 });
    expect(parseMoneyToFen('12.5', 'fen')).toMatchObject({ ok: false });
  });

  it('takes the unit from the column header', () => {
    expect(moneyUnitOfHeader('金额（元）')).toBe('yuan');
    expect(moneyUnitOfHeader('金额')).toBe('yuan');
    expect(moneyUnitOfHeader('融资金额（万元）')).toBe('wan');
    expect(moneyUnitOfHeader('amountWan')).toBe('wan');
    expect(moneyUnitOfHeader('amountFen')).toBe('fen');
    expect(moneyUnitOfHeader('金额（分）')).toBe('fen');
  });
});
