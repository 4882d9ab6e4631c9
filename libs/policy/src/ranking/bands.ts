/**
 * Bands with caps (S1-5 一档 / 二档, S3-5 A / B / C): walk a ranking best first and put each item
 * into the first band, in band order, that (1) its score reaches, (2) still has room, and (3) whose
 * every group cap (S1-5's 20 funded in all, S3-5's A + B ≤ 50%) still has room. An item that fits
 * no band gets null (S1-5: 合格 but not funded; S3-5: D).
 *
 * Ties at a cap boundary get no extra slot: the ranking's tie-break already put one of the tied
 * items first, and that one takes the last place. When the ranking is by score first (both packs
 * rank so), an item that misses a band's minimum score means every item after it misses it too
 * (equal scores decide alike), so each band's members are a run of consecutive ranks.
 */
export interface BandSpec<Name extends string> {
  readonly name: Name;
  /** Places in this band; null = unlimited. */
  readonly max: number | null;
  /** Lowest score admitted (inclusive); null = rank alone decides. */
  readonly minScore: number | null;
}

export interface BandGroupCap<Name extends string> {
  readonly bands: readonly Name[];
  readonly max: number;
}

export interface BandPlacement<T, Name extends string> {
  readonly item: T;
  readonly band: Name | null;
}

export function assignBands<T, Name extends string>(
  ranked: readonly T[],
  scoreOf: (item: T) => number,
  bands: readonly BandSpec<Name>[],
  groupCaps: readonly BandGroupCap<Name>[] = [],
): BandPlacement<T, Name>[] {
  const taken = new Map<Name, number>(bands.map((band) => [band.name, 0]));
  const takenIn = (names: readonly Name[]) =>
    names.reduce((sum, name) => sum + (taken.get(name) ?? 0), 0);
  const hasRoom = (band: BandSpec<Name>) =>
    (band.max === null || (taken.get(band.name) ?? 0) < band.max) &&
    groupCaps.every((cap) => !cap.bands.includes(band.name) || takenIn(cap.bands) < cap.max);

  return ranked.map((item) => {
    const score = scoreOf(item);
    const band = bands.find(
      (candidate) =>
        (candidate.minScore === null || score >= candidate.minScore) && hasRoom(candidate),
    );
    if (band === undefined) return { item, band: null };
    taken.set(band.name, (taken.get(band.name) ?? 0) + 1);
    return { item, band: band.name };
  });
}
