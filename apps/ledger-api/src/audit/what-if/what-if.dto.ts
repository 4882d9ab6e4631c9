import { JsonObjectField, OneOf, Text, Uuid } from '../../http/fields';

/** The body of POST /v1/audit/programs/{programId}/what-if (API.md "Auditors"). */
export class WhatIfBody {
  @(Text(100)({
    optional: true,
    description: "another policy pack (default: the baseline evaluation's pack)",
  }))
  packId?: string | null;

  @(Text(50)({
    optional: true,
    description: 'must be the version the ledger runs of that pack when given',
  }))
  packVersion?: string | null;

  @JsonObjectField({
    optional: true,
    description:
      "parameters merged over the baseline's (over the pack's defaults when the pack changes)",
  })
  parameters?: Record<string, unknown> | null;

  @(OneOf(['baseline', 'current'])({
    optional: true,
    description:
      'baseline (default): the log as the baseline evaluation read it, so only the rule change shows; current: the log as of now',
  }))
  basis?: 'baseline' | 'current' | null;

  @Uuid({
    optional: true,
    description: 'the baseline evaluation (default: the published one, else the latest)',
  })
  evaluationId?: string | null;
}
