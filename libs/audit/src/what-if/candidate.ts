import { canonicalJson } from '@ledger/event-store';
import { packById, type PolicyPack } from '@ledger/policy';
import { AuditError, invalid } from '../audit-error';
import type { ParameterChange, WhatIfRequest } from './what-if.types';

/** The pack and parameters a what-if runs, resolved by the pack itself. */
export interface Candidate {
  readonly pack: PolicyPack<object>;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** What the candidate starts from: the baseline's pack and parameters. */
export interface PackChoice {
  readonly packId: string;
  readonly packVersion: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/**
 * The candidate: the pack asked for (default the baseline's) at the version the ledger runs, with
 * the given parameters merged over the baseline's — over none when the pack changes, whose
 * parameters are another pack's — and resolved by the pack: unknown names and bad values are
 * VALIDATION_FAILED naming `parameters.<name>`, an unknown pack `packId`, another version
 * `packVersion`.
 */
export function candidateOf(baseline: PackChoice, request: WhatIfRequest): Candidate {
  const packId = request.packId ?? baseline.packId;
  const pack = packById(packId);
  if (pack === undefined) throw invalid('packId', `is not a policy pack: ${packId}`);
  if (request.packVersion !== undefined && request.packVersion !== pack.version) {
    throw invalid(
      'packVersion',
      `pack ${packId} runs at version ${pack.version} only, not ${request.packVersion}`,
    );
  }
  const base = packId === baseline.packId ? baseline.parameters : {};
  const resolved = pack.resolveParameters({ ...base, ...(request.parameters ?? {}) });
  if (!resolved.ok) {
    throw new AuditError(
      'VALIDATION_FAILED',
      `the parameters do not resolve under ${packId} ${pack.version}`,
      resolved.problems,
    );
  }
  return { pack, parameters: resolved.parameters as Readonly<Record<string, unknown>> };
}

/** The parameters whose values differ, by name; null stands for a side without the name. */
export function changedParameters(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): ParameterChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const valueOf = (side: Readonly<Record<string, unknown>>, name: string): unknown =>
    Object.hasOwn(side, name) ? side[name] : null;
  return names
    .filter((name) => canonicalJson(valueOf(before, name)) !== canonicalJson(valueOf(after, name)))
    .map((name) => ({ name, before: valueOf(before, name), after: valueOf(after, name) }));
}
