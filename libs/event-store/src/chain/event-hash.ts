import { createHash, hash as oneShotHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredEvent } from '../port/types';

/** prevHash of every stream's revision 0: a fixed, published genesis value. */
export const GENESIS_HASH = '0'.repeat(64);

export function sha256Hex(input: string | Buffer): string {
  // crypto.hash (Node ≥ 20.12) is the one-shot fast path; createHash is the fallback.
  return typeof oneShotHash === 'function'
    ? oneShotHash('sha256', input, 'hex')
    : createHash('sha256').update(input).digest('hex');
}

/** RFC 8785 canonical JSON of a JSON value (the reference implementation's package). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/**
 * The RFC 8785 text of {stream, revision, type, data, metadata-without-hash}, composed from the
 * already-canonical data and metadata texts: keys in code-unit order are data < metadata <
 * revision < stream < type, and strings serialise as in JSON.stringify (RFC 8785 §3.2.2.2).
 */
export function hashInput(
  event: Pick<StoredEvent, 'stream' | 'revision' | 'type' | 'data' | 'metadata'>,
): string {
  return `{"data":${event.data},"metadata":${event.metadata},"revision":${event.revision},"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`;
}

export function computeEventHash(
  event: Pick<StoredEvent, 'stream' | 'revision' | 'type' | 'data' | 'metadata'>,
): string {
  return sha256Hex(hashInput(event));
}
