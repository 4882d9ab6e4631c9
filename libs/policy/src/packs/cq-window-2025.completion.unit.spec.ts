import type { TargetProgress } from '@ledger/projections/platform-year-metrics/metrics.view';

import {
  enrolled,
  evaluationContext,
  resultFor,
  ruleOf,
  runPack,
  target,
  unknownTarget,
  windowPlatform,
  windowYear,
} from '../testing';
import { cqWindow2025Pack } from './cq-window-2025';

const wanzhou = windowPlatform('wanzhou', '万州区');

function evaluateTargets(
  targets: readonly TargetProgress[],
  parameters: Readonly<Record<string, unknown>> = {},
) {
  const year = windowYear('wanzhou', {}, { targets });
  return resultFor(
    runPack(cqWindow2025Pack, evaluationContext([enrolled(wanzhou, year)]), parameters),
    'wanzhou',
  );
}

describe('S1-4 completion rate and the 70% bar', () => {
  it('S1-4 completion exactly 70% (7 of 10) passes: 合格 and eligible next year', () => {
    const result = evaluateTargets([target('activities', 10, 7)]);
    expect(ruleOf(result, 'S1-4')).toMatchObject({
      outcome: 'pass',
      figures: { completionRate: 0.7, bar: 0.7 },
    });
    expect(result).toMatchObject({ graded: true, ineligibleNextYear: false });
    expect(result.grade).not.toBe('不合格');
  });

  it('S1-4 completion 69.99% (6,999 of 10,000) fails: 不合格, no support next year, not ranked for funding', () => {
    const result = evaluateTargets([target('enterprisesServed', 10_000, 6_999)]);
    expect(ruleOf(result, 'S1-4')).toMatchObject({
      outcome: 'fail',
      detail:
        'Completion 69.99% (mean_capped over 1 indicator(s), each capped at 100%) is below the 70% bar: 不合格 this year and no support next year.',
      figures: { completionRate: 0.6999, bar: 0.7 },
    });
    expect(result).toMatchObject({
      graded: true,
      grade: '不合格',
      rank: null,
      tier: null,
      amountFen: 0,
      ineligibleNextYear: true,
    });
    expect(result.flags).toEqual(['不合格', '取消下一年支持资格']);
    expect(ruleOf(result, 'S1-5')).toMatchObject({
      outcome: 'fail',
      detail: 'Not ranked for funding: 不合格 (S1-4).',
    });
  });

  it('S1-4 the mean of 60%, 70% and 80% is exactly 70% and passes (compared as exact ratios, not floats)', () => {
    const result = evaluateTargets([target('a', 10, 6), target('b', 10, 7), target('c', 10, 8)]);
    expect(ruleOf(result, 'S1-4').outcome).toBe('pass');
  });

  it('S1-4 each indicator is capped at 100%: 300% on one does not make up for 0% on another', () => {
    const result = evaluateTargets([target('a', 10, 30), target('b', 10, 3)]);
    expect(ruleOf(result, 'S1-4')).toMatchObject({
      outcome: 'fail',
      figures: { completionRate: 0.65 },
    });
  });

  it('S1-4 a plan with no targets has completion 0 and says so', () => {
    const result = evaluateTargets([]);
    expect(ruleOf(result, 'S1-4')).toMatchObject({
      outcome: 'fail',
      detail: 'No work-plan targets: completion is 0%, 不合格, and no support next year.',
      figures: { completionRate: 0, indicators: 0 },
    });
    expect(result.ineligibleNextYear).toBe(true);
  });

  it('S1-4 an indicator the ledger cannot measure counts as 0% by default; skip leaves it out', () => {
    const targets = [target('enterprisesServed', 100, 100), unknownTarget('wechatFollowers', 500)];
    const zero = evaluateTargets(targets);
    expect(ruleOf(zero, 'S1-4')).toMatchObject({
      outcome: 'fail',
      figures: { completionRate: 0.5, unmeasurable: 1 },
    });
    expect(ruleOf(zero, 'S1-4').detail).toContain('(wechatFollowers) count as 0%');
    const skip = evaluateTargets(targets, { unmeasurableTarget: 'skip' });
    expect(ruleOf(skip, 'S1-4')).toMatchObject({ outcome: 'pass', figures: { completionRate: 1 } });
  });

  it('S1-4 a plan of only unmeasurable indicators under skip is completion 0 with the reason', () => {
    const result = evaluateTargets([unknownTarget('wechatFollowers', 500)], {
      unmeasurableTarget: 'skip',
    });
    expect(ruleOf(result, 'S1-4').detail).toBe(
      'No planned indicator can be measured (wechatFollowers): completion is 0%, 不合格, and no support next year.',
    );
  });

  it('S1-4 a target of 0 (which D-PLAN refuses) is unmeasurable, not met', () => {
    const result = evaluateTargets([target('a', 0, 0), target('b', 10, 4)]);
    expect(ruleOf(result, 'S1-4')).toMatchObject({
      outcome: 'fail',
      figures: { completionRate: 0.2 },
    });
  });

  it('S1-4 completionAggregation weighted_capped: weights by indicator name, unlisted weigh 1', () => {
    const targets = [target('financingFen', 100, 40), target('activities', 10, 10)];
    expect(ruleOf(evaluateTargets(targets), 'S1-4').figures).toMatchObject({ completionRate: 0.7 });
    const weighted = evaluateTargets(targets, {
      completionAggregation: 'weighted_capped',
      completionWeights: { financingFen: 3 },
    });
    expect(ruleOf(weighted, 'S1-4')).toMatchObject({
      outcome: 'fail',
      figures: { completionRate: 0.55, aggregation: 'weighted_capped' },
    });
  });

  it('S1-4 completionAggregation min_capped: the weakest indicator decides (70% passes, 69% fails)', () => {
    const passes = evaluateTargets([target('a', 10, 10), target('b', 100, 70)], {
      completionAggregation: 'min_capped',
    });
    expect(ruleOf(passes, 'S1-4')).toMatchObject({
      outcome: 'pass',
      figures: { completionRate: 0.7 },
    });
    const fails = evaluateTargets([target('a', 10, 10), target('b', 100, 69)], {
      completionAggregation: 'min_capped',
    });
    expect(ruleOf(fails, 'S1-4').outcome).toBe('fail');
  });

  it('S1-4 minCompletionRate moves the bar, still compared exactly', () => {
    const result = evaluateTargets([target('a', 100, 79)], { minCompletionRate: 0.8 });
    expect(ruleOf(result, 'S1-4').outcome).toBe('fail');
    expect(
      ruleOf(evaluateTargets([target('a', 100, 80)], { minCompletionRate: 0.8 }), 'S1-4').outcome,
    ).toBe('pass');
  });
});
