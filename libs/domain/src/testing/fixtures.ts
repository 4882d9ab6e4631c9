import { platformDecider } from '../deciders';
import type { CommandMetadata, Role } from '../shared/command-metadata';
import { withUsccCheckCharacter } from '../shared/uscc';
import type { PlatformEvent, PlatformFiled } from '../platform/platform.events';
import type { PlatformState } from '../platform/platform.state';
import { stateAfter } from './decider-specification';

/** Shared test data: deterministic ids, valid USCCs, actors and two filed platforms. */

/** A fixed v4-shaped UUID per number, so specs can cite records as id(1), id(2), … */
export function id(n: number): string {
  return `0195f3c2-7a10-4b5e-9c1d-${n.toString(16).padStart(12, '0')}`;
}

/** A valid USCC of a Chongqing enterprise (area code 500000), numbered. */
export function enterpriseUscc(n: number): string {
  return withUsccCheckCharacter(`91500000MA${n.toString().padStart(7, '0')}`);
}

/** 重庆渝创企业服务有限公司, operator of the demonstration platform (渝中区, 500103). */
export const DEMO_OPERATOR_USCC = withUsccCheckCharacter('91500103MA5U7Y8X1');
/** 重庆市万州区中小企业服务中心 (事业单位, 万州区 500101). */
export const WINDOW_OPERATOR_USCC = withUsccCheckCharacter('12500101MB1C2D3E4');

export function meta(role: Role, now = '2025-06-01T02:00:00.000Z'): CommandMetadata {
  const subject = role === 'system' ? 'system' : `token-${role}-01`;
  return { now, actor: { subject, role } };
}

export const windowFiling: PlatformFiled['data'] = {
  platformId: 'cq-wanzhou-window',
  name: '重庆市万州区中小企业公共服务平台窗口',
  kind: 'district_window',
  level: null,
  province: '重庆市',
  district: '万州区',
  operatorUscc: WINDOW_OPERATOR_USCC,
  operatorName: '重庆市万州区中小企业服务中心',
  filedAt: '2023-03-15',
  underConstruction: false,
  planned: true,
};

export const demoFiling: PlatformFiled['data'] = {
  platformId: 'cq-yuchuang-demo',
  name: '重庆市渝创中小企业公共服务示范平台',
  kind: 'demonstration',
  level: 'municipal',
  province: '重庆市',
  district: '渝中区',
  operatorUscc: DEMO_OPERATOR_USCC,
  operatorName: '重庆渝创企业服务有限公司',
  filedAt: '2022-06-01',
  underConstruction: false,
  planned: false,
};

export function filed(data: PlatformFiled['data']): PlatformEvent {
  return { type: 'PlatformFiled', data };
}

export function revoked(revokedAt: string): PlatformEvent {
  return { type: 'PlatformRevoked', data: { revokedAt, reason: '年度评价不合格', ruleId: null } };
}

export function platformState(...events: PlatformEvent[]): PlatformState {
  return stateAfter(platformDecider, events);
}

/** 万州 window platform, filed 2023-03-15: the default context of platform-year specs. */
export const filedWindowPlatform = platformState(filed(windowFiling));
