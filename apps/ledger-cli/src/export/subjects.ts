import {
  isValidPlatformId,
  isValidYear,
  platformStream,
  platformYearStream,
  programStream,
} from '@ledger/domain';
import type { EventStore, ExportSubject, JsonObject } from '@ledger/event-store';

/**
 * What an export covers: the subject written into the file and the streams exported whole.
 * Stream names are the domain's (libs/domain streams.ts); the event store stays domain-free.
 */
export interface ExportPlan {
  readonly subject: ExportSubject;
  readonly streams: readonly string[];
}

function checkedPlatformId(platformId: string): string {
  if (!isValidPlatformId(platformId)) throw new Error(`not a platform id: ${platformId}`);
  return platformId;
}

/** A platform's year: its `platform-{id}` stream (filing, certification…) and the year's stream. */
export function platformYearExport(platformId: string, year: number): ExportPlan {
  const id = checkedPlatformId(platformId);
  if (!isValidYear(year)) throw new Error(`not a year: ${String(year)}`);
  return {
    subject: { kind: 'platform-year', platformId: id, year },
    streams: [platformStream(id), platformYearStream(id, year)],
  };
}

interface ProgramScope {
  year: number | undefined;
  readonly platformIds: Set<string>;
}

/** ProgramOpened gives the year and PlatformsEnrolled the platforms; other events add nothing. */
function scopeOf(scope: ProgramScope, type: string, data: JsonObject): void {
  if (type === 'ProgramOpened' && typeof data.year === 'number') scope.year = data.year;
  if (type === 'PlatformsEnrolled' && Array.isArray(data.platformIds)) {
    for (const id of data.platformIds) if (typeof id === 'string') scope.platformIds.add(id);
  }
}

/**
 * A whole program: `program-{id}` and, for each enrolled platform, `platform-{id}` and its
 * `platformyear-{id}_{programYear}`, in enrolment order.
 */
export async function programExport(store: EventStore, programId: string): Promise<ExportPlan> {
  const id = checkedPlatformId(programId);
  const stream = programStream(id);
  const scope: ProgramScope = { year: undefined, platformIds: new Set() };
  let events = 0;
  for await (const event of store.readStream(stream)) {
    scopeOf(scope, event.type, event.data);
    events += 1;
  }
  if (events === 0) throw new Error(`no program ${programId} (stream ${stream} is empty)`);
  const year = scope.year;
  if (year === undefined) throw new Error(`program ${programId} has no ProgramOpened event`);
  const platforms = [...scope.platformIds].flatMap((platformId) => [
    platformStream(platformId),
    platformYearStream(platformId, year),
  ]);
  return { subject: { kind: 'program', programId: id }, streams: [stream, ...platforms] };
}
