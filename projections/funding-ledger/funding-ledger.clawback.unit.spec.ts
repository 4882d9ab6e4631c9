import { foldEvents, type ProjectedEvent } from '../shared/projection';
import {
  clawbackOrdered,
  clawbackProposed,
  clawbackRepaid,
  disbursement,
  id,
  log,
  PLATFORM_ID,
} from '../platform-year-metrics/testing/year-events';
import { fundingLedger } from './funding-ledger.projection';
import type { FundingLedgerView } from './funding-ledger.view';
import { line, published } from './testing/program-events';

const WAN = 10_000 * 100; // 1 万元 in 分

function ledgerOf(...events: readonly ProjectedEvent[]): FundingLedgerView {
  const doc =
    foldEvents(fundingLedger, log(...events)).get(PLATFORM_ID) ??
    fundingLedger.initialDoc(PLATFORM_ID);
  return fundingLedger.view(doc, PLATFORM_ID);
}

const award = published(1, 'cq-window-2025', 2025, [
  line(PLATFORM_ID, { grade: '一档', tier: '一档', amountFen: 30 * WAN }),
]);

describe('S1-7 追回 in the funding ledger: proposals, orders, repayments and balances', () => {
  it('S1-7: a proposal lists the orders that carried it out; repayments in two parts settle the order', () => {
    const ledger = ledgerOf(
      award,
      disbursement(2, 'cq-window-2025', 30 * WAN),
      clawbackProposed(5, 30 * WAN, 4),
      clawbackOrdered(6, 30 * WAN, 5),
      clawbackRepaid(7, 6, 12 * WAN),
      clawbackRepaid(8, 6, 18 * WAN),
    );
    const year = ledger.years['2025'];
    expect(year?.clawbackProposals).toEqual([
      {
        eventId: id(5),
        year: 2025,
        ruleId: 'S1-7',
        amountFen: 30 * WAN,
        causeId: id(4),
        occurredAt: '2026-03-02T02:00:00.000Z',
        orderedBy: [id(6)],
      },
    ]);
    expect(year?.clawbacks).toEqual([
      expect.objectContaining({
        eventId: id(6),
        amountFen: 30 * WAN,
        repaidFen: 30 * WAN,
        owedFen: 0,
        repayments: [
          { eventId: id(7), amountFen: 12 * WAN, occurredAt: '2026-04-01', reference: '缴款书-7' },
          { eventId: id(8), amountFen: 18 * WAN, occurredAt: '2026-04-01', reference: '缴款书-8' },
        ],
      }),
    ]);
    expect(ledger.totals).toEqual({
      awardedFen: 30 * WAN,
      disbursedFen: 30 * WAN,
      outstandingFen: 0,
      clawedBackFen: 30 * WAN,
      repaidFen: 30 * WAN,
      owedFen: 0,
      retainedFen: 0,
    });
  });

  it('S1-7: after the first part, 180,000 元 is still owed and the platform keeps it', () => {
    const ledger = ledgerOf(
      award,
      disbursement(2, 'cq-window-2025', 30 * WAN),
      clawbackOrdered(6, 30 * WAN, null),
      clawbackRepaid(7, 6, 12 * WAN),
    );
    expect(ledger.years['2025']?.totals).toMatchObject({
      clawedBackFen: 30 * WAN,
      repaidFen: 12 * WAN,
      owedFen: 18 * WAN,
      retainedFen: 18 * WAN,
    });
  });
});
