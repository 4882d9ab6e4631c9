import { metricsOf } from './testing/metrics-of';
import { rating, retraction, service, uscc } from './testing/year-events';
import type { Rating } from '@ledger/domain';

/** n services, each rated once with the given ratings in order (services 1..n, ratings 101..). */
function servicesRated(ratings: readonly Rating[]) {
  return ratings.flatMap((value, index) => [
    service(index + 1),
    rating(101 + index, index + 1, { rating: value }),
  ]);
}

describe('S4-3 satisfaction rate = (很满意 + 满意) ÷ rated', () => {
  it('S4-3: 4 very satisfied, 4 satisfied, 2 dissatisfied is exactly 80%', () => {
    const view = metricsOf(
      ...servicesRated([
        ...Array<Rating>(4).fill('very_satisfied'),
        ...Array<Rating>(4).fill('satisfied'),
        ...Array<Rating>(2).fill('dissatisfied'),
      ]),
    );
    const { ratings } = view.calendarYear;
    expect(ratings).toMatchObject({ verySatisfied: 4, satisfied: 4, dissatisfied: 2, rated: 10 });
    expect(ratings.satisfactionRate).toBe(0.8);
    expect(ratings.satisfactionRate).toBeGreaterThanOrEqual(0.8);
  });

  it('S4-3: one more dissatisfied rating falls just below 80% (8 ÷ 11)', () => {
    const view = metricsOf(
      ...servicesRated([
        ...Array<Rating>(8).fill('satisfied'),
        ...Array<Rating>(3).fill('dissatisfied'),
      ]),
    );
    expect(view.calendarYear.ratings.satisfactionRate).toBeCloseTo(8 / 11, 12);
    expect(view.calendarYear.ratings.satisfactionRate).toBeLessThan(0.8);
  });

  it('S4-3: without ratings the rate is null', () => {
    expect(metricsOf(service(1)).calendarYear.ratings.satisfactionRate).toBeNull();
  });

  it('S4-3: counts by source and distinct rating enterprises', () => {
    const view = metricsOf(
      service(1),
      service(2, { enterpriseUscc: uscc(1) }),
      service(3),
      rating(11, 1, { source: 'enterprise' }),
      rating(12, 2, { enterpriseUscc: uscc(1), source: 'platform' }),
      rating(13, 3, { source: 'district_check' }),
    );
    const { ratings } = view.calendarYear;
    expect(ratings.bySource).toEqual({ enterprise: 1, platform: 1, district_check: 1 });
    expect(ratings.ratingEnterprises).toBe(2);
  });
});

describe('S4-3 ratings of retracted services are not counted', () => {
  it('S4-3: retracting a rated service removes its rating from the tally', () => {
    const view = metricsOf(
      service(1),
      service(2),
      rating(11, 1, { rating: 'dissatisfied' }),
      rating(12, 2, { rating: 'very_satisfied' }),
      retraction(20, 1),
    );
    const { ratings } = view.calendarYear;
    expect(ratings).toMatchObject({ rated: 1, dissatisfied: 0, ratingEnterprises: 1 });
    expect(ratings.satisfactionRate).toBe(1);
    expect(view.implementationPeriod.ratings.rated).toBe(1);
  });

  it('S4-3: a rating retracted on its own, then its service retracted, is subtracted once', () => {
    const view = metricsOf(
      service(1),
      service(2),
      rating(11, 1),
      rating(12, 2),
      retraction(20, 11),
      retraction(21, 1),
    );
    expect(view.calendarYear.ratings.rated).toBe(1);
    expect(view.calendarYear.services).toBe(1);
  });

  it('S4-3: a rating citing no standing service never counts', () => {
    const view = metricsOf(service(1), retraction(2, 1), rating(3, 1));
    expect(view.calendarYear.ratings.rated).toBe(0);
    expect(view.calendarYear.ratings.ratingEnterprises).toBe(0);
  });

  it('S4-3: a corrected rating after retracting the first counts once', () => {
    const view = metricsOf(
      service(1),
      rating(11, 1, { rating: 'dissatisfied' }),
      retraction(12, 11),
      rating(13, 1, { rating: 'satisfied' }),
    );
    expect(view.calendarYear.ratings).toMatchObject({ rated: 1, satisfied: 1, dissatisfied: 0 });
  });
});
