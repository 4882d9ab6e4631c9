import { isInYear } from './calendar';
import { isUnderConstructionAtYearEnd, type NetworkMember } from './network-member';
import { percentage, type Percentage } from './percent';

/**
 * S2-1: build completion rate = planned platforms completed ÷ planned platforms. The Hunan
 * bulletin: "计划建设…窗口平台35家，实际完成建设27家，其中，计划内26家，计划外1家，未完成建设的
 * 9家，总体任务完成率74.29%" — 26 ÷ 35; the out-of-plan build is reported but not in the rate.
 *
 * A planned build is a platform filed in the year with the plan flag (PlatformFiled.planned); it is
 * completed when it is not in its 建设期 at year end (never under construction, or its
 * construction completed by 12-31).
 */
export interface BuildCompletion {
  readonly ruleId: 'S2-1';
  readonly planned: number;
  readonly plannedCompleted: number;
  readonly plannedNotCompleted: number;
  /** 计划外: completed in the year without the plan flag; excluded from the rate. */
  readonly unplannedCompleted: number;
  /** planned completed ÷ planned; null without planned builds. */
  readonly completionRate: Percentage | null;
  readonly plannedNotCompletedIds: readonly string[];
  readonly unplannedCompletedIds: readonly string[];
}

export function buildCompletion(members: readonly NetworkMember[], year: number): BuildCompletion {
  const filedInYear = members
    .map((member) => member.platform)
    .filter((platform) => isInYear(platform.filedAt, year));
  const completed = (platform: (typeof filedInYear)[number]): boolean =>
    !isUnderConstructionAtYearEnd(platform, year);
  const planned = filedInYear.filter((platform) => platform.planned);
  const plannedCompleted = planned.filter(completed).length;
  const plannedNotCompletedIds = planned
    .filter((platform) => !completed(platform))
    .map((platform) => platform.platformId);
  const unplannedCompletedIds = filedInYear
    .filter((platform) => !platform.planned && completed(platform))
    .map((platform) => platform.platformId);
  return {
    ruleId: 'S2-1',
    planned: planned.length,
    plannedCompleted,
    plannedNotCompleted: plannedNotCompletedIds.length,
    unplannedCompleted: unplannedCompletedIds.length,
    completionRate: percentage(plannedCompleted, planned.length),
    plannedNotCompletedIds,
    unplannedCompletedIds,
  };
}
