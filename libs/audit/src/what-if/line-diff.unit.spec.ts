import type { ProgramResultLine } from '@ledger/domain';
import { fieldsOf, lineChange } from './line-diff';

const line = (overrides: Partial<ProgramResultLine> = {}): ProgramResultLine => ({
  platformId: 'p1',
  platformName: '万州区窗口平台',
  graded: true,
  score: 81.5,
  rank: 2,
  grade: '合格',
  tier: '二档',
  amountFen: 20_000_000,
  flags: [],
  ineligibleNextYear: false,
  rules: [
    { ruleId: 'S1-4', outcome: 'pass', detail: 'completion 80% ≥ the 70% bar' },
    { ruleId: 'S1-5', outcome: 'info', detail: 'tier 二档' },
  ],
  ...overrides,
});

describe('one platform between two result lines', () => {
  it('names no change between equal lines', () => {
    expect(lineChange('p1', line(), line())).toEqual({
      platformId: 'p1',
      name: '万州区窗口平台',
      before: fieldsOf(line()),
      after: fieldsOf(line()),
      changes: [],
    });
  });

  it('names the fields that differ, and the rules whose outcomes differ with both sides', () => {
    const after = line({
      grade: '不合格',
      tier: null,
      amountFen: 0,
      rank: null,
      ineligibleNextYear: true,
      rules: [
        { ruleId: 'S1-4', outcome: 'fail', detail: 'completion 80% < the 90% bar' },
        { ruleId: 'S1-5', outcome: 'info', detail: 'not funded' },
      ],
    });
    const change = lineChange('p1', line(), after);
    expect(change.changes).toEqual([
      'rank',
      'grade',
      'tier',
      'amountFen',
      'ineligibleNextYear',
      'rules',
    ]);
    expect(change.rulesBefore).toEqual([line().rules[0]]);
    expect(change.rulesAfter).toEqual([after.rules[0]]);
    expect(change.before).not.toHaveProperty('rules');
    expect(change.after).toMatchObject({ grade: '不合格', amountFen: 0 });
  });

  it('a platform on one side only is a change of the whole line', () => {
    expect(lineChange('p1', null, line())).toMatchObject({ before: null, changes: ['line'] });
    expect(lineChange('p1', line(), null)).toMatchObject({ after: null, changes: ['line'] });
  });
});
