import type { ParameterProblem } from './pack';

/**
 * Pack parameters: the documents' silences (RULES.md). A pack declares its defaults and one check
 * per parameter; given parameters are merged over the defaults, unknown names and wrong values are
 * refused with the parameter at fault (the API answers 400 with `parameters.<name>`).
 */
export type ParameterCheck = (value: unknown) => string | null;

export type ParameterChecks<P> = { readonly [K in keyof P]: ParameterCheck };

export function resolveParameters<P extends object>(
  defaults: P,
  checks: ParameterChecks<P>,
  given: Readonly<Record<string, unknown>>,
):
  | { readonly ok: true; readonly parameters: P }
  | { readonly ok: false; readonly problems: readonly ParameterProblem[] } {
  const problems: ParameterProblem[] = [];
  const merged: Record<string, unknown> = Object.assign(
    {},
    defaults as Readonly<Record<string, unknown>>,
  );
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(defaults, name)) {
      problems.push({
        field: `parameters.${name}`,
        reason: `is not a parameter of this pack (${Object.keys(defaults).join(', ')})`,
      });
      continue;
    }
    const reason = (checks as Record<string, ParameterCheck>)[name]?.(value) ?? null;
    if (reason !== null) problems.push({ field: `parameters.${name}`, reason });
    else merged[name] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parameters: merged as P };
}

export const isNumberIn =
  (min: number, max: number): ParameterCheck =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
      ? null
      : `must be a number from ${String(min)} to ${String(max)}`;

export const isIntegerIn =
  (min: number, max: number): ParameterCheck =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
      ? null
      : `must be an integer from ${String(min)} to ${String(max)}`;

export const isOneOf =
  (...allowed: readonly (string | number | boolean | null)[]): ParameterCheck =>
  (value) =>
    allowed.includes(value as string | number | boolean | null)
      ? null
      : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;

export const isBoolean: ParameterCheck = (value) =>
  typeof value === 'boolean' ? null : 'must be true or false';

/** Days per month in a leap year: a month-day must exist in some year (02-29 does). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A month-day `MM-DD` (applied to the evaluated year) that exists: 02-30 and 04-31 are refused. */
export const isMonthDay: ParameterCheck = (value) => {
  const match = typeof value === 'string' ? /^(\d{2})-(\d{2})$/.exec(value) : null;
  const month = Number(match?.[1]);
  const day = Number(match?.[2]);
  const days = DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days
    ? null
    : 'must be an existing month-day MM-DD';
};

export const isStringList: ParameterCheck = (value) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0)
    ? null
    : 'must be a list of non-empty strings';

/** Either null (the default reading) or a check's accepted value. */
export const orNull =
  (check: ParameterCheck): ParameterCheck =>
  (value) =>
    value === null ? null : check(value);

/** An object whose every named key passes its check (e.g. amounts per tier). */
export const isObjectOf =
  (checks: Readonly<Record<string, ParameterCheck>>): ParameterCheck =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return 'must be an object';
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!Object.hasOwn(checks, key)) return `has an unknown key ${key}`;
    for (const [key, check] of Object.entries(checks)) {
      const reason = check(record[key]);
      if (reason !== null) return `${key} ${reason}`;
    }
    return null;
  };
