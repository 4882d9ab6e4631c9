import { PLAN_INDICATORS, isAreaIndicator as domainCountsPerArea } from '@ledger/domain';
import { AREA_INDICATORS, METRIC_INDICATORS } from './metrics.indicators';
import { metricsOf } from './testing/metrics-of';
import { activity, financingDeal, retraction, service, workPlan } from './testing/year-events';

const AFTER_PERIOD = { occurredAt: '2025-10-02', recordedAt: '2025-10-02T02:00:00.000Z' };

describe('S1-4 targets: the standing work plan against the implementation period', () => {
  it('S1-4: actual ÷ target per indicator, reading byArea when the target names an area', () => {
    const view = metricsOf(
      workPlan(1, [
        { indicator: 'activities', area: null, target: 10 },
        { indicator: 'enterprisesServed', area: 'consulting', target: 4 },
        { indicator: 'financingFen', area: null, target: 50_000_000 },
      ]),
      activity(2, { area: 'consulting' }),
      activity(3, { area: 'digital' }),
      service(4, { area: 'consulting' }),
      financingDeal(5, 60_000_000),
    );
    expect(view.targets).toEqual([
      { indicator: 'activities', area: null, target: 10, actual: 2, rate: 0.2 },
      { indicator: 'enterprisesServed', area: 'consulting', target: 4, actual: 1, rate: 0.25 },
      { indicator: 'financingFen', area: null, target: 50_000_000, actual: 60_000_000, rate: 1.2 },
    ]);
  });

  it('S1-4 / S1-1: records outside the period do not advance a target', () => {
    const view = metricsOf(
      workPlan(1, [{ indicator: 'activities', area: null, target: 2 }]),
      activity(2),
      activity(3, {}, AFTER_PERIOD),
    );
    expect(view.targets[0]).toMatchObject({ actual: 1, rate: 0.5 });
    expect(view.calendarYear.activities).toBe(2);
  });

  it('S1-4: a later plan replaces the earlier one', () => {
    const view = metricsOf(
      workPlan(1, [{ indicator: 'activities', area: null, target: 4 }]),
      workPlan(2, [{ indicator: 'services', area: null, target: 2 }]),
      service(3),
    );
    expect(view.targets).toEqual([
      { indicator: 'services', area: null, target: 2, actual: 1, rate: 0.5 },
    ]);
  });

  it('S1-4: retracting the standing plan brings the earlier plan back', () => {
    const view = metricsOf(
      workPlan(1, [{ indicator: 'activities', area: null, target: 4 }]),
      workPlan(2, [{ indicator: 'services', area: null, target: 2 }]),
      retraction(3, 2),
      activity(4),
    );
    expect(view.targets).toEqual([
      { indicator: 'activities', area: null, target: 4, actual: 1, rate: 0.25 },
    ]);
  });

  it('S1-4: 7 of 10 is a rate of exactly 0.7; 69 of 100 is just below', () => {
    const seven = metricsOf(
      workPlan(1, [{ indicator: 'activities', area: null, target: 10 }]),
      ...Array.from({ length: 7 }, (_, i) => activity(10 + i)),
    );
    expect(seven.targets[0]?.rate).toBe(0.7);
    const sixtyNine = metricsOf(
      workPlan(1, [{ indicator: 'services', area: null, target: 100 }]),
      ...Array.from({ length: 69 }, (_, i) => service(10 + i)),
    );
    expect(sixtyNine.targets[0]?.rate).toBe(0.69);
  });

  it('S1-4: an unknown indicator reads actual 0 and rate null; no plan means no targets', () => {
    const view = metricsOf(
      workPlan(1, [{ indicator: 'satisfaction', area: null, target: 90 }]),
      activity(2),
    );
    expect(view.targets).toEqual([
      { indicator: 'satisfaction', area: null, target: 90, actual: 0, rate: null },
    ]);
    expect(metricsOf(activity(1)).targets).toEqual([]);
  });

  it('S1-4: retracting the only plan leaves no targets', () => {
    const view = metricsOf(
      workPlan(1, [{ indicator: 'activities', area: null, target: 4 }]),
      retraction(2, 1),
    );
    expect(view.targets).toEqual([]);
  });
});

describe('S1-4 indicator names shared with the domain (D-PLAN)', () => {
  it('S1-4: METRIC_INDICATORS is the domain’s PLAN_INDICATORS', () => {
    expect(METRIC_INDICATORS).toEqual(PLAN_INDICATORS);
  });

  it('S1-4: the domain allows an area on exactly the indicators counted per area', () => {
    const perArea = METRIC_INDICATORS.filter((name) => domainCountsPerArea(name));
    expect(perArea).toEqual([...AREA_INDICATORS]);
  });
});
