import { withUsccCheckCharacter, type PlatformLevel } from '@ledger/domain';
import type {
  CertificationView,
  OperatorProfileView,
  PlatformView,
} from '@ledger/projections/platforms/platform.view';

/**
 * Spec builders for the platform registry view (projections/platforms): a plain Chongqing window
 * platform filed in 2019 with nothing else known (no plan, certification, revocation or profile),
 * overridden by what a spec is about.
 */

/** A valid USCC registered in 渝中区 (area code 500103). */
export const CHONGQING_OPERATOR_USCC = withUsccCheckCharacter('91500103MA5U7Y8X1');

export function platformView(overrides: Partial<PlatformView> = {}): PlatformView {
  const platformId = overrides.platformId ?? 'platform-1';
  return {
    platformId,
    name: `${platformId} 中小企业公共服务窗口平台`,
    kind: 'district_window',
    level: null,
    province: '重庆市',
    district: '渝中区',
    operatorUscc: CHONGQING_OPERATOR_USCC,
    filedAt: '2019-03-01',
    filedEventId: `filed-${platformId}`,
    underConstruction: false,
    constructionCompletedAt: null,
    planned: false,
    certifications: [],
    reReviews: [],
    revokedAt: null,
    revocationEventId: null,
    profile: null,
    windowPlatformId: null,
    ...overrides,
  };
}

export function certification(
  eventId: string,
  level: PlatformLevel,
  certifiedAt: string,
  validUntil: string,
): CertificationView {
  return { eventId, level, certifiedAt, validUntil };
}

/** An operator profile (S4-1) with every count zero and good credit. */
export function operatorProfile(overrides: Partial<OperatorProfileView> = {}): OperatorProfileView {
  return {
    eventId: 'profile-event-1',
    asOf: '2020-12-01',
    assetsFen: 0,
    operatingSince: '2015-01-01',
    siteAreaM2: 0,
    staffCount: 0,
    staffCollegeOrAbove: 0,
    staffIntermediateTitleOrAbove: 0,
    staffQualifiedEither: 0,
    staffQualifiedBoth: 0,
    institutions: 0,
    keyInstitutions: 0,
    creditStatus: 'good',
    ...overrides,
  };
}
