import { reject, type Decision } from './decision';
import { parseInstant } from './dates';
import { describeUsccProblem, usccProblem } from './uscc';

/** Small checks shared by deciders; each answers a rejection naming the field, or null. */
export type FieldCheck = Decision<never> | null;

export function validDate(field: string, value: string): FieldCheck {
  return parseInstant(value) === null
    ? reject('VALIDATION_FAILED', 'D-DATE', 'must be an ISO 8601 date or timestamp', field)
    : null;
}

/** Money is integer 分, never negative (RULES.md "Shared definitions"); counts likewise. */
export function nonNegativeInteger(field: string, value: number, ruleId = 'D-COUNT'): FieldCheck {
  return Number.isSafeInteger(value) && value >= 0
    ? null
    : reject(
        'VALIDATION_FAILED',
        ruleId,
        ruleId === 'D-MONEY'
          ? 'must be a non-negative integer amount in 分'
          : 'must be a non-negative integer',
        field,
      );
}

export function validUscc(field: string, value: string): FieldCheck {
  const problem = usccProblem(value);
  return problem === null
    ? null
    : reject('VALIDATION_FAILED', 'D-USCC', describeUsccProblem(problem), field);
}

export function firstFieldProblem(checks: readonly FieldCheck[]): Decision<never> | null {
  return checks.find((check) => check !== null) ?? null;
}
