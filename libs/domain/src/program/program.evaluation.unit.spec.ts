import { programDecider } from '../deciders';
import { specificationFor, stateAfter } from '../testing/decider-specification';
import { id } from '../testing/fixtures';
import {
  DEMO,
  EVALUATED_AT,
  WINDOW,
  enrol,
  enrolled,
  evaluate,
  evaluated,
  line,
  opened,
  publish,
  publishedAs,
} from '../testing/programs';
import { awardOf } from './program-award';
import type { ProgramEvent } from './program.events';
import { defaultEvaluationOf, type OpenedProgram } from './program.state';

/** Evaluations (the pack's results at a read position) and their publication as the awards. */
const spec = specificationFor(programDecider);
const both = [line(WINDOW), line(DEMO, { rank: 2, tier: '二档', amountFen: 20_000_000 })];
const ready: readonly ProgramEvent[] = [opened, enrolled([WINDOW, DEMO])];

describe('D-EVALUATION: an evaluation records the results for exactly the enrolled platforms', () => {
  it('D-EVALUATION: the results, the read position and the program pack are recorded', () => {
    spec
      .given(...ready)
      .when(evaluate(1, both, { position: 1_234 }))
      .then(evaluated(1, both, 1_234));
  });

  it('D-EVALUATION: an evaluation of read models still empty (position -1) is accepted', () => {
    spec
      .given(...ready)
      .when(evaluate(1, both, { position: -1 }))
      .then(evaluated(1, both, -1));
  });

  it.each([-2, 1.5, Number.NaN])('D-EVALUATION: the position %d is refused', (position) => {
    spec
      .given(...ready)
      .when(evaluate(1, both, { position }))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-EVALUATION', field: 'position' });
  });

  it('D-EVALUATION: an evaluation id already recorded is a CONFLICT', () => {
    spec
      .given(...ready, evaluated(1, both))
      .when(evaluate(1, both))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-EVALUATION', field: 'evaluationId' });
  });

  it('D-EVALUATION: without enrolled platforms there is nothing to evaluate', () => {
    spec
      .given(opened)
      .when(evaluate(1, []))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-EVALUATION', field: 'results' });
  });

  it('D-EVALUATION: a platform enrolled after the pack ran makes the results stale', () => {
    spec
      .given(...ready)
      .when(evaluate(1, [line(WINDOW)]))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-EVALUATION', field: 'results' });
  });

  it('D-EVALUATION: a line for a platform not enrolled is refused', () => {
    spec
      .given(...ready)
      .when(evaluate(1, [...both, line('cq-other')]))
      .thenRejects({ ruleId: 'D-EVALUATION', field: 'results[2].platformId' });
  });

  it('D-EVALUATION: two lines for one platform are refused', () => {
    spec
      .given(...ready)
      .when(evaluate(1, [...both, line(WINDOW)]))
      .thenRejects({ ruleId: 'D-EVALUATION', field: 'results[2].platformId' });
  });

  it.each([-1, 0.5])('D-MONEY: an award of %d 分 is refused', (amountFen) => {
    spec
      .given(...ready)
      .when(evaluate(1, [line(WINDOW), line(DEMO, { amountFen })]))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-MONEY', field: 'results[1].amountFen' });
  });

  it('D-EVALUATION: a non-finite score is refused; an ungraded line has none', () => {
    spec
      .given(...ready)
      .when(evaluate(1, [line(WINDOW, { score: Number.POSITIVE_INFINITY }), line(DEMO)]))
      .thenRejects({ ruleId: 'D-EVALUATION', field: 'results[0].score' });
    const excluded = line(DEMO, { graded: false, score: null, rank: null, grade: null });
    spec
      .given(...ready)
      .when(evaluate(1, [line(WINDOW), excluded]))
      .then(evaluated(1, [line(WINDOW), excluded]));
  });

  it('D-PROGRAM: after publication a re-evaluation is recorded (S3-7 on re-evaluation), never published', () => {
    spec
      .given(...ready, evaluated(1, both), publishedAs(1, both))
      .when(evaluate(2, both))
      .then(evaluated(2, both));
    spec
      .given(...ready, evaluated(1, both), publishedAs(1, both))
      .when(evaluate(2, both, { publish: true }))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PROGRAM' });
  });

  it('D-PROGRAM: no enrolment after the results are published', () => {
    spec
      .given(...ready, evaluated(1, both), publishedAs(1, both))
      .when(enrol(['someone-new']))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PROGRAM' });
  });
});

describe('D-PUBLICATION: one recorded evaluation is published, once per program', () => {
  it('D-PUBLICATION: publishing copies each compact line and the distinct rule ids it cites', () => {
    const [event] = spec
      .given(...ready, evaluated(1, both))
      .when(publish(1))
      .thenAccepts();
    expect(event).toEqual({
      type: 'ProgramResultsPublished',
      data: {
        evaluationId: id(1),
        publishedAt: EVALUATED_AT,
        year: 2025,
        results: [
          {
            platformId: WINDOW,
            grade: '合格',
            tier: '一档',
            amountFen: 30_000_000,
            ineligibleNextYear: false,
            ruleIds: ['S1-4', 'S1-2', 'S1-5'],
          },
          {
            platformId: DEMO,
            grade: '合格',
            tier: '二档',
            amountFen: 20_000_000,
            ineligibleNextYear: false,
            ruleIds: ['S1-4', 'S1-2', 'S1-5'],
          },
        ],
      },
    });
  });

  it('D-PUBLICATION: any recorded evaluation may be the one published, not only the latest', () => {
    const later = [line(WINDOW, { amountFen: 0, tier: null }), line(DEMO)];
    spec
      .given(...ready, evaluated(1, both), evaluated(2, later))
      .when(publish(1))
      .then(publishedAs(1, both));
  });

  it('D-PUBLICATION: evaluating with publish=true records both facts in one decision', () => {
    spec
      .given(...ready)
      .when(evaluate(1, both, { publish: true }))
      .then(evaluated(1, both), publishedAs(1, both));
  });

  it('D-PUBLICATION: publishing an unknown evaluation is NOT_FOUND', () => {
    spec
      .given(...ready, evaluated(1, both))
      .when(publish(2))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PUBLICATION', field: 'evaluationId' });
  });

  it('D-PUBLICATION: a second publication is a CONFLICT, even of another evaluation', () => {
    spec
      .given(...ready, evaluated(1, both), evaluated(2, both), publishedAs(1, both))
      .when(publish(2))
      .thenRejects({ code: 'CONFLICT', ruleId: 'D-PUBLICATION', field: 'evaluationId' });
  });

  it('D-PROGRAM: publishing in a program never opened is NOT_FOUND', () => {
    spec.given().when(publish(1)).thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PROGRAM' });
  });
});

describe('D-DISBURSEMENT: the award a disbursement is bounded by', () => {
  it('D-DISBURSEMENT: no program, an unpublished program, and a published award', () => {
    expect(awardOf(stateAfter(programDecider, []), WINDOW)).toEqual({ status: 'no_program' });
    expect(awardOf(stateAfter(programDecider, [...ready, evaluated(1, both)]), WINDOW)).toEqual({
      status: 'unpublished',
      year: 2025,
    });
    const published = stateAfter(programDecider, [
      ...ready,
      evaluated(1, both),
      publishedAs(1, both),
    ]);
    expect(awardOf(published, DEMO)).toEqual({
      status: 'published',
      year: 2025,
      evaluationId: id(1),
      awardedFen: 20_000_000,
    });
  });

  it('D-DISBURSEMENT: a platform the published results do not list is awarded nothing', () => {
    const published = stateAfter(programDecider, [
      ...ready,
      evaluated(1, both),
      publishedAs(1, both),
    ]);
    expect(awardOf(published, 'cq-other')).toMatchObject({ status: 'published', awardedFen: 0 });
  });
});

describe('Results shown by default: the published evaluation, else the latest', () => {
  it('Results: the latest evaluation while nothing is published', () => {
    const state = openedAfter([...ready, evaluated(1, both), evaluated(2, both)]);
    expect(defaultEvaluationOf(state)?.evaluationId).toBe(id(2));
  });

  it('Results: the published evaluation once there is one', () => {
    const state = openedAfter([
      ...ready,
      evaluated(1, both),
      evaluated(2, both),
      publishedAs(1, both),
    ]);
    expect(defaultEvaluationOf(state)?.evaluationId).toBe(id(1));
  });

  it('Results: none before the first evaluation', () => {
    expect(defaultEvaluationOf(openedAfter(ready))).toBeNull();
  });
});

function openedAfter(events: readonly ProgramEvent[]): OpenedProgram {
  const state = stateAfter(programDecider, events);
  if (state.status !== 'opened') throw new Error('the program was not opened');
  return state;
}
