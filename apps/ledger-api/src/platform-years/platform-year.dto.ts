import { MATERIAL_KINDS, PLAN_INDICATORS, RATINGS, SERVICE_AREAS } from '@ledger/domain';
import {
  Count,
  Fen,
  Flag,
  FreeText,
  Instant,
  Nested,
  OneOf,
  PositiveFen,
  ProgramIdField,
  Score,
  Sha256,
  Text,
  Uscc,
  UsccList,
  Uuid,
  UuidList,
} from '../http/fields';
import { ALLOWED_MEDIA_TYPES } from '../materials/media-types';

/**
 * Request bodies of the platform-year routes (API.md). `recordId` is optional: a client that
 * chooses it (the 台账 import does) can cite the record in the same batch and retry safely.
 */
abstract class RecordBody {
  @Uuid({ optional: true, description: 'the record id (= event id); generated when omitted' })
  recordId?: string;
}

abstract class DatedRecordBody extends RecordBody {
  @Instant({ description: 'when it happened (occurredAt), inside the year in Beijing time' })
  occurredAt!: string;
}

const MODES = ['online', 'offline'] as const;

export class TargetBody {
  @(OneOf(PLAN_INDICATORS)({
    description: 'D-PLAN: an indicator the platform-year metrics measure',
  }))
  indicator!: string;
  @(OneOf(SERVICE_AREAS)({
    optional: true,
    description: 'only for indicators counted per service area (activities … trainees)',
  }))
  area: string | null = null;
  @(Count(1_000_000_000, 1)({ description: 'D-PLAN: at least 1 (S1-4 divides by it)' }))
  target!: number;
}

export class WorkPlanBody extends RecordBody {
  @Instant({ optional: true, description: 'defaults to the time of the request' })
  occurredAt?: string;
  @(Nested(() => TargetBody, { array: true, max: 500 })())
  targets!: TargetBody[];
}

export class ActivityBody extends DatedRecordBody {
  @(OneOf(SERVICE_AREAS)())
  area!: string;
  @(Text(300)())
  title!: string;
  @(OneOf(MODES)())
  mode!: string;
  @(UsccList()({ description: 'attending enterprises by USCC' }))
  attendeeUsccs!: string[];
  @(Count()())
  personTimes!: number;
}

export class ServiceBody extends DatedRecordBody {
  @Uscc()
  enterpriseUscc!: string;
  @(Text(200)())
  enterpriseName!: string;
  @(OneOf(SERVICE_AREAS)())
  area!: string;
  @(OneOf(MODES)())
  mode!: string;
  @(OneOf(['free', 'low_fee', 'paid'])())
  feeKind!: string;
  @(FreeText()())
  description!: string;
  @Uscc({ optional: true, description: 'the gathered service institution that delivered it' })
  institutionUscc?: string | null;
  @(Text(40)({ optional: true }))
  contactPhone?: string | null;
}

export class RatingBody extends DatedRecordBody {
  @Uuid({ description: 'recordId of the rated service record' })
  serviceId!: string;
  @Uscc()
  enterpriseUscc!: string;
  @(OneOf(RATINGS)({ description: 'very_satisfied 很满意 / satisfied 满意 / dissatisfied 不满意' }))
  rating!: string;
  @(OneOf(['enterprise', 'platform', 'district_check'])())
  source!: string;
}

export class FinancingDealBody extends DatedRecordBody {
  @Uscc()
  enterpriseUscc!: string;
  @(Text(200)())
  lender!: string;
  @(Text(200)())
  product!: string;
  @(Text(100)())
  contractNumber!: string;
  @Fen()
  amountFen!: number;
}

export class TrainingBody extends DatedRecordBody {
  @(OneOf(SERVICE_AREAS)())
  area!: string;
  @(Text(300)())
  title!: string;
  @(OneOf(MODES)())
  mode!: string;
  @(Count()())
  sessions!: number;
  @(Count()())
  personTimes!: number;
}

export class RecruitmentBody extends DatedRecordBody {
  @(Text(300)())
  title!: string;
  @(Count()())
  positions!: number;
  @(Count()())
  hires!: number;
}

export class MatchmakingDealBody extends DatedRecordBody {
  @(Text(300)())
  title!: string;
  @Uscc()
  supplierUscc!: string;
  @Uscc()
  buyerUscc!: string;
  @Fen()
  amountFen!: number;
}

export class TechDemandBody extends DatedRecordBody {
  @Uscc()
  enterpriseUscc!: string;
  @(Text(300)())
  title!: string;
  @(Text(200)())
  solvedBy!: string;
}

export class ResidentEnterpriseBody extends DatedRecordBody {
  @Uscc()
  enterpriseUscc!: string;
  @(Text(200)())
  enterpriseName!: string;
}

export class PublishedItemBody extends DatedRecordBody {
  @(OneOf(['policy', 'service', 'demand'])({
    description: "S2-3: a policy item, a service item, or an enterprise's demand posted online",
  }))
  itemKind!: string;
  @(Text(300)())
  title!: string;
}

/** A material whose file is already in the blob store, cited by its SHA-256. */
export class MaterialReferenceBody extends RecordBody {
  @Instant({ optional: true, description: 'defaults to the time of the request' })
  occurredAt?: string;
  @(OneOf(MATERIAL_KINDS)())
  kind!: string;
  @Sha256()
  sha256!: string;
  @(OneOf(ALLOWED_MEDIA_TYPES)())
  mediaType!: string;
  @(Text(255)({ optional: true }))
  originalName?: string;
  @(UuidList()({ optional: true, description: 'record ids this material evidences' }))
  evidences?: string[];
  @(FreeText()({ optional: true }))
  description?: string;
}

export class RetractionBody extends RecordBody {
  @Uuid({ description: 'the record (event) to retract' })
  retractedId!: string;
  @(Text(1000)())
  reason!: string;
}

export class SubmissionBody extends RecordBody {
  @(FreeText()({ optional: true }))
  note?: string;
}

export class DistrictReviewBody extends DatedRecordBody {
  @(OneOf(['plan', 'evidence'])())
  stage!: string;
  @(FreeText()())
  opinion!: string;
  @(Score(10)({ description: 'S1-2: the county evaluation, 0..10 points' }))
  score!: number;
  @Flag()
  recommended!: boolean;
}

export class ComplaintBody extends DatedRecordBody {
  @(Text(200)())
  complainant!: string;
  @(FreeText()())
  summary!: string;
}

export class ComplaintVerificationBody extends DatedRecordBody {
  @Uuid({ description: 'recordId of the complaint' })
  complaintId!: string;
  @Flag()
  upheld!: boolean;
  @(FreeText()())
  finding!: string;
}

export class PenaltyBody extends DatedRecordBody {
  @(OneOf(['administrative', 'judicial'])())
  penaltyKind!: string;
  @(Text(200)())
  authority!: string;
  @(FreeText()())
  summary!: string;
}

export class CreditEventBody extends DatedRecordBody {
  @(OneOf(['dishonest_debtor', 'audit_finding', 'other_bad_credit', 'cleared'])())
  creditKind!: string;
  @(Text(200)())
  source!: string;
  @(FreeText()())
  summary!: string;
}

export class ExpertScoreBody {
  @(Text(100)())
  expert!: string;
  @(Score(100)())
  score!: number;
}

export class ExpertScoresBody extends DatedRecordBody {
  @(Text(100)({ optional: true }))
  programId?: string | null;
  @(Nested(() => ExpertScoreBody, { array: true, max: 7 })())
  scores!: ExpertScoreBody[];
}

export class EvaluationConductBody extends DatedRecordBody {
  @(OneOf(['no_show', 'provincial_unqualified', 'false_evidence'])({
    description:
      'S3-7: 无故不参加评价 / 省级评价不合格 / 提供虚假佐证资料 (each makes the grade D directly)',
  }))
  conduct!: string;
  @ProgramIdField({ optional: true, description: 'the program evaluated, when in this ledger' })
  programId?: string | null;
  @(FreeText()())
  summary!: string;
}

/** Funds paid against a published program award (D-DISBURSEMENT); occurredAt is the payment date. */
export class DisbursementBody extends DatedRecordBody {
  @ProgramIdField({ description: 'the program whose published results award the funds' })
  programId!: string;
  @PositiveFen({ description: 'integer 分, at most what remains of the award' })
  amountFen!: number;
  @(Text(200)({ description: 'payment reference, e.g. the 拨付 document number' }))
  reference!: string;
}

export class MeetingMissedBody extends DatedRecordBody {
  @(OneOf(['meeting', 'task'])())
  missedKind!: string;
  @(Text(300)())
  title!: string;
}
