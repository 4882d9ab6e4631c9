import { platformDecider, platformYearDecider } from '../deciders';
import { demoFiling, filed, filedWindowPlatform, meta, platformState, revoked } from './fixtures';
import { specificationFor, stateAfter } from './decider-specification';
import { command, eventOf, service, YEAR } from './year-records';

/** The harness itself: it must fail loudly, or every spec built on it proves nothing. */
describe('decider specification harness', () => {
  const platforms = specificationFor(platformDecider);
  const fileDemo = { type: 'FilePlatform', data: demoFiling, metadata: meta('admin') } as const;

  it('passes when the expected events are emitted', () => {
    platforms.given().when(fileDemo).then(filed(demoFiling));
  });

  it('throws when the events differ or the command is rejected', () => {
    const other = filed({ ...demoFiling, name: '重庆市渝兴中小企业公共服务示范平台' });
    expect(() => {
      platforms.given().when(fileDemo).then(other);
    }).toThrow('unexpected events');
    expect(() => {
      platforms.given(filed(demoFiling)).when(fileDemo).then();
    }).toThrow('expected the command to be accepted');
  });

  it('checks only the parts of a rejection it is given', () => {
    const outcome = platforms.given(filed(demoFiling)).when(fileDemo);
    outcome.thenRejects({ ruleId: 'D-PLATFORM-FILED' });
    outcome.thenRejects({ ruleId: 'D-PLATFORM-FILED', code: 'CONFLICT', field: 'platformId' });
    expect(() => {
      outcome.thenRejects({ ruleId: 'D-USCC' });
    }).toThrow('unexpected rejection');
    expect(() => {
      outcome.thenRejects({ ruleId: 'D-PLATFORM-FILED', field: null });
    }).toThrow();
    expect(() => {
      platforms.given().when(fileDemo).thenRejects({ ruleId: 'x' });
    }).toThrow('expected a rejection');
  });

  it('passes its context to the decider, per scenario with withContext', () => {
    const years = specificationFor(platformYearDecider, filedWindowPlatform);
    const record = service(1);
    years.given().when(command(record)).then(eventOf(record));
    years
      .given()
      .withContext(platformState(filed(demoFiling), revoked(`${String(YEAR - 1)}-06-30`)))
      .when(command(record))
      .thenRejects({ ruleId: 'D-PLATFORM-ACTIVE' });
  });

  it('folds the given events from the initial state', () => {
    expect(stateAfter(platformDecider, [])).toEqual({ status: 'unfiled' });
    expect(stateAfter(platformDecider, [filed(demoFiling)]).status).toBe('filed');
  });
});
