import { sameDistrict } from '@ledger/domain';
import {
  isInNetworkAtYearEnd,
  isUnderConstructionAtYearEnd,
  type NetworkMember,
} from './network-member';
import { percentage, type Percentage } from './percent';

/**
 * S2-2: coverage rate = counties with a window platform ÷ counties, computed from the filings.
 * The Hunan bulletin's "共建成县市区(工业园区)窗口平台104家，平台覆盖率达到83.74%" cannot both
 * hold for one denominator (103 ÷ 123 = 83.74%, 104 ÷ 123 = 84.55%): platforms are not counties
 * (an industrial-park window or a second window adds a platform, not a county), so the numerator
 * here is distinct counties, never the bulletin's platform count.
 *
 * A county is covered by a district window platform (区县窗口) in the network at year end; the
 * bulletin counts platforms "建成" (built), so one still in its 建设期 covers its county only when
 * the option says so. With a county list the rate is over the list and the uncovered counties are
 * named; with only a count, the covered counties are the distinct districts of the window
 * platforms.
 */
export interface CoverageOptions {
  /** The province's county-level units; when given it decides the denominator. */
  readonly counties: readonly string[] | null;
  /** The number of county-level units, used when no list is given. */
  readonly countyCount: number | null;
  /** Whether a window platform still in its 建设期 at year end covers its county. */
  readonly underConstructionCovers: boolean;
}

export interface Coverage {
  readonly ruleId: 'S2-2';
  readonly countiesCovered: number;
  /** The denominator; null when neither a list nor a count is given. */
  readonly counties: number | null;
  readonly coverageRate: Percentage | null;
  /** District window platforms that cover (the bulletin's "104家" counts platforms). */
  readonly windowPlatforms: number;
  readonly coveredCounties: readonly string[];
  /** Named only when the county list is given. */
  readonly uncoveredCounties: readonly string[] | null;
}

export function coverage(
  members: readonly NetworkMember[],
  year: number,
  options: CoverageOptions,
): Coverage {
  const windowDistricts = members
    .map((member) => member.platform)
    .filter(
      (platform) =>
        platform.kind === 'district_window' &&
        isInNetworkAtYearEnd(platform, year) &&
        (options.underConstructionCovers || !isUnderConstructionAtYearEnd(platform, year)),
    )
    .map((platform) => platform.district);
  const hasWindow = (county: string): boolean =>
    windowDistricts.some((district) => sameDistrict(district, county));

  if (options.counties !== null) {
    const counties = distinctDistricts(options.counties);
    const coveredCounties = counties.filter(hasWindow);
    return {
      ruleId: 'S2-2',
      countiesCovered: coveredCounties.length,
      counties: counties.length,
      coverageRate: percentage(coveredCounties.length, counties.length),
      windowPlatforms: windowDistricts.length,
      coveredCounties,
      uncoveredCounties: counties.filter((county) => !hasWindow(county)),
    };
  }
  const coveredCounties = distinctDistricts(windowDistricts);
  return {
    ruleId: 'S2-2',
    countiesCovered: coveredCounties.length,
    counties: options.countyCount,
    coverageRate:
      options.countyCount === null ? null : percentage(coveredCounties.length, options.countyCount),
    windowPlatforms: windowDistricts.length,
    coveredCounties,
    uncoveredCounties: null,
  };
}

/** 万州 and 万州区 are one county: the first spelling met is kept. */
function distinctDistricts(names: readonly string[]): string[] {
  const distinct: string[] = [];
  for (const name of names)
    if (!distinct.some((kept) => sameDistrict(kept, name))) distinct.push(name);
  return distinct;
}
