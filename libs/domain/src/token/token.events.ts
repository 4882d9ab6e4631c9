import type { Role } from '../shared/command-metadata';

/** Bearer tokens (stream `token-{tokenId}`): only the secret's SHA-256 is ever recorded. */
export type TokenRole = Exclude<Role, 'system'>;

export interface TokenScope {
  /** The one platform a `platform` token may write. */
  readonly platformId: string | null;
  /** The one district a `district` token may review. */
  readonly district: string | null;
}

export interface TokenIssued {
  readonly type: 'TokenIssued';
  readonly data: {
    readonly tokenId: string;
    readonly secretSha256: string;
    readonly role: TokenRole;
    readonly scope: TokenScope;
    readonly label: string;
    readonly issuedAt: string;
    readonly expiresAt: string | null;
  };
}

export interface TokenRevoked {
  readonly type: 'TokenRevoked';
  readonly data: { readonly tokenId: string; readonly revokedAt: string; readonly reason: string };
}

export type TokenEvent = TokenIssued | TokenRevoked;
