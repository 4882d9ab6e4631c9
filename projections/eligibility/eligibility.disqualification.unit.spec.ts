import { foldEvents, type ProjectedEvent } from '../shared/projection';
import { filed, WINDOW_ID, windowFiling } from '../platforms/testing/platform-events';
import { disqualified, id, log } from '../platform-year-metrics/testing/year-events';
import { eligibilityFor } from './eligibility-for';
import { eligibility } from './eligibility.projection';
import type { EligibilityView } from './eligibility.view';

function eligibilityOf(...events: readonly ProjectedEvent[]): EligibilityView {
  const doc =
    foldEvents(eligibility, log(...events)).get(WINDOW_ID) ?? eligibility.initialDoc(WINDOW_ID);
  return eligibility.view(doc, WINDOW_ID);
}

describe('S1-7 / 取消资格 in eligibility: each affected year cites the decision and its cause', () => {
  it('S1-7: a disqualification recorded in 2025 for 2025 and 2026 bars both years, not 2027', () => {
    const view = eligibilityOf(filed(1, windowFiling), disqualified(21, [2025, 2026], 20));
    const reason = {
      ruleId: 'S1-7',
      cause: 'disqualified',
      reason:
        'Disqualified (取消资格) by a decision recorded for 2025: confirmed fabricated ratings.',
      eventIds: [id(21), id(20)],
      programId: null,
    };
    expect(eligibilityFor(view, 2025)).toEqual({ eligible: false, reasons: [reason] });
    expect(eligibilityFor(view, 2026)).toEqual({ eligible: false, reasons: [reason] });
    expect(eligibilityFor(view, 2027)).toEqual({ eligible: true, reasons: [] });
    expect(eligibilityFor(view, 2024)).toEqual({ eligible: true, reasons: [] });
  });

  it("S1-6: an administrator's disqualification without a cause cites itself alone", () => {
    const view = eligibilityOf(filed(1, windowFiling), disqualified(30, [2025], null, 'S1-6'));
    expect(eligibilityFor(view, 2025).reasons).toEqual([
      expect.objectContaining({ ruleId: 'S1-6', cause: 'disqualified', eventIds: [id(30)] }),
    ]);
  });
});
