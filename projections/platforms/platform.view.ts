import type { PlatformKind, PlatformLevel } from '@ledger/domain';

/** The platform registry read model: one document per platform, from its `platform-…` stream. */
export interface PlatformView {
  readonly platformId: string;
  readonly name: string;
  readonly kind: PlatformKind;
  readonly level: PlatformLevel | null;
  readonly province: string;
  readonly district: string;
  readonly operatorUscc: string;
  readonly filedAt: string;
  readonly filedEventId: string;
  /** S0-3 / S2-1. */
  readonly underConstruction: boolean;
  readonly constructionCompletedAt: string | null;
  readonly planned: boolean;
  readonly certifications: readonly CertificationView[];
  /** S4-4. */
  readonly reReviews: readonly {
    readonly reviewedAt: string;
    readonly passed: boolean;
    readonly eventId: string;
  }[];
  readonly revokedAt: string | null;
  readonly revocationEventId: string | null;
  readonly profile: OperatorProfileView | null;
  /** S0-4: the window platform this demonstration platform also runs. */
  readonly windowPlatformId: string | null;
}

export interface CertificationView {
  readonly eventId: string;
  readonly level: PlatformLevel;
  readonly certifiedAt: string;
  readonly validUntil: string;
}

export interface OperatorProfileView {
  readonly eventId: string;
  readonly asOf: string;
  readonly assetsFen: number;
  readonly operatingSince: string;
  readonly siteAreaM2: number;
  readonly staffCount: number;
  /** S4-1: staff holding 大专+ or 中级+ (see the cq-demo-certification pack for the reading). */
  readonly staffCollegeOrAbove: number;
  readonly staffIntermediateTitleOrAbove: number;
  readonly staffQualifiedEither: number;
  readonly staffQualifiedBoth: number;
  readonly institutions: number;
  readonly keyInstitutions: number;
  readonly creditStatus: 'good' | 'bad';
}
