import { platformYearDecider } from '../deciders';
import { specificationFor } from '../testing/decider-specification';
import { filedWindowPlatform } from '../testing/fixtures';
import { command, eventOf, workPlan } from '../testing/year-records';
import { PLAN_INDICATORS } from './plan-indicators';
import type { Target } from './platform-year.events';

/** S1-2 / S1-4: a work plan's targets are what the completion rate divides by. */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const plan = (...targets: Target[]) => workPlan(1, { targets });
const target = (indicator: string, value = 10, area: Target['area'] = null): Target => ({
  indicator,
  area,
  target: value,
});

describe('D-PLAN: a target names an indicator the metrics measure', () => {
  it('D-PLAN: the list holds the 25 numeric counts of the metrics view', () => {
    expect(PLAN_INDICATORS).toHaveLength(25);
    expect(new Set(PLAN_INDICATORS).size).toBe(25);
  });

  it.each([...PLAN_INDICATORS])('D-PLAN: a target on %s is accepted', (indicator) => {
    const item = plan(target(indicator));
    spec.given().when(command(item)).then(eventOf(item));
  });

  it.each(['trainingPersonTimes', 'EnterprisesServed', 'satisfactionRate', 'byArea', ''])(
    'D-PLAN: a target on %j is refused, naming the field',
    (indicator) => {
      spec
        .given()
        .when(command(plan(target('activities'), target(indicator))))
        .thenRejects({
          code: 'VALIDATION_FAILED',
          ruleId: 'D-PLAN',
          field: 'targets[1].indicator',
        });
    },
  );

  it('D-PLAN: an indicator the metrics count per service area may name an area', () => {
    const item = plan(target('services', 12, 'financing'), target('services', 8, 'digital'));
    spec.given().when(command(item)).then(eventOf(item));
  });

  it('D-PLAN: an indicator counted for the whole year only may not name an area', () => {
    spec
      .given()
      .when(command(plan(target('financingFen', 50_000_000, 'financing'))))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PLAN', field: 'targets[0].area' });
  });
});

describe('D-PLAN: a target is at least 1, set once, in a plan of at least one target', () => {
  it('D-PLAN: a target of exactly 1 is accepted', () => {
    const item = plan(target('activities', 1));
    spec.given().when(command(item)).then(eventOf(item));
  });

  it('D-PLAN: a target of 0 is refused (S1-4 divides by it)', () => {
    spec
      .given()
      .when(command(plan(target('activities', 0))))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PLAN', field: 'targets[0].target' });
  });

  it('D-COUNT: a fractional target is refused', () => {
    spec
      .given()
      .when(command(plan(target('activities', 2.5))))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-COUNT', field: 'targets[0].target' });
  });

  it('D-PLAN: the same indicator and area twice is refused', () => {
    spec
      .given()
      .when(
        command(
          plan(
            target('services', 5, 'digital'),
            target('activities'),
            target('services', 9, 'digital'),
          ),
        ),
      )
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PLAN', field: 'targets[2]' });
  });

  it('D-PLAN: a plan without targets is refused', () => {
    spec
      .given()
      .when(command(plan()))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-PLAN', field: 'targets' });
  });
});
