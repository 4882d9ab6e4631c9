import { foldEvents, viewsOf } from '../shared/projection';
import { id, log, yearEvent } from '../platform-year-metrics/testing/year-events';
import { fraudDecisions } from './fraud-decisions.projection';

const SIGNAL = 'F-4.cq-wanzhou-window.2025.rating-burst-1';

describe('F-1..F-10 decisions: confirmations and dismissals per platform-year', () => {
  it('F-4: a confirmation and a dismissal are listed in log order with their reasons', () => {
    const events = log(
      yearEvent(
        'FraudSignalConfirmed',
        1,
        {
          signalId: SIGNAL,
          ruleId: 'F-4',
          fabricated: 'ratings',
          reason: '回访核实',
          evidenceRefs: ['回访-1'],
          signalEventIds: [id(9)],
        },
        { occurredAt: '2026-03-02T02:00:00.000Z' },
      ),
      yearEvent(
        'FraudSignalDismissed',
        2,
        {
          signalId: 'F-7.cq-wanzhou-window.2025.bar-100',
          ruleId: 'F-7',
          reason: '核实无误',
          evidenceRefs: [],
        },
        { occurredAt: '2026-03-03T02:00:00.000Z' },
      ),
    );
    const views = viewsOf(fraudDecisions, foldEvents(fraudDecisions, events));
    expect(views.get('cq-wanzhou-window/2025')).toEqual({
      decisions: [
        {
          signalId: SIGNAL,
          ruleId: 'F-4',
          decision: 'confirmed',
          eventId: id(1),
          decidedAt: '2026-03-02T02:00:00.000Z',
          reason: '回访核实',
          evidenceRefs: ['回访-1'],
          fabricated: 'ratings',
        },
        {
          signalId: 'F-7.cq-wanzhou-window.2025.bar-100',
          ruleId: 'F-7',
          decision: 'dismissed',
          eventId: id(2),
          decidedAt: '2026-03-03T02:00:00.000Z',
          reason: '核实无误',
          evidenceRefs: [],
          fabricated: null,
        },
      ],
    });
  });
});
