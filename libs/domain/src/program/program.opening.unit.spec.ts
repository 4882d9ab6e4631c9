import { programDecider } from '../deciders';
import { specificationFor, stateAfter } from '../testing/decider-specification';
import {
  DEMO,
  WINDOW,
  enrol,
  enrolled,
  evaluated,
  line,
  open,
  opened,
  publishedAs,
} from '../testing/programs';

/** Opening a program (stream program-{programId}) and enrolling filed platforms. */
const spec = specificationFor(programDecider);

describe('D-PROGRAM: a program is opened once, with the parameters the pack resolved', () => {
  it('D-PROGRAM: opening records the resolved parameters and the opening time', () => {
    spec.given().when(open()).then(opened);
  });

  it('D-PROGRAM: opening the same program again is a CONFLICT', () => {
    spec
      .given(opened)
      .when(open({ title: '重复开启' }))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-PROGRAM', field: 'programId' });
  });

  it.each(['', '-cq', 'cq_window_2025', 'a'.repeat(65)])(
    'D-PROGRAM: the program id %j is refused',
    (programId) => {
      spec
        .given()
        .when(open({ programId }))
        .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PROGRAM', field: 'programId' });
    },
  );

  it.each([1999, 2101, 2025.5])('D-PROGRAM: the year %d is refused', (year) => {
    spec
      .given()
      .when(open({ year }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PROGRAM', field: 'year' });
  });

  it('D-PROGRAM: a blank title is refused', () => {
    spec
      .given()
      .when(open({ title: '  ' }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PROGRAM', field: 'title' });
  });

  it('D-PROGRAM: any other command on a program never opened is NOT_FOUND', () => {
    spec
      .given()
      .when(enrol([WINDOW]))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PROGRAM', field: null });
  });
});

describe('D-ENROLMENT: filed platforms are enrolled, each once', () => {
  it('D-ENROLMENT: filed platforms are enrolled in the order given', () => {
    spec
      .given(opened)
      .when(enrol([DEMO, WINDOW]))
      .then(enrolled([DEMO, WINDOW]));
  });

  it('D-ENROLMENT: a platform named twice in one request is enrolled once', () => {
    spec
      .given(opened)
      .when(enrol([WINDOW, DEMO, WINDOW]))
      .then(enrolled([WINDOW, DEMO]));
  });

  it('D-ENROLMENT: platforms already enrolled are skipped', () => {
    spec
      .given(opened, enrolled([WINDOW]))
      .when(enrol([WINDOW, DEMO]))
      .then(enrolled([DEMO]));
  });

  it('D-ENROLMENT: naming only enrolled platforms is a CONFLICT', () => {
    spec
      .given(opened, enrolled([WINDOW, DEMO]))
      .when(enrol([DEMO]))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-ENROLMENT', field: 'platformIds' });
  });

  it('D-ENROLMENT: a platform that is not filed is NOT_FOUND, named by its index', () => {
    spec
      .given(opened)
      .when(enrol([WINDOW, 'cq-unknown'], [WINDOW]))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-ENROLMENT', field: 'platformIds[1]' });
  });

  it('D-ENROLMENT: an empty list is refused', () => {
    spec
      .given(opened)
      .when(enrol([]))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-ENROLMENT', field: 'platformIds' });
  });

  it('D-ENROLMENT: an id that is no platform id is refused', () => {
    spec
      .given(opened)
      .when(enrol(['万州窗口']))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-ENROLMENT', field: 'platformIds[0]' });
  });

  it('D-PROGRAM: no enrolment after the results are published', () => {
    const results = [line(WINDOW)];
    spec
      .given(opened, enrolled([WINDOW]), evaluated(1, results), publishedAs(1, results))
      .when(enrol([DEMO]))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PROGRAM' });
  });

  it('D-ENROLMENT: the state keeps each platform once, in enrolment order', () => {
    const state = stateAfter(programDecider, [
      opened,
      enrolled([WINDOW]),
      enrolled([DEMO, WINDOW]),
    ]);
    expect(state).toMatchObject({ status: 'opened', enrolled: [WINDOW, DEMO] });
  });
});
