import { defaultEvaluationOf, type OpenedProgram, type ProgramEvaluated } from '@ledger/domain';
import { AuditError } from '../audit-error';
import type { WhatIfBasis } from './what-if.types';

export type Evaluation = ProgramEvaluated['data'];

/**
 * The evaluation a what-if compares with: the one asked for, else the published one, else the
 * latest (as GET …/results shows). Basis 'baseline' needs one; 'current' may do without.
 */
export function baselineOf(
  program: OpenedProgram,
  evaluationId: string | undefined,
  basis: WhatIfBasis,
): Evaluation | null {
  const { programId } = program.program;
  if (evaluationId !== undefined) {
    const wanted = evaluationId.toLowerCase();
    const found = program.evaluations.find((evaluation) => evaluation.evaluationId === wanted);
    if (found === undefined) {
      throw new AuditError('NOT_FOUND', `no evaluation ${evaluationId} in program ${programId}`, [
        { field: 'evaluationId', reason: 'not an evaluation of this program' },
      ]);
    }
    return found;
  }
  const evaluation = defaultEvaluationOf(program);
  if (evaluation === null && basis === 'baseline') {
    throw new AuditError(
      'NOT_FOUND',
      `program ${programId} has no evaluation yet: compare with basis current`,
      [{ field: 'basis', reason: 'no evaluation to compare with' }],
    );
  }
  return evaluation;
}
