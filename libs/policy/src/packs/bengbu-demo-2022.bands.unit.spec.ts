import type { PackResult } from '../pack';
import {
  bengbuField,
  panelOf,
  resultFor,
  ruleOf,
  rulesOf,
  type MetricsOverrides,
} from '../testing';

/** Platforms p1, p2, … in 淮上区 with the given expert means (a panel of five equal scores). */
function field(
  means: readonly number[],
  parameters: Record<string, unknown> = {},
  overrides: Readonly<Record<string, MetricsOverrides>> = {},
): PackResult {
  return bengbuField(means, { district: '淮上区', parameters, overrides });
}

const grades = (result: PackResult) => result.results.map((line) => line.grade);

describe('S3-5 A/B/C/D by ranking, A + B ≤ ⌊50%⌋ of participants', () => {
  it('S3-5 A+B with odd participant counts: 7 participants ⇒ A + B ≤ 3 (A ≤ ⌊25% × 7⌋ = 1)', () => {
    const result = field([90, 89, 88, 87, 86, 85, 84]);
    expect(grades(result)).toEqual(['A', 'B', 'B', 'C', 'C', 'C', 'C']);
    expect(ruleOf(resultFor(result, 'p1'), 'S3-5')).toMatchObject({
      outcome: 'pass',
      figures: { participants: 7, abCap: 3, aCap: 1, rank: 1, grade: 'A' },
    });
  });

  it('S3-5 A+B with even participant counts: 8 participants ⇒ A + B ≤ 4 (A ≤ 2)', () => {
    expect(grades(field([90, 89, 88, 87, 86, 85, 84, 83]))).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'C',
      'C',
    ]);
  });

  it.each([
    [1, ['C']],
    [2, ['B', 'C']],
    [3, ['B', 'C', 'C']],
  ] as const)('S3-5 A+B with %i participant(s): %j', (count, expected) => {
    expect(grades(field([90, 80, 70].slice(0, count)))).toEqual(expected);
  });

  it('S3-5 ties at the A + B cap: five tied at 80 get A, B, then C — tie-break order, no extra slot', () => {
    const result = field([80, 80, 80, 80, 80]);
    expect(result.results.map((line) => `${line.platformId}:${String(line.grade)}`)).toEqual([
      'p1:A',
      'p2:B',
      'p3:C',
      'p4:C',
      'p5:C',
    ]);
    expect(ruleOf(resultFor(result, 'p1'), 'S3-5').detail).toContain(
      'rankingScore desc, then metricScore desc, then filedAt asc, then platformId asc',
    );
  });

  it('S3-5 minScoreForBand C: exactly 60 is C, 59.99 is D', () => {
    const result = field([60, 59.99]);
    expect(grades(result)).toEqual(['B', 'D']);
    const atBar = field([90, 89, 60, 59.99]);
    expect(grades(atBar)).toEqual(['A', 'B', 'C', 'D']);
    expect(ruleOf(resultFor(atBar, 'p4'), 'S3-5')).toMatchObject({
      outcome: 'fail',
      detail: expect.stringContaining(
        'Grade D: ranking score 59.99 is below the C bar 60.',
      ) as unknown,
    });
  });

  it('S3-5 aShare and minScoreForBand are parameters inside the document’s A + B cap', () => {
    expect(grades(field([90, 89, 88, 87, 86, 85], { aShare: 0.5 }))).toEqual([
      'A',
      'A',
      'A',
      'C',
      'C',
      'C',
    ]);
    expect(grades(field([95, 89, 88, 87], { minScoreForBand: { A: 90, B: 88, C: null } }))).toEqual(
      ['A', 'B', 'C', 'C'],
    );
  });

  it('S3-5 the expert mean ranks the platform; the metric score only breaks ties', () => {
    const result = field([70, 90]);
    expect(result.results.map((line) => line.platformId)).toEqual(['p2', 'p1']);
    expect(rulesOf(resultFor(result, 'p2'), 'S3-5')[0]).toMatchObject({
      outcome: 'info',
      detail: 'Ranking score 90: the mean of 5 expert scores.',
      figures: { rankingScore: 90, experts: 5, source: 'experts' },
    });
  });

  it('S3-5 with fewer than 5 experts the metric score ranks instead, and says so', () => {
    const result = field([90], {}, { p1: { expertScores: { 'program-1': [90, 90, 90, 90] } } });
    const line = resultFor(result, 'p1');
    expect(line.score).toBe(0);
    expect(line.flags).toContain('无专家评分');
    expect(rulesOf(line, 'S3-5')[0]).toMatchObject({
      outcome: 'flag',
      detail:
        '4 expert score(s), fewer than 5 (第十三条 5-7 experts): ranked by the S3-3 metric score 0.',
    });
  });

  it('S3-5 scores recorded without a program count (useUnassignedExpertScores); another program’s do not', () => {
    const unassigned = { p1: { expertScores: { '': panelOf(77) } } };
    expect(resultFor(field([0], {}, unassigned), 'p1').score).toBe(77);
    expect(
      resultFor(field([0], { useUnassignedExpertScores: false }, unassigned), 'p1').score,
    ).toBe(0);
    const other = { p1: { expertScores: { 'program-2': panelOf(77) } } };
    expect(resultFor(field([0], {}, other), 'p1').flags).toContain('无专家评分');
  });

  it('S3-5 the expert mean is exact, then rounded half up to 2 decimals', () => {
    const result = field(
      [0],
      {},
      { p1: { expertScores: { 'program-1': [80, 80, 80, 81, 81, 81] } } },
    );
    expect(resultFor(result, 'p1').score).toBe(80.5);
    const thirds = field(
      [0],
      {},
      { p1: { expertScores: { 'program-1': [80, 80, 80, 80, 81, 81] } } },
    );
    expect(resultFor(thirds, 'p1').score).toBe(80.33);
  });
});
