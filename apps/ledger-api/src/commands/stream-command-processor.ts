import { v7 as uuidv7 } from 'uuid';
import type { Decider } from '@ledger/domain';
import {
  MAX_EVENTS_PER_APPEND,
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
/** A turn stops taking commands before its events would pass the store's per-append limit. */
const MAX_EVENTS_PER_TURN = MAX_EVENTS_PER_APPEND;

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
      if (!entry.running) {
        this.drain(write.stream, entry).catch((error: unknown) => {
          // drain answers every command it takes; this only guards against a bug in it.
          for (const pending of entry.queue.splice(0)) pending.reject(error);
        });
      }
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
   * One turn at a time per stream: everything queued (up to the per-append limit) is decided on
   * the committed state and appended at once; the state moves on only when the append commits.
   * Not two turns in flight: a second append behind a committing one carries an expected
   * revision that another process's append of the same length could satisfy if the first failed,
   * committing events decided on a state that never existed (the int spec reproduces it).
   */
  private async drain(stream: string, entry: StreamEntry<State, Command, Context>): Promise<void> {
    entry.running = true;
    let conflicts = 0;
    try {
      while (entry.queue.length > 0) {
        const taken = entry.queue.splice(0);
        let turn: PlannedTurn<State, Command, Context> | null = null;
        try {
          // A loaded stream is current unless another process appended to it (the expected
          // revision then says so) — or a caller's If-Match is ahead of what we have seen.
          const ahead = taken.some((p) => (p.write.expectedRevision ?? -1) > entry.revision);
          if (!entry.loaded || ahead) await this.catchUp(stream, entry);
          const context = (await taken[0]?.write.context()) as Context;
          turn = this.planTurn(stream, entry, taken, context);
          entry.queue.unshift(...turn.deferred);
          const result = await this.append(stream, turn.events, turn.expectedRevision);
          // The store answers an append whose ids are already stored at that place as
          // idempotent: someone else wrote them, and our decision was not what got stored.
          if (result?.idempotent === true)
            throw new WrongExpectedRevisionError(
              stream,
              turn.expectedRevision,
              result.nextExpectedRevision,
            );
          this.settle(stream, entry, turn, result);
          conflicts = 0;
        } catch (error) {
          this.forget(stream, entry);
          const pendings = turn === null ? taken : turn.outcomes.map(({ pending }) => pending);
          if (turn !== null) entry.queue.splice(0, turn.deferred.length);
          const rest = [...(turn?.deferred ?? []), ...entry.queue.splice(0)];
          if (
            error instanceof WrongExpectedRevisionError &&
            conflicts++ < MAX_STORE_CONFLICT_RETRIES
          ) {
            // Another process appended to the stream: catch up and decide again.
            entry.queue.push(...pendings, ...rest);
          } else if (pendings.length > 1 && turn !== null) {
            // One command spoiled the shared append (a record id stored elsewhere, a store
            // refusal): decide each on its own so only that one is refused.
            await this.decideOneByOne(stream, entry, pendings);
            entry.queue.push(...rest);
          } else {
            for (const pending of pendings) pending.reject(error);
            entry.queue.push(...rest);
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
        const turn = this.planTurn(stream, entry, [pending], await pending.write.context());
        const result = await this.append(stream, turn.events, turn.expectedRevision);
        if (result?.idempotent === true)
          throw new WrongExpectedRevisionError(
            stream,
            turn.expectedRevision,
            result.nextExpectedRevision,
          );
        this.settle(stream, entry, turn, result);
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
      // Another catch-up of this stream may have run meanwhile (a read beside a turn).
      if (recorded.revision <= entry.revision) continue;
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
   * Decides the commands of a turn in order, each on the state the ones before it leave, until
   * the events would pass the per-append limit (the rest wait for the next turn). Nothing is
   * changed until `settle`: the entry keeps the committed state.
   */
  private planTurn(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
    taken: readonly Pending<Command, Context>[],
    context: Context,
  ): PlannedTurn<State, Command, Context> {
    let state = entry.state;
    let revision = entry.revision;
    const events: EventToAppend[] = [];
    const outcomes: Outcome<Command, Context>[] = [];
    const keys = new Map<string, string>();
    for (const [index, pending] of taken.entries()) {
      const { write } = pending;
      const key = write.idempotency && `${write.actor.subject}\n${write.idempotency.key}`;
      if (key !== undefined && write.idempotency) {
        const earlier = entry.answers.get(key)?.requestSha256 ?? keys.get(key);
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
      if (events.length > 0 && events.length + decision.events.length > MAX_EVENTS_PER_TURN) {
        return {
          outcomes,
          events,
          expectedRevision: entry.revision,
          state,
          revision,
          deferred: taken.slice(index),
        };
      }
      const eventIds: string[] = [];
      for (const event of decision.events) {
        state = this.decider.evolve(state, event);
        revision += 1;
        const id = this.eventIdOf(event);
        eventIds.push(id);
        events.push({
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
      outcomes.push({ pending, kind: 'appended', eventIds, lastIndex: events.length - 1 });
      if (key !== undefined && write.idempotency) keys.set(key, write.idempotency.requestSha256);
    }
    return { outcomes, events, expectedRevision: entry.revision, state, revision, deferred: [] };
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
    turn: PlannedTurn<State, Command, Context>,
    result: AppendResult | null,
  ): void {
    // A read's catch-up may already have applied these events (and more): never go back.
    if (turn.revision > entry.revision) {
      entry.state = turn.state;
      entry.revision = turn.revision;
    }
    for (const outcome of turn.outcomes) {
      const { pending } = outcome;
      switch (outcome.kind) {
        case 'appended': {
          if (result === null) throw new Error('a turn with events settled without an append');
          const contiguous = result.lastPosition - result.firstPosition === turn.events.length - 1;
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

interface PlannedTurn<State, Command, Context> {
  readonly outcomes: readonly Outcome<Command, Context>[];
  readonly events: EventToAppend[];
  readonly expectedRevision: number;
  /** The state and revision the turn leaves once its append commits. */
  readonly state: State;
  readonly revision: number;
  /** Commands left for the next turn (the per-append limit was reached). */
  readonly deferred: readonly Pending<Command, Context>[];
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
