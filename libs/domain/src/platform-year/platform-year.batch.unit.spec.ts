import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { filedWindowPlatform, id, meta } from '../testing/fixtures';
import {
  activity,
  batch,
  eventOf,
  material,
  rating,
  service,
  training,
  workPlan,
  yearSubmitted,
} from '../testing/year-records';

/** The 台账 import path: many records in one atomic append, each seeing the ones before it. */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const delivered = service(2);
const rated = rating(3, delivered);

describe('D-BATCH: a batch is decided item by item, all or nothing', () => {
  it('D-BATCH: a service and its rating in one batch are accepted, in order', () => {
    const items = [workPlan(1), delivered, rated];
    spec
      .given()
      .when(batch(items))
      .then(...items.map(eventOf));
  });

  it('D-BATCH: a sign-in sheet may evidence an activity of the same batch', () => {
    const items = [activity(1), material(2, [id(1)])];
    spec
      .given()
      .when(batch(items))
      .then(...items.map(eventOf));
  });

  it('D-BATCH: items are judged against the year’s earlier records too', () => {
    spec
      .given(eventOf(delivered))
      .when(batch([rated]))
      .then(eventOf(rated));
  });

  it('D-BATCH: an error in item 3 names items[3].<field> and appends nothing', () => {
    const items = [
      workPlan(1),
      activity(2),
      training(3),
      service(4, { enterpriseUscc: '91500000MA0000012X' }),
      service(5),
    ];
    const outcome = spec.given().when(batch(items));
    outcome.thenRejects({
      code: 'VALIDATION_FAILED',
      ruleId: 'D-USCC',
      field: 'items[3].enterpriseUscc',
    });
    expect(outcome.decision).not.toHaveProperty('events');
  });

  it('D-BATCH: a rating before its service in the batch is NOT_FOUND', () => {
    spec
      .given()
      .when(batch([rated, delivered]))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-RATING-REF', field: 'items[0].serviceId' });
  });

  it('D-BATCH: two items with one record id conflict', () => {
    spec
      .given()
      .when(batch([activity(1), training(1)]))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RECORD-ID', field: 'items[1].recordId' });
  });

  it('D-BATCH: a second rating of a service in the same batch conflicts', () => {
    spec
      .given()
      .when(batch([delivered, rated, rating(4, delivered, { rating: 'dissatisfied' })]))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RATING-ONCE', field: 'items[2].serviceId' });
  });

  it('D-BATCH: an item outside the year names items[2].occurredAt', () => {
    const late = activity(3, { occurredAt: '2026-01-02T10:00:00+08:00' });
    spec
      .given()
      .when(batch([workPlan(1), delivered, late]))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PERIOD', field: 'items[2].occurredAt' });
  });

  it('D-BATCH: a rejection without a field is reported at the item itself', () => {
    spec
      .given(yearSubmitted(9, meta('platform').now))
      .when(batch([delivered]))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-SUBMITTED', field: 'items[0]' });
  });

  it('D-BATCH: an empty batch is refused', () => {
    spec
      .given()
      .when(batch([]))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-BATCH', field: 'items' });
  });
});
