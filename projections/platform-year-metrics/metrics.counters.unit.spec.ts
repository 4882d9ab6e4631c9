import { areaTally } from '@ledger/projections/testing';
import { metricsOf } from './testing/metrics-of';
import {
  activity,
  financingDeal,
  item,
  matchmakingDeal,
  recruitment,
  residentEnterprise,
  service,
  techDemand,
  training,
  uscc,
} from './testing/year-events';

describe('S2-3 / S3-3 activities', () => {
  it('S2-3: counts activities by mode with their person-times, in total and in their area', () => {
    // given two offline consulting activities and one online digital activity
    const events = [
      activity(1, { area: 'consulting', mode: 'offline', personTimes: 40 }),
      activity(2, { area: 'consulting', mode: 'offline', personTimes: 25 }),
      activity(3, { area: 'digital', mode: 'online', personTimes: 300 }),
    ];
    // when folded
    const { calendarYear } = metricsOf(...events);
    // then
    expect(calendarYear.activities).toBe(3);
    expect(calendarYear.activitiesOffline).toBe(2);
    expect(calendarYear.activitiesOnline).toBe(1);
    expect(calendarYear.activityPersonTimes).toBe(365);
    expect(calendarYear.byArea.consulting).toMatchObject({
      activities: 2,
      activitiesOffline: 2,
      activitiesOnline: 0,
      activityPersonTimes: 65,
    });
    expect(calendarYear.byArea.digital).toMatchObject({ activities: 1, activitiesOnline: 1 });
  });

  it('S2-3: an area without records reads all zeros', () => {
    expect(metricsOf(activity(1)).calendarYear.byArea.green).toEqual(areaTally());
  });
});

describe('S4-1 / S3-3 distinct enterprises served', () => {
  it('S4-1: an enterprise served by a service and attending an activity counts once', () => {
    // given uscc(1) served offline and attending an offline activity with uscc(2)
    const events = [
      service(1, { enterpriseUscc: uscc(1), mode: 'offline' }),
      activity(2, { attendeeUsccs: [uscc(1), uscc(2)], mode: 'offline' }),
    ];
    // then two enterprises, both offline
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear.enterprisesServed).toBe(2);
    expect(calendarYear.enterprisesServedOffline).toBe(2);
    expect(calendarYear.enterprisesServedOnline).toBe(0);
  });

  it('S3-2: an enterprise served offline and online counts once in total and once in each mode', () => {
    const events = [
      service(1, { enterpriseUscc: uscc(1), mode: 'offline' }),
      service(2, { enterpriseUscc: uscc(1), mode: 'online' }),
      activity(3, { attendeeUsccs: [uscc(3)], mode: 'online' }),
    ];
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear.enterprisesServed).toBe(2);
    expect(calendarYear.enterprisesServedOffline).toBe(1);
    expect(calendarYear.enterprisesServedOnline).toBe(2);
  });

  it('S3-3: enterprises are distinct per area and overall', () => {
    // given uscc(1) served in consulting and in digital, uscc(2) in digital only
    const events = [
      service(1, { enterpriseUscc: uscc(1), area: 'consulting' }),
      service(2, { enterpriseUscc: uscc(1), area: 'digital' }),
      activity(3, { area: 'digital', attendeeUsccs: [uscc(2), uscc(2)] }),
    ];
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear.byArea.consulting.enterprisesServed).toBe(1);
    expect(calendarYear.byArea.digital.enterprisesServed).toBe(2);
    expect(calendarYear.byArea.digital.services).toBe(1);
    expect(calendarYear.enterprisesServed).toBe(2);
  });

  it('S4-1: 100 distinct enterprises is exactly the bar; 99 with a repeat stays 99', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => service(i + 1));
    expect(metricsOf(...hundred).calendarYear.enterprisesServedOffline).toBe(100);
    const repeat = [...hundred.slice(0, 99), service(100, { enterpriseUscc: uscc(1) })];
    expect(metricsOf(...repeat).calendarYear.enterprisesServedOffline).toBe(99);
  });
});

describe('S4-1 services: fee kinds and institutions', () => {
  it('S4-1: free and low-fee services are public-interest; the share divides by all services', () => {
    const events = [
      service(1, { feeKind: 'free' }),
      service(2, { feeKind: 'low_fee' }),
      service(3, { feeKind: 'paid' }),
      service(4, { feeKind: 'paid' }),
    ];
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear.services).toBe(4);
    expect(calendarYear.servicesPublicInterest).toBe(2);
    expect(calendarYear.publicInterestShare).toBe(0.5);
  });

  it('S4-1: without services the public-interest share is null', () => {
    expect(metricsOf(activity(1)).calendarYear.publicInterestShare).toBeNull();
  });

  it('S0-6: institutions delivering are the distinct non-null institution USCCs on services', () => {
    const events = [
      service(1, { institutionUscc: uscc(901) }),
      service(2, { institutionUscc: uscc(901) }),
      service(3, { institutionUscc: uscc(902) }),
      service(4, { institutionUscc: null }),
    ];
    expect(metricsOf(...events).calendarYear.institutionsDelivering).toBe(2);
  });
});

describe('S3-3 trainings, deals, recruitments and the other countable services', () => {
  it('S3-3: trainings count records, sessions and trainees, in total and in their area', () => {
    const events = [training(1, 4, 320, 'talent'), training(2, 6, 480, 'training')];
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear).toMatchObject({ trainings: 2, trainingSessions: 10, trainees: 800 });
    expect(calendarYear.byArea.talent).toMatchObject({
      trainings: 1,
      trainingSessions: 4,
      trainees: 320,
    });
  });

  it('S3-2: financing deals count and sum their amounts in 分 (4亿元 = 40,000,000,000 分)', () => {
    const events = [financingDeal(1, 30_000_000_000), financingDeal(2, 10_000_000_000)];
    const { calendarYear } = metricsOf(...events);
    expect(calendarYear.financingDeals).toBe(2);
    expect(calendarYear.financingFen).toBe(40_000_000_000);
  });

  it('S3-3: recruitments, positions and hires; matchmaking deals and amounts; tech demands', () => {
    const events = [
      recruitment(1, 30, 12),
      recruitment(2, 20, 8),
      matchmakingDeal(3, 5_000_000),
      matchmakingDeal(4, 0),
      techDemand(5),
    ];
    expect(metricsOf(...events).calendarYear).toMatchObject({
      recruitments: 2,
      recruitmentPositions: 50,
      hires: 20,
      matchmakingDeals: 2,
      matchmakingFen: 5_000_000,
      techDemandsSolved: 1,
    });
  });

  it('S0-6: resident enterprises are distinct USCCs', () => {
    const events = [
      residentEnterprise(1, uscc(1)),
      residentEnterprise(2, uscc(1)),
      residentEnterprise(3, uscc(2)),
    ];
    expect(metricsOf(...events).calendarYear.residentEnterprises).toBe(2);
  });

  it('S2-3: items published are counted by kind', () => {
    const events = [item(1, 'policy'), item(2, 'policy'), item(3, 'service'), item(4, 'demand')];
    expect(metricsOf(...events).calendarYear).toMatchObject({
      policyItemsPublished: 2,
      serviceItemsPublished: 1,
      demandItemsPublished: 1,
    });
  });

  it('D-RECORD-ID: a record id seen twice is counted once', () => {
    const view = metricsOf(service(1), service(1));
    expect(view.calendarYear.services).toBe(1);
    expect(view.eventCount).toBe(2);
  });
});

describe('metrics identity and audit trail', () => {
  it('names its platform and year, counts the events it read and the last position', () => {
    const view = metricsOf(service(1), activity(2), techDemand(3));
    expect(view).toMatchObject({
      platformId: 'cq-wanzhou-window',
      year: 2025,
      eventCount: 3,
      lastPosition: 2,
    });
  });
});
