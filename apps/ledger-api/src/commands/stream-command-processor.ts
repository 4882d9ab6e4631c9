import { v7 as uuidv7 } from 'uuid';
import type { Decider } from '@ledger/domain';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type Actor,
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
  readonly answers: Map<string, { readonly requestSha256: string; result: WriteResult }>;
  readonly queue: Pending<Command, Context>[];
  running: boolean;
}

const MAX_CACHED_STREAMS = 2_000;
const MAX_STORE_CONFLICT_RETRIES = 20;

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

  private async drain(stream: string, entry: StreamEntry<State, Command, Context>): Promise<void> {
    entry.running = true;
    let conflicts = 0;
    try {
      while (entry.queue.length > 0) {
        const turn = entry.queue.splice(0);
        try {
          // Optimistic: a loaded stream is current unless another process appended to it, which
          // the append's expected revision then detects.
          if (!entry.loaded) await this.catchUp(stream, entry);
          await this.decideAndAppend(stream, entry, turn);
          conflicts = 0;
        } catch (error) {
          // Another process appended to the stream: catch up and decide again.
          if (
            error instanceof WrongExpectedRevisionError &&
            conflicts++ < MAX_STORE_CONFLICT_RETRIES
          ) {
            entry.loaded = false;
            entry.queue.unshift(...turn);
            continue;
          }
          this.forget(stream, entry);
          if (error instanceof DuplicateEventIdError && turn.length > 1) {
            // One command's record id is stored elsewhere: decide each on its own to find it.
            for (const pending of turn) entry.queue.push(pending);
            await this.drainOneByOne(stream, entry);
            continue;
          }
          for (const pending of turn) pending.reject(error);
        }
      }
    } finally {
      entry.running = false;
    }
  }

  private async drainOneByOne(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
  ): Promise<void> {
    const turn = entry.queue.splice(0);
    for (const pending of turn) {
      try {
        await this.catchUp(stream, entry);
        await this.decideAndAppend(stream, entry, [pending]);
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

  private async decideAndAppend(
    stream: string,
    entry: StreamEntry<State, Command, Context>,
    turn: readonly Pending<Command, Context>[],
  ): Promise<void> {
    let state = entry.state;
    let revision = entry.revision;
    const toAppend: EventToAppend[] = [];
    const accepted: {
      pending: Pending<Command, Context>;
      eventIds: string[];
      lastIndex: number;
    }[] = [];
    const repeats: { pending: Pending<Command, Context>; answerKey: string }[] = [];
    const turnKeys = new Map<string, string>();
    const context = await turn[0]?.write.context();
    for (const pending of turn) {
      const { write } = pending;
      const answerKey = write.idempotency && `${write.actor.subject}\n${write.idempotency.key}`;
      if (answerKey !== undefined && write.idempotency) {
        const earlier = entry.answers.get(answerKey)?.requestSha256 ?? turnKeys.get(answerKey);
        if (earlier !== undefined) {
          if (earlier === write.idempotency.requestSha256) repeats.push({ pending, answerKey });
          else pending.reject(new IdempotencyKeyReusedError(write.idempotency.key));
          continue;
        }
      }
      if (write.expectedRevision !== undefined && write.expectedRevision !== revision) {
        pending.reject(new RevisionMismatchError(write.expectedRevision, revision));
        continue;
      }
      const decision = this.decider.decide(write.command, state, context as Context);
      if (!decision.ok) {
        this.observer.decided('rejected');
        pending.reject(new DomainRejection(decision.error));
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
      if (answerKey !== undefined && write.idempotency)
        turnKeys.set(answerKey, write.idempotency.requestSha256);
      accepted.push({ pending, eventIds, lastIndex: toAppend.length - 1 });
    }
    if (toAppend.length > 0) {
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      const result = await this.store
        .append(stream, toAppend, {
          expectedRevision: entry.revision < 0 ? 'no_stream' : entry.revision,
        })
        .catch((error: unknown) => {
          this.observer.appended(toAppend.length, seconds(), false);
          throw error;
        });
      this.observer.appended(toAppend.length, seconds(), true);
      const contiguous = result.lastPosition - result.firstPosition === toAppend.length - 1;
      const answers = accepted.map(({ pending, eventIds, lastIndex }) => {
        const answer: WriteResult = {
          stream,
          eventIds,
          revision: result.firstRevision + lastIndex,
          position: contiguous ? result.firstPosition + lastIndex : result.lastPosition,
          replayed: false,
        };
        const { idempotency, actor } = pending.write;
        if (idempotency) {
          entry.answers.set(`${actor.subject}\n${idempotency.key}`, {
            requestSha256: idempotency.requestSha256,
            result: { ...answer, replayed: true },
          });
        }
        return { pending, answer };
      });
      entry.state = state;
      entry.revision = revision;
      for (const { pending, answer } of answers) {
        this.observer.decided('accepted');
        pending.resolve(answer);
      }
    }
    for (const { pending, answerKey } of repeats) {
      const answer = entry.answers.get(answerKey);
      this.observer.decided('replayed');
      if (answer) pending.resolve(answer.result);
      else pending.reject(new Error('idempotent answer lost: the first request failed'));
    }
  }
}

function rememberAnswer(
  answers: Map<string, { readonly requestSha256: string; result: WriteResult }>,
  recorded: RecordedEvent,
): void {
  const idempotency = recorded.metadata.idempotency;
  if (idempotency === undefined) return;
  const key = `${recorded.metadata.actor.subject}\n${idempotency.key}`;
  const known = answers.get(key);
  const result: WriteResult =
    known === undefined || known.requestSha256 !== idempotency.requestSha256
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
