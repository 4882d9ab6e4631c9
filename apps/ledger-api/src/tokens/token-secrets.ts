import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '@ledger/event-store';

/** `lgr_<token id, 32 hex>_<secret, 43 base64url chars>`: the id finds the record, the secret proves it. */
const TOKEN_FORMAT = /^lgr_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface TokenParts {
  readonly tokenId: string;
  readonly secret: string;
}

export function newTokenParts(): TokenParts {
  return {
    tokenId: randomBytes(16).toString('hex'),
    secret: randomBytes(32).toString('base64url'),
  };
}

export function formatToken(parts: TokenParts): string {
  return `lgr_${parts.tokenId}_${parts.secret}`;
}

export function parseToken(token: string): TokenParts | null {
  const match = TOKEN_FORMAT.exec(token);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : { tokenId: match[1], secret: match[2] };
}

/** Only this digest is ever stored (DESIGN.md "Security"). */
export function secretSha256(secret: string): string {
  return sha256Hex(secret);
}

export function secretMatches(secret: string, expectedSha256: string): boolean {
  const actual = Buffer.from(secretSha256(secret), 'hex');
  const expected = Buffer.from(expectedSha256, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
