import { shareOf, type IntegerRounding } from './ratio';

/**
 * S1-5: "渝东南、渝东北支持数量不少于支持总量的30%". The quota is a count of the funded set:
 * required = share × funded, rounded by the pack's rounding parameter (exactly: 30% of 7 is 2.1).
 * When the quota binds, the best-ranked fundable platforms from the quota regions replace the
 * lowest-ranked funded platforms from elsewhere, one pair at a time, until it is met; the total
 * funded does not change. A replacement that the caller's `fits` refuses (e.g. the newcomer's
 * score is below every tier with room) is skipped and the next candidate is tried.
 *
 * When there are too few candidates from the regions, `shortfall` decides (a silence of the
 * notice): 'fund_anyway' funds the total and reports the shortfall; 'shrink_total' funds fewer
 * platforms, the largest total whose quota the available candidates can meet, dropping the
 * lowest-ranked platforms from elsewhere first.
 */
export type QuotaShortfallPolicy = 'fund_anyway' | 'shrink_total';

export interface RegionQuotaInput<T> {
  /** Every fundable candidate, best first. */
  readonly ranked: readonly T[];
  /** The funded set before the quota, a subset of `ranked` in rank order. */
  readonly selected: readonly T[];
  readonly inQuotaRegion: (item: T) => boolean;
  readonly share: number;
  readonly rounding: IntegerRounding;
  readonly shortfallPolicy: QuotaShortfallPolicy;
  /** Whether a funded set can be placed (every member gets a tier). */
  readonly fits: (selected: readonly T[]) => boolean;
}

export interface RegionQuotaOutcome<T> {
  /** The funded set after the quota, in rank order. */
  readonly selected: readonly T[];
  readonly required: number;
  readonly fromRegions: number;
  readonly substitutions: readonly { readonly added: T; readonly displaced: T }[];
  /** required − fromRegions when the quota could not be met; 0 otherwise. */
  readonly shortfall: number;
  /** The total before 'shrink_total' reduced it; null when nothing was dropped. */
  readonly shrunkFrom: number | null;
  /** Platforms dropped by 'shrink_total'. */
  readonly dropped: readonly T[];
}

export function applyRegionQuota<T>(input: RegionQuotaInput<T>): RegionQuotaOutcome<T> {
  const { ranked, inQuotaRegion, share, rounding } = input;
  const position = new Map(ranked.map((item, index) => [item, index]));
  const inRankOrder = (items: readonly T[]) =>
    [...items].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const countFromRegions = (items: readonly T[]) => items.filter(inQuotaRegion).length;

  const { kept, dropped } =
    input.shortfallPolicy === 'shrink_total'
      ? shrinkToFeasibleTotal(inRankOrder(input.selected), ranked, inQuotaRegion, share, rounding)
      : { kept: inRankOrder(input.selected), dropped: [] as T[] };

  const required = shareOf(share, kept.length, rounding);
  const chosen = new Set(kept);
  let current = kept;
  const substitutions: { added: T; displaced: T }[] = [];
  for (const candidate of ranked) {
    if (countFromRegions(current) >= required) break;
    if (chosen.has(candidate) || !inQuotaRegion(candidate)) continue;
    const displaced = current.findLast((item) => !inQuotaRegion(item));
    if (displaced === undefined) break;
    const next = inRankOrder([...current.filter((item) => item !== displaced), candidate]);
    if (!input.fits(next)) continue;
    current = next;
    chosen.add(candidate);
    substitutions.push({ added: candidate, displaced });
  }
  const fromRegions = countFromRegions(current);
  return {
    selected: current,
    required,
    fromRegions,
    substitutions,
    shortfall: Math.max(0, required - fromRegions),
    shrunkFrom: dropped.length > 0 ? input.selected.length : null,
    dropped,
  };
}

/** The largest total whose quota the region candidates in the whole ranking can fill. */
function shrinkToFeasibleTotal<T>(
  selected: readonly T[],
  ranked: readonly T[],
  inQuotaRegion: (item: T) => boolean,
  share: number,
  rounding: IntegerRounding,
): { kept: T[]; dropped: T[] } {
  const available = ranked.filter(inQuotaRegion).length;
  let total = selected.length;
  while (total > 0 && shareOf(share, total, rounding) > available) total -= 1;
  const kept = [...selected];
  const dropped: T[] = [];
  while (kept.length > total) {
    const lastOther = kept.findLastIndex((item) => !inQuotaRegion(item));
    const [removed] = kept.splice(lastOther >= 0 ? lastOther : kept.length - 1, 1);
    if (removed !== undefined) dropped.push(removed);
  }
  return { kept, dropped };
}
