import { platformView } from '@ledger/projections/testing';
import { buildCompletion } from './build-completion';
import type { NetworkMember } from './network-member';

const YEAR = 2020;

function filing(
  platformId: string,
  planned: boolean,
  completed: boolean,
  filedAt = '2020-05-01',
): NetworkMember {
  return {
    platform: platformView({
      platformId,
      planned,
      filedAt,
      underConstruction: !completed,
    }),
    metrics: null,
    previousYears: [],
  };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, index) => index + 1);

/** The Hunan bulletin's 2020 builds: 35 planned, 26 of them completed, 9 not, 1 out of plan. */
const hunan2020: NetworkMember[] = [
  ...range(26).map((n) => filing(`planned-done-${String(n)}`, true, true)),
  ...range(9).map((n) => filing(`planned-open-${String(n)}`, true, false)),
  filing('unplanned-done', false, true),
];

describe('S2-1 build completion rate', () => {
  it('S2-1 reproduces the Hunan bulletin: 26 of 35 planned completed (+1 out of plan) ⇒ 74.29%', () => {
    const result = buildCompletion(hunan2020, YEAR);
    expect(result.planned).toBe(35);
    expect(result.plannedCompleted).toBe(26);
    expect(result.plannedNotCompleted).toBe(9);
    expect(result.unplannedCompleted).toBe(1);
    expect(result.completionRate?.rate).toBeCloseTo(0.742857, 6);
    expect(result.completionRate?.text).toBe('74.29%');
    expect(result.completionRate?.computation).toBe('26 ÷ 35 = 0.742857… → 74.29%');
  });

  it('S2-1 leaves the out-of-plan build out of the rate: counted separately, 27 built in all', () => {
    const result = buildCompletion(hunan2020, YEAR);
    expect(result.unplannedCompletedIds).toEqual(['unplanned-done']);
    expect(result.plannedCompleted + result.unplannedCompleted).toBe(27);
  });

  it('S2-1 counts a construction completed on 12-31 (Beijing) and not one completed on 01-01', () => {
    const atYearEnd = platformView({
      platformId: 'dec-31',
      planned: true,
      filedAt: '2020-03-01',
      constructionCompletedAt: '2020-12-31T15:59:59Z',
    });
    const nextYear = platformView({
      platformId: 'jan-01',
      planned: true,
      filedAt: '2020-03-01',
      constructionCompletedAt: '2020-12-31T16:00:00Z',
    });
    const result = buildCompletion(
      [atYearEnd, nextYear].map((platform) => ({ platform, metrics: null, previousYears: [] })),
      YEAR,
    );
    expect(result.plannedCompleted).toBe(1);
    expect(result.plannedNotCompletedIds).toEqual(['jan-01']);
  });

  it("S2-1 counts only the year's filings: a plan of another year is not in the denominator", () => {
    const result = buildCompletion(
      [
        filing('last-year', true, true, '2019-12-31'),
        filing('next-year', true, true, '2021-01-01'),
        filing('this-year', true, true),
      ],
      YEAR,
    );
    expect(result.planned).toBe(1);
    expect(result.completionRate?.text).toBe('100.00%');
  });

  it('S2-1 given no planned build, then there is no rate', () => {
    expect(buildCompletion([filing('unplanned', false, true)], YEAR).completionRate).toBeNull();
  });
});
