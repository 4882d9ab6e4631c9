import { rankBy, type RankKey } from './tie-break';

/**
 * A result table's order (序号 = index + 1): the ranked lines by rank, then the graded lines
 * without a rank (bengbu's direct D, cq-window's graded but not funded) by the pack's tie-break,
 * then the lines not graded as enrolled. Only a graded item may have a rank.
 */
export function tableOrder<T extends { readonly graded: boolean }>(
  items: readonly T[],
  rankOf: (item: T) => number | null,
  tieBreak: readonly RankKey<T>[],
): T[] {
  const ranked = items
    .filter((item) => rankOf(item) !== null)
    .sort((a, b) => (rankOf(a) ?? 0) - (rankOf(b) ?? 0));
  const gradedUnranked = rankBy(
    items.filter((item) => item.graded && rankOf(item) === null),
    tieBreak,
  ).map(({ item }) => item);
  const notGraded = items.filter((item) => !item.graded);
  return [...ranked, ...gradedUnranked, ...notGraded];
}
