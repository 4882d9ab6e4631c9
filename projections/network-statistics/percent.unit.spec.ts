import { percentage } from './percent';

describe('Percentages as the bulletins print them (S2-1, S2-2)', () => {
  it('S2-1 26 ÷ 35 = 0.742857… reads 74.29%', () => {
    const rate = percentage(26, 35);
    expect(rate?.percent).toBe(74.29);
    expect(rate?.text).toBe('74.29%');
    expect(rate?.computation).toBe('26 ÷ 35 = 0.742857… → 74.29%');
  });

  it('S2-2 103 ÷ 123 reads 83.74%, and 104 ÷ 123 would read 84.55%', () => {
    expect(percentage(103, 123)?.text).toBe('83.74%');
    expect(percentage(104, 123)?.text).toBe('84.55%');
  });

  it('given an exact half at the second decimal, then it rounds up', () => {
    expect(percentage(1, 20_000)?.text).toBe('0.01%');
    expect(percentage(1, 8)?.text).toBe('12.50%');
  });

  it('given a zero denominator, then there is no rate', () => {
    expect(percentage(0, 0)).toBeNull();
  });
});
