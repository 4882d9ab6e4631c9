import { v4 as uuidv4 } from 'uuid';
import {
  ANCHOR_STREAM,
  canonicalJson,
  ChainBrokenError,
  computeEventHash,
  type ChainBreak,
  type EventToAppend,
  type JsonObject,
  type LedgerEventStore,
  type StoredEvent,
  type VerifyReport,
} from '@ledger/event-store';
import { collect } from './contract-fixtures';

/**
 * Tamper evidence (DESIGN.md "The event store"): somebody with write access to the database edits,
 * deletes, reorders or forges rows behind the store's back, and verify() must name the first event
 * that breaks. The same SQL text (inline literals only) runs on SQLite and PostgreSQL.
 */
export interface TamperTarget {
  readonly store: LedgerEventStore;
  /** Runs SQL directly against the store's tables, on a connection of its own. */
  exec(sql: string): Promise<void>;
  /** Closes that connection (the store is closed by the suite). */
  dispose?(): Promise<void>;
}

/** A SQL string literal: single quotes doubled, valid in SQLite and PostgreSQL (standard strings). */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const OPERATOR = { subject: 'district-500112-clerk-07', role: 'district' } as const;
const AUDITOR = { subject: 'auditor-cq-02', role: 'auditor' } as const;

// Three streams of one platform and one of its years; the positions they get are fixed (1..9).
const PLATFORM = 'platform-cq500112-0047';
const YEAR = 'platformyear-cq500112-0047_2025';
const OTHER_YEAR = 'platformyear-cq500105-0012_2025';

function fact(type: string, data: JsonObject, causationId: string | null = null): EventToAppend {
  const id = uuidv4();
  return {
    id,
    type,
    data,
    metadata: { actor: OPERATOR, correlationId: uuidv4(), causationId, schemaVersion: 1 },
  };
}

/**
 * verify({ stream }), after checking that a replay's single read (readVerifiedStream) reports
 * the same and still hands over every event of the stream, also past the break.
 */
async function verifiedStream(store: LedgerEventStore, stream: string): Promise<VerifyReport> {
  const report = await store.verify({ stream });
  const { events, verification } = await store.readVerifiedStream(stream);
  expect(verification).toEqual(report);
  const read: string[] = [];
  for await (const event of store.readStream(stream)) read.push(event.id);
  expect(events.map((event) => event.id)).toEqual(read);
  return report;
}

/** Commits a millisecond apart, so each commit's recordedAt differs and order is observable. */
function nextMillisecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2));
}

/**
 * Appends the fixture and returns nothing: the layout is
 *   1 YEAR@0  2 YEAR@1  3 OTHER@0  4 YEAR@2  5 PLATFORM@0  6 OTHER@1  7 OTHER@2  8 YEAR@3  9 PLATFORM@1
 * so YEAR has a middle (1, 2), its last event is not the last of the log, and PLATFORM's is.
 */
async function appendFixture(store: LedgerEventStore): Promise<void> {
  await store.append(
    YEAR,
    [
      fact('ServiceRecorded', {
        enterprise: '91500112MA60XK3T2B',
        enterpriseName: '重庆渝北精工机械有限公司',
        serviceArea: 'financing',
        servedOn: '2025-03-14',
        amountFen: 1_250_000,
        note: "client's own words: 'quick and clear'",
      }),
      fact('ServiceRecorded', {
        enterprise: '91500105MA5UQ8L01C',
        enterpriseName: '重庆江北云帆软件有限公司',
        serviceArea: 'training',
        servedOn: '2025-04-02',
        amountFen: 380_000,
        personTimes: 42,
      }),
    ],
    { expectedRevision: 'no_stream' },
  );
  await nextMillisecond();
  await store.append(OTHER_YEAR, [
    fact('FinancingDealRecorded', {
      enterprise: '91500105MA5UQ8L01C',
      lender: '重庆农村商业银行',
      amountFen: 500_000_000,
      termMonths: 12,
    }),
  ]);
  await nextMillisecond();
  await store.append(
    YEAR,
    [fact('SatisfactionRated', { enterprise: '91500112MA60XK3T2B', rating: '很满意', score: 5 })],
    { expectedRevision: 1 },
  );
  await nextMillisecond();
  await store.append(PLATFORM, [
    fact('PlatformFiled', {
      platformId: 'cq500112-0047',
      name: '渝北区中小企业公共服务平台',
      district: '500112',
      level: 'district',
    }),
  ]);
  await nextMillisecond();
  await store.append(OTHER_YEAR, [
    fact('TrainingHeld', { title: '数字化转型专题培训', attendees: 86, heldOn: '2025-05-20' }),
    fact('MaterialUploaded', {
      sha256: 'a3'.repeat(32),
      sizeBytes: 482_113,
      mediaType: 'application/pdf',
      evidences: 'TrainingHeld',
    }),
  ]);
  await nextMillisecond();
  await store.append(
    YEAR,
    [
      fact('MaterialUploaded', {
        sha256: '5e'.repeat(32),
        sizeBytes: 1_204_774,
        mediaType: 'image/jpeg',
        evidences: 'ServiceRecorded',
      }),
    ],
    { expectedRevision: 2 },
  );
  await nextMillisecond();
  await store.append(
    PLATFORM,
    [fact('PlatformCertified', { level: 'municipal', certifiedOn: '2025-06-30' })],
    { expectedRevision: 0 },
  );
}

type Tampered = Extract<VerifyReport, { ok: false }>;

function broken(report: VerifyReport): ChainBreak {
  expect(report.ok).toBe(false);
  return (report as Tampered).firstBreak;
}

export function tamperContract(open: () => Promise<TamperTarget>): void {
  let target: TamperTarget;
  let store: LedgerEventStore;
  const exec = (sql: string): Promise<void> => target.exec(sql);

  /**
   * The rows as stored, through the public API: the store keeps data and metadata as canonical
   * JSON, so re-canonicalising what it returns gives back the exact texts that were hashed.
   */
  const storedStream = async (stream: string): Promise<StoredEvent[]> => {
    const rows: StoredEvent[] = [];
    for await (const event of store.readStream(stream)) {
      const { hash, ...metadata } = event.metadata;
      rows.push({
        position: event.position,
        stream: event.stream,
        revision: event.revision,
        id: event.id,
        type: event.type,
        data: canonicalJson(event.data),
        metadata: canonicalJson(metadata),
        hash,
      });
    }
    return rows;
  };
  const storedAt = async (stream: string, revision: number): Promise<StoredEvent> => {
    const row = (await storedStream(stream)).find((candidate) => candidate.revision === revision);
    if (row === undefined) throw new Error(`fixture: no ${stream}@${revision}`);
    return row;
  };
  /** The same data with amountFen changed, as the canonical text the store would have written. */
  const inflatedData = (row: StoredEvent): string => {
    const data = JSON.parse(row.data) as JsonObject;
    expect(data.amountFen).toBe(380_000);
    return canonicalJson({ ...data, amountFen: 3_800_000 });
  };
  const where = (stream: string, revision: number): string =>
    `WHERE stream = ${sqlText(stream)} AND revision = ${revision}`;

  beforeEach(async () => {
    target = await open();
    store = target.store;
    await appendFixture(store);
    await expect(store.verify()).resolves.toMatchObject({
      ok: true,
      eventsChecked: 9,
      streamsChecked: 3,
    });
    for (const stream of [YEAR, OTHER_YEAR, PLATFORM])
      await expect(verifiedStream(store, stream)).resolves.toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await store.close();
    await target.dispose?.();
  });

  it('the fixture sits at the positions the cases rely on', async () => {
    const year = await storedStream(YEAR);
    expect(year.map((row) => row.position)).toEqual([1, 2, 4, 8]);
    expect((await storedStream(PLATFORM)).map((row) => row.position)).toEqual([5, 9]);
    // The apostrophes survive the round trip through the store (they are doubled only in SQL text).
    expect(year[0]?.data).toContain("client's own words: 'quick and clear'");
  });

  it('edit: changing the data of a middle event is a hash_mismatch at that event', async () => {
    const victim = await storedAt(YEAR, 1);
    await exec(
      `UPDATE ledger_events SET data = ${sqlText(inflatedData(victim))} ${where(YEAR, 1)}`,
    );
    const edited = await storedAt(YEAR, 1);
    const expected = {
      stream: YEAR,
      revision: 1,
      position: 2,
      eventId: victim.id,
      reason: 'hash_mismatch',
      expected: computeEventHash(edited),
      found: victim.hash,
    };
    expect(broken(await store.verify())).toEqual(expected);
    expect(broken(await verifiedStream(store, YEAR))).toEqual(expected);
    await expect(verifiedStream(store, OTHER_YEAR)).resolves.toMatchObject({ ok: true });
  });

  it('edit: data that is no longer JSON is a hash_mismatch, and one read still gives every other event', async () => {
    const victim = await storedAt(YEAR, 1);
    const data = '{"amountFen": 30000';
    await exec(`UPDATE ledger_events SET data = ${sqlText(data)} ${where(YEAR, 1)}`);
    const expected = {
      stream: YEAR,
      revision: 1,
      position: 2,
      eventId: victim.id,
      reason: 'hash_mismatch',
      expected: computeEventHash({ ...victim, data }),
      found: victim.hash,
    };
    expect(broken(await store.verify({ stream: YEAR }))).toEqual(expected);
    const { events, verification } = await store.readVerifiedStream(YEAR);
    expect(broken(verification)).toEqual(expected);
    expect(events.map((event) => event.revision)).toEqual([0, 2, 3]);
    // A plain read stops at the row it cannot parse.
    await expect(collect(store.readStream(YEAR))).rejects.toThrow(SyntaxError);
  });

  it('edit and re-hash: a correctly recomputed hash breaks the next link (prev_hash_mismatch)', async () => {
    const victim = await storedAt(YEAR, 1);
    const data = inflatedData(victim);
    const rehashed = computeEventHash({
      stream: YEAR,
      revision: 1,
      type: victim.type,
      data,
      metadata: victim.metadata,
    });
    await exec(
      `UPDATE ledger_events SET data = ${sqlText(data)}, hash = ${sqlText(rehashed)} ${where(YEAR, 1)}`,
    );
    const next = await storedAt(YEAR, 2);
    const expected = {
      stream: YEAR,
      revision: 2,
      position: 4,
      eventId: next.id,
      reason: 'prev_hash_mismatch',
      expected: rehashed,
      found: victim.hash,
    };
    expect(broken(await store.verify())).toEqual(expected);
    expect(broken(await verifiedStream(store, YEAR))).toEqual(expected);
  });

  it('delete a middle row: position_gap at the next position in the log, revision_gap in the stream', async () => {
    const after = await storedAt(OTHER_YEAR, 0);
    const nextInStream = await storedAt(YEAR, 2);
    await exec(`DELETE FROM ledger_events ${where(YEAR, 1)}`);
    expect(broken(await store.verify())).toEqual({
      stream: OTHER_YEAR,
      revision: 0,
      position: 3,
      eventId: after.id,
      reason: 'position_gap',
      expected: 'position 2',
      found: 'position 3',
    });
    expect(broken(await verifiedStream(store, YEAR))).toEqual({
      stream: YEAR,
      revision: 2,
      position: 4,
      eventId: nextInStream.id,
      reason: 'revision_gap',
      expected: 'revision 1',
      found: 'revision 2',
    });
  });

  it('tail truncation: deleting the last event of a stream is a head_mismatch for that stream', async () => {
    const [, , third, last] = await storedStream(YEAR);
    await exec(`DELETE FROM ledger_events ${where(YEAR, 3)}`);
    const headBreak = {
      stream: YEAR,
      revision: 2,
      position: 4,
      eventId: '',
      reason: 'head_mismatch',
      expected: `head 3 ${last!.hash}`,
      found: `chain ends at 2 ${third!.hash}`,
    };
    expect(broken(await verifiedStream(store, YEAR))).toEqual(headBreak);
    // Over the whole log the hole itself (position 8) is found first, at the event after it.
    expect(broken(await store.verify())).toMatchObject({
      stream: PLATFORM,
      revision: 1,
      position: 9,
      reason: 'position_gap',
      expected: 'position 8',
    });
  });

  it('tail truncation of the newest event of the log: head_mismatch for its stream', async () => {
    const [first, last] = await storedStream(PLATFORM);
    await exec(`DELETE FROM ledger_events ${where(PLATFORM, 1)}`);
    expect(broken(await verifiedStream(store, PLATFORM))).toEqual({
      stream: PLATFORM,
      revision: 0,
      position: 5,
      eventId: '',
      reason: 'head_mismatch',
      expected: `head 1 ${last!.hash}`,
      found: `chain ends at 0 ${first!.hash}`,
    });
  });

  // The newest event of the whole log: its removal leaves no gap behind it, so only the recorded
  // head (and, on PostgreSQL, ledger_head) can tell; verify() compares both.
  it('tail truncation of the newest event of the log is caught by verify() too', async () => {
    await exec(`DELETE FROM ledger_events ${where(PLATFORM, 1)}`);
    expect(broken(await store.verify())).toMatchObject({
      stream: PLATFORM,
      reason: 'head_mismatch',
    });
  });

  it('reorder: swapping the revisions of two adjacent events breaks the chain at the first of them', async () => {
    await exec(
      `UPDATE ledger_events SET revision = -1 ${where(YEAR, 1)}; ` +
        `UPDATE ledger_events SET revision = 1 ${where(YEAR, 2)}; ` +
        `UPDATE ledger_events SET revision = 2 ${where(YEAR, -1)}`,
    );
    const reasons = ['revision_gap', 'prev_hash_mismatch', 'hash_mismatch'];
    // In log order the first moved row is at position 2, now claiming revision 2.
    const all = broken(await store.verify());
    expect(all).toMatchObject({ stream: YEAR, position: 2 });
    expect(reasons).toContain(all.reason);
    // In stream order revision 1 is now the row from position 4, whose prevHash is not revision 0's hash.
    const inStream = broken(await verifiedStream(store, YEAR));
    expect(inStream).toMatchObject({ stream: YEAR, revision: 1 });
    expect(reasons).toContain(inStream.reason);
  });

  it('reorder across streams: swapping the positions of two commits of different streams is out_of_order', async () => {
    // Neither row is a head and both chains stay intact: the hashed positions give it away.
    await exec(
      'UPDATE ledger_events SET position = -3 WHERE position = 3; ' +
        'UPDATE ledger_events SET position = 3 WHERE position = 4; ' +
        'UPDATE ledger_events SET position = 4 WHERE position = -3',
    );
    expect(broken(await store.verify())).toMatchObject({
      stream: YEAR,
      position: 3,
      reason: 'out_of_order',
      expected: 'position 4',
    });
  });

  it('delete a whole stream and renumber the log to close the gap: out_of_order at the first renumbered row', async () => {
    // Every remaining chain and head is intact; only the positions inside the hashes disagree.
    await exec(
      `DELETE FROM ledger_events WHERE stream = ${sqlText(OTHER_YEAR)}; ` +
        `DELETE FROM ledger_streams WHERE stream = ${sqlText(OTHER_YEAR)}; ` +
        'UPDATE ledger_events SET position = -position WHERE position > 2; ' +
        'UPDATE ledger_events SET position = 3 WHERE position = -4; ' +
        'UPDATE ledger_events SET position = 4 WHERE position = -5; ' +
        'UPDATE ledger_events SET position = 5 WHERE position = -8; ' +
        'UPDATE ledger_events SET position = 6 WHERE position = -9',
    );
    expect(broken(await store.verify())).toMatchObject({
      stream: YEAR,
      position: 3,
      reason: 'out_of_order',
      expected: 'position 4',
      found: 'position 3',
    });
  });

  describe('insert: a forged row at position max+1, revision head+1, ledger_streams untouched', () => {
    const forge = async (
      hashOf: (row: Omit<StoredEvent, 'hash'>) => string,
    ): Promise<StoredEvent> => {
      const head = await storedAt(YEAR, 3);
      const headMetadata = JSON.parse(head.metadata) as JsonObject;
      const metadata = canonicalJson({
        ...headMetadata,
        actor: OPERATOR,
        correlationId: uuidv4(),
        causationId: null,
        position: 10, // a careful forger also writes the hashed position of the new row
        prevHash: head.hash,
        recordedAt: new Date(Date.parse(headMetadata.recordedAt as string) + 1_000).toISOString(),
      });
      const unhashed = {
        position: 10,
        stream: YEAR,
        revision: 4,
        id: uuidv4(),
        type: 'FinancingDealRecorded',
        data: canonicalJson({
          enterprise: '91500112MA60XK3T2B',
          lender: "Bank of Chongqing's 渝北支行",
          amountFen: 900_000_000,
        }),
        metadata,
      };
      const row = { ...unhashed, hash: hashOf(unhashed) };
      await exec(
        'INSERT INTO ledger_events (position, stream, revision, event_id, type, data, metadata, hash) VALUES ' +
          `(${row.position}, ${sqlText(row.stream)}, ${row.revision}, ${sqlText(row.id)}, ${sqlText(row.type)}, ${sqlText(row.data)}, ${sqlText(row.metadata)}, ${sqlText(row.hash)})`,
      );
      return row;
    };

    it('correctly chained and hashed: head_mismatch for the stream', async () => {
      const head = await storedAt(YEAR, 3);
      const forged = await forge(computeEventHash);
      const headBreak = {
        stream: YEAR,
        revision: 4,
        position: 10,
        eventId: '',
        reason: 'head_mismatch',
        expected: `head 3 ${head.hash}`,
        found: `chain ends at 4 ${forged.hash}`,
      };
      expect(broken(await store.verify())).toEqual(headBreak);
      expect(broken(await verifiedStream(store, YEAR))).toEqual(headBreak);
    });

    it('with a garbage hash: hash_mismatch at the forged row', async () => {
      const forged = await forge(() => 'ba5e'.repeat(16));
      const expected = {
        stream: YEAR,
        revision: 4,
        position: 10,
        eventId: forged.id,
        reason: 'hash_mismatch',
        expected: computeEventHash(forged),
        found: 'ba5e'.repeat(16),
      };
      expect(broken(await store.verify())).toEqual(expected);
      expect(broken(await verifiedStream(store, YEAR))).toEqual(expected);
    });
  });

  it('rewrite history and cover tracks: every chain and head self-consistent, and the anchor still catches it', async () => {
    const anchor = await store.anchor(AUDITOR);
    expect(anchor.anchoredPosition).toBe(9);
    expect(anchor.eventPosition).toBe(10);

    const rows = await storedStream(YEAR);
    let prevHash = rows[0]!.hash;
    const statements: string[] = [];
    for (const row of rows.slice(1)) {
      const data = row.revision === 1 ? inflatedData(row) : row.data;
      const metadata = canonicalJson({ ...(JSON.parse(row.metadata) as JsonObject), prevHash });
      const hash = computeEventHash({
        stream: row.stream,
        revision: row.revision,
        type: row.type,
        data,
        metadata,
      });
      statements.push(
        `UPDATE ledger_events SET data = ${sqlText(data)}, metadata = ${sqlText(metadata)}, hash = ${sqlText(hash)} ${where(YEAR, row.revision)}`,
      );
      prevHash = hash;
    }
    statements.push(
      `UPDATE ledger_streams SET hash = ${sqlText(prevHash)} WHERE stream = ${sqlText(YEAR)}`,
    );
    await exec(statements.join('; '));

    // The rewrite is self-consistent: the stream on its own verifies, and so does every other one.
    for (const stream of [YEAR, OTHER_YEAR, PLATFORM, ANCHOR_STREAM]) {
      await expect(verifiedStream(store, stream)).resolves.toMatchObject({ ok: true });
    }
    expect((await storedAt(YEAR, 3)).hash).toBe(prevHash);
    // Only the anchor, a Merkle root over the heads as they were at position 9, tells.
    const anchorEvent = await storedAt(ANCHOR_STREAM, 0);
    const report = broken(await store.verify());
    expect(report).toMatchObject({
      stream: ANCHOR_STREAM,
      revision: 0,
      position: 10,
      eventId: anchorEvent.id,
      reason: 'anchor_mismatch',
      expected: anchor.root,
    });
    expect(report.found).toMatch(/^[0-9a-f]{64}$/);
    expect(report.found).not.toBe(anchor.root);
  });

  it('readAll({ verifyHashes: true }) throws ChainBrokenError when iterating past an edited row', async () => {
    const victim = await storedAt(YEAR, 1);
    await exec(
      `UPDATE ledger_events SET data = ${sqlText(inflatedData(victim))} ${where(YEAR, 1)}`,
    );
    const seen: number[] = [];
    let thrown: unknown;
    try {
      for await (const event of store.readAll({ verifyHashes: true })) seen.push(event.position);
    } catch (error) {
      thrown = error;
    }
    expect(seen).toEqual([1]);
    expect(thrown).toBeInstanceOf(ChainBrokenError);
    expect((thrown as ChainBrokenError).chainBreak).toMatchObject({
      stream: YEAR,
      revision: 1,
      position: 2,
      eventId: victim.id,
      reason: 'hash_mismatch',
      found: victim.hash,
    });
    // Reading without verification still serves the edited row: detection is on demand.
    const positions: number[] = [];
    for await (const event of store.readAll()) positions.push(event.position);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
}
