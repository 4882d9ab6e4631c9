import { MAX_YEAR, MIN_YEAR } from '@ledger/domain';
import { FreeText, Instant, PositiveFen, Text, TextList, Uuid, YearList } from '../http/fields';

/** Request bodies of the integrity routes (API.md "Administrators": fraud signals, 取消资格, 追回). */

abstract class DecisionBase {
  @Uuid({ optional: true, description: 'the decision id (= event id); generated when omitted' })
  recordId?: string;
  @(Text(2000)({ description: 'why: what was checked and found' }))
  reason!: string;
}

abstract class DecisionBody extends DecisionBase {
  @(TextList()({
    optional: true,
    description: 'evidence references: document numbers, material SHA-256s, event ids',
  }))
  evidenceRefs?: string[] | null;
}

/** A confirmation cites its evidence (RULES.md "Fraud signals"): it may apply S1-7. */
export class SignalConfirmationBody extends DecisionBase {
  @(TextList(
    100,
    500,
    1,
  )({
    description:
      'evidence references, at least one: document numbers, material SHA-256s, event ids',
  }))
  evidenceRefs!: string[];
}

export class SignalDismissalBody extends DecisionBody {}

export class DisqualificationBody extends DecisionBody {
  @(Text(10)({ description: 'the RULES.md rule applied, e.g. S1-6, S1-7, S3-7, F-4' }))
  ruleId!: string;
  @(YearList(
    MIN_YEAR,
    MAX_YEAR,
  )({
    description: 'years the platform may not be supported: from this year, at most two ahead',
  }))
  yearsAffected!: number[];
  @Uuid({ optional: true, description: 'the record of this year behind it (a confirmation …)' })
  causeId?: string | null;
}

export class ClawbackBody {
  @Uuid({ optional: true, description: 'the clawback id (= event id); generated when omitted' })
  recordId?: string;
  @PositiveFen({
    description: "integer 分, at most what this year's disbursements paid and no clawback claims",
  })
  amountFen!: number;
  @(Text(2000)())
  reason!: string;
  @(Text(10)({ optional: true, description: 'the rule applied (default S1-7)' }))
  ruleId?: string | null;
  @Uuid({ optional: true, description: 'the S1-7 proposal or disqualification carried out' })
  causeId?: string | null;
}

export class RepaymentBody {
  @Uuid({ optional: true, description: 'the repayment id (= event id); generated when omitted' })
  recordId?: string;
  @Instant({ description: 'when it was repaid' })
  occurredAt!: string;
  @PositiveFen({ description: 'integer 分, at most what the clawback still claims' })
  amountFen!: number;
  @(FreeText(200)({ description: 'payment reference, e.g. the 缴款书 number' }))
  reference!: string;
}
