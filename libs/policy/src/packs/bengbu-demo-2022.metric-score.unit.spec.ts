import { bengbuLine, demonstrationYear, ruleOf, type MetricTallyOverrides } from '../testing';

const trainingFunction = { training: { trainingSessions: 10, trainees: 1_000 } };

/** Every 第五条 bar exactly met (the training function keeps the S3-2 gate open). */
const allBarsMet: MetricTallyOverrides = {
  byFunction: trainingFunction,
  byArea: {
    consulting: { activities: 6, enterprisesServed: 200 },
    supply_demand: { activities: 6, enterprisesServed: 100 },
    financing: { activities: 3 },
    industry_academia: { activities: 5 },
    digital: { activities: 6, enterprisesServed: 100 },
    green: { activities: 6, enterprisesServed: 100 },
  },
  matchmakingDeals: 6,
  financingFen: 50_000_000 * 100,
  trainingSessions: 10,
  trainees: 800,
  techDemandsSolved: 10,
};

function metricScore(calendarYear: MetricTallyOverrides, parameters: Record<string, unknown> = {}) {
  const year = demonstrationYear(
    'p1',
    {},
    { calendarYear: { byFunction: trainingFunction, ...calendarYear } },
  );
  const result = bengbuLine(year, { district: '禹会区', parameters });
  return { result, rule: ruleOf(result, 'S3-3') };
}

describe('S3-3 service-area targets (第五条) as the metric score', () => {
  it('S3-3 every bar of the eight areas exactly met scores 100', () => {
    const { rule } = metricScore(allBarsMet);
    expect(rule).toMatchObject({
      outcome: 'info',
      figures: { metricScore: 100, consulting: 1, talent: 1, technical: 1 },
    });
    expect(rule.detail).toContain(
      'bars fully met: consulting, supply_demand, financing, industry_academia, digital, green, talent, technical',
    );
  });

  it('S3-3 nothing done scores 0', () => {
    expect(metricScore({}).rule.figures).toMatchObject({ metricScore: 0 });
  });

  it('S3-3 proportional: half of both consulting bars is half an area, 100 × 0.5 ÷ 8 = 6.25', () => {
    const { rule } = metricScore({
      byArea: { consulting: { activities: 3, enterprisesServed: 100 } },
    });
    expect(rule.figures).toMatchObject({ metricScore: 6.25, consulting: 0.5 });
  });

  it('S3-3 metricPartialCredit none: one bar just below (199 of 200 enterprises) earns nothing for the area', () => {
    const nearly = { byArea: { consulting: { activities: 6, enterprisesServed: 199 } } };
    expect(metricScore(nearly, { metricPartialCredit: 'none' }).rule.figures).toMatchObject({
      metricScore: 0,
      consulting: 0,
    });
    expect(metricScore(nearly).rule.figures).toMatchObject({ consulting: 0.9975 });
  });

  it('S3-3 financing: 5,000万元 exactly meets the bar, one 分 less does not (none)', () => {
    const at = { byArea: { financing: { activities: 3 } }, financingFen: 5_000_000_000 };
    expect(metricScore(at, { metricPartialCredit: 'none' }).rule.figures).toMatchObject({
      financing: 1,
    });
    expect(
      metricScore({ ...at, financingFen: 4_999_999_999 }, { metricPartialCredit: 'none' }).rule
        .figures,
    ).toMatchObject({ financing: 0 });
  });

  it.each([
    ['training: 10 sessions & 800 trainees', { trainingSessions: 10, trainees: 800 }, 1],
    ['recruitment: 10 events & 200 hires', { recruitments: 10, hires: 200 }, 1],
    ['training 799 trainees, no recruitment', { trainingSessions: 10, trainees: 799 }, 0],
    ['recruitment 199 hires, no training', { recruitments: 10, hires: 199 }, 0],
  ] as const)('S3-3 talent is training OR recruitment (none): %s ⇒ %i', (_, tally, credit) => {
    expect(metricScore(tally, { metricPartialCredit: 'none' }).rule.figures).toMatchObject({
      talent: credit,
    });
  });

  it('S3-3 talent under proportional takes the better alternative (training 0.5, recruitment 0.75)', () => {
    const tally = { trainingSessions: 5, trainees: 400, recruitments: 10, hires: 100 };
    expect(metricScore(tally).rule.figures).toMatchObject({ talent: 0.75 });
  });

  it('S3-3 without expert scores the metric score ranks the platform (S3-5 flag 无专家评分)', () => {
    const { result } = metricScore(allBarsMet);
    expect(result.score).toBe(100);
    expect(result.flags).toContain('无专家评分');
  });
});
