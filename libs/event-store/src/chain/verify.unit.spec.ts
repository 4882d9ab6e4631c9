import type { ChainBreak } from '../port/errors';
import type {
  EventStoreAdapter,
  StoredAllRead,
  StoredStreamRead,
} from '../port/event-store-adapter';
import type {
  AppendResult,
  HashedPage,
  HeadsSnapshot,
  JsonObject,
  StoredEvent,
  StoredProjectionEvent,
  StreamHead,
} from '../port/types';
import { projectionPagesOf } from '../stored-event';
import { hashedPagesOf } from './hashed-pages';
import { ANCHOR_EVENT_TYPE, ANCHOR_STREAM, MERKLE_ALGORITHM, rootOfHeads } from './anchors';
import { canonicalJson, computeEventHash, GENESIS_HASH } from './event-hash';
import { checkLink, verifyAll, verifyStream, type VerifyReport } from './verify';

const T0 = Date.parse('2024-10-17T00:00:00.000Z');

function eventId(position: number): string {
  return `00000000-0000-4000-8000-${position.toString(16).padStart(12, '0')}`;
}

function metadataText(prevHash: string, recordedAt: string): string {
  return canonicalJson({
    actor: { role: 'platform', subject: 'operator-1' },
    causationId: null,
    correlationId: 'corr-1',
    prevHash,
    recordedAt,
    schemaVersion: 1,
  });
}

/** A hand-built, correctly hashed event. */
function makeEvent(
  fields: Pick<StoredEvent, 'stream' | 'revision' | 'position'> & {
    prevHash: string;
    data?: JsonObject;
    type?: string;
  },
): StoredEvent {
  const unhashed = {
    stream: fields.stream,
    revision: fields.revision,
    type: fields.type ?? 'ServiceRecorded',
    data: canonicalJson(fields.data ?? { position: fields.position }),
    metadata: metadataText(fields.prevHash, new Date(T0 + fields.position * 1000).toISOString()),
  };
  return {
    ...unhashed,
    position: fields.position,
    id: eventId(fields.position),
    hash: computeEventHash(unhashed),
  };
}

/** Re-hashes an event after an edit, as a forger who knows the scheme would. */
function rehash(event: StoredEvent, prevHash: string): StoredEvent {
  const metadata = JSON.parse(event.metadata) as Record<string, unknown>;
  const edited = { ...event, metadata: canonicalJson({ ...metadata, prevHash }) };
  return { ...edited, hash: computeEventHash(edited) };
}

/**
 * A tiny in-memory adapter: an array of rows plus a heads table and a log head that only
 * "commits" (LogBuilder.append) advance, as the SQL adapters keep them. Reads page by two.
 */
class FakeAdapter implements EventStoreAdapter {
  readonly kind = 'sqlite';
  readonly uniqueEventIdsAcrossStreams = true;

  constructor(
    public events: StoredEvent[],
    readonly heads: Map<string, StreamHead>,
    public logHead: number,
    readonly gapFreePositions = true,
  ) {}

  appendPrepared(): Promise<AppendResult> {
    return Promise.reject(new Error('the fake adapter is read-only'));
  }

  readStreamPages(stream: string, read: StoredStreamRead): AsyncIterable<readonly StoredEvent[]> {
    const forwards = read.direction === 'forwards';
    const rows = this.events
      .filter(
        (e) =>
          e.stream === stream &&
          (forwards ? e.revision >= read.fromRevision : e.revision <= read.fromRevision),
      )
      .sort((a, b) => (forwards ? a.revision - b.revision : b.revision - a.revision));
    return pages(rows.slice(0, read.maxCount));
  }

  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    const forwards = read.direction === 'forwards';
    const rows = this.events
      .filter((e) => (forwards ? e.position >= read.fromPosition : e.position <= read.fromPosition))
      .sort((a, b) => (forwards ? a.position - b.position : b.position - a.position));
    return pages(rows.slice(0, read.maxCount));
  }

  readAllProjectionPages(read: StoredAllRead): AsyncIterable<readonly StoredProjectionEvent[]> {
    return projectionPagesOf(this.readAllPages(read));
  }

  readStreamHashedPages(stream: string, read: StoredStreamRead): AsyncIterable<HashedPage> {
    return hashedPagesOf(this.readStreamPages(stream, read));
  }

  readAllHashedPages(read: StoredAllRead): AsyncIterable<HashedPage> {
    return hashedPagesOf(this.readAllPages(read));
  }

  headPosition(): Promise<number> {
    return Promise.resolve(this.logHead);
  }

  streamHead(stream: string): Promise<StreamHead | undefined> {
    return Promise.resolve(this.heads.get(stream));
  }

  headsSnapshot(): Promise<HeadsSnapshot> {
    return Promise.resolve({ position: this.logHead, heads: [...this.heads.values()] });
  }

  waitForAppend(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function* pages(rows: readonly StoredEvent[]): AsyncGenerator<readonly StoredEvent[]> {
  for (let i = 0; i < rows.length; i += 2) {
    await Promise.resolve();
    yield rows.slice(i, i + 2);
  }
}

/** Appends correctly chained events and anchors, keeping heads and the log head as a commit would. */
class LogBuilder {
  readonly events: StoredEvent[] = [];
  readonly heads = new Map<string, StreamHead>();

  append(stream: string, data?: JsonObject): StoredEvent {
    const head = this.heads.get(stream);
    const event = makeEvent({
      stream,
      revision: head === undefined ? 0 : head.revision + 1,
      position: this.events.length + 1,
      prevHash: head?.hash ?? GENESIS_HASH,
      ...(data === undefined ? {} : { data }),
      ...(stream === ANCHOR_STREAM ? { type: ANCHOR_EVENT_TYPE } : {}),
    });
    this.events.push(event);
    this.heads.set(stream, {
      stream,
      revision: event.revision,
      hash: event.hash,
      position: event.position,
    });
    return event;
  }

  anchor(): StoredEvent {
    const { root, streamCount } = rootOfHeads(this.heads.values());
    return this.append(ANCHOR_STREAM, {
      algorithm: MERKLE_ALGORITHM,
      anchoredPosition: this.events.length,
      root,
      streamCount,
    });
  }

  adapter(gapFreePositions = true): FakeAdapter {
    return new FakeAdapter(
      [...this.events],
      new Map(this.heads),
      this.events.length,
      gapFreePositions,
    );
  }
}

/**
 * 1 a@0, 2 b@0, 3 a@1, 4 a@2, 5 b@1, 6 anchor@0 (over positions ≤ 5), 7 c@0, 8 a@3.
 */
function standardLog(): LogBuilder {
  const log = new LogBuilder();
  log.append('a');
  log.append('b');
  log.append('a');
  log.append('a');
  log.append('b');
  log.anchor();
  log.append('c');
  log.append('a');
  return log;
}

function breakOf(report: VerifyReport): ChainBreak {
  if (report.ok) throw new Error('expected a broken chain, but verification passed');
  return report.firstBreak;
}

function at(adapter: FakeAdapter, position: number): StoredEvent {
  const event = adapter.events.find((e) => e.position === position);
  if (event === undefined) throw new Error(`no event at ${position}`);
  return event;
}

function replace(adapter: FakeAdapter, position: number, edited: StoredEvent): void {
  adapter.events = adapter.events.map((e) => (e.position === position ? edited : e));
}

function remove(adapter: FakeAdapter, position: number): void {
  adapter.events = adapter.events.filter((e) => e.position !== position);
}

describe('checkLink', () => {
  const first = makeEvent({ stream: 's', revision: 0, position: 1, prevHash: GENESIS_HASH });
  const tip = { revision: 0, hash: first.hash, position: 1 };
  const second = makeEvent({ stream: 's', revision: 1, position: 2, prevHash: first.hash });

  it('given well-formed events, when linked, then there is no break', () => {
    expect(checkLink(first, undefined)).toBeUndefined();
    expect(checkLink(second, tip)).toBeUndefined();
  });

  it('given a first event that is not revision 0, when linked, then revision_gap', () => {
    const event = makeEvent({ stream: 's', revision: 1, position: 7, prevHash: GENESIS_HASH });
    expect(checkLink(event, undefined)).toEqual({
      stream: 's',
      revision: 1,
      position: 7,
      eventId: eventId(7),
      reason: 'revision_gap',
      expected: 'revision 0',
      found: 'revision 1',
    });
  });

  it.each([0, 2, 5])(
    'given a tip at 0 and an event at %i, when linked, then revision_gap',
    (revision) => {
      const event = makeEvent({ stream: 's', revision, position: 3, prevHash: first.hash });
      expect(checkLink(event, tip)).toMatchObject({
        reason: 'revision_gap',
        expected: 'revision 1',
        found: `revision ${revision}`,
      });
    },
  );

  it('given metadata that is not JSON, when linked, then malformed with its first 80 characters', () => {
    const metadata = `not json ${'x'.repeat(100)}`;
    expect(checkLink({ ...first, metadata }, undefined)).toMatchObject({
      reason: 'malformed',
      expected: 'metadata with prevHash',
      found: metadata.slice(0, 80),
    });
  });

  it.each(['{}', '{"prevHash":42}', '{"prevHash":null}', '[]', 'null'])(
    'given metadata %s, when linked, then malformed',
    (metadata) => {
      expect(checkLink({ ...first, metadata }, undefined)?.reason).toBe('malformed');
    },
  );

  it('given a first event that does not chain from genesis, when linked, then prev_hash_mismatch', () => {
    const event = makeEvent({ stream: 's', revision: 0, position: 1, prevHash: 'f'.repeat(64) });
    expect(checkLink(event, undefined)).toMatchObject({
      reason: 'prev_hash_mismatch',
      expected: GENESIS_HASH,
      found: 'f'.repeat(64),
    });
  });

  it('given an event whose prevHash is not the tip hash, when linked, then prev_hash_mismatch', () => {
    const event = makeEvent({ stream: 's', revision: 1, position: 2, prevHash: GENESIS_HASH });
    expect(checkLink(event, tip)).toMatchObject({
      reason: 'prev_hash_mismatch',
      expected: first.hash,
      found: GENESIS_HASH,
    });
  });

  it.each<[string, Partial<StoredEvent>]>([
    ['data', { data: '{"position":999}' }],
    ['type', { type: 'ServiceRetracted' }],
    ['stream', { stream: 't' }],
    ['stored hash', { hash: 'e'.repeat(64) }],
    [
      'recordedAt',
      { metadata: second.metadata.replace('2024-10-17T00:00:02', '2024-10-17T00:00:09') },
    ],
  ])('given an edited %s, when linked, then hash_mismatch naming both hashes', (_label, edit) => {
    const edited = { ...second, ...edit };
    expect(checkLink(edited, tip)).toEqual({
      stream: edited.stream,
      revision: 1,
      position: 2,
      eventId: eventId(2),
      reason: 'hash_mismatch',
      expected: computeEventHash(edited),
      found: edited.hash,
    });
  });
});

describe('verifyStream', () => {
  it('given an intact stream, when verified, then ok with its events counted', async () => {
    const adapter = standardLog().adapter();
    expect(await verifyStream(adapter, 'a')).toEqual({
      ok: true,
      eventsChecked: 4,
      streamsChecked: 1,
      anchorsChecked: 0,
    });
  });

  it('given an unknown stream, when verified, then ok with nothing checked', async () => {
    expect(await verifyStream(standardLog().adapter(), 'nope')).toEqual({
      ok: true,
      eventsChecked: 0,
      streamsChecked: 0,
      anchorsChecked: 0,
    });
  });

  it('given edited data, when verified, then hash_mismatch at that event', async () => {
    const adapter = standardLog().adapter();
    replace(adapter, 3, { ...at(adapter, 3), data: '{"position":333}' });
    const report = await verifyStream(adapter, 'a');
    expect(report).toMatchObject({ ok: false, eventsChecked: 1 });
    expect(breakOf(report)).toMatchObject({ reason: 'hash_mismatch', revision: 1, position: 3 });
  });

  it('given a deleted middle event, when verified, then revision_gap at the next one', async () => {
    const adapter = standardLog().adapter();
    remove(adapter, 3);
    expect(breakOf(await verifyStream(adapter, 'a'))).toMatchObject({
      reason: 'revision_gap',
      position: 4,
      expected: 'revision 1',
      found: 'revision 2',
    });
  });

  it('given a truncated tail, when verified, then head_mismatch against the recorded head', async () => {
    const adapter = standardLog().adapter();
    const lost = at(adapter, 8);
    const kept = at(adapter, 4);
    remove(adapter, 8);
    const report = await verifyStream(adapter, 'a');
    expect(report).toMatchObject({ ok: false, eventsChecked: 3 });
    expect(breakOf(report)).toEqual({
      stream: 'a',
      revision: 2,
      position: 4,
      eventId: '',
      reason: 'head_mismatch',
      expected: `head 3 ${lost.hash}`,
      found: `chain ends at 2 ${kept.hash}`,
    });
  });

  it('given a stream with events but no recorded head, when verified, then head_mismatch', async () => {
    const adapter = standardLog().adapter();
    adapter.heads.delete('c');
    expect(breakOf(await verifyStream(adapter, 'c'))).toMatchObject({
      reason: 'head_mismatch',
      expected: 'no recorded head',
    });
  });

  it('given a consistent rewrite of a whole stream and its head, when verified alone, then it passes: only anchors catch it', async () => {
    const adapter = standardLog().adapter();
    rewriteStreamA(adapter);
    expect((await verifyStream(adapter, 'a')).ok).toBe(true);
  });
});

/** Edits a@1 (position 3) and re-hashes a@1..a@3 and the head of a: every chain stays consistent. */
function rewriteStreamA(adapter: FakeAdapter): void {
  let prevHash = at(adapter, 1).hash;
  for (const position of [3, 4, 8]) {
    const original = at(adapter, position);
    const edited = rehash(
      position === 3 ? { ...original, data: '{"position":"forged"}' } : original,
      prevHash,
    );
    replace(adapter, position, edited);
    prevHash = edited.hash;
  }
  adapter.heads.set('a', { stream: 'a', revision: 3, hash: prevHash, position: 8 });
}

describe('verifyAll', () => {
  it('given an intact log, when verified, then ok with every event, stream and anchor checked', async () => {
    expect(await verifyAll(standardLog().adapter())).toEqual({
      ok: true,
      eventsChecked: 8,
      streamsChecked: 4,
      anchorsChecked: 1,
    });
  });

  it('given an anchor over the whole log as the last event, when verified, then it is checked after the pass', async () => {
    const log = standardLog();
    log.anchor();
    expect(await verifyAll(log.adapter())).toMatchObject({ ok: true, anchorsChecked: 2 });
  });

  it('given an adapter without gap-free positions, when verified, then the intact log passes', async () => {
    expect((await verifyAll(standardLog().adapter(false))).ok).toBe(true);
  });

  it('given an empty store, when verified, then ok with nothing checked', async () => {
    expect(await verifyAll(new LogBuilder().adapter())).toEqual({
      ok: true,
      eventsChecked: 0,
      streamsChecked: 0,
      anchorsChecked: 0,
    });
  });

  it('given edited data, when verified, then hash_mismatch at that event', async () => {
    const adapter = standardLog().adapter();
    replace(adapter, 5, { ...at(adapter, 5), data: '{"position":555}' });
    const report = await verifyAll(adapter);
    expect(report).toMatchObject({ ok: false, eventsChecked: 4 });
    expect(breakOf(report)).toMatchObject({
      reason: 'hash_mismatch',
      stream: 'b',
      revision: 1,
      position: 5,
      eventId: eventId(5),
      found: at(adapter, 5).hash,
    });
  });

  it('given metadata that is no longer JSON, when verified, then malformed at that event', async () => {
    const adapter = standardLog().adapter();
    replace(adapter, 2, { ...at(adapter, 2), metadata: '{"prevHash":' });
    expect(breakOf(await verifyAll(adapter))).toMatchObject({ reason: 'malformed', position: 2 });
  });

  it('given a deleted middle row, when verified, then position_gap at the row after it', async () => {
    const adapter = standardLog().adapter();
    remove(adapter, 3);
    const report = await verifyAll(adapter);
    expect(report).toMatchObject({ ok: false, eventsChecked: 2 });
    expect(breakOf(report)).toMatchObject({
      reason: 'position_gap',
      stream: 'a',
      position: 4,
      expected: 'position 3',
      found: 'position 4',
    });
  });

  it('given a deleted middle row and positions that may have gaps, when verified, then revision_gap in its stream', async () => {
    const adapter = standardLog().adapter(false);
    remove(adapter, 3);
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      reason: 'revision_gap',
      position: 4,
    });
  });

  it('given a deleted row renumbered away (positions closed up), when verified, then revision_gap', async () => {
    const adapter = standardLog().adapter();
    remove(adapter, 3);
    adapter.events = adapter.events.map((e) =>
      e.position > 3 ? { ...e, position: e.position - 1 } : e,
    );
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      reason: 'revision_gap',
      stream: 'a',
      position: 3,
    });
  });

  it('given a truncated tail, when verified, then head_mismatch: the recorded head is beyond the log', async () => {
    const adapter = standardLog().adapter();
    const lost = at(adapter, 8);
    remove(adapter, 8);
    const report = await verifyAll(adapter);
    expect(report).toMatchObject({ ok: false, eventsChecked: 7 });
    expect(breakOf(report)).toMatchObject({
      stream: 'a',
      reason: 'head_mismatch',
      revision: 2,
      expected: `head 3 ${lost.hash}`,
    });
  });

  it('given a whole stream deleted, when verified, then head_mismatch naming no events', async () => {
    const adapter = standardLog().adapter(false);
    remove(adapter, 7);
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      stream: 'c',
      reason: 'head_mismatch',
      found: 'no events',
    });
  });

  it('given a forged row beyond the head of its stream, when verified, then head_mismatch', async () => {
    const adapter = standardLog().adapter();
    const last = at(adapter, 8);
    const forged = makeEvent({ stream: 'a', revision: 4, position: 9, prevHash: last.hash });
    adapter.events.push(forged);
    const report = await verifyAll(adapter);
    expect(report).toMatchObject({ ok: false, eventsChecked: 9 });
    expect(breakOf(report)).toMatchObject({
      stream: 'a',
      reason: 'head_mismatch',
      revision: 4,
      position: 9,
      expected: `head 3 ${last.hash}`,
      found: `chain ends at 4 ${forged.hash}`,
    });
  });

  it('given a forged row in a stream no commit recorded, when verified, then head_mismatch', async () => {
    const adapter = standardLog().adapter();
    adapter.events.push(
      makeEvent({ stream: 'x', revision: 0, position: 9, prevHash: GENESIS_HASH }),
    );
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      stream: 'x',
      reason: 'head_mismatch',
      expected: 'no recorded head',
    });
  });

  it('given a forged row and a forged stream head but the log head not advanced, when verified, then head_mismatch beyond the log end', async () => {
    const adapter = standardLog().adapter();
    const forged = makeEvent({
      stream: 'a',
      revision: 4,
      position: 9,
      prevHash: at(adapter, 8).hash,
    });
    adapter.events.push(forged);
    adapter.heads.set('a', { stream: 'a', revision: 4, hash: forged.hash, position: 9 });
    expect(breakOf(await verifyAll(adapter))).toEqual({
      stream: '',
      revision: -1,
      position: 9,
      eventId: '',
      reason: 'head_mismatch',
      expected: 'log ends at position 8',
      found: 'events up to position 9',
    });
  });

  it('given the last event re-hashed after an edit but its head not updated, when verified, then head_mismatch at the head revision', async () => {
    const adapter = standardLog().adapter();
    const recorded = adapter.heads.get('a')!;
    const edited = rehash(
      { ...at(adapter, 8), data: '{"position":"forged"}' },
      at(adapter, 4).hash,
    );
    replace(adapter, 8, edited);
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      reason: 'head_mismatch',
      stream: 'a',
      revision: 3,
      position: 8,
      expected: `head 3 ${recorded.hash}`,
      found: edited.hash,
    });
  });

  it('given a consistent rewrite of a stream and its head, when verified, then anchor_mismatch at the anchor', async () => {
    const adapter = standardLog().adapter();
    const anchor = at(adapter, 6);
    const published = (JSON.parse(anchor.data) as { root: string }).root;
    rewriteStreamA(adapter);
    const report = await verifyAll(adapter);
    expect(report).toMatchObject({ ok: false, eventsChecked: 5 });
    const broken = breakOf(report);
    expect(broken).toMatchObject({
      stream: ANCHOR_STREAM,
      revision: 0,
      position: 6,
      eventId: anchor.id,
      reason: 'anchor_mismatch',
      expected: published,
    });
    expect(broken.found).not.toBe(published);
  });

  it('given rows of two streams swapped across an anchored position, when verified, then anchor_mismatch', async () => {
    const adapter = standardLog().adapter();
    const b1 = at(adapter, 5);
    const c0 = at(adapter, 7);
    replace(adapter, 5, { ...c0, position: 5 });
    replace(adapter, 7, { ...b1, position: 7 });
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      reason: 'anchor_mismatch',
      position: 6,
    });
  });

  it('given two rows of one stream swapped, when verified, then revision_gap', async () => {
    const adapter = standardLog().adapter();
    const a1 = at(adapter, 3);
    const a2 = at(adapter, 4);
    replace(adapter, 3, { ...a2, position: 3 });
    replace(adapter, 4, { ...a1, position: 4 });
    expect(breakOf(await verifyAll(adapter))).toMatchObject({
      reason: 'revision_gap',
      position: 3,
    });
  });

  // Regression: rows of different streams swapped between anchors: recordedAt running backwards and head positions give them away.
  it('given rows of two streams swapped (recordedAt now decreasing), when verified, then it fails', async () => {
    const adapter = standardLog().adapter();
    const b0 = at(adapter, 2);
    const a1 = at(adapter, 3);
    replace(adapter, 2, { ...a1, position: 2 });
    replace(adapter, 3, { ...b0, position: 3 });
    expect((await verifyAll(adapter)).ok).toBe(false);
  });

  // Regression: an anchor row that is not JSON is reported as a break, not thrown.
  it('given an anchor row whose data is no longer JSON, when verified, then it reports a break', async () => {
    const adapter = standardLog().adapter();
    replace(adapter, 6, { ...at(adapter, 6), data: '{"root":' });
    const report = await verifyAll(adapter);
    expect(breakOf(report)).toMatchObject({ position: 6, reason: 'hash_mismatch' });
  });
});
