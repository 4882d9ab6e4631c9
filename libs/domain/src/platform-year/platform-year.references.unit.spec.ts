import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { enterpriseUscc, filedWindowPlatform, id } from '../testing/fixtures';
import {
  activity,
  command,
  eventOf,
  material,
  rating,
  retracted,
  service,
  training,
} from '../testing/year-records';

/** Records that cite earlier records of the same year by their record id. */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const RETRACTED_AT = '2025-06-10T01:00:00.000Z';

const delivered = service(1);
const rated = rating(2, delivered);

describe('D-RATING-REF: a rating rates a live service of this year, by its enterprise, after it', () => {
  it('D-RATING-REF: a rating of a recorded service by its enterprise is accepted', () => {
    spec.given(eventOf(delivered)).when(command(rated)).then(eventOf(rated));
  });

  it('D-RATING-REF: a rating at the very instant of the service is accepted', () => {
    const same = rating(2, delivered, { occurredAt: delivered.data.occurredAt });
    spec.given(eventOf(delivered)).when(command(same)).then(eventOf(same));
  });

  it('D-RATING-REF: a rating of an unknown service is NOT_FOUND', () => {
    spec
      .given()
      .when(command(rated))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-RATING-REF', field: 'serviceId' });
  });

  it('D-RATING-REF: a rating citing a record that is not a service is NOT_FOUND', () => {
    const lecture = training(1);
    spec
      .given(eventOf(lecture))
      .when(command(rating(2, delivered, { serviceId: lecture.data.recordId })))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-RATING-REF', field: 'serviceId' });
  });

  it('D-RATING-REF: a rating of a retracted service is refused', () => {
    spec
      .given(eventOf(delivered), retracted(9, id(1), RETRACTED_AT))
      .when(command(rated))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RATING-REF', field: 'serviceId' });
  });

  it('D-RATING-REF: a rating by a different enterprise is refused', () => {
    spec
      .given(eventOf(delivered))
      .when(command(rating(2, delivered, { enterpriseUscc: enterpriseUscc(99) })))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RATING-REF', field: 'enterpriseUscc' });
  });

  it('D-RATING-REF: a rating earlier than the service is refused', () => {
    const early = rating(2, delivered, { occurredAt: '2025-05-20T09:59:59+08:00' });
    spec
      .given(eventOf(delivered))
      .when(command(early))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RATING-REF', field: 'occurredAt' });
  });

  it('D-RATING-REF: a rating dated by day only counts as any time that day, not the day before', () => {
    const sameDay = rating(2, delivered, { occurredAt: '2025-05-20' });
    spec.given(eventOf(delivered)).when(command(sameDay)).thenAccepts();
    const dayBefore = rating(2, delivered, { occurredAt: '2025-05-19' });
    spec
      .given(eventOf(delivered))
      .when(command(dayBefore))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-RATING-REF', field: 'occurredAt' });
  });

  it('D-USCC: a rating naming an invalid USCC is refused before it is compared', () => {
    spec
      .given(eventOf(delivered))
      .when(command(rating(2, delivered, { enterpriseUscc: '91500000MA0000012X' })))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-USCC', field: 'enterpriseUscc' });
  });
});

describe('D-RATING-ONCE: one live rating per service record (S4-3)', () => {
  it('D-RATING-ONCE: a second rating of the same service is a CONFLICT', () => {
    spec
      .given(eventOf(delivered), eventOf(rated))
      .when(command(rating(3, delivered, { rating: 'satisfied' })))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-RATING-ONCE', field: 'serviceId' });
  });

  it('D-RATING-ONCE: after the first rating is retracted, a new rating is accepted', () => {
    const corrected = rating(4, delivered, { rating: 'satisfied' });
    spec
      .given(eventOf(delivered), eventOf(rated), retracted(3, rated.data.recordId, RETRACTED_AT))
      .when(command(corrected))
      .then(eventOf(corrected));
  });

  it('D-RATING-ONCE: ratings of two services of one enterprise are both accepted', () => {
    const again = service(3, { occurredAt: '2025-07-01T10:00:00+08:00' });
    const ratedAgain = rating(4, again, { occurredAt: '2025-07-02T10:00:00+08:00' });
    spec
      .given(eventOf(delivered), eventOf(rated), eventOf(again))
      .when(command(ratedAgain))
      .then(eventOf(ratedAgain));
  });
});

describe('D-MATERIAL: a material is identified by its SHA-256', () => {
  it.each([
    'A3F1C2'.padEnd(64, '0'),
    'a3f1c2'.padEnd(63, '0'),
    'a3f1c2'.padEnd(65, '0'),
    'g'.repeat(64),
  ])('D-MATERIAL: %s is not 64 lower-case hex digits', (sha256) => {
    spec
      .given()
      .when(command(material(1, [], { sha256 })))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MATERIAL', field: 'sha256' });
  });
});

describe('D-EVIDENCE-REF: a material evidences live records of this year', () => {
  const meeting = activity(1);
  const deal = service(2);

  it('D-EVIDENCE-REF: a sign-in sheet of a recorded activity and service is accepted', () => {
    const sheet = material(3, [id(1), id(2)]);
    spec.given(eventOf(meeting), eventOf(deal)).when(command(sheet)).then(eventOf(sheet));
  });

  it('D-EVIDENCE-REF: a material that evidences nothing (a 场地面积 photo) is accepted', () => {
    const site = material(3, [], { kind: 'site_area', originalName: '场地照片.jpg' });
    spec.given().when(command(site)).then(eventOf(site));
  });

  it('D-EVIDENCE-REF: evidencing an unknown record names its index', () => {
    spec
      .given(eventOf(meeting))
      .when(command(material(3, [id(1), id(42)])))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-EVIDENCE-REF', field: 'evidences[1]' });
  });

  it('D-EVIDENCE-REF: evidencing a retracted record is refused', () => {
    spec
      .given(eventOf(meeting), retracted(9, id(1), RETRACTED_AT))
      .when(command(material(3, [id(1)])))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-EVIDENCE-REF', field: 'evidences[0]' });
  });
});
