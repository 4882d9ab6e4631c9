import { addYears, beijingDateOf, isByYearEnd, isInYear } from './calendar';

describe('Network calendar: Beijing years and dates (S0-2, S2-1, S4-1, S4-4)', () => {
  it('given 2020-12-31 23:30 Beijing (15:30 UTC), then it is still in 2020', () => {
    expect(isInYear('2020-12-31T15:30:00Z', 2020)).toBe(true);
    expect(isByYearEnd('2020-12-31T15:30:00Z', 2020)).toBe(true);
  });

  it('given 2021-01-01 00:00 Beijing (2020-12-31 16:00 UTC), then it is past 2020', () => {
    expect(isInYear('2020-12-31T16:00:00Z', 2020)).toBe(false);
    expect(isByYearEnd('2020-12-31T16:00:00Z', 2020)).toBe(false);
    expect(beijingDateOf('2020-12-31T16:00:00Z')).toBe('2021-01-01');
  });

  it('given a bare date, then it is that Beijing date', () => {
    expect(beijingDateOf('2020-11-27')).toBe('2020-11-27');
  });

  it('given unreadable text, then no comparison holds', () => {
    expect(isByYearEnd('not a date', 2020)).toBe(false);
    expect(beijingDateOf('2020-02-30')).toBeNull();
  });

  it('given a leap day, then two years later is 1 March (the period is not complete on 28 February)', () => {
    expect(addYears('2020-02-29', 2)).toBe('2022-03-01');
    expect(addYears('2018-06-30', 2)).toBe('2020-06-30');
  });
});
