/**
 * Deciders answer a command with events or a rejection: a plain typed value, never a thrown
 * error, so the HTTP layer maps every rejection in one filter and the CLI can report it per row.
 */
export type DomainErrorCode = 'VALIDATION_FAILED' | 'RULE_VIOLATION' | 'NOT_FOUND' | 'CONFLICT';

export interface FieldProblem {
  /** Dotted path of the command field at fault, e.g. `enterpriseUscc` or `records[3].serviceId`. */
  readonly field: string;
  readonly reason: string;
}

export interface DomainError {
  readonly code: DomainErrorCode;
  /** The rule this rejection enforces (RULES.md id, or a D-* id from libs/domain/README.md). */
  readonly ruleId: string;
  readonly message: string;
  readonly details: readonly FieldProblem[];
}

export type Decision<Event> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly error: DomainError };

export function accept<Event>(...events: Event[]): Decision<Event> {
  return { ok: true, events };
}

export function reject<Event = never>(
  code: DomainErrorCode,
  ruleId: string,
  message: string,
  field?: string,
): Decision<Event> {
  return {
    ok: false,
    error: {
      code,
      ruleId,
      message,
      details: field === undefined ? [] : [{ field, reason: message }],
    },
  };
}

/** Exhaustiveness guard for discriminated unions: a new case that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new TypeError(`unhandled case: ${JSON.stringify(value)}`);
}
