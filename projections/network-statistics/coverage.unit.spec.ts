import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import { platformView } from '@ledger/projections/testing';
import { coverage, type CoverageOptions } from './coverage';
import type { NetworkMember } from './network-member';

const YEAR = 2020;

function window(
  platformId: string,
  district: string,
  overrides: Partial<PlatformView> = {},
): NetworkMember {
  return {
    platform: platformView({ platformId, district, province: '湖南省', ...overrides }),
    metrics: null,
    previousYears: [],
  };
}

const counties = Array.from({ length: 123 }, (_, index) => `县${String(index + 1)}`);
/** 103 counties with one window each, and a second window in 县1: 104 platforms, 103 counties. */
const windows = [
  ...counties.slice(0, 103).map((county, index) => window(`w${String(index + 1)}`, county)),
  window('w104', '县1'),
];
const byList: CoverageOptions = { counties, countyCount: null, underConstructionCovers: false };

describe('S2-2 coverage rate', () => {
  it('S2-2 computes from data: 104 window platforms cover 103 of 123 counties ⇒ 83.74%', () => {
    const result = coverage(windows, YEAR, byList);
    expect(result.windowPlatforms).toBe(104);
    expect(result.countiesCovered).toBe(103);
    expect(result.counties).toBe(123);
    expect(result.coverageRate?.text).toBe('83.74%');
    expect(result.coverageRate?.computation).toBe('103 ÷ 123 = 0.837398… → 83.74%');
    expect(result.uncoveredCounties).toEqual(counties.slice(103));
  });

  it('S2-2 given only the county count, then covered counties are the distinct window districts', () => {
    const result = coverage(windows, YEAR, {
      counties: null,
      countyCount: 123,
      underConstructionCovers: false,
    });
    expect(result.countiesCovered).toBe(103);
    expect(result.coverageRate?.text).toBe('83.74%');
    expect(result.uncoveredCounties).toBeNull();
  });

  it('S2-2 does not count an industry window, a revoked window or one filed after the year', () => {
    const result = coverage(
      [
        window('industry', '县1', { kind: 'industry_window' }),
        window('revoked', '县2', { revokedAt: '2020-10-01' }),
        window('late', '县3', { filedAt: '2021-01-02' }),
      ],
      YEAR,
      byList,
    );
    expect(result.countiesCovered).toBe(0);
  });

  it('S2-2 counts a window still in its 建设期 only when the option says so (the bulletin counts 建成)', () => {
    const building = [window('building', '县1', { underConstruction: true })];
    expect(coverage(building, YEAR, byList).countiesCovered).toBe(0);
    expect(
      coverage(building, YEAR, { ...byList, underConstructionCovers: true }).countiesCovered,
    ).toBe(1);
  });

  it('S2-2 given neither a list nor a count, then there is no rate', () => {
    const result = coverage(windows, YEAR, {
      counties: null,
      countyCount: null,
      underConstructionCovers: false,
    });
    expect(result.coverageRate).toBeNull();
  });
});
