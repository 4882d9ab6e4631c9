import { invalid } from '../audit-error';
import type { WhatIfBasis, WhatIfRequest } from './what-if.types';

const BASES: readonly WhatIfBasis[] = ['baseline', 'current'];

/**
 * A request from outside the type system (a CLI's JSON file, a body): each member checked and
 * refused naming it, so the library answers the same to every caller.
 */
export function checkedRequest(request: WhatIfRequest): WhatIfRequest {
  const given: unknown = request;
  if (typeof given !== 'object' || given === null) throw invalid('body', 'must be an object');
  for (const field of ['packId', 'packVersion', 'evaluationId'] as const) {
    const value: unknown = request[field];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw invalid(field, 'must be a non-empty string');
    }
  }
  const basis: unknown = request.basis;
  if (basis !== undefined && !BASES.some((known) => known === basis)) {
    throw invalid('basis', `must be one of ${BASES.join(', ')}`);
  }
  const parameters: unknown = request.parameters;
  if (
    parameters !== undefined &&
    (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters))
  ) {
    throw invalid('parameters', 'must be an object of parameter values');
  }
  return request;
}
