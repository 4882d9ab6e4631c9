import { foldEvents, type ProjectedEvent } from '../shared/projection';
import { line, publicationId, published } from '../funding-ledger/testing/program-events';
import {
  certified,
  DEMO_ID,
  eventId,
  filed,
  reReviewed,
  revoked,
  WINDOW_ID,
  windowFiling,
} from '../platforms/testing/platform-events';
import { creditEvent, id, log, retraction } from '../platform-year-metrics/testing/year-events';
import { eligibilityFor } from './eligibility-for';
import { eligibility } from './eligibility.projection';
import type { EligibilityView } from './eligibility.view';

function eligibilityOf(platformId: string, ...events: readonly ProjectedEvent[]): EligibilityView {
  const doc =
    foldEvents(eligibility, log(...events)).get(platformId) ?? eligibility.initialDoc(platformId);
  return eligibility.view(doc, platformId);
}

const windowFiled = filed(1, windowFiling);

describe('S1-4 published results: 不合格 this year, no support next year', () => {
  const failing = published(7, 'cq-window-2025', 2025, [
    line(WINDOW_ID, { grade: '不合格', ineligibleNextYear: true }),
  ]);

  it('S1-4: ineligibleNextYear in 2025 makes 2026 ineligible, citing the publication and program', () => {
    const view = eligibilityOf(WINDOW_ID, windowFiled, failing);
    expect(eligibilityFor(view, 2026)).toEqual({
      eligible: false,
      reasons: [
        {
          ruleId: 'S1-4',
          cause: 'unqualified_previous_year',
          reason:
            'Program cq-window-2025 found 2025 unqualified (completion below the bar): no support in 2026.',
          eventIds: [publicationId(7)],
          programId: 'cq-window-2025',
        },
      ],
    });
  });

  it('S1-4: the 不合格 grade is noted for 2025 itself', () => {
    const view = eligibilityOf(WINDOW_ID, windowFiled, failing);
    expect(eligibilityFor(view, 2025).reasons).toEqual([
      {
        ruleId: 'S1-4',
        cause: 'graded_unqualified',
        reason: 'Graded 不合格 for 2025 by program cq-window-2025.',
        eventIds: [publicationId(7)],
        programId: 'cq-window-2025',
      },
    ]);
    expect(eligibilityFor(view, 2027)).toEqual({ eligible: true, reasons: [] });
  });

  it('S0-5: a 不合格 from a network evaluation cites S0-5', () => {
    const view = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      published(8, 'cq-network-2020', 2020, [
        line(WINDOW_ID, { grade: '不合格', ruleIds: ['S0-1', 'S0-5'] }),
      ]),
    );
    expect(eligibilityFor(view, 2020).reasons.map((reason) => reason.ruleId)).toEqual(['S0-5']);
    expect(eligibilityFor(view, 2021).eligible).toBe(true);
  });

  it('S1-4: a qualified line bars nothing and touches no document', () => {
    const passing = published(9, 'cq-window-2025', 2025, [line(WINDOW_ID, { grade: '合格' })]);
    expect(eligibility.keysOf(passing)).toEqual([]);
    expect(eligibilityFor(eligibilityOf(WINDOW_ID, windowFiled, passing), 2026).eligible).toBe(
      true,
    );
  });

  it('S1-4: a publication keys exactly the platforms it bars', () => {
    const event = published(10, 'p', 2025, [
      line('a', { ineligibleNextYear: true }),
      line('b'),
      line('c', { grade: '不合格' }),
    ]);
    expect(eligibility.keysOf(event)).toEqual(['a', 'c']);
  });
});

describe('S1-6 credit: 失信被执行人 or an audit finding cancels the year’s support', () => {
  it.each(['dishonest_debtor', 'audit_finding'] as const)(
    'S1-6: a %s credit event in the 2025 stream makes 2025 ineligible, not 2026',
    (kind) => {
      const view = eligibilityOf(
        WINDOW_ID,
        windowFiled,
        creditEvent(2, kind, { occurredAt: '2025-04-01' }),
      );
      const year = eligibilityFor(view, 2025);
      expect(year.eligible).toBe(false);
      expect(year.reasons).toMatchObject([
        { ruleId: 'S1-6', cause: 'bad_credit', eventIds: [id(2)], programId: null },
      ]);
      expect(eligibilityFor(view, 2026).eligible).toBe(true);
    },
  );

  it.each(['other_bad_credit', 'cleared'] as const)(
    'S1-6: a %s credit event bars nothing',
    (kind) => {
      const event = creditEvent(2, kind);
      expect(eligibility.keysOf(event)).toEqual([]);
      expect(eligibilityFor(eligibilityOf(WINDOW_ID, windowFiled, event), 2025).eligible).toBe(
        true,
      );
    },
  );

  it('S1-6: a retracted credit event no longer bars the year', () => {
    const view = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      creditEvent(2, 'dishonest_debtor'),
      retraction(3, 2),
    );
    expect(eligibilityFor(view, 2025)).toEqual({ eligible: true, reasons: [] });
  });

  it('S1-6: a 失信被执行人 listing counts through the implementation period (09-30), not after', () => {
    const on = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      creditEvent(2, 'dishonest_debtor', { occurredAt: '2025-09-30T23:59:59+08:00' }),
    );
    expect(eligibilityFor(on, 2025).eligible).toBe(false);
    const after = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      creditEvent(2, 'dishonest_debtor', { occurredAt: '2025-10-01' }),
    );
    expect(eligibilityFor(after, 2025)).toEqual({ eligible: true, reasons: [] });
    const audit = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      creditEvent(2, 'audit_finding', { occurredAt: '2025-11-20' }),
    );
    expect(eligibilityFor(audit, 2025).eligible).toBe(false);
  });

  it('S1-6: the year is the stream’s (a 2024 stream’s event bars 2024)', () => {
    const view = eligibilityOf(
      WINDOW_ID,
      windowFiled,
      creditEvent(2, 'audit_finding', { year: 2024, occurredAt: '2025-01-15' }),
    );
    expect(eligibilityFor(view, 2024).eligible).toBe(false);
    expect(eligibilityFor(view, 2025).eligible).toBe(true);
  });
});

describe('S4-4 revocation: ineligible from the revocation’s year on', () => {
  const demo = [filed(1), certified(2, '2022-07-01', '2028-06-30')];

  it('S4-4: revoked on 2025-06-01: 2024 eligible, 2025 and every later year not', () => {
    const view = eligibilityOf(DEMO_ID, ...demo, revoked(3, '2025-06-01'));
    expect(eligibilityFor(view, 2024).eligible).toBe(true);
    expect(eligibilityFor(view, 2025).reasons).toEqual([
      {
        ruleId: 'S4-4',
        cause: 'revoked',
        reason: 'Revoked (撤消) on 2025-06-01: 复核不合格. Not eligible from 2025.',
        eventIds: [eventId(3)],
        programId: null,
      },
    ]);
    expect(eligibilityFor(view, 2040).reasons.map((reason) => reason.cause)).toEqual([
      'revoked',
      'no_valid_certification',
    ]);
  });

  it('S4-4: revoked at 2024-12-31T16:00Z (2025-01-01 in Beijing) counts from 2025', () => {
    const view = eligibilityOf(DEMO_ID, ...demo, revoked(3, '2024-12-31T16:00:00.000Z'));
    expect(eligibilityFor(view, 2024).eligible).toBe(true);
    expect(eligibilityFor(view, 2025).eligible).toBe(false);
  });
});

describe('S3-1 a demonstration platform needs a certification valid in the year', () => {
  it('S3-1: certified 2022-07-01 .. 2025-06-30: 2022 and 2025 eligible, 2021 and 2026 not', () => {
    const view = eligibilityOf(DEMO_ID, filed(1), certified(2, '2022-07-01', '2025-06-30'));
    expect(eligibilityFor(view, 2022).eligible).toBe(true);
    expect(eligibilityFor(view, 2025).eligible).toBe(true);
    expect(eligibilityFor(view, 2021).eligible).toBe(false);
    expect(eligibilityFor(view, 2026).reasons).toEqual([
      {
        ruleId: 'S3-1',
        cause: 'no_valid_certification',
        reason: 'A demonstration platform with no certification valid in 2026.',
        eventIds: [eventId(2)],
        programId: null,
      },
    ]);
  });

  it('S3-1 / S4-4: a passed re-review carries the certification on', () => {
    const view = eligibilityOf(
      DEMO_ID,
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      reReviewed(3, '2025-06-01', true, '2028-06-30'),
    );
    expect(eligibilityFor(view, 2027).eligible).toBe(true);
    expect(eligibilityFor(view, 2029).eligible).toBe(false);
  });

  it('S3-1: a window platform needs no certification', () => {
    expect(eligibilityFor(eligibilityOf(WINDOW_ID, windowFiled), 2025).eligible).toBe(true);
  });

  it('S3-1: without a filing the platform kind is unknown and no certification is asked for', () => {
    const view = eligibilityOf(WINDOW_ID, creditEvent(2, 'cleared'));
    expect(view.platform.kind).toBeNull();
    expect(eligibilityFor(view, 2025).eligible).toBe(true);
  });
});

describe('eligibility view', () => {
  it('lists every year from the filing to the last year a fact names, with all its reasons', () => {
    const view = eligibilityOf(
      DEMO_ID,
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      published(3, 'bengbu-demo-2022', 2023, [line(DEMO_ID, { grade: '不合格' })]),
    );
    expect(Object.keys(view.years)).toEqual(['2022', '2023', '2024', '2025']);
    expect(view.years['2023']?.reasons.map((reason) => reason.cause)).toEqual([
      'graded_unqualified',
    ]);
    expect(view.years['2024']).toEqual({ eligible: true, reasons: [] });
    for (const year of [2022, 2023, 2024, 2025]) {
      expect(eligibilityFor(view, year)).toEqual(view.years[String(year)]);
    }
  });

  it('is the read model eligibility; its document survives JSON', () => {
    expect(eligibility.name).toBe('eligibility');
    const events = log(
      filed(1),
      certified(2, '2022-07-01', '2025-06-30'),
      published(3, 'p', 2024, [line(DEMO_ID, { ineligibleNextYear: true })]),
    );
    const doc = foldEvents(eligibility, events).get(DEMO_ID);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
