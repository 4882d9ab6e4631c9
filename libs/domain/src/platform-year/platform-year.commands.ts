import type { CommandMetadata } from '../shared/command-metadata';
import type { ProgramAward } from '../program/program-award';
import type { FabricatedKind, IntegrityEvent, PlatformYearEvent } from './platform-year.events';

/** Each record command asks for exactly one event of the paired type (DESIGN.md catalogue). */
export const RECORD_COMMAND_EVENTS = {
  SubmitWorkPlan: 'WorkPlanSubmitted',
  RecordServiceActivity: 'ServiceActivityRecorded',
  RecordService: 'ServiceRecorded',
  RateService: 'SatisfactionRated',
  RecordFinancingDeal: 'FinancingDealRecorded',
  RecordTraining: 'TrainingRecorded',
  RecordRecruitment: 'RecruitmentRecorded',
  RecordMatchmakingDeal: 'MatchmakingDealRecorded',
  RecordTechDemandSolved: 'TechDemandSolved',
  RecordResidentEnterprise: 'ResidentEnterpriseJoined',
  PublishItem: 'ItemPublished',
  UploadMaterial: 'MaterialUploaded',
  ReviewByDistrict: 'DistrictReviewed',
  FileComplaint: 'ComplaintFiled',
  VerifyComplaint: 'ComplaintVerified',
  ImposePenalty: 'PenaltyImposed',
  RecordCreditEvent: 'CreditEventRecorded',
  RecordExpertScores: 'ExpertScoresRecorded',
  RecordEvaluationConduct: 'EvaluationConductRecorded',
  RecordMeetingMissed: 'MeetingMissed',
} as const satisfies Record<
  string,
  Exclude<
    PlatformYearEvent['type'],
    'RecordRetracted' | 'YearSubmitted' | 'DisbursementRecorded' | IntegrityEvent['type']
  >
>;

export type RecordCommandType = keyof typeof RECORD_COMMAND_EVENTS;

type EventData<T extends PlatformYearEvent['type']> = Extract<
  PlatformYearEvent,
  { type: T }
>['data'];

interface YearAddress {
  readonly platformId: string;
  readonly year: number;
  readonly metadata: CommandMetadata;
}

export type RecordCommand = {
  [C in RecordCommandType]: YearAddress & {
    readonly type: C;
    readonly data: EventData<(typeof RECORD_COMMAND_EVENTS)[C]>;
  };
}[RecordCommandType];

/** One record of a batch: a record command without its address and metadata. */
export type BatchItem = {
  [C in RecordCommandType]: {
    readonly type: C;
    readonly data: EventData<(typeof RECORD_COMMAND_EVENTS)[C]>;
  };
}[RecordCommandType];

/** Many records in one atomic append (the 台账 import path): all are accepted or none. */
export interface RecordBatch extends YearAddress {
  readonly type: 'RecordBatch';
  readonly items: readonly BatchItem[];
}

export interface RetractRecord extends YearAddress {
  readonly type: 'RetractRecord';
  readonly data: {
    readonly recordId: string;
    readonly retractedId: string;
    readonly reason: string;
  };
}

export interface SubmitYear extends YearAddress {
  readonly type: 'SubmitYear';
  readonly data: { readonly recordId: string; readonly note: string };
}

/**
 * Funds paid against a program's published award (D-DISBURSEMENT). The award is read by the
 * handler from the program's stream, never taken from the client. It travels with the command
 * rather than as the decider's context because the command processor reads one context per turn
 * for every command queued on the stream, and two disbursements may cite different programs.
 */
export interface RecordDisbursement extends YearAddress {
  readonly type: 'RecordDisbursement';
  readonly data: EventData<'DisbursementRecorded'>;
  readonly award: ProgramAward;
}

/**
 * A fraud signal as the fraud-signals read model states it: read by the handler, never taken
 * from the client, and carried with the command as a disbursement carries its award.
 */
export interface SignalFacts {
  readonly signalId: string;
  readonly ruleId: string;
  readonly platformId: string;
  readonly year: number;
  readonly fabricates: FabricatedKind | null;
  readonly eventIds: readonly string[];
}

interface DecisionData {
  readonly recordId: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
}

/** F-* → S1-7: confirms a signal; a confirmed fabrication disqualifies and proposes a clawback. */
export interface ConfirmFraudSignal extends YearAddress {
  readonly type: 'ConfirmFraudSignal';
  readonly data: DecisionData;
  readonly signal: SignalFacts;
  /** Ids of S1-7's consequences, made by the handler: a decider never makes ids. */
  readonly consequenceIds: {
    readonly disqualificationId: string;
    readonly clawbackProposalId: string;
  };
}

export interface DismissFraudSignal extends YearAddress {
  readonly type: 'DismissFraudSignal';
  readonly data: DecisionData;
  readonly signal: SignalFacts;
}

export interface DisqualifyPlatform extends YearAddress {
  readonly type: 'DisqualifyPlatform';
  readonly data: DecisionData & {
    readonly ruleId: string;
    readonly yearsAffected: readonly number[];
    readonly causeId: string | null;
  };
}

export interface OrderClawback extends YearAddress {
  readonly type: 'OrderClawback';
  readonly data: {
    readonly recordId: string;
    readonly ruleId: string;
    readonly amountFen: number;
    readonly reason: string;
    readonly causeId: string | null;
  };
}

export interface RecordRepayment extends YearAddress {
  readonly type: 'RecordRepayment';
  readonly data: EventData<'ClawbackRepaid'>;
}

export type IntegrityCommand =
  ConfirmFraudSignal | DismissFraudSignal | DisqualifyPlatform | OrderClawback | RecordRepayment;

export type PlatformYearCommand =
  RecordCommand | RecordBatch | RetractRecord | SubmitYear | RecordDisbursement | IntegrityCommand;

export function isRecordCommandType(type: string): type is RecordCommandType {
  return Object.hasOwn(RECORD_COMMAND_EVENTS, type);
}
