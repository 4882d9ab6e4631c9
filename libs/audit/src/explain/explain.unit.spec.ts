import { foldEvents, type ProjectedEvent } from '@ledger/projections/index';
import {
  platformYearKey,
  platformYearMetricsProjection,
} from '@ledger/projections/platform-year-metrics/platform-year-metrics.projection';
import {
  financingDeal,
  id,
  log,
  PLATFORM_ID,
  rating,
  retraction,
  service,
} from '@ledger/projections/platform-year-metrics/testing/year-events';
import { AuditError } from '../audit-error';
import { explain, type ExplainSources } from './explain';

const KEY = platformYearKey(PLATFORM_ID, 2025);

function sources(...events: ProjectedEvent[]): ExplainSources {
  const projection = platformYearMetricsProjection();
  const doc = foldEvents(projection, log(...events)).get(KEY) ?? null;
  return {
    platformId: PLATFORM_ID,
    year: 2025,
    metricsDoc: doc,
    metrics: doc === null ? null : projection.view(doc, KEY),
    programEvents: [],
    eligibility: null,
    funding: null,
  };
}

describe('explain: rule ids and the events behind a metric (DESIGN.md "Audit")', () => {
  const year = sources(
    service(1, { area: 'financing' }),
    service(2, { area: 'consulting', mode: 'online' }),
    service(3, { area: 'financing' }, { occurredAt: '2025-11-02T10:00:00+08:00' }),
    rating(4, 1),
    financingDeal(5, 40_000_000_000),
    service(6),
    retraction(7, 6),
  );

  it('S4-2: enterprises served in the calendar year are the services and activities counted, not the retracted one', () => {
    const answer = explain(year, 'calendarYear.enterprisesServed');
    expect(answer).toMatchObject({ value: 3, eventIds: [id(1), id(2), id(3)], eventCount: 3 });
    expect(answer.ruleIds).toContain('S4-2');
  });

  it("S1-1: the implementation period's count cites S1-1 and lists what it excludes", () => {
    const answer = explain(year, 'implementationPeriod.byArea.financing.services');
    expect(answer).toMatchObject({ value: 1, eventIds: [id(1)], eventCount: 1 });
    expect(answer.ruleIds[0]).toBe('S1-1');
    expect(answer.excluded).toEqual([{ eventId: id(3), reason: 'outside_period', ruleId: 'S1-1' }]);
  });

  it('S3-2: financing by function, with the limit of ids listed', () => {
    expect(explain(year, 'byFunction.financing.financingFen')).toMatchObject({
      value: 40_000_000_000,
      eventIds: [id(5)],
    });
    expect(explain(year, 'services', 1)).toMatchObject({ eventCount: 3, eventIds: [id(1)] });
  });

  it('S4-3: ratings name the rating events', () => {
    expect(explain(year, 'ratings.satisfactionRate')).toMatchObject({
      value: 1,
      eventIds: [id(4)],
      ruleIds: ['S4-3', 'F-4'],
    });
  });

  it('an unknown metric is a VALIDATION_FAILED naming the field; a year with no events is NOT_FOUND', () => {
    expect(() => explain(year, 'nonsense')).toThrow(AuditError);
    expect(() => explain(year, 'byArea.moon.services')).toThrow(/service area/);
    expect(() => explain(sources(), 'services')).toThrow(/reported nothing/);
  });

  it('grade, eligibility and funding answer even with nothing evaluated', () => {
    expect(explain(year, 'grade')).toMatchObject({ value: [], ruleIds: [], eventIds: [] });
    expect(explain(year, 'funding')).toMatchObject({ value: null, eventIds: [] });
  });
});
