import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { filedWindowPlatform, id, meta } from '../testing/fixtures';
import {
  activity,
  command,
  complaint,
  districtReview,
  eventOf,
  financingDeal,
  material,
  matchmakingDeal,
  penalty,
  publication,
  rating,
  recruitment,
  residentEnterprise,
  retract,
  retracted,
  service,
  submitYear,
  techDemand,
  training,
  workPlan,
  yearSubmitted,
} from '../testing/year-records';

const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const NOW = meta('platform').now;
const delivered = service(1);

describe('D-RETRACT-REF: a retraction cites a live record of this year', () => {
  it('D-RETRACT-REF: retracting a service records the retraction at the command time', () => {
    spec
      .given(eventOf(delivered))
      .when(retract(2, id(1)))
      .then(retracted(2, id(1), NOW));
  });

  it('D-RETRACT-REF: retracting an unknown record is NOT_FOUND', () => {
    spec
      .given(eventOf(delivered))
      .when(retract(2, id(77)))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-RETRACT-REF', field: 'retractedId' });
  });

  it('D-RETRACT-REF: retracting a record twice is a CONFLICT', () => {
    spec
      .given(eventOf(delivered), retracted(2, id(1), NOW))
      .when(retract(3, id(1)))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RETRACT-REF', field: 'retractedId' });
  });

  it('D-RETRACT-REF: a retraction cannot itself be retracted', () => {
    spec
      .given(eventOf(delivered), retracted(2, id(1), NOW))
      .when(retract(3, id(2)))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-REF', field: 'retractedId' });
  });

  it('D-RETRACT-REF: the submission cannot be retracted', () => {
    spec
      .given(eventOf(delivered), yearSubmitted(2, NOW))
      .when(retract(3, id(2), meta('admin')))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-REF', field: 'retractedId' });
  });

  it('D-RECORD-ID: a retraction needs a fresh record id of its own', () => {
    spec
      .given(eventOf(delivered))
      .when(retract(1, id(1)))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RECORD-ID', field: 'recordId' });
  });
});

describe('D-RETRACT-OWN: a platform retracts only what it reported', () => {
  const review = districtReview(1, 6);

  it('D-RETRACT-OWN: a platform actor cannot retract a DistrictReviewed', () => {
    spec
      .given(eventOf(review))
      .when(retract(2, id(1), meta('platform')))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-OWN', field: 'retractedId' });
  });

  it('D-RETRACT-OWN: a platform actor cannot retract a complaint against it', () => {
    spec
      .given(eventOf(complaint(1)))
      .when(retract(2, id(1), meta('platform')))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RETRACT-OWN' });
  });

  it.each(['admin', 'district'] as const)(
    'D-RETRACT-OWN: an %s can retract a DistrictReviewed',
    (role) => {
      const actor = meta(role);
      spec
        .given(eventOf(review))
        .when(retract(2, id(1), actor))
        .then(retracted(2, id(1), actor.now));
    },
  );
});

describe('D-SUBMITTED: the submission closes the year to platform-reported records', () => {
  const submitted = [eventOf(delivered), yearSubmitted(2, NOW)];

  it('D-SUBMITTED: submitting the year records the submission at the command time', () => {
    spec.given(eventOf(delivered)).when(submitYear(2)).then(yearSubmitted(2, NOW));
  });

  it.each([
    workPlan(3),
    activity(3),
    service(3),
    rating(3, delivered),
    financingDeal(3),
    training(3),
    recruitment(3),
    matchmakingDeal(3),
    techDemand(3),
    residentEnterprise(3),
    publication(3),
    material(3, [id(1)]),
  ])('D-SUBMITTED: $type after the submission is refused', (item) => {
    spec
      .given(...submitted)
      .when(command(item))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-SUBMITTED', field: null });
  });

  it('D-SUBMITTED: a retraction after the submission is accepted', () => {
    spec
      .given(...submitted)
      .when(retract(3, id(1)))
      .then(retracted(3, id(1), NOW));
  });

  it.each([districtReview(3, 9), complaint(3), penalty(3)])(
    'D-SUBMITTED: the authority fact $type after the submission is accepted',
    (item) => {
      spec
        .given(...submitted)
        .when(command(item, meta('admin')))
        .then(eventOf(item));
    },
  );

  it('D-SUBMITTED: submitting twice is a CONFLICT', () => {
    spec
      .given(...submitted)
      .when(submitYear(3))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-SUBMITTED' });
  });

  it('D-RECORD-ID: the submission needs a UUID record id', () => {
    spec
      .given()
      .when(submitYear(2, meta('platform'), 'submit-2025'))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-RECORD-ID', field: 'recordId' });
  });
});
