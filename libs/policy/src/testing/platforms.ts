import type { PlatformLevel } from '@ledger/domain';
import type { CertificationView, PlatformView } from '@ledger/projections/platforms/platform.view';

/**
 * Spec builders for PlatformView. Defaults describe a plain filed platform with nothing else
 * known (no certification, no revocation, no profile); a spec overrides what its rule reads.
 */
export function platformView(
  overrides: Partial<PlatformView> & Pick<PlatformView, 'platformId'>,
): PlatformView {
  return {
    name: `平台 ${overrides.platformId}`,
    kind: 'district_window',
    level: null,
    province: '重庆市',
    district: '渝中区',
    operatorUscc: '91500000MA0000001X',
    filedAt: '2023-03-15',
    filedEventId: `filed-${overrides.platformId}`,
    underConstruction: false,
    constructionCompletedAt: null,
    planned: true,
    certifications: [],
    reReviews: [],
    revokedAt: null,
    revocationEventId: null,
    profile: null,
    windowPlatformId: null,
    ...overrides,
  };
}

/** A Chongqing county window platform (区县窗口平台) in the given district. */
export function windowPlatform(
  platformId: string,
  district: string,
  overrides: Partial<PlatformView> = {},
): PlatformView {
  return platformView({ platformId, district, kind: 'district_window', ...overrides });
}

/** A demonstration platform in Anhui with the given certifications. */
export function demonstrationPlatform(
  platformId: string,
  district: string,
  certifications: readonly CertificationView[],
  overrides: Partial<PlatformView> = {},
): PlatformView {
  return platformView({
    platformId,
    district,
    kind: 'demonstration',
    level: certifications[0]?.level ?? 'provincial',
    province: '安徽省',
    certifications,
    ...overrides,
  });
}

export function certification(
  eventId: string,
  level: PlatformLevel,
  certifiedAt: string,
  validUntil: string,
): CertificationView {
  return { eventId, level, certifiedAt, validUntil };
}
