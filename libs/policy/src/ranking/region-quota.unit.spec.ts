import { applyRegionQuota, type RegionQuotaInput } from './region-quota';

/** Candidates named by rank and region: 'o3' is the third-ranked, from elsewhere; 'r5' from 渝东北/渝东南. */
const ranking = (...names: string[]) => names;
const fromRegion = (name: string) => name.startsWith('r');

function quota(
  ranked: readonly string[],
  funded: number,
  overrides: Partial<RegionQuotaInput<string>> = {},
) {
  return applyRegionQuota<string>({
    ranked,
    selected: ranked.slice(0, funded),
    inQuotaRegion: fromRegion,
    share: 0.3,
    rounding: 'ceil',
    shortfallPolicy: 'fund_anyway',
    fits: () => true,
    ...overrides,
  });
}

describe('S1-5 region quota (渝东南、渝东北 ≥ 30% of the funded)', () => {
  it('S1-5 region quota not binding: 3 of 10 funded are from the regions, nothing changes', () => {
    const ranked = ranking('o1', 'r2', 'o3', 'o4', 'r5', 'o6', 'o7', 'r8', 'o9', 'o10', 'r11');
    const outcome = quota(ranked, 10);
    expect(outcome.required).toBe(3);
    expect(outcome.selected).toEqual(ranked.slice(0, 10));
    expect(outcome.substitutions).toEqual([]);
    expect(outcome.shortfall).toBe(0);
  });

  it('S1-5 region quota binding: the best-ranked regional candidates replace the lowest-ranked others', () => {
    const ranked = ranking(
      'o1',
      'r2',
      'o3',
      'o4',
      'o5',
      'o6',
      'o7',
      'o8',
      'o9',
      'o10',
      'o11',
      'r12',
      'r13',
      'r14',
    );
    const outcome = quota(ranked, 10);
    expect(outcome.required).toBe(3);
    expect(outcome.substitutions).toEqual([
      { added: 'r12', displaced: 'o10' },
      { added: 'r13', displaced: 'o9' },
    ]);
    expect(outcome.selected).toEqual([
      'o1',
      'r2',
      'o3',
      'o4',
      'o5',
      'o6',
      'o7',
      'o8',
      'r12',
      'r13',
    ]);
    expect(outcome.fromRegions).toBe(3);
  });

  it.each([
    ['ceil', 3],
    ['floor', 2],
    ['round', 2],
  ] as const)('S1-5 regionQuotaRounding %s: 30%% of 7 funded needs %i', (rounding, required) => {
    const ranked = ranking('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'r8', 'r9', 'r10');
    const outcome = quota(ranked, 7, { rounding });
    expect(outcome.required).toBe(required);
    expect(outcome.fromRegions).toBe(required);
    expect(outcome.selected).toHaveLength(7);
  });

  it('S1-5 too few regional candidates, fund_anyway: the total stays and the shortfall is reported', () => {
    const ranked = ranking('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10', 'r11');
    const outcome = quota(ranked, 10);
    expect(outcome.selected).toHaveLength(10);
    expect(outcome.fromRegions).toBe(1);
    expect(outcome.shortfall).toBe(2);
    expect(outcome.shrunkFrom).toBeNull();
  });

  it('S1-5 too few regional candidates, shrink_total: funds the largest total the regions can carry (1 regional ⇒ 3 funded at 30% ceil)', () => {
    const ranked = ranking('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'o10', 'r11');
    const outcome = quota(ranked, 10, { shortfallPolicy: 'shrink_total' });
    expect(outcome.selected).toEqual(['o1', 'o2', 'r11']);
    expect(outcome.required).toBe(1);
    expect(outcome.shortfall).toBe(0);
    expect(outcome.shrunkFrom).toBe(10);
    expect(outcome.dropped).toEqual(['o10', 'o9', 'o8', 'o7', 'o6', 'o5', 'o4']);
    expect(outcome.substitutions).toEqual([{ added: 'r11', displaced: 'o3' }]);
  });

  it('S1-5 a substitution the tiers cannot place is skipped and the next regional candidate is tried', () => {
    const ranked = ranking('o1', 'o2', 'o3', 'r4', 'r5');
    const outcome = quota(ranked, 3, { fits: (set) => !set.includes('r4') });
    expect(outcome.substitutions).toEqual([{ added: 'r5', displaced: 'o3' }]);
  });

  it('S1-5 with nothing funded the quota is 0', () => {
    const outcome = quota(ranking('r1'), 0);
    expect(outcome.required).toBe(0);
    expect(outcome.selected).toEqual([]);
  });
});
