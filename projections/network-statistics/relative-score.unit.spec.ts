import { competitionRanking, relativeScores } from './relative-score';

describe('Relative scores and competition ranking (S0-1 优秀, S2-3 activity ranking)', () => {
  const weights = { activities: 1, services: 1 };

  it('given two indicators, then each is scaled by the best in the group and averaged out of 100', () => {
    const scores = relativeScores(
      [
        { id: 'a', values: { activities: 10, services: 50 } },
        { id: 'b', values: { activities: 5, services: 100 } },
        { id: 'c', values: { activities: 0, services: 0 } },
      ],
      weights,
    );
    expect(scores.get('a')).toBe(75); // (10/10 + 50/100) / 2
    expect(scores.get('b')).toBe(75); // (5/10 + 100/100) / 2
    expect(scores.get('c')).toBe(0);
  });

  it('given an indicator nobody has, then it adds nothing (no division by zero)', () => {
    const scores = relativeScores([{ id: 'a', values: { activities: 4, services: 0 } }], weights);
    expect(scores.get('a')).toBe(50);
  });

  it('given weights, then the heavier indicator counts more', () => {
    const scores = relativeScores(
      [
        { id: 'a', values: { activities: 10, services: 0 } },
        { id: 'b', values: { activities: 0, services: 10 } },
      ],
      { activities: 3, services: 1 },
    );
    expect(scores.get('a')).toBe(75);
    expect(scores.get('b')).toBe(25);
  });

  it('given equal scores, then they share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranking = competitionRanking(
      new Map([
        ['d', 10],
        ['b', 50],
        ['c', 50],
        ['a', 90],
      ]),
    );
    expect(ranking).toEqual([
      { id: 'a', score: 90, rank: 1 },
      { id: 'b', score: 50, rank: 2 },
      { id: 'c', score: 50, rank: 2 },
      { id: 'd', score: 10, rank: 4 },
    ]);
  });
});
