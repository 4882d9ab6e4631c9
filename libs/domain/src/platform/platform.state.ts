import { assertNever } from '../shared/decision';
import type {
  OperatorProfileUpdated,
  PlatformEvent,
  PlatformFiled,
  PlatformLevel,
} from './platform.events';

export interface Certification {
  readonly certificationId: string;
  readonly level: PlatformLevel;
  readonly certifiedAt: string;
  readonly validUntil: string;
}

export type PlatformState =
  | { readonly status: 'unfiled' }
  | {
      readonly status: 'filed' | 'revoked';
      readonly filing: PlatformFiled['data'];
      readonly certification: Certification | null;
      readonly profile: OperatorProfileUpdated['data'] | null;
      readonly windowPlatformId: string | null;
      readonly revokedAt: string | null;
      /** S2-1: when a platform filed under construction finished building. */
      readonly constructionCompletedAt: string | null;
    };

export type FiledPlatform = Extract<PlatformState, { status: 'filed' | 'revoked' }>;

export function initialPlatformState(): PlatformState {
  return { status: 'unfiled' };
}

export function evolvePlatform(state: PlatformState, event: PlatformEvent): PlatformState {
  if (event.type === 'PlatformFiled') {
    return {
      status: 'filed',
      filing: event.data,
      certification: null,
      profile: null,
      windowPlatformId: null,
      revokedAt: null,
      constructionCompletedAt: null,
    };
  }
  // Every other fact presupposes a filing; a stream that does not start with one is ignored.
  if (state.status === 'unfiled') return state;
  switch (event.type) {
    case 'PlatformCertified':
      return { ...state, certification: { ...event.data } };
    case 'PlatformReReviewed':
      return event.data.passed && event.data.validUntil !== null && state.certification !== null
        ? { ...state, certification: { ...state.certification, validUntil: event.data.validUntil } }
        : state;
    case 'PlatformRevoked':
      return { ...state, status: 'revoked', revokedAt: event.data.revokedAt };
    case 'OperatorProfileUpdated':
      return { ...state, profile: event.data };
    case 'PlatformConstructionCompleted':
      return { ...state, constructionCompletedAt: event.data.completedAt };
    case 'WindowPlatformLinked':
      return { ...state, windowPlatformId: event.data.windowPlatformId };
    default:
      return assertNever(event);
  }
}
