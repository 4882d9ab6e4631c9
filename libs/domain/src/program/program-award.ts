import type { ProgramState } from './program.state';

/**
 * What a program awarded one platform, as a disbursement is decided against it (D-DISBURSEMENT):
 * only published results are awards (S1-5, S3-6 amounts); `awardedFen` is 0 for a platform the
 * results do not fund or do not list.
 */
export type ProgramAward =
  | { readonly status: 'no_program' }
  | { readonly status: 'unpublished'; readonly year: number }
  | {
      readonly status: 'published';
      readonly year: number;
      readonly evaluationId: string;
      readonly awardedFen: number;
    };

export function awardOf(state: ProgramState, platformId: string): ProgramAward {
  if (state.status === 'unopened') return { status: 'no_program' };
  const { publication, program } = state;
  if (publication === null) return { status: 'unpublished', year: program.year };
  const line = publication.results.find((result) => result.platformId === platformId);
  return {
    status: 'published',
    year: publication.year,
    evaluationId: publication.evaluationId,
    awardedFen: line?.amountFen ?? 0,
  };
}
