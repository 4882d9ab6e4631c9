import {
  Count,
  Fen,
  Flag,
  FreeText,
  Instant,
  Nested,
  OneOf,
  PlatformIdField,
  Text,
  Uscc,
  Uuid,
} from '../http/fields';

export class FilePlatformBody {
  @PlatformIdField({ description: 'stable id chosen by the administrator, e.g. cq-wz-001' })
  platformId!: string;
  @(Text(200)({
    description:
      'S4-5: a Chongqing municipal demonstration platform reads 重庆市 + 字号 + 中小企业公共服务示范平台',
  }))
  name!: string;
  @(OneOf(['district_window', 'industry_window', 'demonstration'])({
    description: '区县窗口 / 产业窗口 / 示范平台',
  }))
  kind!: string;
  @(OneOf(['national', 'provincial', 'municipal'])({
    optional: true,
    description: 'demonstration platforms only',
  }))
  level?: string | null;
  @(Text(50)({ description: 'e.g. 重庆市' }))
  province!: string;
  @(Text(50)({ description: 'e.g. 万州区' }))
  district!: string;
  @Uscc({ description: "the operator's 统一社会信用代码" })
  operatorUscc!: string;
  @(Text(200)())
  operatorName!: string;
  @Instant({ description: '备案 date' })
  filedAt!: string;
  @Flag({ description: 'still in its 建设期 (S0-3)' })
  underConstruction!: boolean;
  @Flag({ description: "part of the year's build plan (S2-1)" })
  planned!: boolean;
}

export class CertificationBody {
  @Uuid({ optional: true })
  certificationId?: string;
  @(OneOf(['national', 'provincial', 'municipal'])())
  level!: string;
  @(Text(200)())
  authority!: string;
  @Instant()
  certifiedAt!: string;
  @Instant()
  validUntil!: string;
}

export class ReReviewBody {
  @Instant()
  reviewedAt!: string;
  @Flag()
  passed!: boolean;
  @(FreeText()())
  opinion!: string;
  @Instant({ optional: true, description: 'new end of validity, required when passed' })
  validUntil?: string | null;
}

export class RevocationBody {
  @Instant()
  revokedAt!: string;
  @(Text(1000)())
  reason!: string;
  @(Text(20)({ optional: true, description: 'the rule applied, e.g. S4-4' }))
  ruleId?: string | null;
}

export class StaffMemberBody {
  @(Text(100)())
  name!: string;
  @(OneOf(['below_college', 'college', 'bachelor', 'master', 'doctorate'])())
  education!: string;
  @(OneOf(['none', 'junior', 'intermediate', 'senior'])())
  title!: string;
}

export class InstitutionBody {
  @Uscc()
  uscc!: string;
  @(Text(200)())
  name!: string;
  @Flag({ optional: true, description: '重点服务机构 (S0-8 counts them); omitted means not key' })
  key?: boolean | null;
}

export class ProfileBody {
  @Instant()
  asOf!: string;
  @Fen()
  assetsFen!: number;
  @Fen()
  revenueFen!: number;
  @Instant()
  operatingSince!: string;
  @(Count()())
  siteAreaM2!: number;
  @(Nested(() => StaffMemberBody, { array: true, max: 5_000 })())
  staff!: StaffMemberBody[];
  @(Nested(() => InstitutionBody, { array: true, max: 5_000 })())
  institutions!: InstitutionBody[];
  @(OneOf(['good', 'bad'])())
  creditStatus!: string;
}

export class WindowLinkBody {
  @PlatformIdField({
    description: 'the window platform this demonstration platform also runs (S0-4)',
  })
  windowPlatformId!: string;
}

export class ConstructionCompletionBody {
  @Instant({ description: 'when the 建设期 ended (S2-1 counts the build as completed)' })
  completedAt!: string;
}
