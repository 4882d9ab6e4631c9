// @ts-check
'use strict';
/**
 * The event hash (DESIGN.md "Tamper evidence") in plain JavaScript, so that the main thread
 * (event-hash.ts) and the SQLite reader thread, which recomputes hashes while it reads ahead,
 * run the very same code. Checked by TypeScript (allowJs + @ts-check).
 */
const { createHash, hash: oneShotHash } = require('node:crypto');

/**
 * @param {string | Buffer} input
 * @returns {string}
 */
function sha256Hex(input) {
  // crypto.hash (Node ≥ 20.12) is the one-shot fast path; createHash is the fallback.
  return typeof oneShotHash === 'function'
    ? oneShotHash('sha256', input, 'hex')
    : createHash('sha256').update(input).digest('hex');
}

/**
 * The RFC 8785 text of {stream, revision, type, data, metadata-without-hash}, composed from the
 * already-canonical data and metadata texts: keys in code-unit order are data < metadata <
 * revision < stream < type, and strings serialise as in JSON.stringify (RFC 8785 §3.2.2.2).
 * @param {string} stream
 * @param {number} revision
 * @param {string} type
 * @param {string} data canonical JSON
 * @param {string} metadata canonical JSON, without the hash
 * @returns {string}
 */
function hashInputOf(stream, revision, type, data, metadata) {
  return `{"data":${data},"metadata":${metadata},"revision":${revision},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`;
}

/**
 * @param {string} stream
 * @param {number} revision
 * @param {string} type
 * @param {string} data
 * @param {string} metadata
 * @returns {string}
 */
function eventHashOf(stream, revision, type, data, metadata) {
  return sha256Hex(hashInputOf(stream, revision, type, data, metadata));
}

module.exports = { sha256Hex, hashInputOf, eventHashOf };
