import { platformYearDecider } from '../deciders';
import { initialPlatformState } from '../platform/platform.state';
import { specificationFor } from '../testing/decider-specification';
import {
  filed,
  filedWindowPlatform,
  id,
  platformState,
  revoked,
  windowFiling,
} from '../testing/fixtures';
import { batch, command, eventOf, retract, service, submitYear } from '../testing/year-records';

/** A year is decided against the platform's own state, passed as the decider's context. */
const spec = specificationFor(platformYearDecider, filedWindowPlatform);
const record = service(1);

const filedAt = (date: string) => platformState(filed({ ...windowFiling, filedAt: date }));
const revokedAt = (date: string) => platformState(filed(windowFiling), revoked(date));

describe('D-PLATFORM-FILED: a year is written only for a platform filed by then', () => {
  it('D-PLATFORM-FILED: a record of a filed platform is accepted', () => {
    spec.given().when(command(record)).then(eventOf(record));
  });

  it.each([command(record), batch([record]), retract(2, id(1)), submitYear(3)])(
    'D-PLATFORM-FILED: $type for an unfiled platform is NOT_FOUND',
    (cmd) => {
      spec
        .given()
        .withContext(initialPlatformState())
        .when(cmd)
        .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PLATFORM-FILED', field: 'platformId' });
    },
  );

  it('D-PLATFORM-FILED: a platform filed in a later year cannot record this year', () => {
    spec
      .given()
      .withContext(filedAt('2026-01-01'))
      .when(command(record))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PLATFORM-FILED', field: 'year' });
  });

  it('D-PLATFORM-FILED: a platform filed on the year’s last evening (Beijing) records it', () => {
    spec
      .given()
      .withContext(filedAt('2025-12-31T23:30:00+08:00'))
      .when(command(record))
      .then(eventOf(record));
  });
});

describe('D-PLATFORM-ACTIVE: a platform revoked before the year cannot record it', () => {
  it('D-PLATFORM-ACTIVE: revoked in the previous year, the record is refused', () => {
    spec
      .given()
      .withContext(revokedAt('2024-12-31'))
      .when(command(record))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PLATFORM-ACTIVE', field: 'year' });
  });

  it('D-PLATFORM-ACTIVE: revoked during the year, the year can still be completed', () => {
    spec.given().withContext(revokedAt('2025-09-30')).when(command(record)).then(eventOf(record));
  });

  it('D-PLATFORM-ACTIVE: revoked at 00:30 on 1 January Beijing time (16:30 UTC the day before) is during the year', () => {
    spec
      .given()
      .withContext(revokedAt('2024-12-31T16:30:00Z'))
      .when(command(record))
      .then(eventOf(record));
  });
});
