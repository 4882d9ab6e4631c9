import {
  enrolled,
  evaluationContext,
  metrics,
  requiredMaterials,
  resultFor,
  ruleOf,
  runPack,
  target,
  windowPlatform,
  windowYear,
} from '../testing';
import { cqWindow2025Defaults, cqWindow2025Pack } from './cq-window-2025';

const wanzhou = windowPlatform('wanzhou', '万州区');

function scored(
  year: ReturnType<typeof windowYear>,
  parameters: Readonly<Record<string, unknown>> = {},
) {
  return resultFor(
    runPack(cqWindow2025Pack, evaluationContext([enrolled(wanzhou, year)]), parameters),
    'wanzhou',
  );
}

describe('S1-2 work-plan score out of 100 (基础保障 20 + 服务质效 70 + 区县评价 10)', () => {
  it('S1-2 given all four uploads, full completion and a county score of 10, then the score is 100', () => {
    const result = scored(windowYear('wanzhou'));
    expect(result.score).toBe(100);
    expect(ruleOf(result, 'S1-2')).toMatchObject({
      outcome: 'info',
      figures: { score: 100, basicSupport: 20, serviceQuality: 70, districtEvaluation: 10 },
      eventIds: ['evidence-review-wanzhou'],
    });
  });

  it('S1-2 基础保障: 5 points per S0-6 upload; a missing one is named', () => {
    const result = scored(
      windowYear('wanzhou', {}, { materials: { ...requiredMaterials(), signage: 0 } }),
    );
    expect(result.score).toBe(95);
    expect(ruleOf(result, 'S1-2').detail).toContain('missing: signage');
  });

  it('S1-2 服务质效: 70 × completion (80% ⇒ 56) and 区县评价: the county score out of 10', () => {
    const result = scored(windowYear('wanzhou', { completedOf100: 80, districtScore: 7.5 }));
    expect(ruleOf(result, 'S1-2').figures).toMatchObject({
      basicSupport: 20,
      serviceQuality: 56,
      districtEvaluation: 7.5,
      districtScore: 7.5,
    });
    expect(result.score).toBe(83.5);
  });

  it('S1-2 the score is rounded half up to scoreDecimals from the exact sum (2/3 of 70 = 46.67)', () => {
    const year = windowYear('wanzhou', {}, { targets: [target('a', 3, 2)] });
    expect(scored(year).score).toBe(76.67);
    expect(scored(year, { scoreDecimals: 0 }).score).toBe(77);
  });

  it('S1-2 given no evidence-stage review (recommendation not required), then 区县评价 is 0', () => {
    const year = metrics('wanzhou', {
      targets: [target('a', 10, 10)],
      materials: requiredMaterials(),
    });
    const result = scored(year, { requireDistrictRecommendation: false });
    expect(result.score).toBe(90);
    expect(ruleOf(result, 'S1-2').figures).toMatchObject({ districtScore: null });
  });

  it('S1-2 indicators can move points between the parts (still 100 in all)', () => {
    const result = scored(windowYear('wanzhou', { completedOf100: 50 }), {
      indicators: {
        basicSupportMaterials: { site_area: 10, work_summary: 10 },
        serviceQualityPoints: 60,
        serviceQualityMethod: 'completion',
        districtPoints: 20,
      },
    });
    expect(result.score).toBe(20 + 30 + 20);
  });
});

describe('S1-3 the eight service areas (服务质效 per_area)', () => {
  const perArea = {
    indicators: { ...cqWindow2025Defaults.indicators, serviceQualityMethod: 'per_area' },
  };

  it('S1-3 per_area: each of the eight areas earns 8.75 × the completion of its own targets', () => {
    const year = windowYear(
      'wanzhou',
      {},
      {
        targets: [
          target('activities', 10, 10, 'financing'),
          target('activities', 10, 5, 'digital'),
          target('enterprisesServed', 100, 100, null),
        ],
      },
    );
    const result = scored(year, perArea);
    expect(ruleOf(result, 'S1-3')).toMatchObject({
      outcome: 'info',
      figures: { financing: 1, digital: 0.5, talent: 0 },
    });
    expect(ruleOf(result, 'S1-3').detail).toContain('no targets in cq_code_service');
    expect(ruleOf(result, 'S1-2').figures).toMatchObject({ serviceQuality: 13.13 });
    expect(result.score).toBe(43.13);
  });

  it('S1-3 per_area: targets in all eight areas fully met earn the full 70', () => {
    const areas = [
      'cq_code_service',
      'gradient_cultivation',
      'financing',
      'digital',
      'integration',
      'rights_protection',
      'tech_innovation',
      'talent',
    ] as const;
    const year = windowYear(
      'wanzhou',
      {},
      { targets: areas.map((area) => target('activities', 5, 5, area)) },
    );
    expect(scored(year, perArea).score).toBe(100);
  });
});
