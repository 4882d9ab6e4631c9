import { accept, assertNever, reject, type Decision } from '../shared/decision';
import { firstFieldProblem, nonNegativeInteger, type FieldCheck } from '../shared/field-checks';
import { isValidPlatformId, isValidYear } from '../shared/streams';
import type {
  EnrolPlatforms,
  OpenProgram,
  ProgramCommand,
  PublishResults,
  RecordEvaluation,
} from './program.commands';
import type { ProgramEvent, ProgramResultLine, ProgramResultsPublished } from './program.events';
import type { OpenedProgram, ProgramState } from './program.state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decideProgram(
  command: ProgramCommand,
  state: ProgramState,
): Decision<ProgramEvent> {
  if (command.type === 'OpenProgram') return decideOpening(command, state);
  if (state.status === 'unopened') {
    return reject('NOT_FOUND', 'D-PROGRAM', 'the program has not been opened');
  }
  if (command.type === 'PublishResults') return decidePublication(command, state);
  // Published results are the awards funding and eligibility read: the program is closed to
  // enrolment and to another publication. A re-evaluation is still recorded (S3-7's direct D
  // after a confirmed fraud, an audit's check): it documents, the award stays the published one.
  const reevaluation = command.type === 'RecordEvaluation' && !command.data.publish;
  if (state.publication !== null && !reevaluation) {
    return reject(
      'RULE_VIOLATION',
      'D-PROGRAM',
      `the program's results were published at ${state.publication.publishedAt}`,
    );
  }
  switch (command.type) {
    case 'EnrolPlatforms':
      return decideEnrolment(command, state);
    case 'RecordEvaluation':
      return decideEvaluation(command, state);
    default:
      return assertNever(command);
  }
}

function decideOpening(command: OpenProgram, state: ProgramState): Decision<ProgramEvent> {
  const { data } = command;
  if (state.status !== 'unopened') {
    return reject(
      'CONFLICT',
      'D-PROGRAM',
      `program ${data.programId} is already open`,
      'programId',
    );
  }
  if (!isValidPlatformId(data.programId)) {
    return reject(
      'VALIDATION_FAILED',
      'D-PROGRAM',
      'must be 1-64 letters, digits or hyphens',
      'programId',
    );
  }
  if (!isValidYear(data.year)) {
    return reject('VALIDATION_FAILED', 'D-PROGRAM', 'must be a year from 2000 to 2100', 'year');
  }
  if (data.title.trim() === '') {
    return reject('VALIDATION_FAILED', 'D-PROGRAM', 'must not be blank', 'title');
  }
  return accept({ type: 'ProgramOpened', data: { ...data, openedAt: command.metadata.now } });
}

/** Repeats (in the request, or of platforms already enrolled) are ignored; nothing new is a CONFLICT. */
function decideEnrolment(command: EnrolPlatforms, state: OpenedProgram): Decision<ProgramEvent> {
  const { platformIds } = command.data;
  if (platformIds.length === 0) {
    return reject('VALIDATION_FAILED', 'D-ENROLMENT', 'name at least one platform', 'platformIds');
  }
  const filed = new Set(command.filed);
  for (const [index, platformId] of platformIds.entries()) {
    const field = `platformIds[${String(index)}]`;
    if (!isValidPlatformId(platformId)) {
      return reject(
        'VALIDATION_FAILED',
        'D-ENROLMENT',
        'must be 1-64 letters, digits or hyphens',
        field,
      );
    }
    if (!filed.has(platformId)) {
      return reject(
        'NOT_FOUND',
        'D-ENROLMENT',
        `platform ${platformId} has not been filed (备案)`,
        field,
      );
    }
  }
  const enrolled = new Set(state.enrolled);
  const added = [...new Set(platformIds)].filter((platformId) => !enrolled.has(platformId));
  if (added.length === 0) {
    return reject(
      'CONFLICT',
      'D-ENROLMENT',
      'every platform named is already enrolled',
      'platformIds',
    );
  }
  return accept({
    type: 'PlatformsEnrolled',
    data: { platformIds: added, enrolledAt: command.metadata.now },
  });
}

function decideEvaluation(command: RecordEvaluation, state: OpenedProgram): Decision<ProgramEvent> {
  const { evaluationId, position, results, network, publish } = command.data;
  if (!UUID.test(evaluationId)) {
    return reject('VALIDATION_FAILED', 'D-EVALUATION', 'must be a UUID', 'evaluationId');
  }
  if (state.evaluations.some((evaluation) => evaluation.evaluationId === evaluationId)) {
    return reject(
      'CONFLICT',
      'D-EVALUATION',
      'an evaluation with this id is already recorded',
      'evaluationId',
    );
  }
  // -1 is the read models' position before the first event.
  if (!(Number.isSafeInteger(position) && position >= -1)) {
    return reject(
      'VALIDATION_FAILED',
      'D-EVALUATION',
      'must be a global position (an integer from -1)',
      'position',
    );
  }
  if (state.enrolled.length === 0) {
    return reject('RULE_VIOLATION', 'D-EVALUATION', 'no platform is enrolled', 'results');
  }
  const coverage = coverageProblem(results, state.enrolled);
  if (coverage) return coverage;
  const line = firstFieldProblem(results.map(lineProblem));
  if (line) return line;
  const { packId, packVersion, parameters, year } = state.program;
  const evaluatedAt = command.metadata.now;
  const evaluated: ProgramEvent = {
    type: 'ProgramEvaluated',
    data: {
      evaluationId,
      position,
      evaluatedAt,
      packId,
      packVersion,
      parameters,
      results,
      network,
    },
  };
  if (!publish) return accept(evaluated);
  return accept<ProgramEvent>(evaluated, published(evaluationId, evaluatedAt, year, results));
}

/** One line per enrolled platform, no more: an enrolment after the pack ran makes it stale. */
function coverageProblem(
  results: readonly ProgramResultLine[],
  enrolled: readonly string[],
): Decision<never> | null {
  const expected = new Set(enrolled);
  const seen = new Set<string>();
  for (const [index, result] of results.entries()) {
    const field = `results[${String(index)}].platformId`;
    if (!expected.has(result.platformId)) {
      return reject(
        'RULE_VIOLATION',
        'D-EVALUATION',
        `platform ${result.platformId} is not enrolled`,
        field,
      );
    }
    if (seen.has(result.platformId)) {
      return reject(
        'VALIDATION_FAILED',
        'D-EVALUATION',
        `platform ${result.platformId} has two lines`,
        field,
      );
    }
    seen.add(result.platformId);
  }
  const missing = enrolled.find((platformId) => !seen.has(platformId));
  return missing === undefined
    ? null
    : reject(
        'RULE_VIOLATION',
        'D-EVALUATION',
        `enrolled platform ${missing} has no result: evaluate again`,
        'results',
      );
}

function lineProblem(result: ProgramResultLine, index: number): FieldCheck {
  const at = `results[${String(index)}]`;
  if (result.score !== null && !Number.isFinite(result.score)) {
    return reject(
      'VALIDATION_FAILED',
      'D-EVALUATION',
      'a score is a finite number or null',
      `${at}.score`,
    );
  }
  return nonNegativeInteger(`${at}.amountFen`, result.amountFen, 'D-MONEY');
}

function decidePublication(command: PublishResults, state: OpenedProgram): Decision<ProgramEvent> {
  const { evaluationId } = command.data;
  if (state.publication !== null) {
    return reject(
      'CONFLICT',
      'D-PUBLICATION',
      `evaluation ${state.publication.evaluationId} is already published`,
      'evaluationId',
    );
  }
  const evaluation = state.evaluations.find((recorded) => recorded.evaluationId === evaluationId);
  if (evaluation === undefined) {
    return reject(
      'NOT_FOUND',
      'D-PUBLICATION',
      'no evaluation with this id in this program',
      'evaluationId',
    );
  }
  return accept(
    published(evaluationId, command.metadata.now, state.program.year, evaluation.results),
  );
}

/** The awards: the compact part of each line, with the rule ids that produced it. */
function published(
  evaluationId: string,
  publishedAt: string,
  year: number,
  results: readonly ProgramResultLine[],
): ProgramResultsPublished {
  return {
    type: 'ProgramResultsPublished',
    data: {
      evaluationId,
      publishedAt,
      year,
      results: results.map((result) => ({
        platformId: result.platformId,
        grade: result.grade,
        tier: result.tier,
        amountFen: result.amountFen,
        ineligibleNextYear: result.ineligibleNextYear,
        ruleIds: [...new Set(result.rules.map((rule) => rule.ruleId))],
      })),
    },
  };
}
