import { foldEvents, type ProjectedEvent } from '../shared/projection';
import {
  disbursement,
  id,
  log,
  PLATFORM_ID,
  retraction,
} from '../platform-year-metrics/testing/year-events';
import { fundingLedger } from './funding-ledger.projection';
import type { FundingLedgerView } from './funding-ledger.view';
import { line, publicationId, published } from './testing/program-events';

const WAN = 10_000 * 100; // 1 万元 in 分

function ledgerOf(...events: readonly ProjectedEvent[]): FundingLedgerView {
  const doc =
    foldEvents(fundingLedger, log(...events)).get(PLATFORM_ID) ??
    fundingLedger.initialDoc(PLATFORM_ID);
  return fundingLedger.view(doc, PLATFORM_ID);
}

const tierOne = published(1, 'cq-window-2025', 2025, [
  line(PLATFORM_ID, { grade: '合格', tier: '一档', amountFen: 30 * WAN }),
  line('cq-fuling-window'),
]);

describe('S1-5 awards from published results', () => {
  it('S1-5: a funded line is an award with its program, evaluation, event, grade and tier', () => {
    const ledger = ledgerOf(tierOne);
    expect(ledger.years['2025']?.awards).toEqual([
      {
        programId: 'cq-window-2025',
        evaluationId: tierOne.data.evaluationId,
        eventId: publicationId(1),
        year: 2025,
        grade: '合格',
        tier: '一档',
        amountFen: 30_000_000,
      },
    ]);
    expect(ledger.totals).toEqual({
      awardedFen: 30_000_000,
      disbursedFen: 0,
      outstandingFen: 30_000_000,
      clawedBackFen: 0,
      repaidFen: 0,
      owedFen: 0,
      retainedFen: 0,
    });
  });

  it('S1-5: a publication keys only the platforms it funds', () => {
    expect(fundingLedger.keysOf(tierOne)).toEqual([PLATFORM_ID]);
  });

  it('S1-5: an unfunded line is no award', () => {
    const ledger = ledgerOf(published(2, 'p', 2025, [line(PLATFORM_ID)]));
    expect(ledger.years).toEqual({});
    expect(ledger.totals.awardedFen).toBe(0);
  });
});

describe('S1-5 disbursements and what is outstanding', () => {
  it('S1-5: outstanding = awarded − disbursed, per program, per year and in all', () => {
    const ledger = ledgerOf(
      tierOne,
      published(2, 'bengbu-demo-2022', 2025, [line(PLATFORM_ID, { amountFen: 20 * WAN })]),
      disbursement(3, 'cq-window-2025', 10 * WAN),
      disbursement(4, 'cq-window-2025', 20 * WAN),
      disbursement(5, 'bengbu-demo-2022', 5 * WAN),
    );
    const year = ledger.years['2025'];
    expect(year?.byProgram).toEqual({
      'cq-window-2025': {
        awardedFen: 30 * WAN,
        disbursedFen: 30 * WAN,
        outstandingFen: 0,
        clawedBackFen: 0,
        repaidFen: 0,
        owedFen: 0,
        retainedFen: 30 * WAN,
      },
      'bengbu-demo-2022': {
        awardedFen: 20 * WAN,
        disbursedFen: 5 * WAN,
        outstandingFen: 15 * WAN,
        clawedBackFen: 0,
        repaidFen: 0,
        owedFen: 0,
        retainedFen: 5 * WAN,
      },
    });
    expect(year?.totals).toEqual({
      awardedFen: 50 * WAN,
      disbursedFen: 35 * WAN,
      outstandingFen: 15 * WAN,
      clawedBackFen: 0,
      repaidFen: 0,
      owedFen: 0,
      retainedFen: 35 * WAN,
    });
    expect(ledger.totals).toEqual(year?.totals);
    expect(year?.disbursements[0]).toEqual({
      eventId: id(3),
      programId: 'cq-window-2025',
      year: 2025,
      amountFen: 10 * WAN,
      occurredAt: '2025-12-01',
      reference: '拨付-3',
    });
  });

  it('S1-5: years are kept apart; the platform totals add them up', () => {
    const ledger = ledgerOf(
      published(1, 'p-2024', 2024, [line(PLATFORM_ID, { amountFen: 20 * WAN })]),
      tierOne,
      disbursement(3, 'p-2024', 20 * WAN, { year: 2024 }),
    );
    expect(Object.keys(ledger.years)).toEqual(['2024', '2025']);
    expect(ledger.years['2024']?.totals.outstandingFen).toBe(0);
    expect(ledger.years['2025']?.totals.outstandingFen).toBe(30 * WAN);
    expect(ledger.totals).toEqual({
      awardedFen: 50 * WAN,
      disbursedFen: 20 * WAN,
      outstandingFen: 30 * WAN,
      clawedBackFen: 0,
      repaidFen: 0,
      owedFen: 0,
      retainedFen: 20 * WAN,
    });
  });

  it('S1-5: a retracted disbursement is no longer paid', () => {
    const ledger = ledgerOf(tierOne, disbursement(3, 'cq-window-2025', 10 * WAN), retraction(4, 3));
    expect(ledger.years['2025']?.disbursements).toEqual([]);
    expect(ledger.totals.outstandingFen).toBe(30 * WAN);
  });

  it('the read model funding-ledger; its document survives JSON', () => {
    expect(fundingLedger.name).toBe('funding-ledger');
    const doc = foldEvents(fundingLedger, log(tierOne, disbursement(3, 'cq-window-2025', WAN))).get(
      PLATFORM_ID,
    );
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
