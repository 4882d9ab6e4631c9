import { platformView } from '@ledger/projections/testing';
import type { CertificationView, PlatformView } from '@ledger/projections/platforms/platform.view';

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
