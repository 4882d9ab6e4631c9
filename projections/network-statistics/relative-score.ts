/**
 * A composite score for ranking platforms on several counts when the document gives no score
 * table (S0's 优秀, S2-3's 相对活跃). Each indicator is scaled by the best value in the group
 * (best = 1, none = 0), so no reference value is invented and no single large count dominates;
 * the weighted mean is reported out of 100, rounded to two decimals so that a reader can see why
 * two platforms tie.
 */
export interface ScoredRow<Indicator extends string> {
  readonly id: string;
  readonly values: Readonly<Record<Indicator, number>>;
}

export function relativeScores<Indicator extends string>(
  rows: readonly ScoredRow<Indicator>[],
  weights: Readonly<Record<Indicator, number>>,
): Map<string, number> {
  const indicators = Object.keys(weights) as Indicator[];
  const totalWeight = indicators.reduce((sum, indicator) => sum + weights[indicator], 0);
  const best = new Map<Indicator, number>(
    indicators.map((indicator) => [
      indicator,
      rows.reduce((max, row) => Math.max(max, row.values[indicator]), 0),
    ]),
  );
  const scores = new Map<string, number>();
  for (const row of rows) {
    let weighted = 0;
    for (const indicator of indicators) {
      const top = best.get(indicator) ?? 0;
      if (top > 0) weighted += (weights[indicator] * Math.max(0, row.values[indicator])) / top;
    }
    const score = totalWeight > 0 ? (100 * weighted) / totalWeight : 0;
    scores.set(row.id, Math.round(score * 100) / 100);
  }
  return scores;
}

/**
 * Standard competition ranking (1, 2, 2, 4): equal scores share a rank, so a rank never depends on
 * an id. The returned order (score descending, then id in code-point order) is only for listing.
 */
export function competitionRanking(
  scores: ReadonlyMap<string, number>,
): readonly { readonly id: string; readonly score: number; readonly rank: number }[] {
  const ordered = [...scores.entries()].sort(
    ([idA, scoreA], [idB, scoreB]) => scoreB - scoreA || (idA < idB ? -1 : idA > idB ? 1 : 0),
  );
  const ranked: { id: string; score: number; rank: number }[] = [];
  ordered.forEach(([id, score], index) => {
    const previous = ranked[index - 1];
    const rank = previous !== undefined && previous.score === score ? previous.rank : index + 1;
    ranked.push({ id, score, rank });
  });
  return ranked;
}
