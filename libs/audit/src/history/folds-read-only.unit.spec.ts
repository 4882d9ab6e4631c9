import fc from 'fast-check';
import type { ProjectedEvent } from '@ledger/projections/index';
import { line, published } from '@ledger/projections/funding-ledger/testing/program-events';
import { filed, windowFiling } from '@ledger/projections/platforms/testing/platform-events';
import { randomYear } from '@ledger/projections/platform-year-metrics/testing/random-year';
import {
  clawbackOrdered,
  clawbackProposed,
  clawbackRepaid,
  disbursement,
  disqualified,
  log,
  PLATFORM_ID,
} from '@ledger/projections/platform-year-metrics/testing/year-events';
import { foldViews } from './fold-views';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/**
 * Audit folds read the events they answer: every projection must leave an event's data as it
 * found it, so a history snapshot folds the events it returns without copying them. Frozen
 * events make any write (or a later write to an array a document borrowed) throw.
 */
describe('every projection leaves the events it folds untouched (history snapshots share them)', () => {
  it('random platform-years with funding and integrity decisions fold over frozen events', () => {
    fc.assert(
      fc.property(randomYear, ({ withRetractions }) => {
        const events: ProjectedEvent[] = log(
          { ...filed(0, { ...windowFiling, platformId: PLATFORM_ID }) },
          ...withRetractions,
          published(2000, 'cq-window-2025', 2025, [
            line(PLATFORM_ID, { grade: '一档', tier: '一档', amountFen: 30_000_000 }),
          ]),
          disbursement(2001, 'cq-window-2025', 30_000_000),
          disqualified(2002, [2025, 2026], null),
          clawbackProposed(2003, 30_000_000, 2002),
          clawbackOrdered(2004, 30_000_000, 2003),
          clawbackRepaid(2005, 2004, 10_000_000),
        ).map(deepFreeze);
        expect(() => foldViews(events)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
