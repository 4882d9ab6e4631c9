import { canonicalJson, computeEventHash, GENESIS_HASH } from '../chain/event-hash';
import type { ChainBreak } from '../port/errors';
import type { LedgerExport } from './export-format';
import { storedFormOf } from './stored-form';
import { editable, ExportBuilder, type MutableExport } from './testing/export-builder';
import { verifyExport } from './verify-export';

const PLATFORM = 'platform-cq001';
const YEAR = 'platformyear-cq001_2025';
const OTHER = 'platformyear-cq002_2025';

/** A platform-year beside another platform's, anchored twice; the second anchor after more work. */
function history() {
  const ledger = new ExportBuilder();
  ledger.append(PLATFORM, 'PlatformFiled', { platformId: 'cq001', name: '万州区窗口平台' });
  ledger.append(OTHER, 'ServiceRecorded', { amountFen: 500 });
  for (let index = 0; index < 4; index += 1)
    ledger.append(YEAR, 'ServiceRecorded', { index, amountFen: 1000 + index });
  const first = ledger.anchor([PLATFORM, YEAR]);
  ledger.append(OTHER, 'ServiceRecorded', { amountFen: 600 });
  ledger.append(YEAR, 'SatisfactionRated', { rating: '很满意' });
  ledger.append(PLATFORM, 'PlatformCertified', { level: 'municipal' });
  const second = ledger.anchor([PLATFORM, YEAR]);
  ledger.append(YEAR, 'ServiceRecorded', { index: 9, amountFen: 900 });
  return { ledger, file: ledger.export([PLATFORM, YEAR]), first, second };
}

function breakOf(file: unknown, publishedRoot?: string): ChainBreak {
  const report = verifyExport(file, publishedRoot === undefined ? {} : { publishedRoot });
  if (report.ok) throw new Error('expected a break');
  return report.firstBreak;
}

function events(file: MutableExport, stream: string) {
  const found = file.streams.find((entry) => entry.stream === stream);
  if (found === undefined) throw new Error(`no ${stream}`);
  return found.events;
}

/** Recomputes the hash of one event and the links and hashes of every later one. */
function rehashFrom(file: MutableExport, stream: string, revision: number): void {
  const chain = events(file, stream);
  for (let at = revision; at < chain.length; at += 1) {
    const event = chain[at]!;
    event.metadata.prevHash = at === 0 ? GENESIS_HASH : chain[at - 1]!.metadata.hash;
    event.metadata.hash = computeEventHash(storedFormOf(event));
  }
}

describe('verifyExport: a valid export', () => {
  it('verifies every chain, anchor and proof', () => {
    const { file } = history();
    expect(verifyExport(file)).toEqual({
      ok: true,
      streams: 2,
      events: 8,
      anchorsChecked: 2,
      proofsChecked: 4,
    });
  });

  it('verifies the same after a round trip through JSON text, as read from a file', () => {
    const { file } = history();
    expect(verifyExport(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true, events: 8 });
  });

  it('accepts a published root that is an anchor of the file, in either case', () => {
    const { file, first, second } = history();
    expect(verifyExport(file, { publishedRoot: first.anchor.root })).toMatchObject({
      ok: true,
      publishedRootAt: first.anchor.anchoredPosition,
    });
    expect(verifyExport(file, { publishedRoot: second.anchor.root.toUpperCase() })).toMatchObject({
      ok: true,
      publishedRootAt: second.anchor.anchoredPosition,
    });
  });

  it('verifies a stream that did not exist at an anchor without a proof for it', () => {
    const ledger = new ExportBuilder();
    ledger.append(PLATFORM, 'PlatformFiled');
    ledger.anchor([PLATFORM, YEAR]);
    ledger.append(YEAR, 'ServiceRecorded');
    expect(verifyExport(ledger.export([PLATFORM, YEAR]))).toMatchObject({
      ok: true,
      proofsChecked: 1,
    });
  });

  it('does not let a published root vouch for a stream that began after its anchor', () => {
    const ledger = new ExportBuilder();
    ledger.append(PLATFORM, 'PlatformFiled');
    const early = ledger.anchor([PLATFORM, YEAR]);
    const first = ledger.append(YEAR, 'ServiceRecorded');
    const late = ledger.anchor([PLATFORM, YEAR]);
    const file = ledger.export([PLATFORM, YEAR]);
    expect(breakOf(file, early.anchor.root)).toMatchObject({
      stream: YEAR,
      revision: 0,
      eventId: first.id,
      reason: 'anchor_mismatch',
      found: `${YEAR} begins at position ${first.position}, after that anchor`,
    });
    expect(verifyExport(file, { publishedRoot: late.anchor.root })).toMatchObject({ ok: true });
  });

  it('verifies an export with no anchors (chains only)', () => {
    const ledger = new ExportBuilder();
    ledger.append(YEAR, 'ServiceRecorded');
    expect(verifyExport(ledger.export([YEAR, 'platform-empty']))).toMatchObject({
      ok: true,
      streams: 2,
      events: 1,
      anchorsChecked: 0,
    });
  });
});

describe('verifyExport: tampered exports name the first broken event', () => {
  it('edited data: hash_mismatch at that event', () => {
    const { file } = history();
    const edited = editable(file);
    const target = events(edited, YEAR)[2]!;
    target.data = { ...target.data, amountFen: 9000 };
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 2,
      eventId: target.id,
      reason: 'hash_mismatch',
      found: target.metadata.hash,
    });
  });

  it('edited metadata (the actor): hash_mismatch at that event', () => {
    const edited = editable(history().file);
    events(edited, PLATFORM)[0]!.metadata.actor = { subject: 'someone-else', role: 'admin' };
    expect(breakOf(edited)).toMatchObject({
      stream: PLATFORM,
      revision: 0,
      reason: 'hash_mismatch',
    });
  });

  it('an edit with its own hash recomputed: prev_hash_mismatch at the next event', () => {
    const edited = editable(history().file);
    const target = events(edited, YEAR)[1]!;
    target.data = { ...target.data, amountFen: 9000 };
    target.metadata.hash = computeEventHash(storedFormOf(target));
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 2,
      reason: 'prev_hash_mismatch',
      expected: target.metadata.hash,
    });
  });

  it('a consistently rewritten history: the anchor proof no longer matches the chain', () => {
    const edited = editable(history().file);
    const target = events(edited, YEAR)[1]!;
    target.data = { ...target.data, amountFen: 9000 };
    rehashFrom(edited, YEAR, 1);
    expect(breakOf(edited)).toMatchObject({ stream: YEAR, revision: 3, reason: 'anchor_mismatch' });
  });

  it('a deleted event: revision_gap where it was', () => {
    const edited = editable(history().file);
    const chain = events(edited, YEAR);
    const after = chain[2]!;
    chain.splice(1, 1);
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 2,
      eventId: after.id,
      reason: 'revision_gap',
      expected: 'revision 1',
    });
  });

  it('reordered events: revision_gap at the first one out of place', () => {
    const edited = editable(history().file);
    const chain = events(edited, YEAR);
    const [second, third] = [chain[1]!, chain[2]!];
    chain[1] = third;
    chain[2] = second;
    expect(breakOf(edited)).toMatchObject({ stream: YEAR, revision: 2, reason: 'revision_gap' });
  });

  it('an inserted copy of an event: revision_gap at the copy', () => {
    const edited = editable(history().file);
    const chain = events(edited, YEAR);
    chain.splice(2, 0, { ...chain[1]! });
    expect(breakOf(edited)).toMatchObject({ stream: YEAR, revision: 1, reason: 'revision_gap' });
  });

  it('an inserted forged event, linked and hashed, later ones renumbered: prev_hash_mismatch', () => {
    const edited = editable(history().file);
    const chain = events(edited, YEAR);
    const position = chain[1]!.position + 1;
    const forged = { ...chain[1]!, id: 'forged', data: { amountFen: 77 }, position };
    chain.splice(2, 0, forged);
    forged.revision = 2;
    forged.metadata = { ...forged.metadata, position, prevHash: chain[1]!.metadata.hash };
    forged.metadata.hash = computeEventHash(storedFormOf(forged));
    for (let at = 3; at < chain.length; at += 1) chain[at]!.revision = at;
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('a wrong prevHash: prev_hash_mismatch at that event', () => {
    const edited = editable(history().file);
    events(edited, YEAR)[3]!.metadata.prevHash = 'f'.repeat(64);
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 3,
      reason: 'prev_hash_mismatch',
      found: 'f'.repeat(64),
    });
  });

  it('a first event not chained from genesis: prev_hash_mismatch at revision 0', () => {
    const edited = editable(history().file);
    events(edited, PLATFORM).shift();
    expect(breakOf(edited)).toMatchObject({ stream: PLATFORM, reason: 'revision_gap' });
  });

  it('a moved event (its hashed position edited in the row only): out_of_order', () => {
    const edited = editable(history().file);
    events(edited, YEAR)[1]!.position += 1;
    expect(breakOf(edited)).toMatchObject({ stream: YEAR, revision: 1, reason: 'out_of_order' });
  });

  it('two events at one global position, in different streams: out_of_order', () => {
    const edited = editable(history().file);
    const platformEvent = events(edited, PLATFORM)[0]!;
    const yearEvent = events(edited, YEAR)[0]!;
    yearEvent.position = platformEvent.position;
    yearEvent.metadata.position = platformEvent.position;
    rehashFrom(edited, YEAR, 0);
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 0,
      reason: 'out_of_order',
      found: `position ${platformEvent.position} twice`,
    });
  });

  it('an event of another stream slipped into a chain: malformed', () => {
    const { ledger } = history();
    const edited = editable(ledger.export([PLATFORM, YEAR, OTHER]));
    events(edited, YEAR).push(events(edited, OTHER)[0]!);
    expect(breakOf(edited)).toMatchObject({ stream: OTHER, reason: 'malformed' });
  });

  it('a proof for a hash that is not in the chain: anchor_mismatch at that event', () => {
    const edited = editable(history().file);
    const proof = edited.anchors[0]!.proofs.find((p) => p.head.stream === YEAR)!;
    proof.head.hash = 'e'.repeat(64);
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: proof.head.revision,
      reason: 'anchor_mismatch',
      expected: expect.stringContaining('e'.repeat(64)) as string,
    });
  });

  it('a proof for a revision that was not the head at the anchor: anchor_mismatch', () => {
    const edited = editable(history().file);
    const proof = edited.anchors[0]!.proofs.find((p) => p.head.stream === YEAR)!;
    const earlier = events(edited, YEAR)[1]!;
    proof.head = { stream: YEAR, revision: 1, hash: earlier.metadata.hash };
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 1,
      reason: 'anchor_mismatch',
      expected: expect.stringContaining('the head as of') as string,
    });
  });

  it('a truncated tail that an anchor covered: anchor_mismatch naming the missing revision', () => {
    const edited = editable(history().file);
    const chain = events(edited, PLATFORM);
    chain.pop();
    expect(breakOf(edited)).toMatchObject({
      stream: PLATFORM,
      revision: 1,
      eventId: '',
      reason: 'anchor_mismatch',
      found: 'no such event in the export',
    });
  });

  it('a proof whose path was altered: anchor_mismatch at the anchor event', () => {
    const { file, first } = history();
    const edited = editable(file);
    const path = edited.anchors[0]!.proofs[0]!.path;
    path[0] = 'd'.repeat(64);
    expect(breakOf(edited)).toMatchObject({
      stream: 'ledger-anchors',
      eventId: first.event.id,
      reason: 'anchor_mismatch',
    });
  });

  it('a proof left out for a stream that existed at the anchor: anchor_mismatch', () => {
    const edited = editable(history().file);
    edited.anchors[1]!.proofs = edited.anchors[1]!.proofs.filter((p) => p.head.stream !== YEAR);
    expect(breakOf(edited)).toMatchObject({
      stream: 'ledger-anchors',
      reason: 'anchor_mismatch',
      expected: `an inclusion proof for ${YEAR}`,
    });
  });

  it('an anchor record whose root differs from its event: anchor_mismatch', () => {
    const edited = editable(history().file);
    edited.anchors[0]!.anchor.root = 'c'.repeat(64);
    expect(breakOf(edited)).toMatchObject({
      stream: 'ledger-anchors',
      reason: 'anchor_mismatch',
      found: `root ${'c'.repeat(64)}`,
    });
  });

  it('an anchor event whose data was edited: hash_mismatch at the anchor event', () => {
    const edited = editable(history().file);
    const anchor = edited.anchors[0]!;
    anchor.event.data = { ...anchor.event.data, root: 'c'.repeat(64) };
    anchor.anchor.root = 'c'.repeat(64);
    expect(breakOf(edited)).toMatchObject({ stream: 'ledger-anchors', reason: 'hash_mismatch' });
  });

  it('a rewritten stream moved past the published anchor and its proof dropped: caught', () => {
    const { file, first } = history();
    const edited = editable(file);
    const chain = events(edited, YEAR);
    for (const [index, event] of chain.entries()) {
      event.position = 1_000 + index;
      event.metadata.position = 1_000 + index;
    }
    rehashFrom(edited, YEAR, 0);
    for (const anchor of edited.anchors)
      anchor.proofs = anchor.proofs.filter((proof) => proof.head.stream !== YEAR);
    expect(verifyExport(edited)).toMatchObject({ ok: true });
    expect(breakOf(edited, first.anchor.root)).toMatchObject({
      stream: YEAR,
      revision: 0,
      reason: 'anchor_mismatch',
    });
  });

  it('a published root that no anchor in the file has: anchor_mismatch', () => {
    const { file } = history();
    expect(breakOf(file, 'b'.repeat(64))).toMatchObject({
      stream: 'ledger-anchors',
      revision: -1,
      reason: 'anchor_mismatch',
      expected: `an anchor with root ${'b'.repeat(64)}`,
      found: '2 anchors, none with that root',
    });
  });

  it('a published root whose anchor was dropped from the file: anchor_mismatch', () => {
    const { file, first } = history();
    const edited = editable(file);
    edited.anchors.shift();
    expect(breakOf(edited, first.anchor.root)).toMatchObject({ reason: 'anchor_mismatch' });
  });
});

describe('verifyExport: files that are not exports', () => {
  it.each<[string, unknown]>([
    ['not an object', 42],
    ['another format', { format: 'something-else', formatVersion: 1 }],
    ['a newer version', { ...history().file, formatVersion: 2 }],
    ['streams not an array', { ...history().file, streams: {} }],
  ])('%s: malformed', (_name, value) => {
    expect(breakOf(value)).toMatchObject({ reason: 'malformed' });
  });

  it('an event without its hash: malformed, naming the event', () => {
    const edited = editable(history().file);
    const target = events(edited, YEAR)[1]!;
    Reflect.deleteProperty(target.metadata, 'hash');
    expect(breakOf(edited)).toMatchObject({
      stream: YEAR,
      revision: 1,
      eventId: target.id,
      reason: 'malformed',
    });
  });

  it('a stream listed twice: malformed', () => {
    const file: LedgerExport = history().file;
    const twice = { ...file, streams: [...file.streams, file.streams[0]!] };
    expect(breakOf(twice)).toMatchObject({ stream: PLATFORM, reason: 'malformed' });
  });

  it('keeps the canonical texts it recomputes equal to the hashed ones', () => {
    const { file } = history();
    const event = file.streams[1]!.events[0]!;
    expect(canonicalJson(event.data)).toBe('{"amountFen":1000,"index":0}');
  });
});
