import { accept, assertNever, reject, type Decision } from '../shared/decision';
import { parseInstant } from '../shared/dates';
import { firstFieldProblem, type FieldCheck } from '../shared/field-checks';
import type { PlatformState } from '../platform/platform.state';
import type {
  ConfirmFraudSignal,
  DismissFraudSignal,
  DisqualifyPlatform,
  IntegrityCommand,
  OrderClawback,
  RecordRepayment,
  SignalFacts,
} from './platform-year.commands';
import type { PlatformYearEvent } from './platform-year.events';
import { recordIdProblem } from './record-id';
import { clawedBackFen, totalDisbursedFen, type PlatformYearState } from './platform-year.state';

/** The rules a consequence may cite: RULES.md's S* and F-* ids. */
const RULE_ID = /^(S\d-\d{1,2}|F-\d{1,2})$/;
/** S1-7 "取消本年度及下一年度支持资格": the year of the fraud and the next. */
const S1_7_YEARS_AHEAD = 1;
/** A disqualification reaches forward from the year of its cause, never further than this. */
const MAX_YEARS_AHEAD = 2;

/**
 * Fraud decisions and their consequences (RULES.md "Fraud signals", S1-7, 取消资格, 追回资金).
 * Each is an administrator's decision, final once made: a later decision answers it.
 */
export function decideIntegrity(
  command: IntegrityCommand,
  state: PlatformYearState,
  platform: PlatformState,
): Decision<PlatformYearEvent> {
  switch (command.type) {
    case 'ConfirmFraudSignal':
      return decideConfirmation(command, state, platform);
    case 'DismissFraudSignal':
      return decideDismissal(command, state);
    case 'DisqualifyPlatform':
      return decideDisqualification(command, state);
    case 'OrderClawback':
      return decideClawback(command, state);
    case 'RecordRepayment':
      return decideRepayment(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * S1-7: fabricated activities, records or ratings found in the implementation ⇒ support cancelled
 * this year and next, and what was paid for this year is clawed back. The decider applies it to
 * window platforms (S1's scope, 区县窗口平台) in the same append as the confirmation, once per
 * year; a demonstration platform's confirmed fabrication is S3-7's false evidence instead, which
 * its pack reads on re-evaluation. The clawback is proposed: the administrator orders it.
 */
function decideConfirmation(
  command: ConfirmFraudSignal,
  state: PlatformYearState,
  platform: PlatformState,
): Decision<PlatformYearEvent> {
  const problem = firstFieldProblem([
    recordIdProblem(command.data.recordId, state),
    signalProblem(command, state),
  ]);
  if (problem) return problem;
  const { signal, data, consequenceIds, year } = command;
  const now = command.metadata.now;
  const confirmation: PlatformYearEvent = {
    type: 'FraudSignalConfirmed',
    data: {
      recordId: data.recordId,
      occurredAt: now,
      signalId: signal.signalId,
      ruleId: signal.ruleId,
      fabricated: signal.fabricates,
      reason: data.reason,
      evidenceRefs: data.evidenceRefs,
      signalEventIds: signal.eventIds,
    },
  };
  const windowPlatform = platform.status !== 'unfiled' && platform.filing.kind !== 'demonstration';
  if (signal.fabricates === null || !windowPlatform || state.fabricationConfirmed) {
    return accept(confirmation);
  }
  const consequences: PlatformYearEvent[] = [
    {
      type: 'PlatformDisqualified',
      data: {
        recordId: consequenceIds.disqualificationId,
        occurredAt: now,
        ruleId: 'S1-7',
        reason: `confirmed fabricated ${signal.fabricates} (${signal.ruleId}, signal ${signal.signalId}): support cancelled for ${String(year)} and ${String(year + S1_7_YEARS_AHEAD)}`,
        evidenceRefs: data.evidenceRefs,
        yearsAffected: [year, year + S1_7_YEARS_AHEAD],
        causeId: data.recordId,
      },
    },
  ];
  const unclaimedFen = totalDisbursedFen(state) - clawedBackFen(state);
  if (unclaimedFen > 0) {
    consequences.push({
      type: 'ClawbackProposed',
      data: {
        recordId: consequenceIds.clawbackProposalId,
        occurredAt: now,
        ruleId: 'S1-7',
        amountFen: unclaimedFen,
        causeId: data.recordId,
      },
    });
  }
  const ids = [data.recordId, consequenceIds.disqualificationId, consequenceIds.clawbackProposalId];
  if (new Set(ids).size !== ids.length || ids.some((id) => state.records.has(id))) {
    return reject('CONFLICT', 'D-RECORD-ID', 'the consequences need fresh, distinct record ids');
  }
  return accept(confirmation, ...consequences);
}

function decideDismissal(
  command: DismissFraudSignal,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const problem = firstFieldProblem([
    recordIdProblem(command.data.recordId, state),
    signalProblem(command, state),
  ]);
  if (problem) return problem;
  return accept({
    type: 'FraudSignalDismissed',
    data: {
      recordId: command.data.recordId,
      occurredAt: command.metadata.now,
      signalId: command.signal.signalId,
      ruleId: command.signal.ruleId,
      reason: command.data.reason,
      evidenceRefs: command.data.evidenceRefs,
    },
  });
}

/** D-FRAUD-SIGNAL: a signal of this platform-year, decided once. */
function signalProblem(
  command: { readonly signal: SignalFacts; readonly platformId: string; readonly year: number },
  state: PlatformYearState,
): FieldCheck {
  const { signal } = command;
  if (signal.platformId !== command.platformId || signal.year !== command.year) {
    return reject(
      'RULE_VIOLATION',
      'D-FRAUD-SIGNAL',
      `signal ${signal.signalId} is about ${signal.platformId} ${String(signal.year)}`,
      'signalId',
    );
  }
  const decided = state.signalDecisions.get(signal.signalId);
  return decided === undefined
    ? null
    : reject('CONFLICT', 'D-FRAUD-SIGNAL', `the signal was already ${decided}`, 'signalId');
}

/** D-DISQUALIFY: 取消资格 cites a rule, and reaches from the cause's year a little forward. */
function decideDisqualification(
  command: DisqualifyPlatform,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const { data, year } = command;
  const problem = firstFieldProblem([
    recordIdProblem(data.recordId, state),
    ruleIdProblem(data.ruleId),
    yearsProblem(data.yearsAffected, year),
    causeProblem(data.causeId, state),
  ]);
  if (problem) return problem;
  return accept({
    type: 'PlatformDisqualified',
    data: {
      recordId: data.recordId,
      occurredAt: command.metadata.now,
      ruleId: data.ruleId,
      reason: data.reason,
      evidenceRefs: data.evidenceRefs,
      yearsAffected: [...data.yearsAffected].sort((a, b) => a - b),
      causeId: data.causeId,
    },
  });
}

function yearsProblem(years: readonly number[], year: number): FieldCheck {
  const bad = years.findIndex(
    (affected) =>
      !Number.isSafeInteger(affected) || affected < year || affected > year + MAX_YEARS_AHEAD,
  );
  if (years.length === 0 || bad >= 0) {
    return reject(
      'VALIDATION_FAILED',
      'D-DISQUALIFY',
      `years from ${String(year)} to ${String(year + MAX_YEARS_AHEAD)}, at least one`,
      bad >= 0 ? `yearsAffected[${String(bad)}]` : 'yearsAffected',
    );
  }
  return new Set(years).size === years.length
    ? null
    : reject('VALIDATION_FAILED', 'D-DISQUALIFY', 'a year is listed twice', 'yearsAffected');
}

/**
 * D-CLAWBACK: 追回 claims back what this year's disbursements paid and no earlier clawback
 * claimed; more than that is refused (nothing to recover).
 */
function decideClawback(
  command: OrderClawback,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const { data } = command;
  const problem = firstFieldProblem([
    recordIdProblem(data.recordId, state),
    ruleIdProblem(data.ruleId),
    positiveFen(data.amountFen),
    causeProblem(data.causeId, state),
  ]);
  if (problem) return problem;
  const disbursed = totalDisbursedFen(state);
  const claimable = disbursed - clawedBackFen(state);
  if (data.amountFen > claimable) {
    return reject(
      'RULE_VIOLATION',
      'D-CLAWBACK',
      `exceeds what was disbursed and not yet clawed back: ${String(claimable)} 分 of ${String(disbursed)} 分 disbursed`,
      'amountFen',
    );
  }
  return accept({
    type: 'ClawbackOrdered',
    data: { ...data, occurredAt: command.metadata.now },
  });
}

/** D-REPAYMENT: a repayment against an ordered clawback, never beyond what it still claims. */
function decideRepayment(
  command: RecordRepayment,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const { data } = command;
  const problem = firstFieldProblem([
    recordIdProblem(data.recordId, state),
    parseInstant(data.occurredAt) === null
      ? reject('VALIDATION_FAILED', 'D-DATE', 'must be an ISO 8601 date or timestamp', 'occurredAt')
      : null,
    positiveFen(data.amountFen),
  ]);
  if (problem) return problem;
  const clawback = state.clawbacks.get(data.clawbackId);
  if (clawback === undefined) {
    return reject(
      'NOT_FOUND',
      'D-REPAYMENT',
      'no clawback with this id in this year',
      'clawbackId',
    );
  }
  const owed = clawback.amountFen - clawback.repaidFen;
  if (data.amountFen > owed) {
    return reject(
      'RULE_VIOLATION',
      'D-REPAYMENT',
      `exceeds what the clawback still claims: ${String(owed)} 分 of ${String(clawback.amountFen)} 分`,
      'amountFen',
    );
  }
  return accept({ type: 'ClawbackRepaid', data });
}

function ruleIdProblem(ruleId: string): FieldCheck {
  return RULE_ID.test(ruleId)
    ? null
    : reject('VALIDATION_FAILED', 'D-DISQUALIFY', 'a RULES.md id such as S1-7 or F-4', 'ruleId');
}

function positiveFen(amountFen: number): FieldCheck {
  return Number.isSafeInteger(amountFen) && amountFen > 0
    ? null
    : reject(
        'VALIDATION_FAILED',
        'D-MONEY',
        'must be a positive integer amount in 分',
        'amountFen',
      );
}

/** A consequence's cause is a record of the same year (a confirmation, a proposal …). */
function causeProblem(causeId: string | null, state: PlatformYearState): FieldCheck {
  if (causeId === null || state.records.has(causeId)) return null;
  return reject('NOT_FOUND', 'D-CAUSE', 'no record with this id in this year', 'causeId');
}
