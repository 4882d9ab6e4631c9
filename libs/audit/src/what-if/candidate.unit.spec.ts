import { packById } from '@ledger/policy';
import { AuditError } from '../audit-error';
import { candidateOf, changedParameters } from './candidate';

const window = packById('cq-window-2025');
if (window === undefined) throw new Error('cq-window-2025 is not registered');
const resolved = window.resolveParameters({});
if (!resolved.ok) throw new Error('the defaults do not resolve');
const baseline = {
  packId: window.id,
  packVersion: window.version,
  parameters: resolved.parameters as Readonly<Record<string, unknown>>,
};

function refusal(run: () => unknown): AuditError {
  try {
    run();
  } catch (error) {
    if (error instanceof AuditError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the what-if candidate', () => {
  it("merges the given parameters over the baseline's and resolves them by the pack", () => {
    const candidate = candidateOf(baseline, { parameters: { minCompletionRate: 0.6 } });
    expect(candidate.pack.id).toBe('cq-window-2025');
    expect(candidate.parameters).toEqual({ ...baseline.parameters, minCompletionRate: 0.6 });
    expect(changedParameters(baseline.parameters, candidate.parameters)).toEqual([
      { name: 'minCompletionRate', before: 0.7, after: 0.6 },
    ]);
  });

  it("another pack starts from that pack's defaults, not the baseline's parameters", () => {
    const candidate = candidateOf(baseline, { packId: 'cq-network-2020' });
    expect(candidate.pack.id).toBe('cq-network-2020');
    expect(candidate.parameters).toEqual(packById('cq-network-2020')?.defaults);
    const changes = changedParameters(baseline.parameters, candidate.parameters);
    expect(changes.find((change) => change.name === 'minCompletionRate')).toEqual({
      name: 'minCompletionRate',
      before: 0.7,
      after: null,
    });
  });

  it.each<[string, Parameters<typeof candidateOf>[1], string]>([
    ['an unknown pack', { packId: 'no-such-pack' }, 'packId'],
    ['another version', { packVersion: '0.0.1' }, 'packVersion'],
    [
      'a value out of range',
      { parameters: { minCompletionRate: 2 } },
      'parameters.minCompletionRate',
    ],
    ['an unknown name', { parameters: { bogus: true } }, 'parameters.bogus'],
  ])('%s is VALIDATION_FAILED naming the field', (_name, request, field) => {
    const error = refusal(() => candidateOf(baseline, request));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((detail) => detail.field)).toContain(field);
  });

  it('nested values compare by content, not by key order', () => {
    expect(changedParameters({ tiers: { a: 1, b: 2 } }, { tiers: { b: 2, a: 1 } })).toEqual([]);
  });
});
