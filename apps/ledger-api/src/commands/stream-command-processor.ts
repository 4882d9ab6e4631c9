import { v7 as uuidv7 } from 'uuid';
import type { Decider } from '@ledger/domain';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type Actor,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type IdempotencyMetadata,
  type JsonObject,
  type RecordedEvent,
} from '@ledger/event-store';
import { DomainRejection } from './domain-rejection';
import { IdempotencyKeyReusedError, RevisionMismatchError, type WriteResult } from './write-result';

export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

export interface StreamCommand<Command, Context> {
  readonly stream: string;
  readonly command: Command;
  /** Facts from other streams the decider needs (the platform, for a platform-year). */
  readonly context: () => Promise<Context>;
  /** `If-Match`: the revision the caller last saw. */
  readonly expectedRevision?: number;
  readonly idempotency?: IdempotencyMetadata;
  readonly actor: Actor;
  readonly correlationId: string;
}

/** Told about every append and every decided command (the API's Prometheus metrics). */
export interface ProcessorObserver {
  appended(events: number, seconds: number, ok: boolean): void;
  decided(outcome: 'accepted' | 'rejected' | 'replayed'): void;
}

const NO_OBSERVER: ProcessorObserver = { appended: () => undefined, decided: () => undefined };

interface Pending<Command, Context> {
  readonly write: StreamCommand<Command, Context>;
  readonly resolve: (result: WriteResult) => void;
  readonly reject: (error: unknown) => void;
}

interface StreamEntry<State, Command, Context> {
  state: State;
  revision: number;
  /** Read from the store since the last failed append: our own appends keep it current. */
  loaded: boolean;
  /** When the stream was last read from the store (ms since the epoch). */
  readAt: number;
  /** `${subject}\n${key}` → the first answer, rebuilt from event metadata on load. */
  readonly answers: Map<string, { readonly requestSha256: string; result: WriteResult | null }>;
  readonly queue: Pending<Command, Context>[];
  running: boolean;
}

const MAX_CACHED_STREAMS = 2_000;
const MAX_STORE_CONFLICT_RETRIES = 20;
/**
 * Appends of one stream in flight at once. One: a second turn appended behind a committing one
 * carries an expected revision that another process's append of the same length could satisfy
 * if the first turn failed — and it would then commit events decided on a state that never
 * existed (stream-command-processor.int.spec.ts reproduces that race). Streams overlap with one
 * another in the store's group commit instead.
 */
const MAX_TURNS_IN_FLIGHT = 1;

/**
 * Load → decide → append with the expected revision, for one aggregate type. Commands for the
 * same stream queue up; each turn decides everything queued against the cached state (caught up
 * from the store first, so writes by other processes are seen) and appends the resulting events
 * in one atomic append. Fifty concurrent requests on one stream thus cost a few commits, not
 * fifty conflicting ones; commands on different streams meet in the store's group commit.
 */
export class StreamCommandProcessor<Command, Event extends DomainEvent, State, Context> {
  private readonly streams = new Map<string, StreamEntry<State, Command, Context>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State, Context>,
    /** The stored event id of an event: a caller-chosen record id, or a fresh UUIDv7. */
    private readonly eventIdOf: (event: Event) => string = () => uuidv7(),
    private readonly observer: ProcessorObserver = NO_OBSERVER,
  ) {}

  submit(write: StreamCommand<Command, Context>): Promise<WriteResult> {
    const entry = this.entry(write.stream);
    return new Promise<WriteResult>((resolve, reject) => {
      entry.queue.push({ write, resolve, reject });
      if (!entry.running) void this.drain(write.stream, entry);
    });
  }

  /**
   * The stream's state and revision, caught up with the store — or, with `maxAgeMs`, as cached
   * when the stream was read at most that long ago (our own appends keep the cache current;
   * only other processes' appends can be that much later).
   */
  async current(
    stream: string,
    options: { readonly maxAgeMs?: number } = {},
  ): Promise<{ readonly state: State; readonly revision: number }> {
    const entry = this.entry(stream);
    const fresh = entry.loaded && Date.now() - entry.readAt <= (options.maxAgeMs ?? -1);
    if (!fresh) await this.catchUp(stream, entry);
    return { state: entry.state, revision: entry.revision };
  }

  private entry(stream: string): StreamEntry<State, Command, Context> {
    let entry = this.streams.get(stream);
    if (entry === undefined) {
      entry = {
        state: this.decider.initialState(),
        revision: -1,
        loaded: false,
        readAt: 0,
        answers: new Map(),
        queue: [],
        running: false,
      };
      this.streams.set(stream, entry);
      this.evictIdle();
    }
    return entry;
  }

  private evictIdle(): void {
    if (this.streams.size <= MAX_CACHED_STREAMS) return;
    for (const [stream, entry] of this.streams) {
      if (this.streams.size <= MAX_CACHED_STREAMS * 0.9) break;
      if (!entry.running && entry.queue.length === 0) this.streams.delete(stream);
    }
  }

  /**
   * Turns of one stream: everything queued is decided on the cached state and appended at once.
   * The loop is written for MAX_TURNS_IN_FLIGHT turns in flight — the next decided on the state
   * the committing one leaves, answers given only once every earlier turn committed, later turns
   * decided again if one fails — but runs one at a time (see MAX_TURNS_IN_FLIGHT).
   */
  private async drain(stream: string, entry: StreamEntry<State, Command, Context>): Promise<void> {
    entry.running = true;
    let conflicts = 0;
    let inFlight: InFlightTurn<Command, Context>[] = [];
    try {
      for (;;) {
        if (entry.queue.length > 0 && inFlight.length < MAX_TURNS_IN_FLIGHT) {
          // Optimistic: a loaded stream is current unless another process appended to it, which
          // the append's expected revision then detects.
          if (!entry.loaded) await this.catchUp(stream, entry);
          const turn = entry.queue.splice(0);
          const context = await turn[0]?.write.context();
          inFlight.push(this.startTurn(stream, entry, turn, context as Context));
          continue;
        }
        const oldest = inFlight.shift();
        if (oldest === undefined) break;
        try {
          this.settle(stream, entry, oldest, await oldest.appended);
          conflicts = 0;
        } catch (error) {
          // Every later turn was decided on this one's events: none of them can have committed.
          const later = inFlight;
          inFlight = [];
          await Promise.allSettled(later.map((turn) => turn.appended));
          this.forget(stream, entry);
          entry.queue.unshift(
            ...later.flatMap((turn) => turn.outcomes.map(({ pending }) => pending)),
          );
          const pendings = oldest.outcomes.map(({ pending }) => pending);
          if (
            error instanceof WrongExpectedRevisionError &&
            conflicts++ < MAX_STORE_CONFLICT_RETRIES
          ) {
            // Another process appended to the stream: catch up and decide again.
            entry.queue.unshift(...pendings);
          } else if (error instanceof DuplicateEventIdError && pendings.length > 1) {
            // One command's record id is stored elsewhere: decide each on its own to find it.
            const rest = entry.queue.splice(0);
            await this.decideOneByOne(stream, entry, pendings);
            entry.queue.unshift(...rest);
          } else {
            for (const pending of pendings) pending.reject(error);
          }
        }
      }
    } finally {
      entry.running = false;
    }
  }

  private async decideOneByOne(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
    pendings: readonly Pending<Command, Context>[],
  ): Promise<void> {
    for (const pending of pendings) {
      try {
        await this.catchUp(stream, entry);
        const turn = this.startTurn(stream, entry, [pending], await pending.write.context());
        this.settle(stream, entry, turn, await turn.appended);
      } catch (error) {
        this.forget(stream, entry);
        pending.reject(error);
      }
    }
  }

  /** After a failed append the cached state may be ahead of the store: reload it next time. */
  private forget(stream: string, entry: StreamEntry<State, Command, Context>): void {
    entry.state = this.decider.initialState();
    entry.revision = -1;
    entry.loaded = false;
    entry.answers.clear();
    this.streams.set(stream, entry);
  }

  private async catchUp(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
  ): Promise<void> {
    for await (const recorded of this.store.readStream(stream, {
      fromRevision: entry.revision + 1,
    })) {
      // Every event type is at schemaVersion 1 today; an upcaster goes here when one changes.
      const event = { type: recorded.type, data: recorded.data } as unknown as Event;
      entry.state = this.decider.evolve(entry.state, event);
      entry.revision = recorded.revision;
      rememberAnswer(entry.answers, recorded);
    }
    entry.loaded = true;
    entry.readAt = Date.now();
  }

  /**
   * Decides every command of a turn against the entry's state and starts one append of all the
   * events. The entry moves on at once to the state the turn leaves (so the next turn can be
   * decided); `settle` answers the commands once the append has committed.
   */
  private startTurn(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
    turn: readonly Pending<Command, Context>[],
    context: Context,
  ): InFlightTurn<Command, Context> {
    let state = entry.state;
    let revision = entry.revision;
    const expectedRevision = entry.revision;
    const toAppend: EventToAppend[] = [];
    const outcomes: Outcome<Command, Context>[] = [];
    for (const pending of turn) {
      const { write } = pending;
      const key = write.idempotency && `${write.actor.subject}\n${write.idempotency.key}`;
      if (key !== undefined && write.idempotency) {
        const earlier = entry.answers.get(key)?.requestSha256;
        if (earlier !== undefined) {
          outcomes.push(
            earlier === write.idempotency.requestSha256
              ? { pending, kind: 'repeat', key }
              : {
                  pending,
                  kind: 'refused',
                  error: new IdempotencyKeyReusedError(write.idempotency.key),
                },
          );
          continue;
        }
      }
      if (write.expectedRevision !== undefined && write.expectedRevision !== revision) {
        outcomes.push({
          pending,
          kind: 'refused',
          error: new RevisionMismatchError(write.expectedRevision, revision),
        });
        continue;
      }
      const decision = this.decider.decide(write.command, state, context);
      if (!decision.ok) {
        outcomes.push({
          pending,
          kind: 'refused',
          error: new DomainRejection(decision.error),
          rule: true,
        });
        continue;
      }
      const eventIds: string[] = [];
      for (const event of decision.events) {
        state = this.decider.evolve(state, event);
        revision += 1;
        const id = this.eventIdOf(event);
        eventIds.push(id);
        toAppend.push({
          id,
          type: event.type,
          data: event.data as JsonObject,
          metadata: {
            actor: write.actor,
            correlationId: write.correlationId,
            causationId: null,
            schemaVersion: 1,
            ...(write.idempotency && { idempotency: write.idempotency }),
          },
        });
      }
      outcomes.push({ pending, kind: 'appended', eventIds, lastIndex: toAppend.length - 1 });
      // Later commands of this turn and of later turns see the key as taken.
      if (key !== undefined && write.idempotency) {
        entry.answers.set(key, { requestSha256: write.idempotency.requestSha256, result: null });
      }
    }
    entry.state = state;
    entry.revision = revision;
    return {
      outcomes,
      events: toAppend.length,
      appended: this.append(stream, toAppend, expectedRevision),
    };
  }

  private async append(
    stream: string,
    events: EventToAppend[],
    expectedRevision: number,
  ): Promise<AppendResult | null> {
    if (events.length === 0) return null;
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.store.append(stream, events, {
        expectedRevision: expectedRevision < 0 ? 'no_stream' : expectedRevision,
      });
      this.observer.appended(events.length, seconds(), true);
      return result;
    } catch (error) {
      this.observer.appended(events.length, seconds(), false);
      throw error;
    }
  }

  /** The turn committed (or had nothing to append): every command of it gets its answer. */
  private settle(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
    turn: InFlightTurn<Command, Context>,
    result: AppendResult | null,
  ): void {
    for (const outcome of turn.outcomes) {
      const { pending } = outcome;
      switch (outcome.kind) {
        case 'appended': {
          if (result === null) throw new Error('a turn with events settled without an append');
          const contiguous = result.lastPosition - result.firstPosition === turn.events - 1;
          const answer: WriteResult = {
            stream,
            eventIds: outcome.eventIds,
            revision: result.firstRevision + outcome.lastIndex,
            position: contiguous ? result.firstPosition + outcome.lastIndex : result.lastPosition,
            replayed: false,
          };
          const { idempotency, actor } = pending.write;
          if (idempotency) {
            entry.answers.set(`${actor.subject}\n${idempotency.key}`, {
              requestSha256: idempotency.requestSha256,
              result: { ...answer, replayed: true },
            });
          }
          this.observer.decided('accepted');
          pending.resolve(answer);
          break;
        }
        case 'repeat': {
          const answer = entry.answers.get(outcome.key)?.result;
          this.observer.decided('replayed');
          if (answer) pending.resolve(answer);
          else pending.reject(new Error('idempotent answer lost: the first request failed'));
          break;
        }
        case 'refused':
          if (outcome.rule === true) this.observer.decided('rejected');
          pending.reject(outcome.error);
          break;
      }
    }
  }
}

type Outcome<Command, Context> =
  | {
      readonly pending: Pending<Command, Context>;
      readonly kind: 'appended';
      readonly eventIds: string[];
      readonly lastIndex: number;
    }
  | { readonly pending: Pending<Command, Context>; readonly kind: 'repeat'; readonly key: string }
  | {
      readonly pending: Pending<Command, Context>;
      readonly kind: 'refused';
      readonly error: Error;
      readonly rule?: boolean;
    };

interface InFlightTurn<Command, Context> {
  readonly outcomes: readonly Outcome<Command, Context>[];
  readonly events: number;
  readonly appended: Promise<AppendResult | null>;
}

function rememberAnswer(
  answers: Map<string, { readonly requestSha256: string; result: WriteResult | null }>,
  recorded: RecordedEvent,
): void {
  const idempotency = recorded.metadata.idempotency;
  if (idempotency === undefined) return;
  const key = `${recorded.metadata.actor.subject}\n${idempotency.key}`;
  const known = answers.get(key);
  const result: WriteResult =
    known?.result == null || known.requestSha256 !== idempotency.requestSha256
      ? {
          stream: recorded.stream,
          eventIds: [recorded.id],
          revision: recorded.revision,
          position: recorded.position,
          replayed: true,
        }
      : {
          ...known.result,
          eventIds: [...known.result.eventIds, recorded.id],
          revision: recorded.revision,
          position: recorded.position,
        };
  answers.set(key, { requestSha256: idempotency.requestSha256, result });
}
