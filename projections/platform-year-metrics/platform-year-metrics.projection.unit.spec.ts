import { foldEvents } from '../shared/projection';
import {
  parsePlatformYearKey,
  platformYearKey,
  platformYearMetrics,
} from './platform-year-metrics.projection';
import { docOf, KEY } from './testing/metrics-of';
import { disbursement, log, penalty, service } from './testing/year-events';

describe('platform-year metrics projection', () => {
  it('is the read model platform-year-metrics, keyed {platformId}/{year}', () => {
    expect(platformYearMetrics.name).toBe('platform-year-metrics');
    expect(platformYearKey('cq-wanzhou-window', 2025)).toBe('cq-wanzhou-window/2025');
    expect(parsePlatformYearKey('cq-wanzhou-window/2025')).toEqual({
      platformId: 'cq-wanzhou-window',
      year: 2025,
    });
    expect(() => parsePlatformYearKey('cq-wanzhou-window')).toThrow(RangeError);
  });

  it('keys a platform-year event by its stream; other streams have no key', () => {
    expect(platformYearMetrics.keysOf(service(1))).toEqual([KEY]);
    expect(platformYearMetrics.keysOf(service(2, {}, { year: 2024 }))).toEqual([
      'cq-wanzhou-window/2024',
    ]);
    expect(
      platformYearMetrics.keysOf({ ...service(3), stream: 'platform-cq-wanzhou-window' }),
    ).toEqual([]);
  });

  it('reads every platform-year record but disbursements (the funding ledger’s)', () => {
    expect(platformYearMetrics.eventTypes.has('ServiceRecorded')).toBe(true);
    expect(platformYearMetrics.eventTypes.has('EvaluationConductRecorded')).toBe(true);
    expect(platformYearMetrics.eventTypes.has('DisbursementRecorded')).toBe(false);
    expect(platformYearMetrics.keysOf(disbursement(1, 'p-1', 100))).toEqual([KEY]);
  });

  it('folds each platform-year into its own document', () => {
    const docs = foldEvents(
      platformYearMetrics,
      log(service(1), service(2, {}, { platformId: 'cq-fuling-window' }), service(3)),
    );
    expect([...docs.keys()].sort()).toEqual(['cq-fuling-window/2025', KEY]);
    expect(docs.get(KEY)?.calendarYear.services).toBe(2);
  });

  it('the view shares nothing mutable with the document', () => {
    const doc = docOf(service(1), penalty(2, 'judicial'));
    const view = platformYearMetrics.view(doc, KEY);
    platformYearMetrics.evolve(doc, { ...service(3), position: 9 }, KEY);
    platformYearMetrics.evolve(doc, { ...penalty(4, 'administrative'), position: 10 }, KEY);
    expect(view.calendarYear.services).toBe(1);
    expect(view.penalties).toHaveLength(1);
    expect(view.eventCount).toBe(2);
  });
});
