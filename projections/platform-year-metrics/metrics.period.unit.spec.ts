import { DEFAULT_S1_CALENDAR } from './metrics.calendar';
import { metricsOf } from './testing/metrics-of';
import { foldEvents } from '../shared/projection';
import { platformYearKey, platformYearMetricsProjection } from './platform-year-metrics.projection';
import { activity, id, log, PLATFORM_ID, rating, service, uscc, YEAR } from './testing/year-events';

const ON_TIME = '2025-09-30T08:00:00.000Z';

describe('S1-1 implementation period: occurredAt inside 01-01 .. 09-30 (Beijing)', () => {
  it('S1-1: 09-30 23:59:59.999 Beijing counts in the period', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: '2025-09-30T23:59:59.999+08:00', recordedAt: ON_TIME }),
    );
    expect(view.implementationPeriod.services).toBe(1);
    expect(view.excluded).toEqual([]);
  });

  it('S1-1: 10-01 00:00 Beijing (09-30 16:00 UTC) is outside the period but inside the year', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: '2025-09-30T16:00:00.000Z', recordedAt: ON_TIME }),
    );
    expect(view.implementationPeriod.services).toBe(0);
    expect(view.calendarYear.services).toBe(1);
    expect(view.excluded).toEqual([
      {
        recordId: id(1),
        type: 'ServiceRecorded',
        occurredAt: '2025-09-30T16:00:00.000Z',
        recordedAt: ON_TIME,
        reason: 'outside_period',
        ruleId: 'S1-1',
      },
    ]);
  });

  it('S1-1: a date alone means Beijing midnight: 2025-01-01 is in, 2025-10-01 is out', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: '2025-01-01', recordedAt: ON_TIME }),
      service(2, {}, { occurredAt: '2025-10-01', recordedAt: ON_TIME }),
    );
    expect(view.implementationPeriod.services).toBe(1);
    expect(view.excluded.map((entry) => entry.recordId)).toEqual([id(2)]);
  });

  it('S1-1: 01-01 00:00 Beijing (12-31 16:00 UTC of the year before) opens the period', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: '2024-12-31T16:00:00.000Z', recordedAt: ON_TIME }),
    );
    expect(view.implementationPeriod.services).toBe(1);
    expect(view.calendarYear.services).toBe(1);
  });
});

describe('S1-1 evidence deadline: recordedAt by 10-10 end of day (Beijing)', () => {
  const inPeriod = '2025-09-01T10:00:00+08:00';

  it('S1-1: recorded at 10-10 23:59:59.999 Beijing (15:59:59.999 UTC) counts', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: inPeriod, recordedAt: '2025-10-10T15:59:59.999Z' }),
    );
    expect(view.implementationPeriod.services).toBe(1);
    expect(view.excluded).toEqual([]);
  });

  it('S1-1: recorded at 10-11 00:00 Beijing (2025-10-10T16:00:00.000Z) is excluded and flagged', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: inPeriod, recordedAt: '2025-10-10T16:00:00.000Z' }),
    );
    expect(view.implementationPeriod.services).toBe(0);
    expect(view.calendarYear.services).toBe(1);
    expect(view.excluded).toEqual([
      {
        recordId: id(1),
        type: 'ServiceRecorded',
        occurredAt: inPeriod,
        recordedAt: '2025-10-10T16:00:00.000Z',
        reason: 'after_evidence_deadline',
        ruleId: 'S1-1',
      },
    ]);
  });

  it('S1-1: a record both outside the period and late is reported as outside the period', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: '2025-11-02', recordedAt: '2025-11-02T02:00:00.000Z' }),
    );
    expect(view.excluded.map((entry) => entry.reason)).toEqual(['outside_period']);
  });

  it('S1-1: each window counts its own distinct enterprises', () => {
    // uscc(1) served inside the period, uscc(2) only after it
    const view = metricsOf(
      service(1, {}, { occurredAt: inPeriod, recordedAt: ON_TIME }),
      activity(
        2,
        { attendeeUsccs: [uscc(1), uscc(2)] },
        { occurredAt: '2025-11-02', recordedAt: '2025-11-02T02:00:00.000Z' },
      ),
    );
    expect(view.implementationPeriod.enterprisesServed).toBe(1);
    expect(view.calendarYear.enterprisesServed).toBe(2);
  });

  it('S1-1 / S4-3: a rating is placed by its own dates', () => {
    const view = metricsOf(
      service(1, {}, { occurredAt: inPeriod, recordedAt: ON_TIME }),
      rating(2, 1, {}, { occurredAt: '2025-10-02', recordedAt: '2025-10-02T02:00:00.000Z' }),
    );
    expect(view.calendarYear.ratings.rated).toBe(1);
    expect(view.implementationPeriod.ratings.rated).toBe(0);
    expect(view.excluded.map((entry) => entry.type)).toEqual(['SatisfactionRated']);
  });
});

describe('S1-1 calendar parameter', () => {
  it('S1-1: the defaults are the 2025 notice: 01-01 .. 09-30, evidence by 10-10', () => {
    expect(DEFAULT_S1_CALENDAR).toEqual({
      periodStart: '01-01',
      periodEnd: '09-30',
      evidenceDeadline: '10-10',
    });
  });

  it('S1-1: another calendar moves the window (a period ending 06-30)', () => {
    const projection = platformYearMetricsProjection({
      periodStart: '01-01',
      periodEnd: '06-30',
      evidenceDeadline: '07-10',
    });
    const key = platformYearKey(PLATFORM_ID, YEAR);
    const events = log(
      service(1, {}, { occurredAt: '2025-06-30T23:00:00+08:00', recordedAt: ON_TIME }),
      service(2, {}, { occurredAt: '2025-07-01T00:00:00+08:00', recordedAt: ON_TIME }),
    );
    const doc = foldEvents(projection, events).get(key);
    if (doc === undefined) throw new Error('no document');
    const view = projection.view(doc, key);
    // service 1 is in the period but recorded after 07-10; service 2 is outside the period
    expect(view.implementationPeriod.services).toBe(0);
    expect(view.excluded.map((entry) => entry.reason)).toEqual([
      'after_evidence_deadline',
      'outside_period',
    ]);
  });

  it.each([
    [
      'a day that does not exist',
      { periodStart: '01-01', periodEnd: '09-31', evidenceDeadline: '10-10' },
    ],
    [
      '02-29, missing in most years',
      { periodStart: '02-29', periodEnd: '09-30', evidenceDeadline: '10-10' },
    ],
    [
      'a period ending before it starts',
      { periodStart: '09-30', periodEnd: '01-01', evidenceDeadline: '10-10' },
    ],
    [
      'a deadline before the period ends',
      { periodStart: '01-01', periodEnd: '09-30', evidenceDeadline: '09-29' },
    ],
  ])('S1-1: a calendar with %s is refused when the projection is built', (_, calendar) => {
    expect(() => platformYearMetricsProjection(calendar)).toThrow(RangeError);
  });
});
