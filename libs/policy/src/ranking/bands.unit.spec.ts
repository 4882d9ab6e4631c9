import { assignBands, type BandSpec } from './bands';

interface Entry {
  readonly id: string;
  readonly score: number;
}

const ranked = (...scores: number[]): Entry[] =>
  scores.map((score, index) => ({ id: `p${String(index + 1)}`, score }));
const bandsOf = <Name extends string>(placements: readonly { band: Name | null }[]) =>
  placements.map(({ band }) => band);

describe('S1-5 tier caps and S3-5 bands', () => {
  const tiers: readonly BandSpec<'一档' | '二档'>[] = [
    { name: '一档', max: 2, minScore: null },
    { name: '二档', max: 2, minScore: null },
  ];

  it('S1-5 tier caps with ties: three platforms tied at the 一档 boundary get no extra place; the tie-break order decides', () => {
    const placements = assignBands(ranked(95, 90, 90, 90, 80), (e) => e.score, tiers);
    expect(bandsOf(placements)).toEqual(['一档', '一档', '二档', '二档', null]);
  });

  it('S1-5 a group cap (at most N funded in all) stops before the tiers are full', () => {
    const placements = assignBands(ranked(95, 90, 85, 80), (e) => e.score, tiers, [
      { bands: ['一档', '二档'], max: 3 },
    ]);
    expect(bandsOf(placements)).toEqual(['一档', '一档', '二档', null]);
  });

  it('S1-5 minScoreForTier: exactly at the minimum is admitted, just below falls to the next tier', () => {
    const withCutOffs: readonly BandSpec<'一档' | '二档'>[] = [
      { name: '一档', max: 10, minScore: 90 },
      { name: '二档', max: 10, minScore: 60 },
    ];
    const placements = assignBands(ranked(90, 89.99, 60, 59.99), (e) => e.score, withCutOffs);
    expect(bandsOf(placements)).toEqual(['一档', '二档', '二档', null]);
  });

  it('S3-5 A + B share one cap; C is unlimited above its bar; below every bar is null (D)', () => {
    const placements = assignBands(
      ranked(99, 98, 97, 96, 95, 61, 60, 59),
      (e) => e.score,
      [
        { name: 'A', max: 1, minScore: null },
        { name: 'B', max: null, minScore: null },
        { name: 'C', max: null, minScore: 60 },
      ],
      [{ bands: ['A', 'B'], max: 3 }],
    );
    expect(bandsOf(placements)).toEqual(['A', 'B', 'B', 'C', 'C', 'C', 'C', null]);
  });

  it('S3-5 when A admits no one (minimum not reached), B still takes the whole A + B cap', () => {
    const placements = assignBands(
      ranked(80, 79, 78, 77),
      (e) => e.score,
      [
        { name: 'A', max: 1, minScore: 90 },
        { name: 'B', max: null, minScore: null },
        { name: 'C', max: null, minScore: null },
      ],
      [{ bands: ['A', 'B'], max: 2 }],
    );
    expect(bandsOf(placements)).toEqual(['B', 'B', 'C', 'C']);
  });
});
