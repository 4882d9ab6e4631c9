import { FUNCTION_AREAS } from './metrics.indicators';
import { metricsOf } from './testing/metrics-of';
import { activity, financingDeal, service, training, uscc } from './testing/year-events';

describe('S3-2 / S4-2 functions from service areas (FUNCTION_AREAS)', () => {
  it('S3-2: the table maps each function to its areas', () => {
    expect(FUNCTION_AREAS).toEqual({
      information: ['information'],
      technology: ['technical', 'tech_innovation'],
      startup: ['startup'],
      training: ['training'],
      financing: ['financing'],
    });
  });

  it('S3-2: information counts its activities and offline enterprises (online ones do not)', () => {
    const view = metricsOf(
      activity(1, { area: 'information', mode: 'offline', attendeeUsccs: [uscc(1), uscc(2)] }),
      service(2, { area: 'information', mode: 'online', enterpriseUscc: uscc(3) }),
      activity(3, { area: 'consulting', attendeeUsccs: [uscc(4)] }),
    );
    expect(view.calendarYear.byFunction.information).toEqual({
      activities: 1,
      enterprisesServedOffline: 2,
      personTimes: 0,
      trainingSessions: 0,
      trainees: 0,
      financingDeals: 0,
      financingFen: 0,
    });
  });

  it('S3-2: technology sums technical and tech_innovation, enterprises distinct across both', () => {
    const view = metricsOf(
      activity(1, { area: 'technical', attendeeUsccs: [uscc(1)], personTimes: 10 }),
      activity(2, { area: 'tech_innovation', attendeeUsccs: [uscc(1), uscc(2)], personTimes: 5 }),
      service(3, { area: 'tech_innovation', enterpriseUscc: uscc(3), mode: 'online' }),
    );
    expect(view.calendarYear.byFunction.technology).toMatchObject({
      activities: 2,
      enterprisesServedOffline: 2,
      personTimes: 15,
    });
  });

  it('S3-2: start-up person-times are its activities’ person-times (150 exactly at the bar)', () => {
    const view = metricsOf(
      activity(1, { area: 'startup', personTimes: 100 }),
      activity(2, { area: 'startup', personTimes: 50 }),
    );
    expect(view.calendarYear.byFunction.startup).toMatchObject({ activities: 2, personTimes: 150 });
  });

  it('S3-2: training takes training-area activities plus every training session and trainee', () => {
    const view = metricsOf(
      activity(1, { area: 'training', personTimes: 40 }),
      training(2, 6, 600, 'training'),
      training(3, 4, 400, 'talent'),
    );
    expect(view.calendarYear.byFunction.training).toMatchObject({
      activities: 1,
      trainingSessions: 10,
      trainees: 1000,
      personTimes: 1040,
    });
  });

  it('S3-2: financing takes financing-area activities and every financing deal (4亿 at the bar)', () => {
    const view = metricsOf(
      activity(1, { area: 'financing' }),
      activity(2, { area: 'financing' }),
      activity(3, { area: 'financing' }),
      financingDeal(4, 39_999_999_999),
      financingDeal(5, 1),
    );
    expect(view.calendarYear.byFunction.financing).toMatchObject({
      activities: 3,
      financingDeals: 2,
      financingFen: 40_000_000_000,
    });
    expect(view.calendarYear.byFunction.information.financingFen).toBe(0);
  });
});
