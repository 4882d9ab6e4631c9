import {
  platformStream,
  withUsccCheckCharacter,
  type PlatformEvent,
  type PlatformFiled,
} from '@ledger/domain';
import type { ProjectedEvent } from '../../shared/projection';

/** Test data for projection specs: platform-stream events as the projector delivers them. */

export const DEMO_ID = 'cq-yuchuang-demo';
export const WINDOW_ID = 'cq-wanzhou-window';

export function eventId(n: number): string {
  return `0195f3c2-7a10-4b5e-8c1d-${n.toString(16).padStart(12, '0')}`;
}

export const demoFiling: PlatformFiled['data'] = {
  platformId: DEMO_ID,
  name: '重庆市渝创中小企业公共服务示范平台',
  kind: 'demonstration',
  level: 'municipal',
  province: '重庆市',
  district: '渝中区',
  operatorUscc: withUsccCheckCharacter('91500103MA5U7Y8X1'),
  operatorName: '重庆渝创企业服务有限公司',
  filedAt: '2022-06-01',
  underConstruction: false,
  planned: false,
};

export const windowFiling: PlatformFiled['data'] = {
  platformId: WINDOW_ID,
  name: '重庆市万州区中小企业公共服务平台窗口',
  kind: 'district_window',
  level: null,
  province: '重庆市',
  district: '万州区',
  operatorUscc: withUsccCheckCharacter('12500101MB1C2D3E4'),
  operatorName: '重庆市万州区中小企业服务中心',
  filedAt: '2023-03-15',
  underConstruction: true,
  planned: true,
};

type DataOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>['data'];

/** The n-th event of a platform's stream (position and revision stamped by the caller's log). */
export function platformEvent<T extends PlatformEvent['type']>(
  type: T,
  n: number,
  data: DataOf<T>,
  platformId = DEMO_ID,
): ProjectedEvent {
  return {
    id: eventId(n),
    stream: platformStream(platformId),
    revision: 0,
    position: 0,
    type,
    data,
    metadata: { recordedAt: '2025-01-02T02:00:00.000Z' },
  };
}

export function filed(n: number, data: PlatformFiled['data'] = demoFiling): ProjectedEvent {
  return platformEvent('PlatformFiled', n, data, data.platformId);
}

export function certified(
  n: number,
  certifiedAt: string,
  validUntil: string,
  level: DataOf<'PlatformCertified'>['level'] = 'municipal',
  platformId = DEMO_ID,
): ProjectedEvent {
  return platformEvent(
    'PlatformCertified',
    n,
    {
      certificationId: `cert-${String(n)}`,
      level,
      authority: '重庆市中小企业局',
      certifiedAt,
      validUntil,
    },
    platformId,
  );
}

export function reReviewed(
  n: number,
  reviewedAt: string,
  passed: boolean,
  validUntil: string | null,
  platformId = DEMO_ID,
): ProjectedEvent {
  return platformEvent(
    'PlatformReReviewed',
    n,
    { reviewedAt, passed, opinion: passed ? '复核合格' : '复核不合格', validUntil },
    platformId,
  );
}

export function revoked(n: number, revokedAt: string, platformId = DEMO_ID): ProjectedEvent {
  return platformEvent(
    'PlatformRevoked',
    n,
    { revokedAt, reason: '复核不合格', ruleId: 'S4-4' },
    platformId,
  );
}
