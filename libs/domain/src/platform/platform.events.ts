/** Facts about a platform itself (stream `platform-{platformId}`), past tense, JSON-only data. */

/** 区县窗口 / 产业窗口 / 示范平台. */
export type PlatformKind = 'district_window' | 'industry_window' | 'demonstration';
export type PlatformLevel = 'national' | 'provincial' | 'municipal';
export type CreditStatus = 'good' | 'bad';

export interface StaffMember {
  readonly name: string;
  /** Highest education: 大专+ counts toward S4-1's 80% bar. */
  readonly education: 'below_college' | 'college' | 'bachelor' | 'master' | 'doctorate';
  /** Professional title: 中级+ counts toward S4-1's 80% bar. */
  readonly title: 'none' | 'junior' | 'intermediate' | 'senior';
}

export interface ServiceInstitution {
  readonly uscc: string;
  readonly name: string;
  /** 重点服务机构 (S0-8 counts them); absent in events recorded before the flag existed. */
  readonly key?: boolean;
}

export interface PlatformFiled {
  readonly type: 'PlatformFiled';
  readonly data: {
    readonly platformId: string;
    readonly name: string;
    readonly kind: PlatformKind;
    /** Certification level of a demonstration platform; null for window platforms. */
    readonly level: PlatformLevel | null;
    readonly province: string;
    readonly district: string;
    readonly operatorUscc: string;
    readonly operatorName: string;
    /** 备案 date (S0-2 compares it with the grading cut-off). */
    readonly filedAt: string;
    /** Still in its 建设期 (S0-3). */
    readonly underConstruction: boolean;
    /** Part of the year's build plan (S2-1 counts planned builds only). */
    readonly planned: boolean;
  };
}

export interface PlatformCertified {
  readonly type: 'PlatformCertified';
  readonly data: {
    readonly certificationId: string;
    readonly level: PlatformLevel;
    readonly authority: string;
    readonly certifiedAt: string;
    readonly validUntil: string;
  };
}

/** S4-4: the three-yearly re-review, passed or failed. */
export interface PlatformReReviewed {
  readonly type: 'PlatformReReviewed';
  readonly data: {
    readonly reviewedAt: string;
    readonly passed: boolean;
    readonly opinion: string;
    /** New end of validity when passed. */
    readonly validUntil: string | null;
  };
}

export interface PlatformRevoked {
  readonly type: 'PlatformRevoked';
  readonly data: {
    readonly revokedAt: string;
    readonly reason: string;
    readonly ruleId: string | null;
  };
}

/** S4-1's basic conditions as reported by the operator, superseding the previous profile. */
export interface OperatorProfileUpdated {
  readonly type: 'OperatorProfileUpdated';
  readonly data: {
    readonly asOf: string;
    readonly assetsFen: number;
    readonly revenueFen: number;
    readonly operatingSince: string;
    readonly siteAreaM2: number;
    readonly staff: readonly StaffMember[];
    readonly institutions: readonly ServiceInstitution[];
    readonly creditStatus: CreditStatus;
  };
}

/** S2-1: a platform filed during its 建设期 finished building. */
export interface PlatformConstructionCompleted {
  readonly type: 'PlatformConstructionCompleted';
  readonly data: { readonly completedAt: string };
}

/** S0-4: this demonstration platform also runs a window platform and is graded once, as that. */
export interface WindowPlatformLinked {
  readonly type: 'WindowPlatformLinked';
  readonly data: { readonly windowPlatformId: string; readonly linkedAt: string };
}

export type PlatformEvent =
  | PlatformFiled
  | PlatformCertified
  | PlatformReReviewed
  | PlatformRevoked
  | OperatorProfileUpdated
  | PlatformConstructionCompleted
  | WindowPlatformLinked;

export type PlatformEventType = PlatformEvent['type'];
