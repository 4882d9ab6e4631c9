import type { ProjectedEvent } from '../shared/projection';
import { foldEvents, parseDocument, stringifyDocument, viewsOf } from '../shared/projection';
import {
  activity,
  complaint,
  id,
  log,
  rating,
  retraction,
  service,
  submitted,
  uscc,
  verification,
  yearEvent,
} from '../platform-year-metrics/testing/year-events';
import {
  allSignals,
  DEFAULT_FRAUD_THRESHOLDS,
  FRAUD_SIGNALS,
  fraudSignals,
  fraudSignalsProjection,
  type FraudDoc,
  type FraudSignalsView,
} from './fraud-signals.projection';
import {
  financing,
  KEY,
  OTHER_PLATFORM,
  profile,
  recordedAfter,
  signalsOf,
  upload,
} from './testing/fraud-events';

const OTHER = { platformId: OTHER_PLATFORM };
const SHA = 'e'.repeat(64);

/** A service to enterprise 7, always under the same name. */
function to7(n: number, at: Parameters<typeof service>[2] = {}): ProjectedEvent {
  return service(n, { enterpriseUscc: uscc(7), enterpriseName: '企业7' }, at);
}

/** Something for every document kind and most rules, on two platforms, with retractions. */
function scenario(): ProjectedEvent[] {
  const burst = Array.from({ length: 21 }, (_, index) => [
    service(100 + index, { contactPhone: '023-6786 1234' }),
    rating(200 + index, 100 + index, {}, { recordedAt: recordedAfter(index * 15) }),
  ]).flat();
  return [
    profile(1, [{ uscc: uscc(900), name: '服务机构甲' }]),
    ...burst,
    service(2, { enterpriseUscc: uscc(7), enterpriseName: '甲公司' }),
    service(3, { enterpriseUscc: uscc(7), enterpriseName: '乙公司' }),
    service(4, { enterpriseUscc: uscc(7) }, OTHER),
    financing(5, '重庆银行', 'HT-9', 1_000),
    financing(6, '重庆银行', 'HT-9', 1_000, OTHER),
    activity(7, { attendeeUsccs: [uscc(1), uscc(2), uscc(3)] }, { occurredAt: '2025-03-01' }),
    activity(8, { attendeeUsccs: [uscc(3), uscc(2), uscc(1)] }, { occurredAt: '2025-04-01' }),
    upload(9, SHA, [id(7)]),
    upload(10, SHA, [id(8)]),
    complaint(11),
    verification(12, 11, true),
    retraction(13, 101),
    service(14, {}, { occurredAt: '2025-09-20', recordedAt: '2025-10-20T02:00:00.000Z' }),
    retraction(15, 6, OTHER),
    submitted(16),
  ];
}

describe('fraud-signals projection', () => {
  it('is the read model fraud-signals, version 1, reading exactly the events its rules name', () => {
    expect(fraudSignals.name).toBe(FRAUD_SIGNALS);
    expect(FRAUD_SIGNALS).toBe('fraud-signals');
    expect(fraudSignals.version).toBe(1);
    expect([...fraudSignals.eventTypes].sort()).toEqual([
      'ComplaintFiled',
      'ComplaintVerified',
      'CreditEventRecorded',
      'FinancingDealRecorded',
      'ItemPublished',
      'MatchmakingDealRecorded',
      'MaterialUploaded',
      'OperatorProfileUpdated',
      'RecordRetracted',
      'RecruitmentRecorded',
      'ResidentEnterpriseJoined',
      'SatisfactionRated',
      'ServiceActivityRecorded',
      'ServiceRecorded',
      'TechDemandSolved',
      'TrainingRecorded',
      'YearSubmitted',
    ]);
  });

  it('keys each event by the documents it feeds', () => {
    expect(fraudSignals.keysOf(service(1))).toEqual([
      KEY,
      'platform:cq-wanzhou-window',
      `service:${uscc(1)}`,
    ]);
    const [yearKey, contractKey] = fraudSignals.keysOf(financing(2, '重庆银行', 'HT-9', 1));
    expect(yearKey).toBe(KEY);
    expect(contractKey).toMatch(/^contract:[0-9a-f]{16}$/);
    expect(fraudSignals.keysOf(financing(3, ' 重庆银行', 'ht 9', 1, OTHER))[1]).toBe(contractKey);
    expect(fraudSignals.keysOf(upload(4, SHA, []))).toEqual([KEY, `material:${SHA}`]);
    expect(fraudSignals.keysOf(retraction(5, 1))).toEqual([KEY, 'platform:cq-wanzhou-window']);
    expect(fraudSignals.keysOf(submitted(6))).toEqual(['platform:cq-wanzhou-window']);
    expect(fraudSignals.keysOf(profile(7, []))).toEqual(['platform:cq-wanzhou-window']);
    expect(fraudSignals.keysOf(rating(8, 1))).toEqual([KEY]);
    expect(fraudSignals.keysOf({ ...service(9), stream: 'program-p1' })).toEqual([]);
  });

  it('folds with foldEvents and viewsOf: each view lists its document’s signals', () => {
    const views = viewsOf(fraudSignals, foldEvents(fraudSignals, log(...scenario())));
    const year = views.get(KEY);
    expect(year?.retracted).toEqual([id(101)]);
    expect(new Set(year?.signals.map((signal) => signal.ruleId))).toEqual(
      new Set(['F-1', 'F-2', 'F-4', 'F-5', 'F-6']),
    );
    expect(views.get('platform:cq-wanzhou-window')?.signals.map((s) => s.ruleId)).toEqual(['F-9']);
    expect(views.get(`material:${SHA}`)?.signals.map((s) => s.ruleId)).toEqual(['F-8']);
    expect(
      views.get(`service:${uscc(7)}`)?.cross?.[0]?.claims.map((claim) => claim.eventId),
    ).toEqual([id(2), id(3), id(4)]);
    // The other platform's retraction reaches the contract only through allSignals.
    expect(views.get('cq-fuling-window/2025')?.retracted).toEqual([id(6)]);
    const listed = allSignals(views.values());
    expect(listed.filter((signal) => signal.kind === 'same_contract')).toEqual([]);
    expect(listed.filter((signal) => signal.kind === 'same_service')).toHaveLength(2);
    for (const signal of listed) {
      expect(signal.signalId).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(signal.eventIds.length).toBeGreaterThan(0);
      expect(signal.firstPosition).toBeLessThanOrEqual(signal.lastPosition);
    }
  });

  it('signal ids hold as unrelated later events arrive', () => {
    const before = signalsOf(...scenario());
    const after = signalsOf(
      ...scenario(),
      service(300, {}, { recordedAt: recordedAfter(20_000) }),
      service(
        301,
        { enterpriseUscc: uscc(7), enterpriseName: '甲公司' },
        { occurredAt: '2025-07-01' },
      ),
      rating(302, 300, {}, { recordedAt: recordedAfter(30_000) }),
      activity(303, { attendeeUsccs: [uscc(4), uscc(5), uscc(6)] }),
      service(304, {}, { platformId: 'cq-qianjiang-window' }),
    );
    expect(after.map((signal) => signal.signalId)).toEqual(before.map((signal) => signal.signalId));
    const burst = after.find((signal) => signal.kind === 'rating_burst');
    expect(burst?.signalId).toBe(`F-4.cq-wanzhou-window.2025.rating-burst.${id(200)}`);
  });

  it('a retraction removes the signal the record raised', () => {
    const twice = [to7(1), to7(2)];
    expect(signalsOf(...twice).map((signal) => signal.ruleId)).toEqual(['F-2']);
    expect(signalsOf(...twice, retraction(3, 1))).toEqual([]);
  });

  it('the codec round-trips every document: folding on from the parsed copy gives the same', () => {
    const events = log(...scenario());
    const whole = foldEvents(fraudSignals, events);
    for (const split of [1, 10, 45, 52, 55, events.length - 1]) {
      const first = foldEvents(fraudSignals, events.slice(0, split));
      const stored = new Map<string, FraudDoc>();
      for (const [key, doc] of first) {
        const text = stringifyDocument(fraudSignals, doc);
        const parsed = parseDocument(fraudSignals, text, key);
        expect(stringifyDocument(fraudSignals, parsed)).toBe(text);
        stored.set(key, parsed);
      }
      const resumed = foldEvents(fraudSignals, events.slice(split), stored);
      expect([...resumed.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [key, doc] of whole) {
        const other = resumed.get(key);
        expect(other && stringifyDocument(fraudSignals, other)).toBe(
          stringifyDocument(fraudSignals, doc),
        );
        expect(other && fraudSignals.view(other, key)).toEqual(fraudSignals.view(doc, key));
      }
    }
  });

  it('allSignals de-duplicates by id and sorts by platform, year, rule number, id', () => {
    const views = [...viewsOf(fraudSignals, foldEvents(fraudSignals, log(...scenario())))];
    const once = allSignals(views.map(([, view]) => view));
    const twice = allSignals([...views, ...views].map(([, view]) => view));
    expect(twice).toEqual(once);
    const order = once.map(
      (signal) => `${signal.platformId} ${String(signal.year)} ${signal.ruleId}`,
    );
    expect(order).toEqual([
      'cq-fuling-window 2025 F-3',
      'cq-wanzhou-window 2025 F-1',
      'cq-wanzhou-window 2025 F-2',
      'cq-wanzhou-window 2025 F-3',
      'cq-wanzhou-window 2025 F-4',
      'cq-wanzhou-window 2025 F-4',
      'cq-wanzhou-window 2025 F-4',
      'cq-wanzhou-window 2025 F-5',
      'cq-wanzhou-window 2025 F-6',
      'cq-wanzhou-window 2025 F-8',
      'cq-wanzhou-window 2025 F-9',
    ]);
    const ten: FraudSignalsView = {
      signals: [{ ...(once[1] ?? once[0]!), signalId: 'F-10.x', ruleId: 'F-10' }],
    };
    expect(
      allSignals([ten, ...views.map(([, view]) => view)]).findIndex((s) => s.ruleId === 'F-10'),
    ).toBe(once.length);
  });

  it('takes its thresholds as parameters: event ids capped, bars moved, nonsense refused', () => {
    const projection = fraudSignalsProjection({
      ...DEFAULT_FRAUD_THRESHOLDS,
      maxEventIdsPerSignal: 3,
      servicesPerEnterprise: 5,
    });
    const events = Array.from({ length: 6 }, (_, index) =>
      to7(index + 1, { occurredAt: `2025-03-0${String(index + 1)}` }),
    );
    const [signal] = allSignals(
      viewsOf(projection, foldEvents(projection, log(...events))).values(),
    );
    expect(signal).toMatchObject({
      kind: 'enterprise_counted_many_times',
      eventIds: [id(1), id(2), id(3)],
      eventCount: 6,
    });
    expect(() => fraudSignalsProjection({ ...DEFAULT_FRAUD_THRESHOLDS, burstRatings: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      fraudSignalsProjection({ ...DEFAULT_FRAUD_THRESHOLDS, platformEnteredMinShare: 1.5 }),
    ).toThrow(RangeError);
  });

  it('ignores an unread platform-year event and a record id seen twice', () => {
    const plan = yearEvent('WorkPlanSubmitted', 1, { targets: [] });
    expect(fraudSignals.eventTypes.has(plan.type)).toBe(false);
    const twice = [to7(1), to7(1)];
    expect(signalsOf(...twice)).toEqual([]);
  });
});
