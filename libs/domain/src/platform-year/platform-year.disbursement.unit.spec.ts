import { platformYearDecider } from '../deciders';
import { specificationFor, stateAfter } from '../testing/decider-specification';
import { filedWindowPlatform, id, meta } from '../testing/fixtures';
import {
  PROGRAM_ID,
  awarded,
  disburse,
  disbursed,
  retracted,
  retract,
  yearSubmitted,
} from '../testing/year-records';
import { disbursedFen } from './platform-year.state';

/** Funds paid against a program's published award (an administrator's fact of the year). */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);

describe('D-DISBURSEMENT: what is paid never exceeds what the program awarded', () => {
  const award = awarded(30_000_000); // S1-5 一档: 300,000 元

  it('D-DISBURSEMENT: paying the whole award at once is accepted', () => {
    spec
      .given()
      .when(disburse(1, award, { amountFen: 30_000_000 }))
      .then(disbursed(1, { amountFen: 30_000_000 }));
  });

  it('D-DISBURSEMENT: paying exactly what remains after an instalment is accepted', () => {
    spec
      .given(disbursed(1, { amountFen: 12_345_678 }))
      .when(disburse(2, award, { amountFen: 17_654_322 }))
      .then(disbursed(2, { amountFen: 17_654_322 }));
  });

  it('D-DISBURSEMENT: 1 分 more than what remains is a RULE_VIOLATION', () => {
    spec
      .given(disbursed(1, { amountFen: 12_345_678 }))
      .when(disburse(2, award, { amountFen: 17_654_323 }))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'amountFen' });
  });

  it('D-DISBURSEMENT: 1 分 more than the whole award is a RULE_VIOLATION', () => {
    spec
      .given()
      .when(disburse(1, award, { amountFen: 30_000_001 }))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'amountFen' });
  });

  it('D-DISBURSEMENT: nothing more once the award is paid in full', () => {
    spec
      .given(disbursed(1, { amountFen: 30_000_000 }))
      .when(disburse(2, award, { amountFen: 1 }))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'amountFen' });
  });

  it('D-DISBURSEMENT: a retracted disbursement (entered by mistake) frees its amount', () => {
    spec
      .given(disbursed(1, { amountFen: 30_000_000 }), retracted(2, id(1), '2025-12-11T01:00:00Z'))
      .when(disburse(3, award, { amountFen: 30_000_000 }))
      .then(disbursed(3, { amountFen: 30_000_000 }));
  });

  it('D-DISBURSEMENT: an administrator may retract a disbursement', () => {
    const now = '2025-12-11T01:00:00.000Z';
    spec
      .given(disbursed(1))
      .when(retract(2, id(1), meta('admin', now)))
      .then(retracted(2, id(1), now));
  });

  it('D-RETRACT-OWN: a platform cannot retract a disbursement', () => {
    spec
      .given(disbursed(1))
      .when(retract(2, id(1), meta('platform')))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-OWN', field: 'retractedId' });
  });

  it('D-DISBURSEMENT: what another program paid does not count against this award', () => {
    spec
      .given(disbursed(1, { programId: 'bengbu-demo-2025', amountFen: 50_000_000 }))
      .when(disburse(2, award, { amountFen: 30_000_000 }))
      .then(disbursed(2, { amountFen: 30_000_000 }));
  });

  it('D-DISBURSEMENT: the state sums the live disbursements per program', () => {
    const state = stateAfter(platformYearDecider, [
      disbursed(1, { amountFen: 100 }),
      disbursed(2, { amountFen: 250 }),
      disbursed(3, { programId: 'other', amountFen: 7 }),
      retracted(4, id(1), '2025-12-11T01:00:00Z'),
    ]);
    expect(disbursedFen(state, PROGRAM_ID)).toBe(250);
    expect(disbursedFen(state, 'other')).toBe(7);
    expect(disbursedFen(state, 'none')).toBe(0);
  });

  it('D-SUBMITTED: a disbursement comes after the submission by nature', () => {
    spec
      .given(yearSubmitted(1, '2025-10-09T02:00:00.000Z'))
      .when(disburse(2, award))
      .then(disbursed(2));
  });
});

describe('D-DISBURSEMENT: only a published award for this year can be paid', () => {
  it('D-DISBURSEMENT: an unknown program is NOT_FOUND', () => {
    spec
      .given()
      .when(disburse(1, { status: 'no_program' }))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-DISBURSEMENT', field: 'programId' });
  });

  it('D-DISBURSEMENT: a program whose results are not published has awarded nothing yet', () => {
    spec
      .given()
      .when(disburse(1, { status: 'unpublished', year: 2025 }))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'programId' });
  });

  it('D-DISBURSEMENT: a platform the results do not fund cannot be paid', () => {
    spec
      .given()
      .when(disburse(1, awarded(0)))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'programId' });
  });

  it("D-DISBURSEMENT: another year's award is not paid into this year", () => {
    spec
      .given()
      .when(disburse(1, awarded(30_000_000, 2024)))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-DISBURSEMENT', field: 'programId' });
  });
});

describe('D-MONEY / D-RECORD-ID / D-DATE: the disbursement itself', () => {
  it.each([0, -1, 100.5, Number.NaN])('D-MONEY: an amount of %d 分 is refused', (amountFen) => {
    spec
      .given()
      .when(disburse(1, awarded(), { amountFen }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'amountFen' });
  });

  it('D-RECORD-ID: a record id already used in the year is a CONFLICT', () => {
    spec
      .given(disbursed(1, { amountFen: 1 }))
      .when(disburse(1, awarded(), { amountFen: 1 }))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RECORD-ID', field: 'recordId' });
  });

  it('D-DATE: a payment date that is not ISO 8601 is refused', () => {
    spec
      .given()
      .when(disburse(1, awarded(), { occurredAt: '2025年12月10日' }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-DATE', field: 'occurredAt' });
  });

  it('D-PERIOD: funds for 2025 may be paid in 2026 (authority facts are not bound to the year)', () => {
    spec
      .given()
      .when(disburse(1, awarded(), { occurredAt: '2026-03-02' }))
      .then(disbursed(1, { occurredAt: '2026-03-02' }));
  });
});
