import { programStream, type ProgramResultsPublished } from '@ledger/domain';
import type { ProjectedEvent } from '../../shared/projection';

/** Test data for projection specs: a program's published results as the projector delivers them. */

export type ResultLine = ProgramResultsPublished['data']['results'][number];

export function publicationId(n: number): string {
  return `0195f3c2-7a10-4b5e-ac1d-${n.toString(16).padStart(12, '0')}`;
}

/** A result line: graded, no award, eligible next year, unless the fields say otherwise. */
export function line(platformId: string, fields: Partial<ResultLine> = {}): ResultLine {
  return {
    platformId,
    grade: '合格',
    tier: null,
    amountFen: 0,
    ineligibleNextYear: false,
    ruleIds: ['S1-4'],
    ...fields,
  };
}

export function published(
  n: number,
  programId: string,
  year: number,
  results: readonly ResultLine[],
): ProjectedEvent {
  return {
    id: publicationId(n),
    stream: programStream(programId),
    revision: 3,
    position: 0,
    type: 'ProgramResultsPublished',
    data: {
      evaluationId: `0195f3c2-7a10-4b5e-bc1d-${n.toString(16).padStart(12, '0')}`,
      publishedAt: `${String(year + 1)}-01-20T02:00:00.000Z`,
      year,
      results,
    },
    metadata: { recordedAt: `${String(year + 1)}-01-20T02:00:00.000Z` },
  };
}
