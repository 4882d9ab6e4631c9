import { ApiError, validationFailed, validationFailedWith } from '../http/api-error';
import { packById, type EvaluationContext, type PackResult } from './policy';

/** A pack of the registry (libs/policy). */
export type RegisteredPack = NonNullable<ReturnType<typeof packById>>;

/** The pack a program is opened with: an unknown id or another version is a 400 naming the field. */
export function packForOpening(packId: string, packVersion: string | null): RegisteredPack {
  const pack = packById(packId);
  if (pack === undefined) throw validationFailed('packId', `no policy pack ${packId}`);
  if (packVersion !== null && packVersion !== pack.version) {
    throw validationFailed(
      'packVersion',
      `pack ${packId} is at version ${pack.version}; a program opens with the current version`,
    );
  }
  return pack;
}

/** Defaults merged with the given parameters; unknown names and bad values are 400 `parameters.<name>`. */
export function resolvedParameters(
  pack: RegisteredPack,
  given: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const resolved = pack.resolveParameters(given);
  if (!resolved.ok) throw validationFailedWith(resolved.problems);
  return resolved.parameters as Readonly<Record<string, unknown>>;
}

/**
 * Runs the program's pack on the context, with the parameters resolved at opening (resolving them
 * again gives the pack's own type; it is a fixed point). A pack that has since changed version or
 * no longer accepts them is a CONFLICT: re-evaluating under other rules is the audit what-if.
 */
export function runProgramPack(
  program: { readonly packId: string; readonly packVersion: string; readonly parameters: object },
  context: EvaluationContext,
): PackResult {
  const pack = packById(program.packId);
  if (pack === undefined) {
    throw new ApiError(409, 'CONFLICT', `the ledger no longer runs pack ${program.packId}`);
  }
  if (pack.version !== program.packVersion) {
    throw new ApiError(
      409,
      'CONFLICT',
      `the program was opened with ${program.packId} ${program.packVersion}; the ledger runs ${pack.version}`,
    );
  }
  const resolved = pack.resolveParameters(program.parameters as Readonly<Record<string, unknown>>);
  if (!resolved.ok) {
    throw new ApiError(
      409,
      'CONFLICT',
      `the program's parameters no longer resolve under ${program.packId} ${pack.version}`,
      resolved.problems,
    );
  }
  return pack.evaluate(context, resolved.parameters);
}
