import { assertNever } from '../shared/decision';
import type {
  ProgramEvaluated,
  ProgramEvent,
  ProgramOpened,
  ProgramResultsPublished,
} from './program.events';

export type ProgramState =
  | { readonly status: 'unopened' }
  | {
      readonly status: 'opened';
      readonly program: ProgramOpened['data'];
      /** Enrolled platform ids, in enrolment order, each once. */
      readonly enrolled: readonly string[];
      /** Every evaluation recorded, oldest first. */
      readonly evaluations: readonly ProgramEvaluated['data'][];
      /** The awards; null until one evaluation is published (once per program). */
      readonly publication: ProgramResultsPublished['data'] | null;
    };

export type OpenedProgram = Extract<ProgramState, { status: 'opened' }>;

export function initialProgramState(): ProgramState {
  return { status: 'unopened' };
}

export function evolveProgram(state: ProgramState, event: ProgramEvent): ProgramState {
  if (event.type === 'ProgramOpened') {
    return {
      status: 'opened',
      program: event.data,
      enrolled: [],
      evaluations: [],
      publication: null,
    };
  }
  // Every other fact presupposes the opening; a stream that does not start with one is ignored.
  if (state.status === 'unopened') return state;
  switch (event.type) {
    case 'PlatformsEnrolled': {
      const known = new Set(state.enrolled);
      const added = event.data.platformIds.filter((id) => !known.has(id));
      return { ...state, enrolled: [...state.enrolled, ...added] };
    }
    case 'ProgramEvaluated':
      return { ...state, evaluations: [...state.evaluations, event.data] };
    case 'ProgramResultsPublished':
      return { ...state, publication: event.data };
    default:
      return assertNever(event);
  }
}

/** The evaluation GET …/results shows by default: the published one, else the latest. */
export function defaultEvaluationOf(state: OpenedProgram): ProgramEvaluated['data'] | null {
  const published = state.publication?.evaluationId;
  return (
    state.evaluations.find((evaluation) => evaluation.evaluationId === published) ??
    state.evaluations.at(-1) ??
    null
  );
}
