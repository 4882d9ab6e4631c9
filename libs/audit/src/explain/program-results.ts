import {
  parseProgramStream,
  type ProgramEvaluated,
  type ProgramOpened,
  type ProgramResultLine,
  type ProgramResultsPublished,
} from '@ledger/domain';
import type { ProjectedEvent } from '@ledger/projections/index';

/** A program's standing result for one platform: the published evaluation's line, else the latest. */
export interface ProgramResult {
  readonly programId: string;
  readonly packId: string;
  readonly packVersion: string;
  readonly year: number;
  readonly evaluationId: string;
  /** The ProgramEvaluated event, and the ProgramResultsPublished event once published. */
  readonly evaluationEventId: string;
  readonly publicationEventId: string | null;
  /** The global position the evaluation read (reproducible by replaying the log to it). */
  readonly position: number;
  readonly line: ProgramResultLine;
  /** A later evaluation than the published one (a re-evaluation, e.g. S3-7 after a confirmed fraud). */
  readonly reevaluation: {
    readonly evaluationId: string;
    readonly eventId: string;
    readonly position: number;
    readonly line: ProgramResultLine;
  } | null;
}

interface ProgramDraft {
  opened: ProgramOpened['data'] | null;
  readonly evaluations: Map<string, { eventId: string; data: ProgramEvaluated['data'] }>;
  latest: string | null;
  published: { evaluationId: string; eventId: string } | null;
}

/**
 * The results the program events (in log order) give one platform for one year: what the grade,
 * tier and amount were as of the last event folded. A pure fold, so a replay's cut decides what
 * it shows.
 */
export function programResults(
  events: Iterable<ProjectedEvent>,
  platformId: string,
  year: number,
): ProgramResult[] {
  const programs = new Map<string, ProgramDraft>();
  for (const event of events) {
    const programId = parseProgramStream(event.stream);
    if (programId === null) continue;
    let draft = programs.get(programId);
    if (draft === undefined) {
      draft = { opened: null, evaluations: new Map(), latest: null, published: null };
      programs.set(programId, draft);
    }
    if (event.type === 'ProgramOpened') {
      draft.opened = event.data as ProgramOpened['data'];
    } else if (event.type === 'ProgramEvaluated') {
      const data = event.data as ProgramEvaluated['data'];
      draft.evaluations.set(data.evaluationId, { eventId: event.id, data });
      draft.latest = data.evaluationId;
    } else if (event.type === 'ProgramResultsPublished') {
      const data = event.data as ProgramResultsPublished['data'];
      draft.published = { evaluationId: data.evaluationId, eventId: event.id };
    }
  }
  const results: ProgramResult[] = [];
  for (const [programId, draft] of programs) {
    const chosen = draft.published?.evaluationId ?? draft.latest;
    const evaluation = chosen === null ? undefined : draft.evaluations.get(chosen);
    if (draft.opened === null || draft.opened.year !== year || evaluation === undefined) continue;
    const line = evaluation.data.results.find((result) => result.platformId === platformId);
    if (line === undefined) continue;
    results.push({
      programId,
      packId: evaluation.data.packId,
      packVersion: evaluation.data.packVersion,
      year,
      evaluationId: evaluation.data.evaluationId,
      evaluationEventId: evaluation.eventId,
      publicationEventId: draft.published?.evaluationId === chosen ? draft.published.eventId : null,
      position: evaluation.data.position,
      line,
      reevaluation: reevaluationOf(draft, chosen, platformId),
    });
  }
  return results;
}

function reevaluationOf(
  draft: ProgramDraft,
  chosen: string | null,
  platformId: string,
): ProgramResult['reevaluation'] {
  if (draft.published === null || draft.latest === null || draft.latest === chosen) return null;
  const latest = draft.evaluations.get(draft.latest);
  const line = latest?.data.results.find((result) => result.platformId === platformId);
  if (latest === undefined || line === undefined) return null;
  return {
    evaluationId: latest.data.evaluationId,
    eventId: latest.eventId,
    position: latest.data.position,
    line,
  };
}
