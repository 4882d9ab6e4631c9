import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { filedWindowPlatform, id, meta } from '../testing/fixtures';
import {
  command,
  complaint,
  complaintVerified,
  districtReview,
  evaluationConduct,
  eventOf,
  expertScores,
  retracted,
  service,
  yearSubmitted,
} from '../testing/year-records';

/** Facts county authorities and administrators record about a platform's year. */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const district = meta('district');
const admin = meta('admin');

describe('S1-2: the county authority scores the year 0..10', () => {
  it.each([0, 7.5, 10])('S1-2: a county score of %d is accepted', (score) => {
    const review = districtReview(1, score);
    spec.given().when(command(review, district)).then(eventOf(review));
  });

  it.each([-0.5, 10.5, 100, Number.NaN])('S1-2: a county score of %d is refused', (score) => {
    spec
      .given()
      .when(command(districtReview(1, score), district))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S1-2', field: 'score' });
  });
});

describe('S3-5: an expert panel records 5 to 7 scores of 0..100', () => {
  it.each([[[82, 78, 90, 85, 88]], [[0, 100, 60, 75, 80, 91, 66]]])(
    'S3-5: the panel %j is accepted',
    (scores) => {
      const panel = expertScores(1, scores);
      spec.given().when(command(panel, admin)).then(eventOf(panel));
    },
  );

  it.each([[[82, 78, 90, 85]], [[82, 78, 90, 85, 88, 70, 75, 80]], [[]]])(
    'S3-5: a panel of %j is refused',
    (scores) => {
      spec
        .given()
        .when(command(expertScores(1, scores), admin))
        .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S3-5', field: 'scores' });
    },
  );

  it.each([
    [2, [82, 78, 100.5, 85, 88]],
    [0, [-1, 78, 90, 85, 88]],
    [4, [82, 78, 90, 85, Number.POSITIVE_INFINITY]],
  ] as const)('S3-5: an expert score out of 0..100 names its index (%i)', (index, scores) => {
    spec
      .given()
      .when(command(expertScores(1, scores), admin))
      .thenRejects({ ruleId: 'S3-5', field: `scores[${String(index)}].score` });
  });
});

describe('S3-7: a complaint is verified only once filed', () => {
  const filed = complaint(1);

  it('S3-7: verifying a filed complaint is accepted', () => {
    const verified = complaintVerified(2, id(1));
    spec.given(eventOf(filed)).when(command(verified, admin)).then(eventOf(verified));
  });

  it('S3-7: verifying an unknown complaint is NOT_FOUND', () => {
    spec
      .given()
      .when(command(complaintVerified(2, id(1)), admin))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'S3-7', field: 'complaintId' });
  });

  it('S3-7: verifying a record that is not a complaint is NOT_FOUND', () => {
    spec
      .given(eventOf(service(1)))
      .when(command(complaintVerified(2, id(1)), admin))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'S3-7', field: 'complaintId' });
  });

  it('S3-7: verifying a retracted complaint is NOT_FOUND', () => {
    spec
      .given(eventOf(filed), retracted(3, id(1), '2025-06-10T01:00:00.000Z'))
      .when(command(complaintVerified(2, id(1)), admin))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'S3-7', field: 'complaintId' });
  });
});

describe('S3-7: conduct at an evaluation that makes the grade D directly', () => {
  it.each(['no_show', 'provincial_unqualified', 'false_evidence'] as const)(
    'S3-7: the conduct %s is recorded',
    (conduct) => {
      const recorded = evaluationConduct(1, { conduct });
      spec.given().when(command(recorded, admin)).then(eventOf(recorded));
    },
  );

  it('S3-7: conduct outside any program of the ledger (the provincial evaluation) has none', () => {
    const recorded = evaluationConduct(1, { conduct: 'provincial_unqualified', programId: null });
    spec.given().when(command(recorded, admin)).then(eventOf(recorded));
  });

  it('S3-7: a program id that is no program id is refused', () => {
    spec
      .given()
      .when(command(evaluationConduct(1, { programId: 'bengbu demo' }), admin))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S3-7', field: 'programId' });
  });

  it('D-SUBMITTED: conduct is recorded after the submission, when the evaluation takes place', () => {
    const recorded = evaluationConduct(2);
    spec
      .given(yearSubmitted(1, '2025-10-09T02:00:00.000Z'))
      .when(command(recorded, admin))
      .then(eventOf(recorded));
  });
});
