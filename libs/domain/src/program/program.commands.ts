import type { CommandMetadata } from '../shared/command-metadata';
import type { ProgramEvaluated, ProgramOpened, ProgramResultLine } from './program.events';

/**
 * Commands of an evaluation program (stream `program-{programId}`). What the decider cannot know
 * from the program's own stream — the pack's resolved parameters, which platforms are filed, the
 * results the pack computed — is resolved by the handler and travels with the command, never
 * from the client: the command processor reads one context per turn for every command queued on
 * a stream, and two enrolments in one turn name different platforms.
 */

export interface OpenProgram {
  readonly type: 'OpenProgram';
  /** `parameters` are the pack's, defaults filled in, as the pack resolved them. */
  readonly data: Omit<ProgramOpened['data'], 'openedAt'>;
  readonly metadata: CommandMetadata;
}

export interface EnrolPlatforms {
  readonly type: 'EnrolPlatforms';
  readonly data: { readonly platformIds: readonly string[] };
  /** Which of `platformIds` are filed (备案), as the handler read their platform streams. */
  readonly filed: readonly string[];
  readonly metadata: CommandMetadata;
}

/** An evaluation run by the pack outside the decider, at the read models' `position`. */
export interface RecordEvaluation {
  readonly type: 'RecordEvaluation';
  readonly data: {
    readonly evaluationId: string;
    readonly position: number;
    readonly results: readonly ProgramResultLine[];
    readonly network: ProgramEvaluated['data']['network'];
    /** Publish these results in the same append (POST …/evaluations with publish=true). */
    readonly publish: boolean;
  };
  readonly metadata: CommandMetadata;
}

export interface PublishResults {
  readonly type: 'PublishResults';
  readonly data: { readonly evaluationId: string };
  readonly metadata: CommandMetadata;
}

export type ProgramCommand = OpenProgram | EnrolPlatforms | RecordEvaluation | PublishResults;
