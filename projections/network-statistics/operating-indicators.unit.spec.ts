import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import {
  operatorProfile,
  platformView,
  yearMetrics,
  type MetricTallyOverrides,
} from '@ledger/projections/testing';
import type { NetworkMember } from './network-member';
import {
  operatingStatistics,
  type OperatingIndicator,
  type OperatingStatisticsOptions,
} from './operating-indicators';

const YEAR = 2020;
const equalWeights: Record<OperatingIndicator, number> = {
  policyItemsPublished: 1,
  newlyRegisteredEnterprises: 1,
  newServiceInstitutions: 1,
  serviceItemsPublished: 1,
  activitiesHeld: 1,
  enterprisesServed: 1,
  onlineDemandsPosted: 1,
};
const byKind: OperatingStatisticsOptions = { activityWeights: equalWeights, rankingGroups: 'kind' };

function member(
  platform: Partial<PlatformView>,
  calendarYear: MetricTallyOverrides = {},
): NetworkMember {
  return {
    platform: platformView(platform),
    metrics: yearMetrics({ platformId: platform.platformId, calendarYear }),
    previousYears: [],
  };
}

const hengshan = member(
  {
    platformId: 'hengshan',
    filedAt: '2020-04-01',
    profile: operatorProfile({ institutions: 7 }),
  },
  {
    policyItemsPublished: 300,
    residentEnterprises: 120,
    serviceItemsPublished: 20,
    activities: 30,
    enterprisesServed: 400,
    services: 650,
    demandItemsPublished: 12,
  },
);
const nanxian = member(
  { platformId: 'nanxian', profile: operatorProfile({ institutions: 9 }) },
  { policyItemsPublished: 150, activities: 15, enterprisesServed: 200, services: 210 },
);
const quiet = { platform: platformView({ platformId: 'quiet' }), metrics: null, previousYears: [] };
const cluster = member(
  { platformId: 'youse', kind: 'industry_window' },
  { activities: 5, enterprisesServed: 50 },
);

describe('S2-3 operating indicators and activity ranking', () => {
  it('S2-3 reads the seven indicators per platform from the year', () => {
    const stats = operatingStatistics([hengshan], YEAR, byKind);
    expect(stats.platforms[0]?.indicators).toEqual({
      policyItemsPublished: 300,
      newlyRegisteredEnterprises: 120,
      newServiceInstitutions: 7,
      serviceItemsPublished: 20,
      activitiesHeld: 30,
      enterprisesServed: 400,
      onlineDemandsPosted: 12,
      servicesProvided: 650,
    });
  });

  it('S2-3 counts new service institutions only for a platform filed in the year (a lower bound)', () => {
    const stats = operatingStatistics([hengshan, nanxian], YEAR, byKind);
    expect(stats.network.newServiceInstitutions).toBe(7);
    expect(stats.newInstitutionsIsLowerBound).toBe(true);
  });

  it('S2-3 adds the network totals over every platform in the network, the silent one included', () => {
    const stats = operatingStatistics([hengshan, nanxian, quiet, cluster], YEAR, byKind);
    expect(stats.network.policyItemsPublished).toBe(450);
    expect(stats.network.activitiesHeld).toBe(50);
    expect(stats.network.enterprisesServed).toBe(650);
    expect(stats.network.servicesProvided).toBe(860);
    expect(stats.platforms).toHaveLength(4);
  });

  it('S2-3 ranks within each kind by the activity score; the silent platform is last with 0', () => {
    const stats = operatingStatistics([quiet, nanxian, cluster, hengshan], YEAR, byKind);
    expect(
      stats.platforms.map((p) => [p.platformId, p.rankingGroup, p.activityRank, p.activityScore]),
    ).toEqual([
      ['hengshan', 'district_window', 1, 100],
      // half of the best in policy items, activities and enterprises served: 100 × 1.5 ÷ 7
      ['nanxian', 'district_window', 2, 21.43],
      ['quiet', 'district_window', 3, 0],
      // alone in its kind: best in the two indicators it has, 100 × 2 ÷ 7
      ['youse', 'industry_window', 1, 28.57],
    ]);
  });

  it('S2-3 given ranking across the network, then one group holds every platform', () => {
    const stats = operatingStatistics([nanxian, cluster], YEAR, {
      ...byKind,
      rankingGroups: 'all',
    });
    expect(stats.platforms.map((p) => [p.platformId, p.activityRank, p.platformsInGroup])).toEqual([
      ['nanxian', 1, 2],
      ['youse', 2, 2],
    ]);
  });

  it('S2-3 gives equal scores an equal rank, listed by platform id', () => {
    const twinA = member({ platformId: 'twin-a' }, { activities: 10 });
    const twinB = member({ platformId: 'twin-b' }, { activities: 10 });
    const stats = operatingStatistics([twinB, twinA], YEAR, byKind);
    expect(stats.platforms.map((p) => [p.platformId, p.activityRank])).toEqual([
      ['twin-a', 1],
      ['twin-b', 1],
    ]);
  });
});
