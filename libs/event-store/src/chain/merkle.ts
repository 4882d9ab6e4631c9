import { createHash } from 'node:crypto';
import { canonicalJson } from './event-hash';
import type { StreamHead } from '../port/types';

/**
 * Merkle tree hash as in RFC 9162 §2.1 (Certificate Transparency v2): leaves hashed with a 0x00
 * prefix and interior nodes with 0x01, split at the largest power of two below n, so no leaf can
 * pose as a node and odd trees need no duplicated leaf.
 */
const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export const MERKLE_ALGORITHM = 'RFC9162-SHA256 over sorted stream heads';

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** The leaf of one stream head: canonical JSON of {hash, revision, stream}. */
export function headLeafHash(head: Pick<StreamHead, 'stream' | 'revision' | 'hash'>): Buffer {
  const leaf = canonicalJson({ hash: head.hash, revision: head.revision, stream: head.stream });
  return sha256(LEAF_PREFIX, Buffer.from(leaf, 'utf8'));
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function treeHash(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return sha256();
  if (n === 1) return leaves[from] ?? sha256();
  const k = largestPowerOfTwoBelow(n);
  return sha256(NODE_PREFIX, treeHash(leaves, from, from + k), treeHash(leaves, from + k, to));
}

export function merkleRoot(leaves: readonly Buffer[]): string {
  return treeHash(leaves, 0, leaves.length).toString('hex');
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]): sibling hashes from the leaf up to the root. */
export function inclusionPath(leaves: readonly Buffer[], index: number): string[] {
  const path: Buffer[] = [];
  const walk = (from: number, to: number, m: number): void => {
    const n = to - from;
    if (n <= 1) return;
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      walk(from, from + k, m);
      path.push(treeHash(leaves, from + k, to));
    } else {
      walk(from + k, to, m - k);
      path.push(treeHash(leaves, from, from + k));
    }
  };
  walk(0, leaves.length, index);
  return path.map((node) => node.toString('hex'));
}

/** RFC 9162 §2.1.3.2: recompute the root from a leaf, its index, the tree size and the path. */
export function rootFromInclusionPath(
  leaf: Buffer,
  index: number,
  treeSize: number,
  path: readonly string[],
): string | undefined {
  if (index < 0 || index >= treeSize) return undefined;
  let fn = index;
  let sn = treeSize - 1;
  let node = leaf;
  for (const siblingHex of path) {
    const sibling = Buffer.from(siblingHex, 'hex');
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      node = sha256(NODE_PREFIX, sibling, node);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      node = sha256(NODE_PREFIX, node, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? node.toString('hex') : undefined;
}
