import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { enterpriseUscc, filedWindowPlatform, meta } from '../testing/fixtures';
import {
  activity,
  command,
  complaint,
  creditEvent,
  districtReview,
  evaluationConduct,
  eventOf,
  expertScores,
  financingDeal,
  material,
  matchmakingDeal,
  meetingMissed,
  penalty,
  publication,
  recruitment,
  residentEnterprise,
  service,
  techDemand,
  training,
  workPlan,
} from '../testing/year-records';
import type { BatchItem } from './platform-year.commands';

const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const BAD_USCC = '91500000MA0000012X';

const row = (item: BatchItem, field: string) => ({ item, field });
const accepts = (item: BatchItem): void => {
  spec
    .given()
    .when(command(item, meta('admin')))
    .then(eventOf(item));
};
const refuses = (item: BatchItem, ruleId: string, field: string): void => {
  spec.given().when(command(item)).thenRejects({ code: 'VALIDATION_FAILED', ruleId, field });
};

describe('Record types: every record command emits its one event', () => {
  it.each([
    workPlan(1),
    activity(1),
    service(1),
    service(1, { institutionUscc: enterpriseUscc(20) }),
    financingDeal(1),
    training(1),
    recruitment(1),
    matchmakingDeal(1),
    techDemand(1),
    residentEnterprise(1),
    publication(1),
    publication(1, 'service'),
    publication(1, 'demand'),
    material(1, []),
    districtReview(1, 8),
    complaint(1),
    penalty(1),
    creditEvent(1),
    expertScores(1, [82, 78, 90, 85, 88]),
    evaluationConduct(1),
    meetingMissed(1),
  ])('Record types: $type is accepted as is', accepts);
});

describe('D-RECORD-ID: every record carries a fresh UUID', () => {
  it.each([
    'svc-2025-0001',
    '',
    '0195f3c2-7a10-4b5e-9c1d-00000000000g',
    '0195f3c27a104b5e9c1d000000000001',
  ])('D-RECORD-ID: %j is not a UUID', (recordId) => {
    refuses(service(1, { recordId }), 'D-RECORD-ID', 'recordId');
  });

  it('D-RECORD-ID: a UUID v7 in upper case is accepted', () => {
    accepts(service(1, { recordId: '0195F3C2-7A10-7B5E-9C1D-000000000001' }));
  });

  it('D-RECORD-ID: reusing a record id of the year is a CONFLICT, whatever the record type', () => {
    spec
      .given(eventOf(districtReview(1, 8)))
      .when(command(service(1)))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RECORD-ID', field: 'recordId' });
  });
});

describe('D-PERIOD: a reported record happened inside its year, in Beijing time', () => {
  it.each([
    '2025-12-31T23:30:00+08:00',
    '2025-01-01T00:00:00+08:00',
    '2025-12-31',
    '2025-12-31T15:59:59Z',
  ])('D-PERIOD: a service at %s belongs to 2025', (occurredAt) => {
    accepts(service(1, { occurredAt }));
  });

  it.each([
    '2026-01-01T00:00:00+08:00',
    '2025-12-31T16:00:00Z',
    '2024-12-31T23:59:59+08:00',
    '2026-01-01',
  ])('D-PERIOD: a service at %s is outside 2025', (occurredAt) => {
    spec
      .given()
      .when(command(service(1, { occurredAt })))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PERIOD', field: 'occurredAt' });
  });

  it('D-PERIOD: a work plan may be drawn up before its year', () => {
    accepts(workPlan(1, { occurredAt: '2024-12-20T10:00:00+08:00' }));
  });

  it('D-PERIOD: a material (an audit report) may be dated after its year', () => {
    accepts(material(1, [], { kind: 'audit_report', occurredAt: '2026-03-15T10:00:00+08:00' }));
  });

  it('D-PERIOD: authority facts are not bound to the year (the county review comes in January)', () => {
    accepts(districtReview(1, 9));
    const late = districtReview(2, 9);
    accepts({ ...late, data: { ...late.data, occurredAt: '2026-01-10T09:00:00+08:00' } });
  });

  it.each([workPlan(1, { occurredAt: '2025年2月7日' }), service(1, { occurredAt: '2025-02-30' })])(
    'D-DATE: $type with an occurredAt that is no date is refused, exempt or not',
    (item) => {
      refuses(item, 'D-DATE', 'occurredAt');
    },
  );
});

describe('D-USCC: every enterprise a record names has a valid USCC', () => {
  it.each([
    row(service(1, { enterpriseUscc: BAD_USCC }), 'enterpriseUscc'),
    row(service(1, { institutionUscc: BAD_USCC }), 'institutionUscc'),
    row(activity(1, { attendeeUsccs: [enterpriseUscc(1), BAD_USCC] }), 'attendeeUsccs[1]'),
    row(financingDeal(1, { enterpriseUscc: ' 91110000600037341L' }), 'enterpriseUscc'),
    row(matchmakingDeal(1, { supplierUscc: BAD_USCC }), 'supplierUscc'),
    row(matchmakingDeal(1, { buyerUscc: '91110000600037341l' }), 'buyerUscc'),
    row(techDemand(1, { enterpriseUscc: '' }), 'enterpriseUscc'),
    row(residentEnterprise(1, { enterpriseUscc: '91500000MA00000I2X' }), 'enterpriseUscc'),
  ])('D-USCC: $item.type with a bad $field is refused', ({ item, field }) => {
    refuses(item, 'D-USCC', field);
  });
});

describe('D-COUNT: counts are non-negative integers', () => {
  it('D-COUNT: zero is a count', () => {
    accepts(training(1, { sessions: 0, personTimes: 0 }));
  });

  it.each([
    row(
      workPlan(1, { targets: [{ indicator: 'activities', area: null, target: -5 }] }),
      'targets[0].target',
    ),
    row(activity(1, { personTimes: 45.5 }), 'personTimes'),
    row(training(1, { sessions: -1 }), 'sessions'),
    row(training(1, { personTimes: Number.NaN }), 'personTimes'),
    row(recruitment(1, { positions: 1.5 }), 'positions'),
    row(recruitment(1, { hires: -85 }), 'hires'),
    row(material(1, [], { sizeBytes: -1 }), 'sizeBytes'),
  ])('D-COUNT: $item.type with a bad $field is refused', ({ item, field }) => {
    refuses(item, 'D-COUNT', field);
  });
});

describe('D-MONEY: amounts are non-negative integers of 分', () => {
  it.each([0, 40_000_000_000, Number.MAX_SAFE_INTEGER])(
    'D-MONEY: %d 分 is an amount',
    (amountFen) => {
      accepts(financingDeal(1, { amountFen }));
    },
  );

  it.each([
    row(financingDeal(1, { amountFen: -50_000_000 }), 'amountFen'),
    row(financingDeal(1, { amountFen: 500_000.5 }), 'amountFen'),
    row(financingDeal(1, { amountFen: 2 ** 53 }), 'amountFen'),
    row(matchmakingDeal(1, { amountFen: -1 }), 'amountFen'),
    row(matchmakingDeal(1, { amountFen: 0.01 }), 'amountFen'),
  ])('D-MONEY: $item.type with amountFen $item.data.amountFen is refused', ({ item, field }) => {
    refuses(item, 'D-MONEY', field);
  });
});
