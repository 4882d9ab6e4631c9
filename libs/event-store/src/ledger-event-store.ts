import { prepareAppend, validateStreamName } from './append/prepare-append';
import {
  ANCHOR_EVENT_TYPE,
  anchorDataOf,
  ANCHOR_STREAM,
  buildInclusionProof,
  headsAtPosition,
  MERKLE_ALGORITHM,
  rootOfHeads,
  type AnchorRecord,
  type InclusionProof,
} from './chain/anchors';
import { chainBreak, verifyAll, verifyStream, type VerifyReport } from './chain/verify';
import { recomputedHash } from './chain/hashed-pages';
import { ChainBrokenError, InvalidOptionError } from './port/errors';
import type { AllSubscription, EventStore } from './port/event-store';
import type { EventStoreAdapter } from './port/event-store-adapter';
import type {
  Actor,
  AppendOptions,
  AppendResult,
  EventToAppend,
  HashedPage,
  ProjectionEvent,
  ReadAllForProjectionOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredEvent,
  SubscribeToAllOptions,
} from './port/types';
import { toProjectionEvent, toRecordedEvent } from './stored-event';
import { CatchUpSubscription } from './subscription/catch-up-subscription';
import { flattenPages } from './append/page-iterator';
import {
  checkpointOf,
  directionOf,
  END,
  filterOf,
  flagOf,
  maxCountOf,
  optionsObject,
  startOf,
} from './read-options';
import { v4 as uuidv4 } from 'uuid';

/**
 * The event store every part of the ledger uses: the port implemented once over a storage
 * adapter, which adds validation and canonical serialisation before the write lock, hash-chain
 * checks on read, catch-up subscriptions, verification and Merkle anchors.
 */
export class LedgerEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();

  constructor(readonly adapter: EventStoreAdapter) {}

  get kind(): string {
    return this.adapter.kind;
  }

  append(
    stream: string,
    events: readonly EventToAppend[],
    options?: AppendOptions | null,
  ): Promise<AppendResult> {
    try {
      return this.adapter.appendPrepared(
        prepareAppend(stream, events, optionsObject(options, ['expectedRevision'])),
      );
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  readStream(stream: string, options?: ReadStreamOptions | null): AsyncIterable<RecordedEvent> {
    validateStreamName(stream);
    const given = optionsObject(options, ['fromRevision', 'direction', 'maxCount']);
    const direction = directionOf(given.direction);
    const pages = this.adapter.readStreamPages(stream, {
      fromRevision: startOf(given.fromRevision, 'fromRevision', direction, 0),
      direction,
      maxCount: maxCountOf(given.maxCount),
    });
    return flattenPages(pages, toRecordedEvent);
  }

  readAll(options?: ReadAllOptions | null): AsyncIterable<RecordedEvent> {
    const given = optionsObject(options, [
      'fromPosition',
      'direction',
      'maxCount',
      'filter',
      'verifyHashes',
    ]);
    const direction = directionOf(given.direction);
    const read = {
      fromPosition: startOf(given.fromPosition, 'fromPosition', direction, 1),
      direction,
      maxCount: maxCountOf(given.maxCount),
      filter: filterOf(given.filter),
    };
    if (!flagOf(given.verifyHashes, 'verifyHashes'))
      return flattenPages(this.adapter.readAllPages(read), toRecordedEvent);
    return flattenPages(
      hashCheckedPages(this.adapter.readAllHashedPages(read), direction),
      (x) => x,
    );
  }

  readAllForProjection(
    options?: ReadAllForProjectionOptions | null,
  ): AsyncIterable<readonly ProjectionEvent[]> {
    const given = optionsObject(options, ['fromPosition', 'direction', 'maxCount', 'filter']);
    const direction = directionOf(given.direction);
    return mapPages(
      this.adapter.readAllProjectionPages({
        fromPosition: startOf(given.fromPosition, 'fromPosition', direction, 1),
        direction,
        maxCount: maxCountOf(given.maxCount),
        filter: filterOf(given.filter),
      }),
      toProjectionEvent,
    );
  }

  subscribeToAll(options?: SubscribeToAllOptions | null): AllSubscription {
    const given = optionsObject(options, ['fromPosition', 'filter']);
    const subscription = new CatchUpSubscription(
      this.adapter,
      checkpointOf(given.fromPosition),
      filterOf(given.filter),
    );
    this.subscriptions.add(subscription);
    subscription.onClose(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  headPosition(): Promise<number> {
    return this.adapter.headPosition();
  }

  verify(options?: { stream?: string } | null): Promise<VerifyReport> {
    try {
      const { stream } = optionsObject(options, ['stream']);
      if (stream === undefined) return verifyAll(this.adapter);
      return verifyStream(this.adapter, validateStreamName(stream));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async readVerifiedStream(
    stream: string,
  ): Promise<{ readonly events: RecordedEvent[]; readonly verification: VerifyReport }> {
    validateStreamName(stream);
    const events: RecordedEvent[] = [];
    const verification = await verifyStream(this.adapter, stream, (event) => {
      let recorded: RecordedEvent;
      try {
        recorded = toRecordedEvent(event);
      } catch {
        // A row whose data or metadata is not JSON (edited in the database) is no event to hand
        // over; the verification reports it, as verify({ stream }) does.
        return undefined;
      }
      events.push(recorded);
      return recorded.metadata;
    });
    return { events, verification };
  }

  async anchor(actor: Actor): Promise<AnchorRecord> {
    const snapshot = await this.adapter.headsSnapshot();
    const { root, streamCount } = rootOfHeads(snapshot.heads);
    const eventId = uuidv4();
    const data = {
      anchoredPosition: snapshot.position,
      root,
      streamCount,
      algorithm: MERKLE_ALGORITHM,
    };
    const result = await this.append(
      ANCHOR_STREAM,
      [
        {
          id: eventId,
          type: ANCHOR_EVENT_TYPE,
          data,
          metadata: { actor, correlationId: eventId, causationId: null, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'any' },
    );
    const [stored] = await this.readAnchorEvents(result.nextExpectedRevision, 1);
    if (stored === undefined) throw new Error('anchor event vanished after append');
    return stored;
  }

  anchors(): Promise<AnchorRecord[]> {
    return this.readAnchorEvents(0, END);
  }

  async proveInclusion(stream: string, anchorPosition: number): Promise<InclusionProof> {
    const anchor = (await this.anchors()).find(
      (candidate) => candidate.anchoredPosition === anchorPosition,
    );
    if (anchor === undefined)
      throw new InvalidOptionError('anchorPosition', `no anchor at position ${anchorPosition}`);
    const heads = await headsAtPosition(this.adapter, anchor.anchoredPosition);
    const proof = buildInclusionProof(anchor, heads.values(), stream);
    if (proof === undefined)
      throw new InvalidOptionError(
        'stream',
        `${stream} had no events at position ${anchorPosition}`,
      );
    return proof;
  }

  /** Ends every live subscription (their iterations complete), then closes the adapter. */
  close(): Promise<void> {
    for (const subscription of [...this.subscriptions]) subscription.close();
    return this.adapter.close();
  }

  private async readAnchorEvents(fromRevision: number, maxCount: number): Promise<AnchorRecord[]> {
    const anchors: AnchorRecord[] = [];
    for await (const event of this.readStream(ANCHOR_STREAM, { fromRevision, maxCount })) {
      const data = event.type === ANCHOR_EVENT_TYPE ? anchorDataOf(event.data) : undefined;
      if (data === undefined) continue; // verify() reports a malformed anchor row
      anchors.push({
        ...data,
        eventId: event.id,
        eventPosition: event.position,
        recordedAt: event.metadata.recordedAt,
      });
    }
    return anchors;
  }
}

async function* mapPages<Row, Item>(
  pages: AsyncIterable<readonly Row[]>,
  map: (row: Row) => Item,
): AsyncGenerator<readonly Item[]> {
  for await (const page of pages) yield page.map(map);
}

/**
 * Each event's recomputed hash compared, and the prevHash link checked wherever the neighbouring
 * event of the same stream was read too (a filtered or partial read cannot check more than
 * that). The events before a break are delivered; the break rejects the iteration there.
 */
async function* hashCheckedPages(
  pages: AsyncIterable<HashedPage>,
  direction: 'forwards' | 'backwards',
): AsyncGenerator<readonly RecordedEvent[]> {
  const previous = new Map<string, RecordedEvent>();
  for await (const page of pages) {
    const checked: RecordedEvent[] = [];
    let broken: ChainBrokenError | undefined;
    for (let index = 0; index < page.events.length; index += 1) {
      const event = page.events[index] as StoredEvent;
      const recomputed = recomputedHash(page, index);
      if (recomputed !== event.hash) {
        broken = new ChainBrokenError(chainBreak(event, 'hash_mismatch', recomputed, event.hash));
        break;
      }
      const recorded = toRecordedEvent(event);
      const prior = previous.get(event.stream);
      if (prior !== undefined) {
        const [earlier, later] = direction === 'forwards' ? [prior, recorded] : [recorded, prior];
        if (
          later.revision === earlier.revision + 1 &&
          later.metadata.prevHash !== earlier.metadata.hash
        ) {
          broken = new ChainBrokenError(
            chainBreak(later, 'prev_hash_mismatch', earlier.metadata.hash, later.metadata.prevHash),
          );
          break;
        }
      }
      previous.set(event.stream, recorded);
      checked.push(recorded);
    }
    if (checked.length > 0) yield checked;
    if (broken !== undefined) throw broken;
  }
}
