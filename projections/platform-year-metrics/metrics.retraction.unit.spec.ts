import fc from 'fast-check';
import { foldEvents, type ProjectedEvent } from '../shared/projection';
import type { MetricsDoc } from './metrics.doc';
import type { PlatformYearMetrics } from './metrics.view';
import { platformYearMetrics } from './platform-year-metrics.projection';
import { docOf, KEY, metricsOf } from './testing/metrics-of';
import { randomYear } from './testing/random-year';
import {
  activity,
  log,
  rating,
  residentEnterprise,
  retraction,
  service,
  uscc,
} from './testing/year-events';

/** The view without the audit counters (a retraction is an event of its own). */
function counted(view: PlatformYearMetrics): PlatformYearMetrics {
  return { ...view, eventCount: 0, lastPosition: 0 };
}

describe('S0-8 a retraction undoes exactly what its record added', () => {
  it('S0-8: retracting a service removes its enterprise only when its last record goes', () => {
    const events = [
      service(1, { enterpriseUscc: uscc(1) }),
      activity(2, { attendeeUsccs: [uscc(1)] }),
      retraction(3, 1),
    ];
    expect(metricsOf(...events).calendarYear).toMatchObject({
      services: 0,
      activities: 1,
      enterprisesServed: 1,
    });
    expect(metricsOf(...events, retraction(4, 2)).calendarYear.enterprisesServed).toBe(0);
  });

  it('S0-8: a USCC attending twice in one activity is removed twice by its retraction', () => {
    const view = metricsOf(
      activity(1, { attendeeUsccs: [uscc(1), uscc(1)] }),
      activity(2, { attendeeUsccs: [uscc(1)], mode: 'online' }),
      retraction(3, 2),
    );
    expect(view.calendarYear).toMatchObject({
      enterprisesServed: 1,
      enterprisesServedOffline: 1,
      enterprisesServedOnline: 0,
    });
  });

  it('S0-8: a resident enterprise joining twice stays until both are retracted', () => {
    const base = [residentEnterprise(1, uscc(1)), residentEnterprise(2, uscc(1))];
    expect(metricsOf(...base, retraction(3, 1)).calendarYear.residentEnterprises).toBe(1);
    expect(
      metricsOf(...base, retraction(3, 1), retraction(4, 2)).calendarYear.residentEnterprises,
    ).toBe(0);
  });

  it('S1-1: a retracted excluded record leaves the exclusions', () => {
    const late = { occurredAt: '2025-10-02', recordedAt: '2025-10-02T02:00:00.000Z' };
    const view = metricsOf(service(1, {}, late), service(2, {}, late), retraction(3, 1));
    expect(view.excluded.map((entry) => entry.recordId)).toEqual([service(2).id]);
  });

  it('S4-3: an excluded rating stays listed when only its service is retracted', () => {
    const late = { occurredAt: '2025-10-02', recordedAt: '2025-10-02T02:00:00.000Z' };
    const view = metricsOf(service(1), rating(2, 1, {}, late), retraction(3, 1));
    expect(view.excluded.map((entry) => entry.type)).toEqual(['SatisfactionRated']);
    expect(view.calendarYear.ratings.rated).toBe(0);
  });

  it('S0-8: retracting twice, or retracting an unknown id, changes nothing more', () => {
    const once = metricsOf(service(1), service(2), retraction(3, 1));
    const twice = metricsOf(service(1), service(2), retraction(3, 1), retraction(4, 1));
    const unknown = metricsOf(service(1), service(2), retraction(3, 1), retraction(4, 99));
    expect(counted(twice)).toEqual(counted(once));
    expect(counted(unknown)).toEqual(counted(once));
  });

  it('S0-8 property: the fold with retractions equals the fold of the records never retracted', () => {
    fc.assert(
      fc.property(randomYear, ({ withRetractions, withoutRetracted }) => {
        const retracted = metricsOf(...withRetractions);
        const neverRecorded = metricsOf(...withoutRetracted);
        expect(counted(retracted)).toEqual(counted(neverRecorded));
      }),
      { numRuns: 300 },
    );
  });
});

function stringified(doc: MetricsDoc): string {
  const { codec } = platformYearMetrics;
  if (codec === undefined) throw new Error('platform-year metrics keep Maps: they have a codec');
  return codec.stringify(doc);
}

/** The document as the projector stores it between batches and reads it back. */
function throughJson(doc: MetricsDoc): MetricsDoc {
  return platformYearMetrics.codec?.parse(stringified(doc), KEY) ?? doc;
}

describe('S0-8 the document survives JSON between batches', () => {
  function resumedAt(events: readonly ProjectedEvent[], split: number): PlatformYearMetrics {
    const logged = log(...events);
    const first = foldEvents(platformYearMetrics, logged.slice(0, split)).get(KEY);
    const persisted = new Map<string, MetricsDoc>();
    if (first !== undefined) persisted.set(KEY, throughJson(first));
    const doc =
      foldEvents(platformYearMetrics, logged.slice(split), persisted).get(KEY) ??
      platformYearMetrics.initialDoc(KEY);
    return platformYearMetrics.view(doc, KEY);
  }

  it('S0-8: the stored document read back folds on to the same view', () => {
    const events = [
      service(1, { enterpriseUscc: uscc(1) }),
      activity(2, { attendeeUsccs: [uscc(1), uscc(2)] }),
      rating(3, 1),
      retraction(4, 1),
      service(5, { enterpriseUscc: uscc(2) }),
    ];
    expect(resumedAt(events, 3)).toEqual(metricsOf(...events));
  });

  it('S0-8 property: persisting the document at any point changes nothing', () => {
    fc.assert(
      fc.property(randomYear, fc.nat(), ({ withRetractions }, cut) => {
        const split = cut % (withRetractions.length + 1);
        expect(resumedAt(withRetractions, split)).toEqual(metricsOf(...withRetractions));
      }),
      { numRuns: 200 },
    );
  });

  it('S0-8: the stored document is JSON text of plain values (no Map, Set, Date or undefined) and reads back as the document', () => {
    const doc = docOf(service(1), activity(2, { attendeeUsccs: [uscc(1)] }), retraction(3, 1));
    const text = stringified(doc);
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
    expect(throughJson(doc)).toEqual(doc);
  });

  it('S0-8: the stored text is what JSON.stringify gave when the Maps were objects', () => {
    const doc = docOf(
      service(1),
      activity(2, { area: 'digital', attendeeUsccs: [uscc(1), uscc(2)] }),
      rating(3, 1),
      retraction(4, 2),
    );
    const asObject = (map: ReadonlyMap<string, unknown>): Record<string, unknown> => {
      const object: Record<string, unknown> = {};
      for (const [key, value] of map) object[key] = value instanceof Map ? asObject(value) : value;
      return object;
    };
    const objects = Object.fromEntries(
      Object.entries(doc).map(([name, value]) => [
        name,
        value instanceof Map ? asObject(value as ReadonlyMap<string, unknown>) : value,
      ]),
    );
    expect(stringified(doc)).toBe(JSON.stringify(objects));
    expect(Object.keys(objects.areaEnterprises as object)).toEqual(['consulting', 'digital']);
  });
});
