import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import {
  demoFiling,
  filed,
  filedWindowPlatform,
  id,
  meta,
  platformState,
} from '../testing/fixtures';
import {
  clawbackOrdered,
  confirm,
  confirmed,
  disqualify,
  dismiss,
  orderClawback,
  repaid,
  repay,
  s17Disqualified,
  s17Proposed,
  signal,
  DECIDED_AT,
} from '../testing/integrity-records';
import { PLATFORM_ID, YEAR, disbursed, retract } from '../testing/year-records';

const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const ratings = signal('ratings');
const PAID = 30_000_000; // 300,000 元

describe('S1-7: a confirmed fabrication disqualifies this year and next, and proposes a clawback', () => {
  it('S1-7: confirming fabricated ratings on a paid year → confirmation, disqualification of Y and Y+1, clawback of all paid', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }))
      .when(confirm(20, ratings))
      .then(confirmed(20, ratings), s17Disqualified(20, ratings), s17Proposed(20, PAID));
  });

  it('S1-7: the proposal is what was paid less what clawbacks already claim', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }), clawbackOrdered(2, 10_000_000))
      .when(confirm(20, ratings))
      .then(confirmed(20, ratings), s17Disqualified(20, ratings), s17Proposed(20, 20_000_000));
  });

  it('S1-7: nothing paid → disqualified, and no clawback proposed', () => {
    spec
      .given()
      .when(confirm(20, signal('activities')))
      .then(confirmed(20, signal('activities')), s17Disqualified(20, signal('activities')));
  });

  it('S1-7: applies once per year — a second confirmed fabrication is recorded only', () => {
    const records = signal('records', {
      signalId: `F-2.${PLATFORM_ID}.${String(YEAR)}.dup-1`,
      ruleId: 'F-2',
    });
    spec
      .given(
        disbursed(1, { amountFen: PAID }),
        confirmed(20, ratings),
        s17Disqualified(20, ratings),
      )
      .when(confirm(30, records))
      .then(confirmed(30, records));
  });

  it('S1-7 near miss: a confirmed signal that establishes no fabrication (F-10) disqualifies nothing', () => {
    const compliance = signal(null, {
      ruleId: 'F-10',
      signalId: `F-10.${PLATFORM_ID}.${String(YEAR)}.complaints`,
    });
    spec
      .given(disbursed(1, { amountFen: PAID }))
      .when(confirm(20, compliance))
      .then(confirmed(20, compliance));
  });

  it("S1-7 / S3-7: a demonstration platform's confirmed fabrication is recorded; S3-7 grades it on re-evaluation", () => {
    const demo = specificationFor(platformYearDecider, platformState(filed(demoFiling)));
    const facts = signal('ratings', { platformId: demoFiling.platformId });
    demo
      .given()
      .when({ ...confirm(20, facts), platformId: demoFiling.platformId })
      .then(confirmed(20, facts));
  });
});

describe('D-FRAUD-SIGNAL: one decision per signal, about this platform-year', () => {
  it('D-FRAUD-SIGNAL: a dismissal is recorded with its reason', () => {
    spec
      .given()
      .when(dismiss(20, ratings))
      .then({
        type: 'FraudSignalDismissed',
        data: {
          recordId: id(20),
          occurredAt: DECIDED_AT,
          signalId: ratings.signalId,
          ruleId: 'F-4',
          reason: '集中评价系线下活动现场扫码',
          evidenceRefs: [],
        },
      });
  });

  it('D-FRAUD-SIGNAL: a signal already dismissed cannot be confirmed (CONFLICT)', () => {
    spec
      .given({
        type: 'FraudSignalDismissed',
        data: {
          recordId: id(5),
          occurredAt: DECIDED_AT,
          signalId: ratings.signalId,
          ruleId: 'F-4',
          reason: 'x',
          evidenceRefs: [],
        },
      })
      .when(confirm(20, ratings))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-FRAUD-SIGNAL', field: 'signalId' });
  });

  it('D-FRAUD-SIGNAL: a signal already confirmed cannot be dismissed (CONFLICT)', () => {
    spec
      .given(confirmed(20, ratings))
      .when(dismiss(30, ratings))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-FRAUD-SIGNAL', field: 'signalId' });
  });

  it('D-FRAUD-SIGNAL: a signal of another year is refused', () => {
    spec
      .given()
      .when(confirm(20, signal('ratings', { year: YEAR - 1 })))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-FRAUD-SIGNAL', field: 'signalId' });
  });
});

describe('D-DISQUALIFY: 取消资格 cites a rule and the years it covers', () => {
  it('D-DISQUALIFY: an administrator disqualifies this year and the next under S1-6', () => {
    spec
      .given()
      .when(disqualify(20, { yearsAffected: [YEAR + 1, YEAR] }))
      .then({
        type: 'PlatformDisqualified',
        data: {
          recordId: id(20),
          occurredAt: DECIDED_AT,
          ruleId: 'S1-6',
          reason: '巡视审计发现问题',
          evidenceRefs: ['审计报告-7'],
          yearsAffected: [YEAR, YEAR + 1],
          causeId: null,
        },
      });
  });

  it.each([
    [{ yearsAffected: [] }, 'yearsAffected'],
    [{ yearsAffected: [YEAR - 1] }, 'yearsAffected[0]'],
    [{ yearsAffected: [YEAR, YEAR + 3] }, 'yearsAffected[1]'],
    [{ yearsAffected: [YEAR, YEAR] }, 'yearsAffected'],
    [{ ruleId: 'fraud' }, 'ruleId'],
  ])('D-DISQUALIFY: %j is refused at %s', (o, field) => {
    spec
      .given()
      .when(disqualify(20, o))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-DISQUALIFY', field });
  });

  it('D-CAUSE: a cause that is not a record of the year is NOT_FOUND', () => {
    spec
      .given()
      .when(disqualify(20, { causeId: id(99) }))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-CAUSE', field: 'causeId' });
  });

  it('D-RETRACT-REF: a disqualification is final: retracting it is refused', () => {
    spec
      .given(confirmed(20, ratings), s17Disqualified(20, ratings))
      .when(retract(40, id(21), meta('admin', DECIDED_AT)))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-REF', field: 'retractedId' });
  });
});

describe('D-CLAWBACK / D-REPAYMENT: 追回 never exceeds what was paid, repayment never what is owed', () => {
  it('D-CLAWBACK: ordering the whole disbursed amount, citing the S1-7 proposal, is accepted', () => {
    spec
      .given(
        disbursed(1, { amountFen: PAID }),
        confirmed(20, ratings),
        s17Disqualified(20, ratings),
        s17Proposed(20, PAID),
      )
      .when(orderClawback(30, PAID, id(22)))
      .then(clawbackOrdered(30, PAID, id(22)));
  });

  it('D-CLAWBACK: 1 分 over what was disbursed and not yet clawed back is a RULE_VIOLATION', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }), clawbackOrdered(2, 10_000_000))
      .when(orderClawback(30, 20_000_001))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-CLAWBACK', field: 'amountFen' });
  });

  it('D-CLAWBACK: nothing disbursed → nothing to claw back', () => {
    spec
      .given()
      .when(orderClawback(30, 1))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-CLAWBACK', field: 'amountFen' });
  });

  it('D-MONEY: a clawback of 0 or a fraction of 分 is refused', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }))
      .when(orderClawback(30, 0))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'amountFen' });
    spec
      .given(disbursed(1, { amountFen: PAID }))
      .when(orderClawback(30, 1.5))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'amountFen' });
  });

  it('D-CLAWBACK: a disbursement that a clawback claims cannot be retracted', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }), clawbackOrdered(2, 1))
      .when(retract(40, id(1), meta('admin', DECIDED_AT)))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-CLAWBACK', field: 'retractedId' });
  });

  it('D-REPAYMENT: repaid in two parts; the second exactly settles it', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }), clawbackOrdered(2, PAID), repaid(3, 2, 12_000_000))
      .when(repay(4, 2, 18_000_000))
      .then(repaid(4, 2, 18_000_000));
  });

  it('D-REPAYMENT: 1 分 over what the clawback still claims is a RULE_VIOLATION', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }), clawbackOrdered(2, PAID), repaid(3, 2, 12_000_000))
      .when(repay(4, 2, 18_000_001))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-REPAYMENT', field: 'amountFen' });
  });

  it('D-REPAYMENT: against no clawback of this year is NOT_FOUND', () => {
    spec
      .given(disbursed(1, { amountFen: PAID }))
      .when(repay(4, 2, 1))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-REPAYMENT', field: 'clawbackId' });
  });
});
