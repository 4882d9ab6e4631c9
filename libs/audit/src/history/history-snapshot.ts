import {
  isValidPlatformId,
  isValidYear,
  parseProgramStream,
  platformStream,
  platformYearStream,
  programStream,
} from '@ledger/domain';
import type { EventStore, RecordedEvent, VerifyReport } from '@ledger/event-store';
import { memorySnapshot, type ReadModelSnapshot } from '@ledger/read-models';
import { invalid } from '../audit-error';
import { asOfPosition, checkCut, cutIncludes, type Cut } from './cut';
import { defaultYears } from './default-years';
import { documentsInScope, foldViews, projectionsNamed } from './fold-views';
import { programsEnrolling } from './programs-enrolling';
import { readStreams } from './read-streams';
import { resolveCut } from './resolve-cut';

export interface HistoryScope {
  readonly platformIds: readonly string[];
  /** Platform-year streams to read; default each platform's filing year to the current year + 1. */
  readonly years?: readonly number[];
  /** Programs to read besides those discovered. */
  readonly programIds?: readonly string[];
}

export interface HistoryOptions {
  /** Also read every program that enrolled a platform in scope (default true). */
  readonly discoverPrograms?: boolean;
  /** The clock (ms since the epoch) for the default years; default Date.now(). */
  readonly now?: number;
  /**
   * The read models to fold (default every one the projector runs): a caller that answers a few
   * views need not pay for the others, fraud signals above all.
   */
  readonly models?: readonly string[];
  /**
   * Streams whose hash chains to verify. One that is read anyway is verified from the same read
   * (DESIGN.md "Audit": a replay with verification reads its platform-year once).
   */
  readonly verifyStreams?: readonly string[];
}

export interface HistorySnapshot {
  readonly cut: Cut;
  /** The highest position included; -1 when nothing is. */
  readonly position: number;
  /** The store's head when the read began: no event after it is included. */
  readonly head: number;
  /** The global position the cut stands for (the head for now and the clock cuts). */
  readonly asOf: number;
  /** Every stream read, sorted. */
  readonly streams: readonly string[];
  /** The included events in log order. */
  readonly events: readonly RecordedEvent[];
  /** model → key → view of every projection folded (README.md "Which documents"). */
  readonly views: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  /** The views behind the read-model interface, at `position`. */
  readonly snapshot: ReadModelSnapshot;
  /** The verification of each stream in options.verifyStreams. */
  readonly verifications: ReadonlyMap<string, VerifyReport>;
}

/**
 * The projected state of a few platforms as of a cut, folded in memory from their own streams
 * (and the programs' that matter) by the projector's code: never the whole log. The head is read
 * first and bounds every cut, so appends landing meanwhile never show half-way.
 */
export async function historySnapshot(
  store: EventStore,
  scope: HistoryScope,
  cut: Cut,
  options: HistoryOptions = {},
): Promise<HistorySnapshot> {
  checkCut(cut);
  const platformIds = checkedIds(scope.platformIds, 'platformIds');
  const givenPrograms = checkedIds(scope.programIds ?? [], 'programIds');
  const years = scope.years === undefined ? undefined : checkedYears(scope.years);
  const head = await store.headPosition();
  const resolved = await resolveCut(store, cut, head);

  const verified = new Set(options.verifyStreams ?? []);
  const platformsRead = await readStreams(store, platformIds.map(platformStream), verified);
  const platforms = platformsRead.events;
  const now = options.now ?? Date.now();
  const yearStreams = platformIds.flatMap((id) =>
    (years ?? defaultYears(platforms.get(platformStream(id)) ?? [], now)).map((year) =>
      platformYearStream(id, year),
    ),
  );
  const discovered =
    options.discoverPrograms === false ? [] : await programsEnrolling(store, platformIds);
  const named = cut.kind === 'revision' ? parseProgramStream(cut.stream) : null;
  const programIds = [
    ...new Set([...givenPrograms, ...discovered, ...(named === null ? [] : [named])]),
  ];
  const restRead = await readStreams(
    store,
    [...yearStreams, ...programIds.map(programStream)],
    verified,
  );
  const rest = restRead.events;
  const verifications = new Map([...platformsRead.verifications, ...restRead.verifications]);
  for (const stream of verified)
    if (!verifications.has(stream)) verifications.set(stream, await store.verify({ stream }));

  const includes = cutIncludes(resolved);
  const events = [...platforms.values(), ...rest.values()]
    .flat()
    .filter(includes)
    .sort((a, b) => a.position - b.position);
  const isProgram = (stream: string): boolean => parseProgramStream(stream) !== null;
  // The folds never write to an event (folds-read-only.unit.spec.ts), so the events answered
  // are the events folded, without a copy.
  const projections = projectionsNamed(options.models);
  const views = foldViews(
    events,
    documentsInScope(events, platformIds, isProgram, projections),
    projections,
  );
  const position = events.at(-1)?.position ?? -1;
  return {
    cut,
    position,
    head: resolved.head,
    asOf: asOfPosition(resolved),
    streams: [...platforms.keys(), ...rest.keys()].sort(),
    events,
    views,
    snapshot: memorySnapshot(position, views),
    verifications,
  };
}

/** Ids as given by a caller outside the type system (JSON, CLI): each checked, repeats dropped. */
function checkedIds(ids: readonly string[], field: string): string[] {
  const given: unknown = ids;
  if (!Array.isArray(given)) throw invalid(field, 'must be an array of ids');
  const checked = new Set<string>();
  given.forEach((id: unknown, index) => {
    if (typeof id !== 'string' || !isValidPlatformId(id)) {
      throw invalid(`${field}[${String(index)}]`, 'must be an id (letters, digits, hyphens)');
    }
    checked.add(id);
  });
  return [...checked];
}

function checkedYears(years: readonly number[]): number[] {
  const given: unknown = years;
  if (!Array.isArray(given)) throw invalid('years', 'must be an array of years');
  const checked = new Set<number>();
  given.forEach((year: unknown, index) => {
    if (typeof year !== 'number' || !isValidYear(year)) {
      throw invalid(`years[${String(index)}]`, 'must be a year 2000..2100');
    }
    checked.add(year);
  });
  return [...checked].sort((a, b) => a - b);
}
