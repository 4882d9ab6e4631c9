import { isMonthDay, resolveParameters, isIntegerIn } from './parameters';

describe('pack parameters', () => {
  it('refuses month-days that do not exist and accepts 02-29', () => {
    expect(isMonthDay('10-01')).toBeNull();
    expect(isMonthDay('02-29')).toBeNull();
    for (const bad of ['02-30', '04-31', '13-01', '00-10', '1-1', 1001, null]) {
      expect(isMonthDay(bad)).toBe('must be an existing month-day MM-DD');
    }
  });

  it('merges given parameters over the defaults and names unknown or wrong ones', () => {
    const defaults = { maxFunded: 20, cutoff: '10-01' };
    const checks = { maxFunded: isIntegerIn(0, 20), cutoff: isMonthDay };
    expect(resolveParameters(defaults, checks, { maxFunded: 12 })).toEqual({
      ok: true,
      parameters: { maxFunded: 12, cutoff: '10-01' },
    });
    expect(resolveParameters(defaults, checks, { maxFunded: 21, typo: 1 })).toEqual({
      ok: false,
      problems: [
        { field: 'parameters.maxFunded', reason: 'must be an integer from 0 to 20' },
        { field: 'parameters.typo', reason: 'is not a parameter of this pack (maxFunded, cutoff)' },
      ],
    });
  });
});
