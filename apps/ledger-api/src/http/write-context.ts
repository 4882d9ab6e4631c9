import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  canonicalJson,
  sha256Hex,
  type Actor,
  type IdempotencyMetadata,
} from '@ledger/event-store';
import type { Principal } from '../tokens/token.service';
import { validationFailed } from './api-error';

/** What a write takes from its HTTP request besides the body (API.md: If-Match, Idempotency-Key). */
export interface WriteContext {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly now: string;
  readonly expectedRevision?: number;
  readonly idempotency?: IdempotencyMetadata;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export function actorOf(principal: Principal): Actor {
  return { subject: `token:${principal.tokenId}`, role: principal.role };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `If-Match: 7`, `"7"` or `W/"7"`: the stream revision the caller last saw (its ETag). */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(value.trim());
  if (match?.[1] === undefined)
    throw validationFailed('If-Match', 'must be a stream revision, as sent in ETag');
  return Number(match[1]);
}

export function writeContext(
  request: AuthenticatedRequest,
  bodyFingerprint: unknown,
): WriteContext {
  const principal = request.principal;
  if (principal === undefined)
    throw new Error('write route reached without an authenticated principal');
  const key = header(request, 'idempotency-key');
  if (key !== undefined && (key.length === 0 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key))) {
    throw validationFailed('Idempotency-Key', 'must be 1-255 visible ASCII characters');
  }
  const expectedRevision = parseIfMatch(header(request, 'if-match'));
  const correlation = header(request, 'x-correlation-id');
  return {
    actor: actorOf(principal),
    correlationId:
      correlation !== undefined && correlation.length > 0 && correlation.length <= 128
        ? correlation
        : randomUUID(),
    now: new Date().toISOString(),
    ...(expectedRevision !== undefined && { expectedRevision }),
    ...(key !== undefined && {
      idempotency: {
        key,
        requestSha256: sha256Hex(
          canonicalJson({
            method: request.method,
            path: request.url.split('?')[0] ?? '',
            body: bodyFingerprint,
          }),
        ),
      },
    }),
  };
}
