import { createHash } from 'node:crypto';
import type { StreamHead } from '../port/types';
import {
  ANCHOR_STREAM,
  anchorLeaves,
  buildInclusionProof,
  headsAtPosition,
  rootOfHeads,
  verifyInclusionProof,
  type AnchorRecord,
  type InclusionProof,
} from './anchors';
import type { EventStoreAdapter, StoredAllRead } from '../port/event-store-adapter';
import type { StoredEvent } from '../port/types';
import { canonicalJson } from './event-hash';
import {
  headLeafHash,
  inclusionPath,
  MERKLE_ALGORITHM,
  merkleRoot,
  rootFromInclusionPath,
} from './merkle';

// An independent RFC 9162 §2.1.1 Merkle Tree Hash, written from the text of the RFC:
//   MTH({}) = SHA-256()
//   MTH({d(0)}) = SHA-256(0x00 || d(0))
//   MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k the largest power of two < n
function sha256(...parts: Buffer[]): Buffer {
  return createHash('sha256').update(Buffer.concat(parts)).digest();
}

function referenceLeafHash(entry: Buffer): Buffer {
  return sha256(Buffer.from([0x00]), entry);
}

function referenceMth(entries: readonly Buffer[]): Buffer {
  const n = entries.length;
  if (n === 0) return sha256();
  if (n === 1) return referenceLeafHash(entries[0]!);
  let k = 1;
  while (k << 1 < n) k <<= 1;
  return sha256(
    Buffer.from([0x01]),
    referenceMth(entries.slice(0, k)),
    referenceMth(entries.slice(k)),
  );
}

const entriesOf = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => Buffer.from(`entry ${i}`, 'utf8'));

const leavesOf = (n: number): Buffer[] => entriesOf(n).map(referenceLeafHash);

function flipFirstByte(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  bytes[0] = bytes[0]! ^ 0x01;
  return bytes.toString('hex');
}

const hash64 = (seed: string): string => createHash('sha256').update(seed).digest('hex');

function streamHead(stream: string, revision: number, position = revision + 1): StreamHead {
  return { stream, revision, hash: hash64(`${stream}@${revision}`), position };
}

describe('merkleRoot', () => {
  it.each([0, 1, 2, 3, 5, 8, 13])(
    'given %i leaves, when hashed, then it matches the independent RFC 9162 MTH',
    (n) => {
      const entries = entriesOf(n);
      expect(merkleRoot(entries.map(referenceLeafHash))).toBe(
        referenceMth(entries).toString('hex'),
      );
    },
  );

  it('given no leaves, when hashed, then the root is SHA-256 of the empty string', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('given one leaf, when hashed, then the root is that leaf hash itself', () => {
    const [leaf] = leavesOf(1);
    expect(merkleRoot([leaf!])).toBe(leaf!.toString('hex'));
  });

  it('given two leaves swapped, when hashed, then the root changes', () => {
    const [a, b] = leavesOf(2);
    expect(merkleRoot([a!, b!])).not.toBe(merkleRoot([b!, a!]));
  });

  it('given three leaves, when hashed, then the last leaf is not duplicated (unlike Bitcoin trees)', () => {
    const [a, b, c] = leavesOf(3);
    expect(merkleRoot([a!, b!, c!])).not.toBe(merkleRoot([a!, b!, c!, c!]));
  });
});

describe('inclusion paths', () => {
  it('given every leaf of trees of size 1..17, when its path is checked, then it leads to the root', () => {
    for (let n = 1; n <= 17; n += 1) {
      const leaves = leavesOf(n);
      const root = referenceMth(entriesOf(n)).toString('hex');
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(leaves, i);
        expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(rootFromInclusionPath(leaves[i]!, i, n, path)).toBe(root);
      }
    }
  });

  it('given every leaf of trees of size 1..17, when checked under a wrong index, then it fails', () => {
    for (let n = 1; n <= 17; n += 1) {
      const leaves = leavesOf(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(leaves, i);
        for (let wrong = -1; wrong <= n + 1; wrong += 1) {
          if (wrong === i) continue;
          expect(rootFromInclusionPath(leaves[i]!, wrong, n, path)).not.toBe(root);
        }
      }
    }
  });

  it('given every leaf of trees of size 1..17, when checked under a tree size of another depth, then it fails', () => {
    for (let n = 1; n <= 17; n += 1) {
      const leaves = leavesOf(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(leaves, i);
        // Sizes at least twice as large need one more level; sizes up to the index cannot hold it.
        for (const wrong of [0, i, 2 * n, 2 * n + 1, 4 * n]) {
          expect(rootFromInclusionPath(leaves[i]!, i, wrong, path)).not.toBe(root);
        }
        if (n > 1) expect(rootFromInclusionPath(leaves[i]!, i, n, [])).toBeUndefined();
      }
    }
  });

  it('given a path for 3 leaves, when checked as a tree of 4, then it still yields the root: RFC 9162 leaves the size to the signed tree head', () => {
    // Documents a property of the RFC algorithm: the path alone does not authenticate the tree
    // size, so whoever checks a proof must take the size from the published record, not the proof.
    const leaves = leavesOf(3);
    expect(rootFromInclusionPath(leaves[0]!, 0, 4, inclusionPath(leaves, 0))).toBe(
      merkleRoot(leaves),
    );
  });

  it('given every leaf of trees of size 2..17, when any sibling is tampered with, then it fails', () => {
    for (let n = 2; n <= 17; n += 1) {
      const leaves = leavesOf(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(leaves, i);
        path.forEach((_, j) => {
          const tampered = path.map((node, k) => (k === j ? flipFirstByte(node) : node));
          expect(rootFromInclusionPath(leaves[i]!, i, n, tampered)).not.toBe(root);
        });
        const otherLeaf = leaves[(i + 1) % n]!;
        expect(rootFromInclusionPath(otherLeaf, i, n, path)).not.toBe(root);
      }
    }
  });

  it('given every leaf of trees of size 2..17, when the path is truncated or extended, then it fails', () => {
    for (let n = 2; n <= 17; n += 1) {
      const leaves = leavesOf(n);
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(leaves, i);
        expect(rootFromInclusionPath(leaves[i]!, i, n, path.slice(0, -1))).not.toBe(root);
        expect(rootFromInclusionPath(leaves[i]!, i, n, path.slice(1))).not.toBe(root);
        expect(rootFromInclusionPath(leaves[i]!, i, n, [...path, root])).toBeUndefined();
      }
    }
  });

  it('given a tree of one leaf, when its path is built, then it is empty and verifies', () => {
    const leaves = leavesOf(1);
    expect(inclusionPath(leaves, 0)).toEqual([]);
    expect(rootFromInclusionPath(leaves[0]!, 0, 1, [])).toBe(merkleRoot(leaves));
  });
});

describe('headLeafHash', () => {
  it('given a head, when hashed, then it is the 0x00-prefixed hash of canonical {hash, revision, stream}', () => {
    const head = streamHead('platform-重庆"1"', 41);
    const entry = Buffer.from(
      canonicalJson({ hash: head.hash, revision: 41, stream: head.stream }),
      'utf8',
    );
    expect(headLeafHash(head).equals(referenceLeafHash(entry))).toBe(true);
  });

  it('given heads differing only in position, when hashed, then leaves are equal', () => {
    expect(headLeafHash(streamHead('a', 1, 5)).equals(headLeafHash(streamHead('a', 1, 9)))).toBe(
      true,
    );
  });
});

describe('anchors', () => {
  const heads = [
    streamHead('platformyear-b_2024', 3),
    streamHead(ANCHOR_STREAM, 2),
    streamHead('platform-a', 0),
    streamHead('Zeta', 7),
    streamHead('platform-中', 1),
    streamHead('program-1', 4),
  ];

  const anchor = (root: string, streamCount: number): AnchorRecord => ({
    anchoredPosition: 42,
    root,
    streamCount,
    algorithm: MERKLE_ALGORITHM,
    eventId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    eventPosition: 43,
    recordedAt: '2024-10-17T00:00:00.000Z',
  });

  it('given heads, when turned into leaves, then they are sorted by stream in code-unit order without the anchor stream', () => {
    const { heads: sorted, leaves } = anchorLeaves(heads);
    expect(sorted.map((h) => h.stream)).toEqual([
      'Zeta',
      'platform-a',
      'platform-中',
      'platformyear-b_2024',
      'program-1',
    ]);
    expect(leaves.map((leaf) => leaf.toString('hex'))).toEqual(
      sorted.map((h) => headLeafHash(h).toString('hex')),
    );
  });

  it('given the same heads in any order, when rooted, then the root and count are the same', () => {
    const expected = rootOfHeads(heads);
    expect(expected.streamCount).toBe(5);
    expect(rootOfHeads([...heads].reverse())).toEqual(expected);
    expect(rootOfHeads(heads.filter((h) => h.stream !== ANCHOR_STREAM))).toEqual(expected);
    expect(expected.root).toBe(merkleRoot(anchorLeaves(heads).leaves));
  });

  it('given no heads but the anchor stream, when rooted, then it is the empty tree', () => {
    expect(rootOfHeads([streamHead(ANCHOR_STREAM, 0)])).toEqual({
      root: merkleRoot([]),
      streamCount: 0,
    });
  });

  it('given every stream, when a proof is built and checked against the published root, then it verifies', () => {
    const { root, streamCount } = rootOfHeads(heads);
    for (const head of heads) {
      if (head.stream === ANCHOR_STREAM) continue;
      const proof = buildInclusionProof(anchor(root, streamCount), heads, head.stream);
      expect(proof).toMatchObject({
        head: { stream: head.stream, revision: head.revision, hash: head.hash },
        treeSize: 5,
      });
      expect(verifyInclusionProof(proof!, root)).toBe(true);
    }
  });

  it('given the anchor stream or an unknown stream, when a proof is built, then there is none', () => {
    const { root, streamCount } = rootOfHeads(heads);
    expect(buildInclusionProof(anchor(root, streamCount), heads, ANCHOR_STREAM)).toBeUndefined();
    expect(buildInclusionProof(anchor(root, streamCount), heads, 'nope')).toBeUndefined();
  });

  it('given a proof for a modified head, when checked, then it fails', () => {
    const { root, streamCount } = rootOfHeads(heads);
    const proof = buildInclusionProof(anchor(root, streamCount), heads, 'platform-a')!;
    const tampered: InclusionProof[] = [
      { ...proof, head: { ...proof.head, revision: proof.head.revision + 1 } },
      { ...proof, head: { ...proof.head, hash: flipFirstByte(proof.head.hash) } },
      { ...proof, head: { ...proof.head, stream: 'platform-b' } },
      { ...proof, leafIndex: proof.leafIndex + 1 },
      { ...proof, path: proof.path.map((node, i) => (i === 0 ? flipFirstByte(node) : node)) },
    ];
    for (const bad of tampered) expect(verifyInclusionProof(bad, root)).toBe(false);
  });

  it('given a proof, when checked against another root, then it fails', () => {
    const { root, streamCount } = rootOfHeads(heads);
    const proof = buildInclusionProof(anchor(root, streamCount), heads, 'program-1')!;
    const later = heads.map((h) => (h.stream === 'Zeta' ? streamHead('Zeta', 8) : h));
    expect(verifyInclusionProof(proof, rootOfHeads(later).root)).toBe(false);
  });

  it('given a log, when heads are taken at a position, then each stream has its last event up to it', async () => {
    const log: StoredEvent[] = [
      ['a', 0],
      ['b', 0],
      ['a', 1],
      [ANCHOR_STREAM, 0],
      ['b', 1],
      ['c', 0],
    ].map(([stream, revision], i) => ({
      position: i + 1,
      stream: stream as string,
      revision: revision as number,
      id: `id-${i}`,
      type: 'T',
      data: '{}',
      metadata: '{}',
      hash: hash64(`${String(stream)}${String(revision)}`),
    }));
    const reads: StoredAllRead[] = [];
    const adapter = {
      readAllPages: async function* (read: StoredAllRead) {
        reads.push(read);
        await Promise.resolve();
        const rows = log.filter((e) => e.position >= read.fromPosition).slice(0, read.maxCount);
        yield rows.slice(0, 2);
        yield rows.slice(2);
      },
    } as unknown as EventStoreAdapter;

    const heads = await headsAtPosition(adapter, 4);
    expect(reads).toEqual([
      { fromPosition: 1, direction: 'forwards', maxCount: 4, filter: undefined },
    ]);
    expect([...heads.values()].map((h) => [h.stream, h.revision, h.position])).toEqual([
      ['a', 1, 3],
      ['b', 0, 2],
      [ANCHOR_STREAM, 0, 4],
    ]);
    expect(rootOfHeads(heads.values()).streamCount).toBe(2);
  });
});
