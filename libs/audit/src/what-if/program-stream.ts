import {
  evolveProgram,
  initialProgramState,
  isValidPlatformId,
  programStream,
  type OpenedProgram,
  type ProgramEvent,
  type ProgramState,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { AuditError, invalid } from '../audit-error';

/** A program as its stream holds it now (NOT_FOUND when never opened). */
export async function openedProgram(store: EventStore, programId: string): Promise<OpenedProgram> {
  if (typeof programId !== 'string' || !isValidPlatformId(programId)) {
    throw invalid('programId', 'must be a program id (letters, digits, hyphens)');
  }
  let state: ProgramState = initialProgramState();
  for await (const recorded of store.readStream(programStream(programId))) {
    // Every program event is at schemaVersion 1; the command side folds them the same way.
    state = evolveProgram(state, {
      type: recorded.type,
      data: recorded.data,
    } as unknown as ProgramEvent);
  }
  if (state.status === 'unopened') {
    throw new AuditError('NOT_FOUND', `program ${programId} has not been opened`);
  }
  return state;
}
