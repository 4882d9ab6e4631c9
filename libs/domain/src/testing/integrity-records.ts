import type { CommandMetadata } from '../shared/command-metadata';
import type { PlatformYearCommand, SignalFacts } from '../platform-year/platform-year.commands';
import type { FabricatedKind, PlatformYearEvent } from '../platform-year/platform-year.events';
import { id, meta } from './fixtures';
import { PLATFORM_ID, YEAR } from './year-records';

/** Test data for the integrity decisions: signals, confirmations, disqualifications, clawbacks. */

export const DECIDED_AT = '2026-03-02T02:00:00.000Z';
const admin = (): CommandMetadata => meta('admin', DECIDED_AT);

export function signal(
  fabricates: FabricatedKind | null,
  o: Partial<SignalFacts> = {},
): SignalFacts {
  return {
    signalId: `F-4.${PLATFORM_ID}.${String(YEAR)}.rating-burst-1`,
    ruleId: 'F-4',
    platformId: PLATFORM_ID,
    year: YEAR,
    fabricates,
    eventIds: [id(10), id(11)],
    ...o,
  };
}

export function confirm(n: number, facts: SignalFacts): PlatformYearCommand {
  return {
    type: 'ConfirmFraudSignal',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: admin(),
    data: { recordId: id(n), reason: '企业回访: 未接受服务', evidenceRefs: ['回访记录-1'] },
    signal: facts,
    consequenceIds: { disqualificationId: id(n + 1), clawbackProposalId: id(n + 2) },
  };
}

export function confirmed(n: number, facts: SignalFacts): PlatformYearEvent {
  return {
    type: 'FraudSignalConfirmed',
    data: {
      recordId: id(n),
      occurredAt: DECIDED_AT,
      signalId: facts.signalId,
      ruleId: facts.ruleId,
      fabricated: facts.fabricates,
      reason: '企业回访: 未接受服务',
      evidenceRefs: ['回访记录-1'],
      signalEventIds: facts.eventIds,
    },
  };
}

export function dismiss(n: number, facts: SignalFacts): PlatformYearCommand {
  return {
    type: 'DismissFraudSignal',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: admin(),
    data: { recordId: id(n), reason: '集中评价系线下活动现场扫码', evidenceRefs: [] },
    signal: facts,
  };
}

/** S1-7's disqualification as the decider writes it after confirmation n. */
export function s17Disqualified(n: number, facts: SignalFacts): PlatformYearEvent {
  return {
    type: 'PlatformDisqualified',
    data: {
      recordId: id(n + 1),
      occurredAt: DECIDED_AT,
      ruleId: 'S1-7',
      reason: `confirmed fabricated ${facts.fabricates ?? ''} (${facts.ruleId}, signal ${facts.signalId}): support cancelled for ${String(YEAR)} and ${String(YEAR + 1)}`,
      evidenceRefs: ['回访记录-1'],
      yearsAffected: [YEAR, YEAR + 1],
      causeId: id(n),
    },
  };
}

export function s17Proposed(n: number, amountFen: number): PlatformYearEvent {
  return {
    type: 'ClawbackProposed',
    data: {
      recordId: id(n + 2),
      occurredAt: DECIDED_AT,
      ruleId: 'S1-7',
      amountFen,
      causeId: id(n),
    },
  };
}

export function disqualify(
  n: number,
  o: { yearsAffected?: number[]; ruleId?: string; causeId?: string | null } = {},
): PlatformYearCommand {
  return {
    type: 'DisqualifyPlatform',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: admin(),
    data: {
      recordId: id(n),
      ruleId: o.ruleId ?? 'S1-6',
      reason: '巡视审计发现问题',
      evidenceRefs: ['审计报告-7'],
      yearsAffected: o.yearsAffected ?? [YEAR],
      causeId: o.causeId ?? null,
    },
  };
}

export function orderClawback(
  n: number,
  amountFen: number,
  causeId: string | null = null,
): PlatformYearCommand {
  return {
    type: 'OrderClawback',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: admin(),
    data: { recordId: id(n), ruleId: 'S1-7', amountFen, reason: '追回已拨付资金', causeId },
  };
}

export function clawbackOrdered(
  n: number,
  amountFen: number,
  causeId: string | null = null,
): PlatformYearEvent {
  return {
    type: 'ClawbackOrdered',
    data: {
      recordId: id(n),
      occurredAt: DECIDED_AT,
      ruleId: 'S1-7',
      amountFen,
      reason: '追回已拨付资金',
      causeId,
    },
  };
}

export function repay(n: number, clawbackN: number, amountFen: number): PlatformYearCommand {
  return {
    type: 'RecordRepayment',
    platformId: PLATFORM_ID,
    year: YEAR,
    metadata: admin(),
    data: repaymentData(n, clawbackN, amountFen),
  };
}

export function repaid(n: number, clawbackN: number, amountFen: number): PlatformYearEvent {
  return { type: 'ClawbackRepaid', data: repaymentData(n, clawbackN, amountFen) };
}

function repaymentData(n: number, clawbackN: number, amountFen: number) {
  return {
    recordId: id(n),
    occurredAt: '2026-04-01',
    clawbackId: id(clawbackN),
    amountFen,
    reference: `缴款书-${String(n)}`,
  };
}
