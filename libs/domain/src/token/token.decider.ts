import type { CommandMetadata } from '../shared/command-metadata';
import { accept, assertNever, reject, type Decision } from '../shared/decision';
import { parseInstant } from '../shared/dates';
import { isValidPlatformId } from '../shared/streams';
import type { TokenEvent, TokenIssued, TokenRole, TokenScope } from './token.events';

export interface IssueToken {
  readonly type: 'IssueToken';
  readonly data: Omit<TokenIssued['data'], 'issuedAt'>;
  readonly metadata: CommandMetadata;
}

export interface RevokeToken {
  readonly type: 'RevokeToken';
  readonly data: { readonly tokenId: string; readonly reason: string };
  readonly metadata: CommandMetadata;
}

export type TokenCommand = IssueToken | RevokeToken;

export type TokenState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'revoked'; readonly issued: TokenIssued['data'] };

export function initialTokenState(): TokenState {
  return { status: 'none' };
}

export function evolveToken(state: TokenState, event: TokenEvent): TokenState {
  switch (event.type) {
    case 'TokenIssued':
      return { status: 'active', issued: event.data };
    case 'TokenRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}

/** DESIGN.md "Security": a platform token is scoped to one platform, a district token to one district. */
function scopeProblem(role: TokenRole, scope: TokenScope): string | null {
  if (role === 'platform') {
    if (scope.platformId === null || !isValidPlatformId(scope.platformId))
      return 'scope.platformId';
    return scope.district === null ? null : 'scope.district';
  }
  if (role === 'district') {
    if (scope.district === null || scope.district.trim() === '') return 'scope.district';
    return scope.platformId === null ? null : 'scope.platformId';
  }
  return scope.platformId === null && scope.district === null ? null : 'scope';
}

export function decideToken(command: TokenCommand, state: TokenState): Decision<TokenEvent> {
  switch (command.type) {
    case 'IssueToken': {
      if (state.status !== 'none')
        return reject('CONFLICT', 'D-TOKEN', 'token id already used', 'tokenId');
      const field = scopeProblem(command.data.role, command.data.scope);
      if (field !== null) {
        return reject(
          'VALIDATION_FAILED',
          'D-TOKEN',
          `scope does not fit role ${command.data.role}`,
          field,
        );
      }
      if (command.data.expiresAt !== null && parseInstant(command.data.expiresAt) === null) {
        return reject('VALIDATION_FAILED', 'D-DATE', 'must be an ISO 8601 timestamp', 'expiresAt');
      }
      return accept({
        type: 'TokenIssued',
        data: { ...command.data, issuedAt: command.metadata.now },
      });
    }
    case 'RevokeToken':
      if (state.status === 'none')
        return reject('NOT_FOUND', 'D-TOKEN', 'no such token', 'tokenId');
      if (state.status === 'revoked')
        return reject('CONFLICT', 'D-TOKEN', 'token already revoked', 'tokenId');
      return accept({
        type: 'TokenRevoked',
        data: {
          tokenId: command.data.tokenId,
          revokedAt: command.metadata.now,
          reason: command.data.reason,
        },
      });
    default:
      return assertNever(command);
  }
}
