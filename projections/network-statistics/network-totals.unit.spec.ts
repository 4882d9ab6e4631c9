import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import {
  operatorProfile,
  platformView,
  yearMetrics,
  type YearMetricsOverrides,
} from '@ledger/projections/testing';
import type { NetworkMember } from './network-member';
import { networkTotals, type NetworkTotalsOptions } from './network-totals';

const YEAR = 2020;
const options: NetworkTotalsOptions = {
  districts: ['万州区', '九龙坡区', '万盛经开区', '高新区', '江北区'],
  stockBasis: 'cumulative',
  dualRoleProfileCountedOnce: true,
};

function member(
  platform: Partial<PlatformView>,
  metrics: YearMetricsOverrides | null = null,
  previousYears: NetworkMember['previousYears'] = [],
): NetworkMember {
  return {
    platform: platformView(platform),
    metrics: metrics === null ? null : yearMetrics({ platformId: platform.platformId, ...metrics }),
    previousYears,
  };
}

const wanzhou = member(
  {
    platformId: 'wanzhou',
    district: '万州区',
    profile: operatorProfile({ institutions: 30, keyInstitutions: 2 }),
  },
  {
    calendarYear: {
      residentEnterprises: 120,
      serviceItemsPublished: 40,
      services: 900,
      activities: 60,
    },
  },
  [
    yearMetrics({
      platformId: 'wanzhou',
      year: 2019,
      calendarYear: { residentEnterprises: 80, serviceItemsPublished: 10 },
    }),
  ],
);
const jiangbei = member({
  platformId: 'jiangbei',
  district: '江北',
  underConstruction: true,
  profile: operatorProfile({ institutions: 6 }),
});
const beibeiLate = member({ platformId: 'beibei', district: '北碚区', filedAt: '2020-11-27' });
const industry = member(
  { platformId: 'xicheng', kind: 'industry_window', district: '九龙坡区' },
  { calendarYear: { services: 100, activities: 4 } },
);
const nationalDemo = member({
  platformId: 'national-demo',
  kind: 'demonstration',
  level: 'national',
  profile: operatorProfile({ institutions: 12, keyInstitutions: 3 }),
});
const dualRoleDemo = member(
  {
    platformId: 'dual-demo',
    kind: 'demonstration',
    level: 'municipal',
    windowPlatformId: 'wanzhou',
    profile: operatorProfile({ institutions: 30, keyInstitutions: 2 }),
  },
  { calendarYear: { services: 10, activities: 1 } },
);
const revokedDemo = member({
  platformId: 'revoked-demo',
  kind: 'demonstration',
  level: 'municipal',
  revokedAt: '2020-06-30',
  profile: operatorProfile({ institutions: 99 }),
});
const filedNextYear = member({
  platformId: 'next-year',
  filedAt: '2021-01-05',
  district: '高新区',
});

const network = [
  wanzhou,
  jiangbei,
  beibeiLate,
  industry,
  nationalDemo,
  dualRoleDemo,
  revokedDemo,
  filedNextYear,
];

describe('S0-8 network totals', () => {
  it('S0-8 counts every platform in the network at year end by kind and demonstration level, late filings included', () => {
    const totals = networkTotals(network, YEAR, options);
    expect(totals.platformsInNetwork).toBe(6);
    expect(totals.platformsByKind).toEqual({
      district_window: 3,
      industry_window: 1,
      demonstration: 2,
    });
    expect(totals.demonstrationByLevel).toEqual({ national: 1, provincial: 0, municipal: 1 });
  });

  it('S0-8 leaves out a platform revoked before year end and one filed after it', () => {
    const totals = networkTotals([revokedDemo, filedNextYear], YEAR, options);
    expect(totals.platformsInNetwork).toBe(0);
    expect(totals.serviceInstitutions).toBe(0);
  });

  it('S0-8 adds institutions from profiles, counting a dual-role operator once under its window platform', () => {
    const totals = networkTotals(network, YEAR, options);
    expect(totals.serviceInstitutions).toBe(30 + 6 + 12);
    expect(totals.keyInstitutions).toBe(2 + 3);
    const counted = networkTotals(network, YEAR, { ...options, dualRoleProfileCountedOnce: false });
    expect(counted.serviceInstitutions).toBe(30 + 6 + 12 + 30);
  });

  it('S0-8 adds services and activities of the year, and reads stocks through year end (cumulative)', () => {
    const totals = networkTotals(network, YEAR, options);
    expect(totals.servicesProvided).toBe(900 + 100 + 10);
    expect(totals.activitiesHeld).toBe(60 + 4 + 1);
    expect(totals.residentEnterprises).toBe(120 + 80);
    expect(totals.residentEnterprisesJoinedInYear).toBe(120);
    expect(totals.serviceItems).toBe(40 + 10);
  });

  it('S0-8 given the year basis, then stocks count the evaluated year only', () => {
    const totals = networkTotals(network, YEAR, { ...options, stockBasis: 'year' });
    expect(totals.residentEnterprises).toBe(120);
    expect(totals.serviceItems).toBe(40);
  });

  it('S0-8 names platforms still in 建设期 at year end (construction completed in January still counts)', () => {
    const completedInJanuary = member({
      platformId: 'liangping',
      underConstruction: false,
      constructionCompletedAt: '2021-01-10',
    });
    const completedInDecember = member({
      platformId: 'wulong',
      underConstruction: false,
      constructionCompletedAt: '2020-12-31',
    });
    const totals = networkTotals(
      [...network, completedInJanuary, completedInDecember],
      YEAR,
      options,
    );
    expect(totals.constructionPeriodPlatformIds).toEqual(['jiangbei', 'liangping']);
    expect(totals.constructionPeriodPlatforms).toBe(2);
  });

  it('S0-8 names districts without a district window: an industry window does not cover 九龙坡, a construction-period one covers 江北', () => {
    const totals = networkTotals(network, YEAR, options);
    expect(totals.districtsWithoutWindow).toEqual(['九龙坡区', '万盛经开区', '高新区']);
  });
});
