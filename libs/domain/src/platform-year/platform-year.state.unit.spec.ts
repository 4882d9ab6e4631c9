import { stateAfter } from '../testing/decider-specification';
import { id } from '../testing/fixtures';
import { eventOf, rating, retracted, service } from '../testing/year-records';
import { platformYearDecider } from '../deciders';
import { evolvePlatformYear, type PlatformYearState } from './platform-year.state';

const snapshot = (state: PlatformYearState) => ({
  records: state.records.toJS(),
  ratingByService: state.ratingByService.toJS(),
  submittedAt: state.submittedAt,
});

describe('evolve purity: folding an event never changes an earlier state', () => {
  it('evolve purity: rating and retracting leave the earlier states as they were', () => {
    const delivered = service(1);
    const rated = rating(2, delivered);
    const withService = stateAfter(platformYearDecider, [eventOf(delivered)]);
    const before = snapshot(withService);

    const withRating = evolvePlatformYear(withService, eventOf(rated));
    const afterRating = snapshot(withRating);
    const withRetraction = evolvePlatformYear(
      withRating,
      retracted(3, id(2), '2025-06-10T01:00:00.000Z'),
    );

    expect(snapshot(withService)).toEqual(before);
    expect(snapshot(withRating)).toEqual(afterRating);
    expect(withRating.ratingByService.get(id(1))).toBe(id(2));
    expect(withRating.records.get(id(2))?.retracted).toBe(false);
    expect(withRetraction.ratingByService.has(id(1))).toBe(false);
    expect(withRetraction.records.get(id(2))?.retracted).toBe(true);
    expect(withService.records.size).toBe(1);
  });
});
