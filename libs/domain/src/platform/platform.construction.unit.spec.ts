import { platformDecider } from '../deciders';
import { specificationFor, stateAfter } from '../testing/decider-specification';
import { filed, meta, revoked, windowFiling } from '../testing/fixtures';
import type { PlatformCommand } from './platform.commands';
import type { PlatformEvent } from './platform.events';

/** S2-1 / S0-3: a platform filed during its 建设期 completes its construction once. */
const spec = specificationFor(platformDecider);
const building = filed({ ...windowFiling, underConstruction: true, filedAt: '2024-11-27' });

const complete = (completedAt: string): PlatformCommand => ({
  type: 'CompletePlatformConstruction',
  data: { completedAt },
  metadata: meta('admin'),
});
const completed = (completedAt: string): PlatformEvent => ({
  type: 'PlatformConstructionCompleted',
  data: { completedAt },
});

describe('S2-1: construction completes once, for a platform filed under construction', () => {
  it('S2-1: completing the construction of a platform filed under construction is accepted', () => {
    spec.given(building).when(complete('2025-06-30')).then(completed('2025-06-30'));
  });

  it('S2-1: completing on the day of the filing is accepted', () => {
    spec.given(building).when(complete('2024-11-27')).then(completed('2024-11-27'));
  });

  it('S2-1: completing before the filing is refused', () => {
    spec
      .given(building)
      .when(complete('2024-11-26T23:59:59+08:00'))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'S2-1', field: 'completedAt' });
  });

  it('S2-1: a platform filed as built has no construction to complete', () => {
    spec
      .given(filed(windowFiling))
      .when(complete('2025-06-30'))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'S2-1', field: 'completedAt' });
  });

  it('S2-1: completing a second time is a CONFLICT', () => {
    spec
      .given(building, completed('2025-06-30'))
      .when(complete('2025-07-01'))
      .thenRejects({ code: 'CONFLICT', ruleId: 'S2-1', field: 'completedAt' });
  });

  it('D-DATE: a completion date that is not ISO 8601 is refused', () => {
    spec
      .given(building)
      .when(complete('2025年6月30日'))
      .thenRejects({ code: 'VALIDATION_FAILED', ruleId: 'D-DATE', field: 'completedAt' });
  });

  it('D-PLATFORM-FILED: an unfiled platform is NOT_FOUND', () => {
    spec
      .given()
      .when(complete('2025-06-30'))
      .thenRejects({ code: 'NOT_FOUND', ruleId: 'D-PLATFORM-FILED' });
  });

  it('D-PLATFORM-ACTIVE: a revoked platform completes nothing', () => {
    spec
      .given(building, revoked('2025-03-01'))
      .when(complete('2025-06-30'))
      .thenRejects({ code: 'RULE_VIOLATION', ruleId: 'D-PLATFORM-ACTIVE' });
  });

  it('S2-1: the state keeps the completion date', () => {
    expect(stateAfter(platformDecider, [building])).toMatchObject({
      constructionCompletedAt: null,
    });
    expect(stateAfter(platformDecider, [building, completed('2025-06-30')])).toMatchObject({
      constructionCompletedAt: '2025-06-30',
    });
  });
});
