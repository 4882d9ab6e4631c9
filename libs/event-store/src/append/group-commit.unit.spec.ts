import { WrongExpectedRevisionError } from '../port/errors';
import type { AppendResult } from '../port/types';
import { GroupCommitQueue, type CommitBatch } from './group-commit';
import type { AppendOutcome } from './plan-batch';
import type { PreparedAppend } from './prepare-append';

/** The queue only reads `events.length` and passes appends through, so events can be stubs. */
function append(stream: string, events = 1): PreparedAppend {
  return {
    stream,
    expectedRevision: 'any',
    events: Array.from({ length: events }, (_, i) => ({
      id: `${stream}-${i}`,
      type: 'T',
      data: '{}',
      metadataPrefix: '{',
      schemaVersion: 1,
    })),
  };
}

function ok(item: PreparedAppend, position: number): AppendOutcome {
  return {
    ok: true,
    result: {
      stream: item.stream,
      firstRevision: 0,
      nextExpectedRevision: item.events.length - 1,
      firstPosition: position,
      lastPosition: position + item.events.length - 1,
      eventIds: item.events.map((event) => event.id),
      idempotent: false,
    },
  };
}

type Settled =
  | { readonly status: 'pending' }
  | { readonly status: 'resolved'; readonly value: AppendResult }
  | { readonly status: 'rejected'; readonly reason: unknown };

/** Observes a promise from the moment it exists, so no rejection is ever unhandled. */
function track(promise: Promise<AppendResult>): { readonly state: () => Settled } {
  let settled: Settled = { status: 'pending' };
  promise.then(
    (value) => {
      settled = { status: 'resolved', value };
    },
    (reason: unknown) => {
      settled = { status: 'rejected', reason };
    },
  );
  return { state: () => settled };
}

interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A fake commit function: records each batch as stream names, assigns positions, rejects stream "bad". */
function recordingCommit(options: { before?: (batch: number) => Promise<void> | void } = {}) {
  const batches: string[][] = [];
  let position = 1;
  const commit: CommitBatch = async (appends) => {
    const batch = batches.length;
    batches.push(appends.map((a) => a.stream));
    await options.before?.(batch);
    return appends.map((a) => {
      if (a.stream === 'bad') {
        return { ok: false, error: new WrongExpectedRevisionError(a.stream, 'no_stream', 3) };
      }
      const outcome = ok(a, position);
      position += a.events.length;
      return outcome;
    });
  };
  return { commit, batches };
}

const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

describe('GroupCommitQueue', () => {
  it('given callers enqueued in the same tick, when flushed, then they share one commit and each gets its own result', async () => {
    const { commit, batches } = recordingCommit();
    const queue = new GroupCommitQueue(commit);
    const results = await Promise.all([
      queue.enqueue(append('a', 2)),
      queue.enqueue(append('b')),
      queue.enqueue(append('c', 3)),
    ]);
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(results.map((r) => [r.stream, r.firstPosition, r.lastPosition])).toEqual([
      ['a', 1, 2],
      ['b', 3, 3],
      ['c', 4, 6],
    ]);
  });

  it('given one rejected append in a batch, when committed, then only that caller rejects', async () => {
    const { commit, batches } = recordingCommit();
    const queue = new GroupCommitQueue(commit);
    const a = track(queue.enqueue(append('a')));
    const bad = track(queue.enqueue(append('bad')));
    const c = track(queue.enqueue(append('c')));
    await queue.drain();
    expect(batches).toEqual([['a', 'bad', 'c']]);
    expect(a.state()).toMatchObject({ status: 'resolved', value: { stream: 'a' } });
    expect(c.state()).toMatchObject({ status: 'resolved', value: { stream: 'c' } });
    const rejected = bad.state();
    expect(rejected.status).toBe('rejected');
    expect(rejected.status === 'rejected' && rejected.reason).toBeInstanceOf(
      WrongExpectedRevisionError,
    );
  });

  it('given a commit that throws, when committed, then every caller of that batch rejects and the next batch still commits', async () => {
    const first = gate();
    const failure = new Error('disk full');
    const batches: string[][] = [];
    const queue = new GroupCommitQueue(async (appends) => {
      batches.push(appends.map((a) => a.stream));
      if (batches.length === 1) {
        await first.promise;
        throw failure;
      }
      return appends.map((a, i) => ok(a, 100 + i));
    });
    const a = track(queue.enqueue(append('a')));
    const b = track(queue.enqueue(append('b')));
    await nextTurn();
    expect(batches).toEqual([['a', 'b']]);
    const c = track(queue.enqueue(append('c')));
    first.open();
    await queue.drain();
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(a.state()).toEqual({ status: 'rejected', reason: failure });
    expect(b.state()).toEqual({ status: 'rejected', reason: failure });
    expect(c.state()).toMatchObject({ status: 'resolved', value: { firstPosition: 100 } });
  });

  it('given a commit that throws synchronously a non-Error, when committed, then callers reject with an Error carrying its text', async () => {
    const queue = new GroupCommitQueue(() => {
      const notAnError: unknown = 'connection reset';
      throw notAnError;
    });
    await expect(queue.enqueue(append('a'))).rejects.toThrow(new Error('connection reset'));
  });

  it('given a commit that returns too few outcomes, when committed, then the callers without one reject', async () => {
    const queue = new GroupCommitQueue((appends) => [ok(appends[0]!, 1)]);
    const a = track(queue.enqueue(append('a')));
    const b = track(queue.enqueue(append('b')));
    await queue.drain();
    expect(a.state().status).toBe('resolved');
    const state = b.state();
    expect(state.status === 'rejected' && state.reason).toEqual(
      new Error('group commit returned no outcome'),
    );
  });

  it('given maxEventsPerCommit, when more events wait, then batches are split without exceeding it', async () => {
    const { commit, batches } = recordingCommit();
    const queue = new GroupCommitQueue(commit, 5);
    const results = await Promise.all([
      queue.enqueue(append('a', 3)),
      queue.enqueue(append('b', 2)),
      queue.enqueue(append('c', 1)),
      queue.enqueue(append('d', 4)),
      queue.enqueue(append('e', 2)),
    ]);
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(results.map((r) => r.firstPosition)).toEqual([1, 4, 6, 7, 11]);
  });

  it('given one append larger than maxEventsPerCommit, when committed, then it goes alone', async () => {
    const { commit, batches } = recordingCommit();
    const queue = new GroupCommitQueue(commit, 5);
    await Promise.all([
      queue.enqueue(append('a', 1)),
      queue.enqueue(append('big', 7)),
      queue.enqueue(append('c', 1)),
    ]);
    expect(batches).toEqual([['a'], ['big'], ['c']]);
  });

  it('given appends enqueued while a commit is in flight, when it completes, then they go into the next batch together', async () => {
    const first = gate();
    const { commit, batches } = recordingCommit({
      before: (batch) => (batch === 0 ? first.promise : undefined),
    });
    const queue = new GroupCommitQueue(commit);
    const a = track(queue.enqueue(append('a')));
    await nextTurn();
    expect(batches).toEqual([['a']]);
    const b = track(queue.enqueue(append('b')));
    await nextTurn();
    const c = track(queue.enqueue(append('c')));
    await nextTurn();
    expect(batches).toEqual([['a']]);
    expect(a.state().status).toBe('pending');
    first.open();
    await queue.drain();
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect([a, b, c].map((t) => t.state().status)).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('given callers in different turns of the event loop while idle, when flushed, then each turn is its own batch', async () => {
    const { commit, batches } = recordingCommit();
    const queue = new GroupCommitQueue(commit);
    await queue.enqueue(append('a'));
    await queue.enqueue(append('b'));
    expect(batches).toEqual([['a'], ['b']]);
  });

  it('given slow commits and appends arriving during them, when drained, then everything has settled', async () => {
    const { commit, batches } = recordingCommit({ before: () => nextTurn().then(nextTurn) });
    const queue = new GroupCommitQueue(commit, 2);
    const tracked = [
      track(queue.enqueue(append('a'))),
      track(queue.enqueue(append('bad'))),
      track(queue.enqueue(append('c'))),
    ];
    await nextTurn();
    tracked.push(track(queue.enqueue(append('d'))));
    await queue.drain();
    expect(tracked.map((t) => t.state().status)).toEqual([
      'resolved',
      'rejected',
      'resolved',
      'resolved',
    ]);
    expect(batches.flat()).toEqual(['a', 'bad', 'c', 'd']);
    expect(batches[0]).toEqual(['a', 'bad']);
  });

  it('given the default maxInFlight of 1, when a batch is in flight, then no second commit starts', async () => {
    const first = gate();
    let concurrent = 0;
    let maxConcurrent = 0;
    // One event per commit forces two batches; maxInFlight is left at its default.
    const queue = new GroupCommitQueue(async (appends) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (appends[0]!.stream === 'a') await first.promise;
      concurrent -= 1;
      return appends.map((a, i) => ok(a, i + 1));
    }, 1);
    const tracked = [track(queue.enqueue(append('a'))), track(queue.enqueue(append('b')))];
    await nextTurn();
    await nextTurn();
    expect(tracked.map((t) => t.state().status)).toEqual(['pending', 'pending']);
    first.open();
    await queue.drain();
    expect(maxConcurrent).toBe(1);
  });

  it('given maxInFlight 2, when callers arrive while a batch is in flight, then the next batch commits without waiting for it', async () => {
    const first = gate();
    const { commit, batches } = recordingCommit({
      before: (batch) => (batch === 0 ? first.promise : undefined),
    });
    const queue = new GroupCommitQueue(commit, 20_000, 2);
    const a = track(queue.enqueue(append('a')));
    await nextTurn();
    const b = track(queue.enqueue(append('b')));
    const c = track(queue.enqueue(append('c')));
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect([a, b, c].map((t) => t.state().status)).toEqual(['pending', 'resolved', 'resolved']);
    first.open();
    await queue.drain();
    expect(a.state().status).toBe('resolved');
  });

  it('given maxInFlight 2, splitting, and an empty pipeline, when many callers arrive at once, then they are split over both slots', async () => {
    const first = gate();
    const { commit, batches } = recordingCommit({
      before: (batch) => (batch === 0 ? first.promise : undefined),
    });
    const queue = new GroupCommitQueue(commit, 20_000, 2, true);
    const callers = ['a', 'b', 'c', 'd', 'e'].map((stream) => track(queue.enqueue(append(stream))));
    await nextTurn();
    await nextTurn();
    // The first half commits in slot one; the rest is already committing in slot two.
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    first.open();
    await queue.drain();
    expect(callers.every((t) => t.state().status === 'resolved')).toBe(true);
  });

  it('given maxInFlight 2 and both commits blocked, when more callers arrive, then they wait for a free slot and drain waits for all', async () => {
    const gates = [gate(), gate()];
    const { commit, batches } = recordingCommit({ before: (batch) => gates[batch]?.promise });
    const queue = new GroupCommitQueue(commit, 1, 2);
    const tracked = [
      track(queue.enqueue(append('a'))),
      track(queue.enqueue(append('b'))),
      track(queue.enqueue(append('c'))),
    ];
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([['a'], ['b']]);
    let drained = false;
    const draining = queue.drain().then(() => {
      drained = true;
    });
    gates[1]!.open();
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([['a'], ['b'], ['c']]);
    expect(tracked.map((t) => t.state().status)).toEqual(['pending', 'resolved', 'resolved']);
    expect(drained).toBe(false);
    gates[0]!.open();
    await draining;
    expect(tracked.map((t) => t.state().status)).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('given an idle queue, when drained, then it resolves at once without committing', async () => {
    const commit = jest.fn<AppendOutcome[], [readonly PreparedAppend[]]>(() => []);
    const queue = new GroupCommitQueue(commit);
    await queue.drain();
    expect(commit).not.toHaveBeenCalled();
  });
});
