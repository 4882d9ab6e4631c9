import { accept, assertNever, reject, type Decision, type DomainError } from '../shared/decision';
import { beijingYearOf, parseInstant } from '../shared/dates';
import {
  firstFieldProblem,
  nonNegativeInteger,
  validUscc,
  type FieldCheck,
} from '../shared/field-checks';
import type { PlatformState } from '../platform/platform.state';
import type { ProgramAward } from '../program/program-award';
import { isValidPlatformId } from '../shared/streams';
import { isAreaIndicator, isPlanIndicator } from './plan-indicators';
import {
  RECORD_COMMAND_EVENTS,
  type BatchItem,
  type PlatformYearCommand,
  type RecordCommand,
  type IntegrityCommand,
  type RecordDisbursement,
} from './platform-year.commands';
import { decideIntegrity } from './platform-year.integrity';
import { recordIdProblem } from './record-id';
import type {
  PlatformYearEvent,
  PlatformYearEventType,
  SatisfactionRated,
  Target,
} from './platform-year.events';
import {
  clawedBackFen,
  disbursedFen,
  evolvePlatformYear,
  totalDisbursedFen,
  type PlatformYearState,
} from './platform-year.state';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Records the platform reports itself: closed by the year's submission, dated inside the year. */
const PLATFORM_REPORTED = new Set<PlatformYearEventType>([
  'WorkPlanSubmitted',
  'ServiceActivityRecorded',
  'ServiceRecorded',
  'SatisfactionRated',
  'FinancingDealRecorded',
  'TrainingRecorded',
  'RecruitmentRecorded',
  'MatchmakingDealRecorded',
  'TechDemandSolved',
  'ResidentEnterpriseJoined',
  'ItemPublished',
  'MaterialUploaded',
]);

/** Whether the platform reports this fact itself (the rest are county and administrator facts). */
export function isPlatformReported(type: PlatformYearEventType): boolean {
  return PLATFORM_REPORTED.has(type);
}
/**
 * Records a retraction never erases: the retraction and submission themselves, and the integrity
 * decisions (a confirmation, a disqualification or a clawback is answered by a later decision).
 */
const FINAL = new Set<PlatformYearEventType>([
  'RecordRetracted',
  'YearSubmitted',
  'FraudSignalConfirmed',
  'FraudSignalDismissed',
  'PlatformDisqualified',
  'ClawbackProposed',
  'ClawbackOrdered',
  'ClawbackRepaid',
]);

const INTEGRITY_COMMANDS = new Set<PlatformYearCommand['type']>([
  'ConfirmFraudSignal',
  'DismissFraudSignal',
  'DisqualifyPlatform',
  'OrderClawback',
  'RecordRepayment',
]);

function isIntegrityCommand(command: PlatformYearCommand): command is IntegrityCommand {
  return INTEGRITY_COMMANDS.has(command.type);
}

/** A plan is drawn up before its year and evidence (an audit report) may be dated after it. */
const DATED_ANY_TIME = new Set<PlatformYearEventType>(['WorkPlanSubmitted', 'MaterialUploaded']);

/**
 * Decides a platform-year command against the year's state and the platform's own state (a
 * year cannot be written for a platform that was never filed, or was revoked before the year).
 */
export function decidePlatformYear(
  command: PlatformYearCommand,
  state: PlatformYearState,
  platform: PlatformState,
): Decision<PlatformYearEvent> {
  const gate = platformGate(platform, command.year);
  if (gate) return gate;
  if (command.type === 'RetractRecord') return decideRetraction(command, state);
  if (command.type === 'RecordBatch') return decideBatch(command, state);
  if (command.type === 'RecordDisbursement') return decideDisbursement(command, state);
  if (isIntegrityCommand(command)) return decideIntegrity(command, state, platform);
  if (command.type !== 'SubmitYear') return decideRecord(command, command.year, state);
  if (state.submittedAt !== null) {
    return reject(
      'CONFLICT',
      'D-SUBMITTED',
      `the year was already submitted at ${state.submittedAt}`,
    );
  }
  const id = recordIdProblem(command.data.recordId, state);
  if (id) return id;
  return accept({
    type: 'YearSubmitted',
    data: {
      recordId: command.data.recordId,
      occurredAt: command.metadata.now,
      note: command.data.note,
    },
  });
}

function platformGate(platform: PlatformState, year: number): Decision<never> | null {
  if (platform.status === 'unfiled') {
    return reject(
      'NOT_FOUND',
      'D-PLATFORM-FILED',
      'the platform has not been filed (备案)',
      'platformId',
    );
  }
  const filedMs = parseInstant(platform.filing.filedAt);
  if (filedMs !== null && beijingYearOf(filedMs) > year) {
    return reject(
      'RULE_VIOLATION',
      'D-PLATFORM-FILED',
      `the platform was filed after ${String(year)}`,
      'year',
    );
  }
  const revokedMs = platform.revokedAt === null ? null : parseInstant(platform.revokedAt);
  if (revokedMs !== null && beijingYearOf(revokedMs) < year) {
    return reject(
      'RULE_VIOLATION',
      'D-PLATFORM-ACTIVE',
      `the platform was revoked before ${String(year)}`,
      'year',
    );
  }
  return null;
}

function decideRecord(
  command: RecordCommand | BatchItem,
  year: number,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const eventType = RECORD_COMMAND_EVENTS[command.type];
  if (state.submittedAt !== null && PLATFORM_REPORTED.has(eventType)) {
    return reject(
      'RULE_VIOLATION',
      'D-SUBMITTED',
      'the year has been submitted: only retractions are accepted',
    );
  }
  const common = firstFieldProblem([
    recordIdProblem(command.data.recordId, state),
    occurredAtProblem(eventType, command.data.occurredAt, year),
  ]);
  if (common) return common;
  const event = { type: eventType, data: command.data } as PlatformYearEvent;
  const specific = recordProblem(event, state);
  return specific ?? accept(event);
}

/** Field checks of one record, given what the year already holds. */
function recordProblem(event: PlatformYearEvent, state: PlatformYearState): Decision<never> | null {
  switch (event.type) {
    case 'WorkPlanSubmitted':
      return planProblem(event.data.targets);
    case 'ServiceActivityRecorded':
      return firstFieldProblem([
        nonNegativeInteger('personTimes', event.data.personTimes),
        ...event.data.attendeeUsccs.map((uscc, index) =>
          validUscc(`attendeeUsccs[${String(index)}]`, uscc),
        ),
      ]);
    case 'ServiceRecorded':
      return firstFieldProblem([
        validUscc('enterpriseUscc', event.data.enterpriseUscc),
        event.data.institutionUscc === null
          ? null
          : validUscc('institutionUscc', event.data.institutionUscc),
      ]);
    case 'SatisfactionRated':
      return validUscc('enterpriseUscc', event.data.enterpriseUscc) ?? ratingProblem(event, state);
    case 'FinancingDealRecorded':
      return firstFieldProblem([
        validUscc('enterpriseUscc', event.data.enterpriseUscc),
        nonNegativeInteger('amountFen', event.data.amountFen, 'D-MONEY'),
      ]);
    case 'TrainingRecorded':
      return firstFieldProblem([
        nonNegativeInteger('sessions', event.data.sessions),
        nonNegativeInteger('personTimes', event.data.personTimes),
      ]);
    case 'RecruitmentRecorded':
      return firstFieldProblem([
        nonNegativeInteger('positions', event.data.positions),
        nonNegativeInteger('hires', event.data.hires),
      ]);
    case 'MatchmakingDealRecorded':
      return firstFieldProblem([
        validUscc('supplierUscc', event.data.supplierUscc),
        validUscc('buyerUscc', event.data.buyerUscc),
        nonNegativeInteger('amountFen', event.data.amountFen, 'D-MONEY'),
      ]);
    case 'TechDemandSolved':
    case 'ResidentEnterpriseJoined':
      return validUscc('enterpriseUscc', event.data.enterpriseUscc);
    case 'MaterialUploaded':
      return materialProblem(event.data, state);
    case 'DistrictReviewed':
      // S1-2: the county's evaluation is worth 10 of the 100 points.
      return Number.isFinite(event.data.score) && event.data.score >= 0 && event.data.score <= 10
        ? null
        : reject('VALIDATION_FAILED', 'S1-2', 'the county score is 0..10', 'score');
    case 'ComplaintVerified': {
      const complaint = state.records.get(event.data.complaintId);
      return complaint?.type === 'ComplaintFiled' && !complaint.retracted
        ? null
        : reject('NOT_FOUND', 'S3-7', 'no such complaint in this year', 'complaintId');
    }
    case 'ExpertScoresRecorded': {
      // S3 第十三条: 5 to 7 experts.
      const count = event.data.scores.length;
      if (count < 5 || count > 7) {
        return reject('VALIDATION_FAILED', 'S3-5', 'an expert panel has 5 to 7 scores', 'scores');
      }
      const bad = event.data.scores.findIndex(
        (s) => !(Number.isFinite(s.score) && s.score >= 0 && s.score <= 100),
      );
      return bad < 0
        ? null
        : reject('VALIDATION_FAILED', 'S3-5', 'a score is 0..100', `scores[${String(bad)}].score`);
    }
    case 'EvaluationConductRecorded':
      return event.data.programId === null || isValidPlatformId(event.data.programId)
        ? null
        : reject(
            'VALIDATION_FAILED',
            'S3-7',
            'must be a program id (1-64 letters, digits or hyphens)',
            'programId',
          );
    // Decided with the program's award in decideDisbursement, or in decideIntegrity; never plain records.
    case 'DisbursementRecorded':
    case 'FraudSignalConfirmed':
    case 'FraudSignalDismissed':
    case 'PlatformDisqualified':
    case 'ClawbackProposed':
    case 'ClawbackOrdered':
    case 'ClawbackRepaid':
    case 'ItemPublished':
    case 'ComplaintFiled':
    case 'PenaltyImposed':
    case 'CreditEventRecorded':
    case 'MeetingMissed':
    case 'RecordRetracted':
    case 'YearSubmitted':
      return null;
    default:
      return assertNever(event);
  }
}

/**
 * D-PLAN: S1-4's completion rate divides what the metrics measured by each target, so a target
 * names a measured indicator (an area only where the metrics count by area), is at least 1, and
 * is not set twice.
 */
function planProblem(targets: readonly Target[]): Decision<never> | null {
  if (targets.length === 0) {
    return reject('VALIDATION_FAILED', 'D-PLAN', 'a work plan sets at least one target', 'targets');
  }
  const seen = new Set<string>();
  for (const [index, target] of targets.entries()) {
    const at = `targets[${String(index)}]`;
    if (!isPlanIndicator(target.indicator)) {
      return reject(
        'VALIDATION_FAILED',
        'D-PLAN',
        `${target.indicator} is not an indicator the metrics measure (PLAN_INDICATORS)`,
        `${at}.indicator`,
      );
    }
    if (target.area !== null && !isAreaIndicator(target.indicator)) {
      return reject(
        'VALIDATION_FAILED',
        'D-PLAN',
        `${target.indicator} is measured for the whole year, not per service area`,
        `${at}.area`,
      );
    }
    const count = nonNegativeInteger(`${at}.target`, target.target);
    if (count) return count;
    if (target.target === 0) {
      return reject('VALIDATION_FAILED', 'D-PLAN', 'a target is at least 1', `${at}.target`);
    }
    const key = `${target.indicator}\n${target.area ?? ''}`;
    if (seen.has(key)) {
      return reject(
        'VALIDATION_FAILED',
        'D-PLAN',
        'an earlier target already sets this indicator and area',
        at,
      );
    }
    seen.add(key);
  }
  return null;
}

/** D-RATING-REF and D-RATING-ONCE (S4-3 counts one rating per service record). */
function ratingProblem(event: SatisfactionRated, state: PlatformYearState): Decision<never> | null {
  const service = state.records.get(event.data.serviceId);
  if (service?.type !== 'ServiceRecorded') {
    return reject(
      'NOT_FOUND',
      'D-RATING-REF',
      'no service record with this id in this year',
      'serviceId',
    );
  }
  if (service.retracted) {
    return reject(
      'RULE_VIOLATION',
      'D-RATING-REF',
      'the service record was retracted',
      'serviceId',
    );
  }
  if (service.enterpriseUscc !== event.data.enterpriseUscc) {
    return reject(
      'RULE_VIOLATION',
      'D-RATING-REF',
      'the service was delivered to another enterprise',
      'enterpriseUscc',
    );
  }
  if (latestInstantOf(event.data.occurredAt) < service.occurredAtMs) {
    return reject(
      'RULE_VIOLATION',
      'D-RATING-REF',
      'a rating cannot precede the service it rates',
      'occurredAt',
    );
  }
  if (state.ratingByService.has(event.data.serviceId)) {
    return reject('CONFLICT', 'D-RATING-ONCE', 'this service record is already rated', 'serviceId');
  }
  return null;
}

function materialProblem(
  data: Extract<PlatformYearEvent, { type: 'MaterialUploaded' }>['data'],
  state: PlatformYearState,
): Decision<never> | null {
  if (!SHA256_HEX.test(data.sha256)) {
    return reject('VALIDATION_FAILED', 'D-MATERIAL', 'must be 64 lowercase hex digits', 'sha256');
  }
  const size = nonNegativeInteger('sizeBytes', data.sizeBytes);
  if (size) return size;
  const missing = data.evidences.findIndex((id) => {
    const record = state.records.get(id);
    return record === undefined || record.retracted;
  });
  return missing < 0
    ? null
    : reject(
        'NOT_FOUND',
        'D-EVIDENCE-REF',
        'evidences an unknown or retracted record',
        `evidences[${String(missing)}]`,
      );
}

/**
 * A rating dated by day only (a 台账 column of dates) may be given any time that day: it
 * precedes its service only if the whole day does.
 */
function latestInstantOf(occurredAt: string): number {
  const ms = parseInstant(occurredAt) ?? 0;
  return /^\d{4}-\d{2}-\d{2}$/.test(occurredAt) ? ms + 24 * 3600_000 - 1 : ms;
}

function decideRetraction(
  command: Extract<PlatformYearCommand, { type: 'RetractRecord' }>,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const id = recordIdProblem(command.data.recordId, state);
  if (id) return id;
  const target = state.records.get(command.data.retractedId);
  if (target === undefined) {
    return reject(
      'NOT_FOUND',
      'D-RETRACT-REF',
      'no record with this id in this year',
      'retractedId',
    );
  }
  if (target.retracted) {
    return reject('CONFLICT', 'D-RETRACT-REF', 'the record is already retracted', 'retractedId');
  }
  if (FINAL.has(target.type)) {
    return reject(
      'RULE_VIOLATION',
      'D-RETRACT-REF',
      `a ${target.type} cannot be retracted`,
      'retractedId',
    );
  }
  const claimed = clawedBackFen(state);
  if (
    target.type === 'DisbursementRecorded' &&
    claimed > totalDisbursedFen(state) - disbursedBy(state, command.data.retractedId)
  ) {
    return reject(
      'RULE_VIOLATION',
      'D-CLAWBACK',
      `clawbacks claim ${String(claimed)} 分 of this year's disbursements: the disbursement stays`,
      'retractedId',
    );
  }
  if (command.metadata.actor.role === 'platform' && !PLATFORM_REPORTED.has(target.type)) {
    return reject(
      'RULE_VIOLATION',
      'D-RETRACT-OWN',
      'a platform retracts only what it reported',
      'retractedId',
    );
  }
  return accept({
    type: 'RecordRetracted',
    data: {
      recordId: command.data.recordId,
      occurredAt: command.metadata.now,
      retractedId: command.data.retractedId,
      reason: command.data.reason,
    },
  });
}

/**
 * D-DISBURSEMENT: funds are paid against a published award for this year (S1-5 / S3-6 amounts)
 * and never beyond it: what the program awarded the platform less what live disbursements of the
 * year already paid against that program.
 */
function decideDisbursement(
  command: RecordDisbursement,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  const { data, award } = command;
  const common = firstFieldProblem([
    recordIdProblem(data.recordId, state),
    occurredAtProblem('DisbursementRecorded', data.occurredAt, command.year),
  ]);
  if (common) return common;
  if (!(Number.isSafeInteger(data.amountFen) && data.amountFen > 0)) {
    return reject(
      'VALIDATION_FAILED',
      'D-MONEY',
      'must be a positive integer amount in 分',
      'amountFen',
    );
  }
  const refusal = awardProblem(award, data.programId, command.year);
  if (refusal) return refusal;
  const awardedFen = award.status === 'published' ? award.awardedFen : 0;
  const remainingFen = awardedFen - disbursedFen(state, data.programId);
  if (data.amountFen > remainingFen) {
    return reject(
      'RULE_VIOLATION',
      'D-DISBURSEMENT',
      `exceeds what remains of the award: ${String(remainingFen)} 分 of ${String(awardedFen)} 分`,
      'amountFen',
    );
  }
  return accept({ type: 'DisbursementRecorded', data });
}

function awardProblem(
  award: ProgramAward,
  programId: string,
  year: number,
): Decision<never> | null {
  switch (award.status) {
    case 'no_program':
      return reject('NOT_FOUND', 'D-DISBURSEMENT', `no program ${programId}`, 'programId');
    case 'unpublished':
      return reject(
        'RULE_VIOLATION',
        'D-DISBURSEMENT',
        `program ${programId} has not published its results: nothing is awarded yet`,
        'programId',
      );
    case 'published':
      if (award.year !== year) {
        return reject(
          'RULE_VIOLATION',
          'D-DISBURSEMENT',
          `program ${programId} awards ${String(award.year)}, not ${String(year)}`,
          'programId',
        );
      }
      return award.awardedFen > 0
        ? null
        : reject(
            'RULE_VIOLATION',
            'D-DISBURSEMENT',
            `program ${programId} awarded this platform nothing`,
            'programId',
          );
    default:
      return assertNever(award);
  }
}

/** All or nothing: items are decided in order, each seeing the ones before it. */
function decideBatch(
  command: Extract<PlatformYearCommand, { type: 'RecordBatch' }>,
  state: PlatformYearState,
): Decision<PlatformYearEvent> {
  if (command.items.length === 0) {
    return reject('VALIDATION_FAILED', 'D-BATCH', 'a batch holds at least one record', 'items');
  }
  const events: PlatformYearEvent[] = [];
  let current = state;
  for (const [index, item] of command.items.entries()) {
    const decision = decideRecord(item, command.year, current);
    if (!decision.ok)
      return { ok: false, error: prefixed(decision.error, `items[${String(index)}]`) };
    for (const event of decision.events) {
      events.push(event);
      current = evolvePlatformYear(current, event);
    }
  }
  return accept(...events);
}

function prefixed(error: DomainError, prefix: string): DomainError {
  const details = error.details.length > 0 ? error.details : [{ field: '', reason: error.message }];
  return {
    ...error,
    details: details.map((detail) => ({
      field: detail.field === '' ? prefix : `${prefix}.${detail.field}`,
      reason: detail.reason,
    })),
  };
}

/** D-PERIOD: a reported record happened inside its year (Beijing time). */
function occurredAtProblem(
  type: PlatformYearEventType,
  occurredAt: string,
  year: number,
): FieldCheck {
  const ms = parseInstant(occurredAt);
  if (ms === null)
    return reject(
      'VALIDATION_FAILED',
      'D-DATE',
      'must be an ISO 8601 date or timestamp',
      'occurredAt',
    );
  if (PLATFORM_REPORTED.has(type) && !DATED_ANY_TIME.has(type) && beijingYearOf(ms) !== year) {
    return reject(
      'RULE_VIOLATION',
      'D-PERIOD',
      `occurredAt must fall inside ${String(year)}`,
      'occurredAt',
    );
  }
  return null;
}

/** What a live disbursement paid (0 for any other record). */
function disbursedBy(state: PlatformYearState, recordId: string): number {
  return state.disbursements.get(recordId)?.amountFen ?? 0;
}
