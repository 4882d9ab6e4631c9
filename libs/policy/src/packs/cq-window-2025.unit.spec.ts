import {
  districtReview,
  enrolled,
  evaluationContext,
  metrics,
  platformView,
  resultFor,
  ruleOf,
  runPack,
  windowPlatform,
  windowYear,
} from '../testing';
import { cqWindow2025Defaults, cqWindow2025Pack } from './cq-window-2025';

const wanzhou = windowPlatform('wanzhou', '万州区');

describe('cq-window-2025 pack parameters (the notice’s silences)', () => {
  it('given no parameters, then the defaults are used and echoed in the result', () => {
    const result = runPack(cqWindow2025Pack, evaluationContext([]));
    expect(result).toMatchObject({
      packId: 'cq-window-2025',
      packVersion: '1.0.0',
      year: 2025,
      results: [],
      network: {},
    });
    expect(result.parameters).toEqual(cqWindow2025Defaults);
  });

  it('given a known parameter, then it replaces the default', () => {
    const resolved = cqWindow2025Pack.resolveParameters({ regionQuotaRounding: 'floor' });
    expect(resolved).toEqual({
      ok: true,
      parameters: { ...cqWindow2025Defaults, regionQuotaRounding: 'floor' },
    });
  });

  it.each([
    [{ unknownKnob: 1 }, 'parameters.unknownKnob'],
    [{ maxFunded: 21 }, 'parameters.maxFunded'],
    [{ tier1Max: 11 }, 'parameters.tier1Max'],
    [{ tierAmountsFen: { 一档: 30_000_001, 二档: 20_000_000 } }, 'parameters.tierAmountsFen'],
    [{ regionQuotaShare: 0.29 }, 'parameters.regionQuotaShare'],
    [{ eligibleKinds: ['county_window'] }, 'parameters.eligibleKinds'],
    [{ completionWeights: { enterprisesServed: 1.5 } }, 'parameters.completionWeights'],
    [{ dishonestDebtorListedBy: '9-30' }, 'parameters.dishonestDebtorListedBy'],
    [
      {
        indicators: {
          ...cqWindow2025Defaults.indicators,
          basicSupportMaterials: { site_area: 5, signage: 5, staff_count: 5 },
        },
      },
      'parameters.indicators',
    ],
    [
      {
        indicators: {
          ...cqWindow2025Defaults.indicators,
          basicSupportMaterials: { rubbish: 20 },
        },
      },
      'parameters.indicators',
    ],
  ])('given %j, then the parameter is refused with its field', (given, field) => {
    const resolved = cqWindow2025Pack.resolveParameters(given);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.problems.map((p) => p.field)).toEqual([field]);
  });

  it('S1-2 refuses indicators that do not add up to 100 points and names the rule', () => {
    const resolved = cqWindow2025Pack.resolveParameters({
      indicators: { ...cqWindow2025Defaults.indicators, districtPoints: 15 },
    });
    expect(resolved).toEqual({
      ok: false,
      problems: [{ field: 'parameters.indicators', reason: 'points must add up to 100 (S1-2)' }],
    });
  });
});

describe('S1-8 scope and county recommendation gate', () => {
  it('S1-8 given a recommended county window platform, then it is graded and the review is cited', () => {
    const result = resultFor(
      runPack(cqWindow2025Pack, evaluationContext([enrolled(wanzhou, windowYear('wanzhou'))])),
      'wanzhou',
    );
    expect(result.graded).toBe(true);
    expect(ruleOf(result, 'S1-8')).toMatchObject({
      outcome: 'pass',
      eventIds: ['evidence-review-wanzhou'],
    });
  });

  it('S1-8 not recommended: the county reviewed the evidence and did not recommend ⇒ not graded, not funded, with the reason', () => {
    const result = resultFor(
      runPack(
        cqWindow2025Pack,
        evaluationContext([enrolled(wanzhou, windowYear('wanzhou', { recommended: false }))]),
      ),
      'wanzhou',
    );
    expect(result).toMatchObject({
      graded: false,
      score: null,
      rank: null,
      grade: null,
      tier: null,
      amountFen: 0,
      ineligibleNextYear: false,
    });
    expect(ruleOf(result, 'S1-8')).toMatchObject({
      outcome: 'fail',
      detail:
        'The county did not recommend the platform at the evidence stage: not evaluated or funded.',
      eventIds: ['evidence-review-wanzhou'],
    });
  });

  it('S1-8 given no county review at all (or no metrics), then the platform is not graded', () => {
    const noReview = metrics('wanzhou');
    const run = runPack(
      cqWindow2025Pack,
      evaluationContext([
        enrolled(wanzhou, noReview),
        enrolled(windowPlatform('silent', '黔江区'), null),
      ]),
    );
    for (const id of ['wanzhou', 'silent']) {
      const result = resultFor(run, id);
      expect(result.graded).toBe(false);
      expect(ruleOf(result, 'S1-8').detail).toBe(
        'No county review at the evidence stage: not evaluated or funded.',
      );
    }
  });

  it('S1-8 recommendationStage plan reads the 初审; both needs both reviews to recommend', () => {
    const planRefused = windowYear(
      'wanzhou',
      {},
      {
        districtReviews: {
          plan: districtReview('plan-1', 0, false),
          evidence: districtReview('evidence-1', 9, true),
        },
      },
    );
    const context = evaluationContext([enrolled(wanzhou, planRefused)]);
    expect(resultFor(runPack(cqWindow2025Pack, context), 'wanzhou').graded).toBe(true);
    const plan = resultFor(
      runPack(cqWindow2025Pack, context, { recommendationStage: 'plan' }),
      'wanzhou',
    );
    expect(plan.graded).toBe(false);
    expect(ruleOf(plan, 'S1-8').eventIds).toEqual(['plan-1']);
    const both = resultFor(
      runPack(cqWindow2025Pack, context, { recommendationStage: 'both' }),
      'wanzhou',
    );
    expect(both.graded).toBe(false);
    expect(ruleOf(both, 'S1-8').eventIds).toEqual(['plan-1', 'evidence-1']);
  });

  it('S1-8 requireDistrictRecommendation false: graded without a review (and a platform with no metrics is graded 不合格)', () => {
    const run = runPack(
      cqWindow2025Pack,
      evaluationContext([enrolled(windowPlatform('silent', '黔江区'), null)]),
      { requireDistrictRecommendation: false },
    );
    const result = resultFor(run, 'silent');
    expect(result).toMatchObject({ graded: true, grade: '不合格', ineligibleNextYear: true });
    expect(ruleOf(result, 'S1-8').outcome).toBe('info');
  });

  it('S1-8 scope: an industry window or a demonstration platform is not evaluated by default; eligibleKinds widens it', () => {
    const industry = platformView({ platformId: 'industry', kind: 'industry_window' });
    const demo = platformView({ platformId: 'demo', kind: 'demonstration', level: 'municipal' });
    const context = evaluationContext([
      enrolled(industry, windowYear('industry')),
      enrolled(demo, windowYear('demo')),
    ]);
    const byDefault = runPack(cqWindow2025Pack, context);
    expect(resultFor(byDefault, 'industry').graded).toBe(false);
    expect(ruleOf(resultFor(byDefault, 'demo'), 'S1-8').detail).toBe(
      'The notice is for 区县窗口平台 (eligibleKinds district_window); a demonstration platform is not evaluated.',
    );
    const widened = runPack(cqWindow2025Pack, context, {
      eligibleKinds: ['district_window', 'industry_window'],
    });
    expect(resultFor(widened, 'industry').graded).toBe(true);
    expect(resultFor(widened, 'demo').graded).toBe(false);
  });
});

describe('S1-1 implementation period and evidence deadline', () => {
  it('S1-1 given no excluded records, then the rule says everything counted', () => {
    const result = resultFor(
      runPack(cqWindow2025Pack, evaluationContext([enrolled(wanzhou, windowYear('wanzhou'))])),
      'wanzhou',
    );
    expect(ruleOf(result, 'S1-1')).toMatchObject({
      outcome: 'info',
      figures: { excluded: 0, outsidePeriod: 0, afterDeadline: 0 },
      eventIds: [],
    });
    expect(result.flags).toEqual([]);
  });

  it('S1-1 given records outside the period and after the deadline, then they are cited by id and late ones are flagged', () => {
    const year = windowYear(
      'wanzhou',
      {},
      {
        excluded: [
          {
            recordId: 'r-october',
            type: 'ServiceRecorded',
            occurredAt: '2025-10-02T09:00:00+08:00',
            recordedAt: '2025-10-02T10:00:00+08:00',
            reason: 'outside_period',
            ruleId: 'S1-1',
          },
          {
            recordId: 'r-backdated',
            type: 'ServiceRecorded',
            occurredAt: '2025-09-01T09:00:00+08:00',
            recordedAt: '2025-10-11T10:00:00+08:00',
            reason: 'after_evidence_deadline',
            ruleId: 'S1-1',
          },
        ],
      },
    );
    const result = resultFor(
      runPack(cqWindow2025Pack, evaluationContext([enrolled(wanzhou, year)])),
      'wanzhou',
    );
    expect(ruleOf(result, 'S1-1')).toEqual({
      ruleId: 'S1-1',
      outcome: 'flag',
      detail:
        '2 record(s) not counted: 1 outside the implementation period, 1 recorded after the evidence deadline.',
      figures: { excluded: 2, outsidePeriod: 1, afterDeadline: 1 },
      eventIds: ['r-october', 'r-backdated'],
    });
    expect(result.flags).toContain('逾期记录不计');
  });
});
