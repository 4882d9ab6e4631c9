import type { PlatformKind } from '@ledger/domain';
import { isInYear } from './calendar';
import { isInNetworkAtYearEnd, type NetworkMember } from './network-member';
import { competitionRanking, relativeScores } from './relative-score';

/**
 * S2-3: the Hunan bulletin's operating indicators — "发布政策信息177600条，新增注册企业52796家、
 * 服务机构925家，发布服务项目7631个，开展服务活动1984次，服务企业11万余次，对接企业线上发布需求
 * 800余项" — per platform and for the network, and its "综合所有运行指标…相对活跃" ranking.
 *
 * How each is read from the views (all for the calendar year, retracted records excluded):
 * - policy items / service items / online demands: ItemPublished of that kind in the year;
 * - newly registered enterprises (新增注册企业): ResidentEnterpriseJoined in the year;
 * - new service institutions (新增服务机构): the views keep an operator's current roster only, not
 *   when each institution joined, so a platform filed in the year counts its whole roster as new
 *   and an older platform counts none. The figure is a lower bound (`newInstitutionsIsLowerBound`);
 *   an institution-joined date per year in the metrics would make it exact;
 * - activities held: activities in the year;
 * - enterprises served: distinct enterprises served by the platform (an enterprise served by two
 *   platforms counts once per platform in the network total); the bulletin's "服务企业11万余次" is
 *   a count of times, reported beside it as `servicesProvided`.
 */
export type OperatingIndicator =
  | 'policyItemsPublished'
  | 'newlyRegisteredEnterprises'
  | 'newServiceInstitutions'
  | 'serviceItemsPublished'
  | 'activitiesHeld'
  | 'enterprisesServed'
  | 'onlineDemandsPosted';

export type OperatingIndicators = Readonly<Record<OperatingIndicator, number>> & {
  readonly servicesProvided: number;
};

/** Rank within each platform kind (the bulletin's three tables) or across the whole network. */
export type RankingGroups = 'kind' | 'all';

export interface OperatingStatisticsOptions {
  /** Weight of each indicator in the activity score (see relative-score.ts). */
  readonly activityWeights: Readonly<Record<OperatingIndicator, number>>;
  readonly rankingGroups: RankingGroups;
}

export interface PlatformOperatingIndicators {
  readonly platformId: string;
  readonly kind: PlatformKind;
  readonly indicators: OperatingIndicators;
  /** 0..100 within its ranking group. */
  readonly activityScore: number;
  /** 1-based competition rank within its ranking group (equal scores share a rank). */
  readonly activityRank: number;
  readonly rankingGroup: PlatformKind | 'all';
  readonly platformsInGroup: number;
}

export interface OperatingStatistics {
  readonly ruleId: 'S2-3';
  readonly network: OperatingIndicators;
  readonly newInstitutionsIsLowerBound: true;
  /** By ranking group (kinds in registry order), then rank, then platform id. */
  readonly platforms: readonly PlatformOperatingIndicators[];
}

const KIND_ORDER: readonly PlatformKind[] = ['district_window', 'industry_window', 'demonstration'];

export function operatingIndicatorsOf(member: NetworkMember, year: number): OperatingIndicators {
  const tally = member.metrics?.calendarYear;
  const { platform } = member;
  return {
    policyItemsPublished: tally?.policyItemsPublished ?? 0,
    newlyRegisteredEnterprises: tally?.residentEnterprises ?? 0,
    newServiceInstitutions:
      platform.profile !== null && isInYear(platform.filedAt, year)
        ? platform.profile.institutions
        : 0,
    serviceItemsPublished: tally?.serviceItemsPublished ?? 0,
    activitiesHeld: tally?.activities ?? 0,
    enterprisesServed: tally?.enterprisesServed ?? 0,
    onlineDemandsPosted: tally?.demandItemsPublished ?? 0,
    servicesProvided: tally?.services ?? 0,
  };
}

/** Every platform in the network at year end, with its indicators, score and rank. */
export function operatingStatistics(
  members: readonly NetworkMember[],
  year: number,
  options: OperatingStatisticsOptions,
): OperatingStatistics {
  const rows = members
    .filter((member) => isInNetworkAtYearEnd(member.platform, year))
    .map((member) => ({
      platformId: member.platform.platformId,
      kind: member.platform.kind,
      indicators: operatingIndicatorsOf(member, year),
    }));
  const groups: readonly (PlatformKind | 'all')[] =
    options.rankingGroups === 'all' ? ['all'] : KIND_ORDER;
  const platforms: PlatformOperatingIndicators[] = [];
  for (const group of groups) {
    const inGroup = rows.filter((row) => group === 'all' || row.kind === group);
    const byId = new Map(inGroup.map((row) => [row.platformId, row]));
    const scores = relativeScores(
      inGroup.map((row) => ({ id: row.platformId, values: row.indicators })),
      options.activityWeights,
    );
    for (const { id, score, rank } of competitionRanking(scores)) {
      const row = byId.get(id);
      if (row === undefined) continue;
      platforms.push({
        ...row,
        activityScore: score,
        activityRank: rank,
        rankingGroup: group,
        platformsInGroup: inGroup.length,
      });
    }
  }
  return {
    ruleId: 'S2-3',
    network: sumIndicators(rows.map((row) => row.indicators)),
    newInstitutionsIsLowerBound: true,
    platforms,
  };
}

function sumIndicators(all: readonly OperatingIndicators[]): OperatingIndicators {
  const total = {
    policyItemsPublished: 0,
    newlyRegisteredEnterprises: 0,
    newServiceInstitutions: 0,
    serviceItemsPublished: 0,
    activitiesHeld: 0,
    enterprisesServed: 0,
    onlineDemandsPosted: 0,
    servicesProvided: 0,
  };
  for (const indicators of all)
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += indicators[key];
  return total;
}
