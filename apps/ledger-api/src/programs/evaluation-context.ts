import { AuditError, evaluationContext as contextFromSnapshot } from '@ledger/audit';
import type { OpenedProgram } from '@ledger/domain';
import type { ReadModelSnapshot } from '@ledger/read-models';
import { ApiError } from '../http/api-error';
import type { EvaluationContext } from './policy';

/**
 * What a pack reads about the enrolled platforms from one snapshot of the live read models
 * (libs/audit's evaluationContext, which what-if runs on snapshots folded from the log). A
 * platform the registry has not projected yet means the projector is behind: a 503 to retry.
 */
export async function evaluationContext(
  snapshot: ReadModelSnapshot,
  program: OpenedProgram,
): Promise<EvaluationContext> {
  try {
    return await contextFromSnapshot(snapshot, program);
  } catch (error) {
    if (error instanceof AuditError && error.code === 'VIEWS_MISSING') {
      throw new ApiError(503, 'READ_MODELS_BEHIND', `${error.message} yet: retry shortly`);
    }
    throw error;
  }
}
