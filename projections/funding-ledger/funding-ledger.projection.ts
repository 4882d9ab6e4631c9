import {
  assertNever,
  parsePlatformYearStream,
  parseProgramStream,
  type ClawbackOrdered,
  type ClawbackProposed,
  type ClawbackRepaid,
  type DisbursementRecorded,
  type ProgramResultsPublished,
  type RecordRetracted,
} from '@ledger/domain';
import type { ProjectedEvent, Projection } from '../shared/projection';
import { emptySums, totalsOf, type FundingSums } from './funding-totals';
import type {
  Award,
  Clawback,
  ClawbackProposal,
  Disbursement,
  FundingLedgerView,
  FundingTotals,
  FundingYear,
} from './funding-ledger.view';

/** Read-model name (the same as READ_MODELS.fundingLedger in libs/read-models). */
export const FUNDING_LEDGER = 'funding-ledger';

/** The stored document: the awards (one per program) and the payments, in log order. JSON only. */
export interface FundingDoc {
  readonly platformId: string;
  /** programId → the award its publication made (a publication is final, D-PUBLICATION). */
  readonly awards: Record<string, Award>;
  readonly disbursements: Disbursement[];
  /** S1-7 proposals and ordered clawbacks (with their repayments), in log order. */
  readonly clawbackProposals: Omit<ClawbackProposal, 'orderedBy'>[];
  readonly clawbacks: Clawback[];
}

type FundingEvent =
  | ProgramResultsPublished
  | DisbursementRecorded
  | ClawbackProposed
  | ClawbackOrdered
  | ClawbackRepaid
  | RecordRetracted;

const READS: Record<FundingEvent['type'], true> = {
  ProgramResultsPublished: true,
  DisbursementRecorded: true,
  ClawbackProposed: true,
  ClawbackOrdered: true,
  ClawbackRepaid: true,
  RecordRetracted: true,
};

export function evolveFunding(
  doc: FundingDoc,
  event: ProjectedEvent,
  platformId: string,
): FundingDoc {
  // The projector hands over only the event types listed in READS.
  const fact = event as unknown as FundingEvent;
  switch (fact.type) {
    case 'ProgramResultsPublished': {
      const programId = parseProgramStream(event.stream) ?? '';
      const line = fact.data.results.find((result) => result.platformId === platformId);
      if (line !== undefined && line.amountFen > 0) {
        doc.awards[programId] = {
          programId,
          evaluationId: fact.data.evaluationId,
          eventId: event.id,
          year: fact.data.year,
          grade: line.grade,
          tier: line.tier,
          amountFen: line.amountFen,
        };
      }
      return doc;
    }
    case 'DisbursementRecorded': {
      const stream = parsePlatformYearStream(event.stream);
      if (stream === null) return doc;
      doc.disbursements.push({
        eventId: fact.data.recordId,
        programId: fact.data.programId,
        year: stream.year,
        amountFen: fact.data.amountFen,
        occurredAt: fact.data.occurredAt,
        reference: fact.data.reference,
      });
      return doc;
    }
    case 'ClawbackProposed': {
      const stream = parsePlatformYearStream(event.stream);
      if (stream === null) return doc;
      const { recordId, ruleId, amountFen, causeId, occurredAt } = fact.data;
      doc.clawbackProposals.push({
        eventId: recordId,
        year: stream.year,
        ruleId,
        amountFen,
        causeId,
        occurredAt,
      });
      return doc;
    }
    case 'ClawbackOrdered': {
      const stream = parsePlatformYearStream(event.stream);
      if (stream === null) return doc;
      const { recordId, ruleId, amountFen, reason, causeId, occurredAt } = fact.data;
      doc.clawbacks.push({
        eventId: recordId,
        year: stream.year,
        ruleId,
        amountFen,
        reason,
        causeId,
        occurredAt,
        repayments: [],
        repaidFen: 0,
        owedFen: amountFen,
      });
      return doc;
    }
    case 'ClawbackRepaid': {
      const index = doc.clawbacks.findIndex((order) => order.eventId === fact.data.clawbackId);
      const order = doc.clawbacks[index];
      if (order === undefined) return doc;
      const repaidFen = order.repaidFen + fact.data.amountFen;
      doc.clawbacks[index] = {
        ...order,
        repayments: [
          ...order.repayments,
          {
            eventId: fact.data.recordId,
            amountFen: fact.data.amountFen,
            occurredAt: fact.data.occurredAt,
            reference: fact.data.reference,
          },
        ],
        repaidFen,
        owedFen: order.amountFen - repaidFen,
      };
      return doc;
    }
    case 'RecordRetracted': {
      // An administrator's correction of a payment record takes the payment back out.
      const index = doc.disbursements.findIndex(
        (payment) => payment.eventId === fact.data.retractedId,
      );
      if (index >= 0) doc.disbursements.splice(index, 1);
      return doc;
    }
    default:
      return assertNever(fact);
  }
}

export function fundingKeysOf(event: ProjectedEvent): readonly string[] {
  const fact = event as unknown as FundingEvent;
  switch (fact.type) {
    case 'ProgramResultsPublished':
      return fact.data.results
        .filter((result) => result.amountFen > 0)
        .map((result) => result.platformId);
    case 'DisbursementRecorded':
    case 'ClawbackProposed':
    case 'ClawbackOrdered':
    case 'ClawbackRepaid':
    case 'RecordRetracted': {
      const stream = parsePlatformYearStream(event.stream);
      return stream === null ? [] : [stream.platformId];
    }
    default:
      return assertNever(fact);
  }
}

interface YearDraft {
  readonly awards: Award[];
  readonly disbursements: Disbursement[];
  readonly clawbackProposals: ClawbackProposal[];
  readonly clawbacks: Clawback[];
  readonly byProgram: Map<string, FundingSums>;
  readonly sums: FundingSums;
}

/** Awards count in their program's year, payments in the year of the stream they were recorded in. */
export function fundingView(doc: FundingDoc): FundingLedgerView {
  const drafts = new Map<number, YearDraft>();
  const draftOf = (year: number): YearDraft => {
    let draft = drafts.get(year);
    if (draft === undefined) {
      draft = {
        awards: [],
        disbursements: [],
        clawbackProposals: [],
        clawbacks: [],
        byProgram: new Map(),
        sums: emptySums(),
      };
      drafts.set(year, draft);
    }
    return draft;
  };
  const programSums = (draft: YearDraft, programId: string): FundingSums => {
    let sums = draft.byProgram.get(programId);
    if (sums === undefined) {
      sums = emptySums();
      draft.byProgram.set(programId, sums);
    }
    return sums;
  };
  const platform = emptySums();
  for (const award of Object.values(doc.awards)) {
    const draft = draftOf(award.year);
    draft.awards.push({ ...award });
    draft.sums.awardedFen += award.amountFen;
    programSums(draft, award.programId).awardedFen += award.amountFen;
    platform.awardedFen += award.amountFen;
  }
  for (const payment of doc.disbursements) {
    const draft = draftOf(payment.year);
    draft.disbursements.push({ ...payment });
    draft.sums.disbursedFen += payment.amountFen;
    programSums(draft, payment.programId).disbursedFen += payment.amountFen;
    platform.disbursedFen += payment.amountFen;
  }
  for (const proposal of doc.clawbackProposals) {
    const orderedBy = doc.clawbacks
      .filter((order) => order.causeId === proposal.eventId)
      .map((order) => order.eventId);
    draftOf(proposal.year).clawbackProposals.push({ ...proposal, orderedBy });
  }
  for (const order of doc.clawbacks) {
    const draft = draftOf(order.year);
    draft.clawbacks.push({ ...order, repayments: order.repayments.map((r) => ({ ...r })) });
    for (const sums of [draft.sums, platform]) {
      sums.clawedBackFen += order.amountFen;
      sums.repaidFen += order.repaidFen;
    }
  }
  const years: Record<string, FundingYear> = {};
  for (const year of [...drafts.keys()].sort((a, b) => a - b)) {
    const draft = draftOf(year);
    const byProgram: Record<string, FundingTotals> = {};
    for (const [programId, sums] of draft.byProgram) byProgram[programId] = totalsOf(sums);
    years[String(year)] = {
      year,
      awards: draft.awards,
      disbursements: draft.disbursements,
      clawbackProposals: draft.clawbackProposals,
      clawbacks: draft.clawbacks,
      byProgram,
      totals: totalsOf(draft.sums),
    };
  }
  return { platformId: doc.platformId, years, totals: totalsOf(platform) };
}

/**
 * The funding ledger (DESIGN.md "Projections"): awards from published results (S1-5, S3-6
 * amounts) and disbursements, with what is outstanding per program, per year and in all.
 */
export const fundingLedger: Projection<FundingDoc, FundingLedgerView> = {
  name: FUNDING_LEDGER,
  // 2: clawbacks (追回), their S1-7 proposals and repayments.
  version: 2,
  eventTypes: new Set(Object.keys(READS)),
  keysOf: fundingKeysOf,
  initialDoc: (platformId) => ({
    platformId,
    awards: {},
    disbursements: [],
    clawbackProposals: [],
    clawbacks: [],
  }),
  evolve: evolveFunding,
  view: fundingView,
};
