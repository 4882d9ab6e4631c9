import { PROGRAM_STREAM_PREFIX, parseProgramStream, type ProgramEventType } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';

/**
 * Which programs enrolled a platform. Results and publications cover exactly the enrolled
 * platforms (D-EVALUATION), so these are all the programs that evaluated or published for it.
 *
 * The port lists no streams, and readAll's stream-prefix and event-type filters are not indexed
 * (SQLite and PostgreSQL test them row by row in position order: 0.33–0.39 s over 1,000,000 events
 * on SQLite, README.md). So the answer comes from an index per store object, built by that
 * filtered scan once and then extended with the log after the last position it saw: the log is
 * append-only, so what it holds never goes stale. Only PlatformsEnrolled events are read: they
 * are small, where ProgramEvaluated carries every result line.
 */
interface EnrolmentIndex {
  /** The last position scanned (-1 before the first scan). */
  scannedTo: number;
  readonly programsOf: Map<string, Set<string>>;
  /** The scan under way: callers queue behind it so that no range is scanned twice. */
  scanning: Promise<void>;
}

const ENROLMENT: ProgramEventType = 'PlatformsEnrolled';
const indexes = new WeakMap<EventStore, EnrolmentIndex>();

/** The ids of the programs that enrolled any of the platforms, sorted. */
export async function programsEnrolling(
  store: EventStore,
  platformIds: readonly string[],
): Promise<string[]> {
  const index = indexOf(store);
  const head = await store.headPosition();
  const scan = index.scanning.then(() => extend(store, index, head));
  // A failed scan fails this caller; the next one starts again from what was kept.
  index.scanning = scan.catch(() => undefined);
  await scan;
  const found = new Set<string>();
  for (const platformId of platformIds) {
    for (const programId of index.programsOf.get(platformId) ?? []) found.add(programId);
  }
  return [...found].sort();
}

function indexOf(store: EventStore): EnrolmentIndex {
  let index = indexes.get(store);
  if (index === undefined) {
    index = { scannedTo: -1, programsOf: new Map(), scanning: Promise.resolve() };
    indexes.set(store, index);
  }
  return index;
}

async function extend(store: EventStore, index: EnrolmentIndex, head: number): Promise<void> {
  if (index.scannedTo >= head) return;
  const events = store.readAll({
    fromPosition: index.scannedTo < 0 ? 'start' : index.scannedTo + 1,
    filter: { streamPrefixes: [PROGRAM_STREAM_PREFIX], eventTypes: [ENROLMENT] },
  });
  for await (const event of events) {
    if (event.position > head) break;
    const programId = parseProgramStream(event.stream);
    const platformIds = event.data.platformIds;
    if (programId === null || !Array.isArray(platformIds)) continue;
    for (const platformId of platformIds) {
      if (typeof platformId !== 'string') continue;
      const programs = index.programsOf.get(platformId) ?? new Set<string>();
      programs.add(programId);
      index.programsOf.set(platformId, programs);
    }
  }
  index.scannedTo = head;
}
