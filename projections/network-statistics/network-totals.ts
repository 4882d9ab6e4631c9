import { assertNever, sameDistrict, type PlatformKind, type PlatformLevel } from '@ledger/domain';
import {
  isInNetworkAtYearEnd,
  isUnderConstructionAtYearEnd,
  residentEnterprisesOf,
  serviceItemsOf,
  type NetworkMember,
  type StockBasis,
} from './network-member';

/**
 * S0-8: the totals the Chongqing bulletin opens with — "截止 2020 年底…聚集服务机构 1361 家，其中
 * 重点服务机构 66 家，入驻企业 37400 家，服务项目 2470 个，提供服务 86403 次，开展服务活动 3704
 * 场次。现有区县窗口平台 38 个，产业窗口平台 11 个，国家级示范平台 15 个，市级示范平台 97 个…
 * 处于建设期…无区县窗口平台". Every platform in the network at year end counts (filed by then and
 * not revoked), whether or not it is graded (S0-2 late filings and S0-4 dual roles included).
 */
export interface NetworkTotalsOptions {
  /** The county-level units expected to have a district window platform (区县窗口平台). */
  readonly districts: readonly string[];
  /** 入驻企业 and 服务项目: joined / published in the year, or through its end. */
  readonly stockBasis: StockBasis;
  /**
   * A demonstration platform that also runs a window platform (S0-4) declares its operator's
   * institutions on both streams; true counts that profile once, under the window platform.
   */
  readonly dualRoleProfileCountedOnce: boolean;
}

export interface NetworkTotals {
  readonly ruleId: 'S0-8';
  readonly platformsInNetwork: number;
  /** 服务机构: institutions gathered, from operator profiles. */
  readonly serviceInstitutions: number;
  /** 重点服务机构. */
  readonly keyInstitutions: number;
  /** 入驻企业 on the chosen basis; the year's joins are reported beside it. */
  readonly residentEnterprises: number;
  readonly residentEnterprisesJoinedInYear: number;
  /** 服务项目 on the chosen basis. */
  readonly serviceItems: number;
  /** 提供服务 (service records in the year). */
  readonly servicesProvided: number;
  /** 开展服务活动 (activities in the year). */
  readonly activitiesHeld: number;
  readonly platformsByKind: Readonly<Record<PlatformKind, number>>;
  /** Demonstration platforms by certification level (国家级 / 省级 / 市级). */
  readonly demonstrationByLevel: Readonly<Record<PlatformLevel, number>>;
  /** 处于建设期 at year end, any kind. */
  readonly constructionPeriodPlatforms: number;
  readonly constructionPeriodPlatformIds: readonly string[];
  /** 无区县窗口平台: districts of the list without a district window platform in the network. */
  readonly districtsWithoutWindow: readonly string[];
}

export function networkTotals(
  members: readonly NetworkMember[],
  year: number,
  options: NetworkTotalsOptions,
): NetworkTotals {
  const inNetwork = members.filter((member) => isInNetworkAtYearEnd(member.platform, year));
  const platformIds = new Set(inNetwork.map((member) => member.platform.platformId));
  const platformsByKind: Record<PlatformKind, number> = {
    district_window: 0,
    industry_window: 0,
    demonstration: 0,
  };
  const demonstrationByLevel: Record<PlatformLevel, number> = {
    national: 0,
    provincial: 0,
    municipal: 0,
  };
  let serviceInstitutions = 0;
  let keyInstitutions = 0;
  let residentEnterprises = 0;
  let residentEnterprisesJoinedInYear = 0;
  let serviceItems = 0;
  let servicesProvided = 0;
  let activitiesHeld = 0;
  const constructionPeriodPlatformIds: string[] = [];

  for (const member of inNetwork) {
    const { platform, metrics } = member;
    platformsByKind[platform.kind] += 1;
    if (platform.level !== null && isDemonstration(platform.kind))
      demonstrationByLevel[platform.level] += 1;
    if (isUnderConstructionAtYearEnd(platform, year))
      constructionPeriodPlatformIds.push(platform.platformId);
    const profileCountedUnderWindow =
      options.dualRoleProfileCountedOnce &&
      platform.windowPlatformId !== null &&
      platformIds.has(platform.windowPlatformId);
    if (platform.profile !== null && !profileCountedUnderWindow) {
      serviceInstitutions += platform.profile.institutions;
      keyInstitutions += platform.profile.keyInstitutions;
    }
    // Records live on exactly one platform's stream, so adding them never counts one twice.
    residentEnterprises += residentEnterprisesOf(member, year, options.stockBasis);
    residentEnterprisesJoinedInYear += metrics?.calendarYear.residentEnterprises ?? 0;
    serviceItems += serviceItemsOf(member, year, options.stockBasis);
    servicesProvided += metrics?.calendarYear.services ?? 0;
    activitiesHeld += metrics?.calendarYear.activities ?? 0;
  }

  const windowDistricts = inNetwork
    .filter((member) => member.platform.kind === 'district_window')
    .map((member) => member.platform.district);
  return {
    ruleId: 'S0-8',
    platformsInNetwork: inNetwork.length,
    serviceInstitutions,
    keyInstitutions,
    residentEnterprises,
    residentEnterprisesJoinedInYear,
    serviceItems,
    servicesProvided,
    activitiesHeld,
    platformsByKind,
    demonstrationByLevel,
    constructionPeriodPlatforms: constructionPeriodPlatformIds.length,
    constructionPeriodPlatformIds,
    districtsWithoutWindow: options.districts.filter(
      (district) =>
        !windowDistricts.some((windowDistrict) => sameDistrict(windowDistrict, district)),
    ),
  };
}

function isDemonstration(kind: PlatformKind): boolean {
  switch (kind) {
    case 'demonstration':
      return true;
    case 'district_window':
    case 'industry_window':
      return false;
    default:
      return assertNever(kind);
  }
}
