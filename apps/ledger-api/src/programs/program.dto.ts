import { MAX_YEAR, MIN_YEAR } from '@ledger/domain';
import {
  Count,
  Flag,
  JsonObjectField,
  PlatformIdList,
  ProgramIdField,
  Text,
  Uuid,
} from '../http/fields';

/** Request bodies of the program routes (API.md "Administrators"). */

export class OpenProgramBody {
  @ProgramIdField({ optional: true, description: 'chosen by the administrator; a UUID if omitted' })
  programId?: string;
  @(Text(200)({ description: 'e.g. 2025年度区县窗口平台绩效评价' }))
  title!: string;
  @(Text(100)({
    description:
      'the policy pack: cq-window-2025, bengbu-demo-2022, cq-demo-certification, cq-network-2020, hunan-network-2020',
  }))
  packId!: string;
  @(Text(50)({ optional: true, description: "must equal the pack's version when given" }))
  packVersion?: string | null;
  @(Count(MAX_YEAR, MIN_YEAR)({ description: 'the year evaluated' }))
  year!: number;
  @JsonObjectField({
    optional: true,
    description: "the pack's parameters; omitted ones take the pack's documented defaults",
  })
  parameters?: Record<string, unknown> | null;
}

export class EnrolmentBody {
  @(PlatformIdList()({ description: 'filed platforms; repeats and enrolled ones are skipped' }))
  platformIds!: string[];
}

export class EvaluationBody {
  @Flag({ optional: true, description: 'publish the results in the same append (default false)' })
  publish?: boolean | null;
}

export class PublicationBody {
  @Uuid({ description: 'a recorded evaluation of this program' })
  evaluationId!: string;
}
