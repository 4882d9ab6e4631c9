import { v7 as uuidv7 } from 'uuid';
import {
  RECORD_COMMAND_EVENTS,
  isPlatformReported,
  type BatchItem,
  type RecordCommandType,
} from '@ledger/domain';
import * as Body from './platform-year.dto';

type BodyClass = new () => object;

interface RecordRoute {
  readonly body: BodyClass;
  /** Optional body fields the domain records as null when omitted. */
  readonly nullable: readonly string[];
}

/** Which body each record command takes: the single routes and the batch route share it. */
export const RECORD_ROUTES: Record<Exclude<RecordCommandType, 'UploadMaterial'>, RecordRoute> = {
  SubmitWorkPlan: { body: Body.WorkPlanBody, nullable: [] },
  RecordServiceActivity: { body: Body.ActivityBody, nullable: [] },
  RecordService: {
    body: Body.ServiceBody,
    nullable: ['institutionUscc', 'contactPhone'],
  },
  RateService: { body: Body.RatingBody, nullable: [] },
  RecordFinancingDeal: { body: Body.FinancingDealBody, nullable: [] },
  RecordTraining: { body: Body.TrainingBody, nullable: [] },
  RecordRecruitment: { body: Body.RecruitmentBody, nullable: [] },
  RecordMatchmakingDeal: { body: Body.MatchmakingDealBody, nullable: [] },
  RecordTechDemandSolved: { body: Body.TechDemandBody, nullable: [] },
  RecordResidentEnterprise: { body: Body.ResidentEnterpriseBody, nullable: [] },
  PublishItem: { body: Body.PublishedItemBody, nullable: [] },
  ReviewByDistrict: { body: Body.DistrictReviewBody, nullable: [] },
  FileComplaint: { body: Body.ComplaintBody, nullable: [] },
  VerifyComplaint: { body: Body.ComplaintVerificationBody, nullable: [] },
  ImposePenalty: { body: Body.PenaltyBody, nullable: [] },
  RecordCreditEvent: { body: Body.CreditEventBody, nullable: [] },
  RecordExpertScores: { body: Body.ExpertScoresBody, nullable: ['programId'] },
  RecordEvaluationConduct: { body: Body.EvaluationConductBody, nullable: ['programId'] },
  RecordMeetingMissed: { body: Body.MeetingMissedBody, nullable: [] },
};

export type RoutedRecordType = keyof typeof RECORD_ROUTES;

/** What may travel in `POST …/batch`: what the platform reports itself (the domain says which). */
export const BATCHABLE_TYPES = (Object.keys(RECORD_ROUTES) as RoutedRecordType[]).filter((type) =>
  isPlatformReported(RECORD_COMMAND_EVENTS[type]),
);

/**
 * A validated body as the domain's command data: a generated record id when none was chosen,
 * `now` for an omitted occurredAt (work plans), nulls for omitted nullable fields.
 */
const ID_FIELDS = ['recordId', 'serviceId', 'complaintId'] as const;

export function recordItem(type: RoutedRecordType, body: object, now: string): BatchItem {
  // The request's own JSON, once validated (unknown fields are refused, so it holds nothing else).
  // Object.assign, not a spread: V8 makes adding the defaults below to a spread copy ~10× slower.
  const data = Object.assign({}, body) as Record<string, unknown>;
  // The store keeps event ids in lower case; references must compare equal to them.
  for (const name of ID_FIELDS) {
    const value = data[name];
    if (typeof value === 'string') data[name] = value.toLowerCase();
  }
  if (Array.isArray(data.evidences))
    data.evidences = (data.evidences as string[]).map((id) => id.toLowerCase());
  data.recordId ??= uuidv7();
  data.occurredAt ??= now;
  for (const name of RECORD_ROUTES[type].nullable) data[name] ??= null;
  if (type === 'SubmitWorkPlan' && Array.isArray(data.targets)) {
    data.targets = (data.targets as Record<string, unknown>[]).map((target) => ({
      area: null,
      ...target,
    }));
  }
  return { type, data } as BatchItem;
}
