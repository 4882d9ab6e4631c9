import type { CommandMetadata } from '../shared/command-metadata';
import type { PlatformEvent } from './platform.events';

type DataOf<T extends PlatformEvent['type']> = Extract<PlatformEvent, { type: T }>['data'];

export interface FilePlatform {
  readonly type: 'FilePlatform';
  readonly data: DataOf<'PlatformFiled'>;
  readonly metadata: CommandMetadata;
}
export interface CertifyPlatform {
  readonly type: 'CertifyPlatform';
  readonly data: DataOf<'PlatformCertified'>;
  readonly metadata: CommandMetadata;
}
export interface ReReviewPlatform {
  readonly type: 'ReReviewPlatform';
  readonly data: DataOf<'PlatformReReviewed'>;
  readonly metadata: CommandMetadata;
}
export interface RevokePlatform {
  readonly type: 'RevokePlatform';
  readonly data: DataOf<'PlatformRevoked'>;
  readonly metadata: CommandMetadata;
}
export interface UpdateOperatorProfile {
  readonly type: 'UpdateOperatorProfile';
  readonly data: DataOf<'OperatorProfileUpdated'>;
  readonly metadata: CommandMetadata;
}
/** S2-1: a platform filed during its 建设期 finished building. */
export interface CompletePlatformConstruction {
  readonly type: 'CompletePlatformConstruction';
  readonly data: DataOf<'PlatformConstructionCompleted'>;
  readonly metadata: CommandMetadata;
}
export interface LinkWindowPlatform {
  readonly type: 'LinkWindowPlatform';
  readonly data: { readonly windowPlatformId: string };
  readonly metadata: CommandMetadata;
}

export type PlatformCommand =
  | FilePlatform
  | CertifyPlatform
  | ReReviewPlatform
  | RevokePlatform
  | UpdateOperatorProfile
  | CompletePlatformConstruction
  | LinkWindowPlatform;
