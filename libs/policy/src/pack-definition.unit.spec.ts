import { platformView } from '@ledger/projections/testing';
import type { EvaluationContext, RuleApplication } from './pack';
import { definePack, notGradedResult } from './pack-definition';
import { isIntegerIn } from './parameters';

const defaults = { maxFunded: 20 };
const context: EvaluationContext = { year: 2025, programId: 'program-1', platforms: [] };
const rule: RuleApplication = { ruleId: 'S1-8', outcome: 'fail', detail: 'Not recommended.' };

const pack = (network?: Readonly<Record<string, unknown>>) =>
  definePack({
    id: 'cq-window-2025',
    version: '9.9.9',
    title: 'a pack',
    defaults,
    checks: { maxFunded: isIntegerIn(0, 20) },
    evaluate: (_context, parameters) => ({
      results: [notGradedResult(platformView({ name: `max ${String(parameters.maxFunded)}` }), [])],
      ...(network === undefined ? {} : { network }),
    }),
  });

describe('a pack from its definition (pack.ts: a result records the pack, version and parameters)', () => {
  it('resolves parameters over the defaults with the pack’s checks', () => {
    expect(pack().resolveParameters({ maxFunded: 12 })).toEqual({
      ok: true,
      parameters: { maxFunded: 12 },
    });
    expect(pack().resolveParameters({ maxFunded: 21 })).toMatchObject({
      ok: false,
      problems: [{ field: 'parameters.maxFunded' }],
    });
  });

  it('stamps every result with the pack id, version, a copy of the parameters and the year', () => {
    // given parameters a caller still holds
    const parameters = { maxFunded: 3 };
    // when evaluated
    const result = pack().evaluate(context, parameters);
    // then
    expect(result).toEqual({
      packId: 'cq-window-2025',
      packVersion: '9.9.9',
      parameters: { maxFunded: 3 },
      year: 2025,
      results: [expect.objectContaining({ platformName: 'max 3' })],
      network: {},
    });
    expect(result.parameters).not.toBe(parameters);
  });

  it('passes a network pack’s figures through', () => {
    expect(pack({ grading: { graded: 0 } }).evaluate(context, defaults).network).toEqual({
      grading: { graded: 0 },
    });
  });
});

describe('a line not graded', () => {
  it('has no score, rank, grade, tier or amount and no consequence next year; the rules say why', () => {
    const platform = platformView({ platformId: 'p1', name: '平台一' });
    expect(notGradedResult(platform, [rule], ['建设期'])).toEqual({
      platformId: 'p1',
      platformName: '平台一',
      graded: false,
      score: null,
      rank: null,
      grade: null,
      tier: null,
      amountFen: 0,
      flags: ['建设期'],
      ineligibleNextYear: false,
      rules: [rule],
    });
  });
});
