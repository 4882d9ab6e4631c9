import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformEvaluationInput, PlatformResult } from '../pack';
import {
  materials,
  operatorProfile,
  platformView,
  yearMetrics,
  type MetricTallyOverrides,
  type YearMetricsOverrides,
} from '../testing';
import {
  CQ_NETWORK_DEFAULTS,
  cqNetwork2020Pack,
  type CqNetworkParameters,
} from './cq-network-2020';

const YEAR = 2020;

/** A platform that meets every S0-6 bar exactly and uploaded the four required materials. */
function platform(
  platformId: string,
  options: {
    readonly view?: Partial<PlatformView>;
    readonly year?: MetricTallyOverrides;
    readonly metrics?: YearMetricsOverrides;
  } = {},
): PlatformEvaluationInput {
  return {
    platform: platformView({ platformId, name: `${platformId}平台`, ...options.view }),
    metrics: yearMetrics({
      platformId,
      materials: materials({ site_area: 1, signage: 1, staff_count: 1, work_summary: 1 }),
      ...options.metrics,
      calendarYear: {
        institutionsDelivering: 5,
        residentEnterprises: 100,
        activities: 5,
        services: 50,
        serviceItemsPublished: 10,
        ...options.year,
      },
    }),
    previousYears: [],
  };
}

const demo = (
  platformId: string,
  options: Parameters<typeof platform>[1] = {},
): PlatformEvaluationInput =>
  platform(platformId, {
    ...options,
    view: { kind: 'demonstration', level: 'municipal', ...options.view },
  });

function evaluate(
  platforms: readonly PlatformEvaluationInput[],
  given: Partial<CqNetworkParameters> = {},
) {
  const resolved = cqNetwork2020Pack.resolveParameters(given);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return cqNetwork2020Pack.evaluate(
    { year: YEAR, programId: 'cq-network-2020', platforms },
    resolved.parameters,
  );
}

function resultOf(result: ReturnType<typeof evaluate>, platformId: string): PlatformResult {
  const found = result.results.find((r) => r.platformId === platformId);
  if (found === undefined) throw new Error(`no result for ${platformId}`);
  return found;
}

const rulesOf = (result: PlatformResult, ruleId: string) =>
  result.rules.filter((rule) => rule.ruleId === ruleId);

/** n platforms with activities n+4 … 5: distinct scores, all meeting every bar. */
const ladder = (
  prefix: string,
  n: number,
  make: typeof platform = platform,
): PlatformEvaluationInput[] =>
  Array.from({ length: n }, (_, index) =>
    make(`${prefix}-${String(index + 1).padStart(2, '0')}`, {
      year: { activities: 5 + n - index },
    }),
  );

describe('cq-network-2020 parameters', () => {
  it('the defaults are documented values', () => {
    expect(cqNetwork2020Pack.defaults).toEqual(CQ_NETWORK_DEFAULTS);
    expect(CQ_NETWORK_DEFAULTS.districts).toHaveLength(41);
    expect(cqNetwork2020Pack.version).toBe('1.0.0');
  });

  it('an unknown parameter or a malformed cut-off is refused with the field at fault', () => {
    const resolved = cqNetwork2020Pack.resolveParameters({
      gradingFilingCutoff: '2020-11-27',
      cutoff: '11-27',
    });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok)
      expect(resolved.problems.map((p) => p.field)).toEqual([
        'parameters.gradingFilingCutoff',
        'parameters.cutoff',
      ]);
  });
});

describe('S0-1 grading from the year’s data: 优秀 / 合格 by score within each role', () => {
  it('S0-1 with the default shares reproduces the bulletin: 12 优秀 of 33 windows and 12 of 44 demonstration platforms', () => {
    const result = evaluate([...ladder('window', 33), ...ladder('demo', 44, demo)]);
    const grades = (prefix: string) =>
      result.results.filter((r) => r.platformId.startsWith(prefix)).map((r) => r.grade);
    expect(grades('window').filter((g) => g === '优秀')).toHaveLength(12);
    expect(grades('window').filter((g) => g === '合格')).toHaveLength(21);
    expect(grades('demo').filter((g) => g === '优秀')).toHaveLength(12);
    expect(grades('demo').filter((g) => g === '合格')).toHaveLength(32);
    expect(result.network['grading']).toMatchObject({
      window: { graded: 33, 优秀: 12, 合格: 21, 不合格: 0, excellentQuota: 12 },
      demonstration: { graded: 44, 优秀: 12, 合格: 32, 不合格: 0, excellentQuota: 12 },
    });
  });

  it('S0-1 gives 优秀 to the highest scores, ranks every graded platform and lists 优秀 first', () => {
    const result = evaluate(ladder('window', 5), {
      excellentShare: { window: 0.4, demonstration: 0 },
    });
    expect(result.results.map((r) => [r.platformId, r.grade, r.rank])).toEqual([
      ['window-01', '优秀', 1],
      ['window-02', '优秀', 2],
      ['window-03', '合格', 3],
      ['window-04', '合格', 4],
      ['window-05', '合格', 5],
    ]);
    expect(rulesOf(resultOf(result, 'window-02'), 'S0-1').at(-1)?.figures).toMatchObject({
      excellentQuota: 2,
      qualifying: 5,
    });
  });

  it('S0-1 a tie with the last 优秀 is 优秀 too: a grade never depends on an id', () => {
    const tied = [
      platform('a', { year: { activities: 9 } }),
      platform('b', { year: { activities: 7 } }),
      platform('c', { year: { activities: 7 } }),
      platform('d', { year: { activities: 6 } }),
    ];
    const result = evaluate(tied, { excellentShare: { window: 0.5, demonstration: 0 } });
    expect(result.results.map((r) => [r.platformId, r.grade, r.rank])).toEqual([
      ['a', '优秀', 1],
      ['b', '优秀', 2],
      ['c', '优秀', 2],
      ['d', '合格', 4],
    ]);
  });

  it('S0-1 a platform revoked before year end or filed after it is not graded', () => {
    const result = evaluate([
      platform('revoked', { view: { revokedAt: '2020-08-01', revocationEventId: 'rev-1' } }),
      platform('next-year', { view: { filedAt: '2021-01-04' } }),
    ]);
    for (const r of result.results) {
      expect(r.graded).toBe(false);
      expect(rulesOf(r, 'S0-1')[0]?.outcome).toBe('info');
    }
    expect(rulesOf(resultOf(result, 'revoked'), 'S0-1')[0]?.eventIds).toEqual(['rev-1']);
  });

  it('S0-1 a platform that reported nothing is graded on zero counts (and so fails S0-6)', () => {
    const silent = {
      platform: platformView({ platformId: 'silent' }),
      metrics: null,
      previousYears: [],
    };
    const r = resultOf(evaluate([silent]), 'silent');
    expect(r.graded).toBe(true);
    expect(r.grade).toBe('不合格');
  });
});

describe('S0-2 late filing: not graded (不纳入评价)', () => {
  it('S0-2 the bulletin’s case: a window platform filed 2020-11-27 is not graded', () => {
    const r = resultOf(
      evaluate([platform('beibei', { view: { filedAt: '2020-11-27', filedEventId: 'filed-bb' } })]),
      'beibei',
    );
    expect(r.graded).toBe(false);
    expect(r.grade).toBeNull();
    expect(r.flags).toEqual(['不纳入评价']);
    expect(rulesOf(r, 'S0-2')[0]).toMatchObject({ outcome: 'info', eventIds: ['filed-bb'] });
  });

  it('S0-2 boundary: filed 09-30 is graded, filed on the cut-off 10-01 (Beijing) is not', () => {
    const result = evaluate([
      platform('sep-30', { view: { filedAt: '2020-09-30T15:59:59Z' } }),
      platform('oct-01', { view: { filedAt: '2020-09-30T16:00:00Z' } }),
    ]);
    expect(resultOf(result, 'sep-30').graded).toBe(true);
    expect(resultOf(result, 'oct-01').graded).toBe(false);
  });

  it('S0-2 with the cut-off moved to 12-01, the 2020-11-27 filing is graded', () => {
    const result = evaluate([platform('beibei', { view: { filedAt: '2020-11-27' } })], {
      gradingFilingCutoff: '12-01',
    });
    expect(resultOf(result, 'beibei').graded).toBe(true);
  });

  it('S0-2 compares within the evaluated year: filed 2019-11-27 is graded in 2020', () => {
    expect(
      resultOf(evaluate([platform('old', { view: { filedAt: '2019-11-27' } })]), 'old').graded,
    ).toBe(true);
  });

  it('S0-2 applies to window platforms only: a demonstration platform filed late is graded', () => {
    const r = resultOf(
      evaluate([demo('late-demo', { view: { filedAt: '2020-11-27' } })]),
      'late-demo',
    );
    expect(r.graded).toBe(true);
    expect(rulesOf(r, 'S0-2')).toEqual([]);
  });
});

describe('S0-3 construction period: graded and tagged 建设期', () => {
  it('S0-3 a window in 建设期 filed before the cut-off is graded 合格 and tagged 建设期 (the bulletin’s 合格（建设期）)', () => {
    const result = evaluate([
      ...ladder('window', 3),
      platform('jiangbei', { view: { underConstruction: true, filedAt: '2020-03-01' } }),
    ]);
    const r = resultOf(result, 'jiangbei');
    expect(r.graded).toBe(true);
    expect(r.grade).toBe('合格');
    expect(r.flags).toContain('建设期');
    expect(rulesOf(r, 'S0-3')[0]?.outcome).toBe('flag');
  });

  it('S0-3 construction completed after year end still counts as 建设期; completed by 12-31 does not', () => {
    const result = evaluate([
      platform('jan', { view: { constructionCompletedAt: '2021-01-05' } }),
      platform('dec', { view: { constructionCompletedAt: '2020-12-20' } }),
    ]);
    expect(resultOf(result, 'jan').flags).toContain('建设期');
    expect(resultOf(result, 'dec').flags).not.toContain('建设期');
  });

  it('S0-3 a top-scoring platform in 建设期 is 优秀 by default; with constructionPeriodMayExcel false it is 合格 and the 优秀 place passes on', () => {
    const inputs = [
      platform('building', { view: { underConstruction: true }, year: { activities: 50 } }),
      platform('other', { year: { activities: 6 } }),
    ];
    const share = { window: 0.5, demonstration: 0 };
    expect(resultOf(evaluate(inputs, { excellentShare: share }), 'building').grade).toBe('优秀');
    const capped = evaluate(inputs, { excellentShare: share, constructionPeriodMayExcel: false });
    expect(resultOf(capped, 'building').grade).toBe('合格');
    expect(resultOf(capped, 'other').grade).toBe('优秀');
  });
});

describe('S0-4 dual role: a demonstration platform that is also a window platform is graded once', () => {
  it('S0-4 the demonstration platform gets no grade; its window platform is graded and notes the link', () => {
    const result = evaluate([
      platform('youkuai-window'),
      demo('youkuai-demo', { view: { windowPlatformId: 'youkuai-window' } }),
      demo('other-demo'),
    ]);
    const demoResult = resultOf(result, 'youkuai-demo');
    expect(demoResult.graded).toBe(false);
    expect(demoResult.grade).toBeNull();
    expect(rulesOf(demoResult, 'S0-4')[0]?.figures).toEqual({ windowPlatformId: 'youkuai-window' });
    const windowResult = resultOf(result, 'youkuai-window');
    expect(windowResult.graded).toBe(true);
    expect(rulesOf(windowResult, 'S0-4')[0]?.outcome).toBe('info');
    expect(result.network['grading']).toMatchObject({
      demonstration: { graded: 1, notGradedDualRole: 1 },
    });
  });
});

describe('S0-5 the rest are 不合格', () => {
  it('S0-5 a graded platform neither 优秀 nor 合格 is 不合格 with its reasons, ranked but outside the 优秀 quota', () => {
    const result = evaluate([
      ...ladder('window', 2),
      platform('weak', { year: { activities: 4, services: 9999 } }),
    ]);
    const r = resultOf(result, 'weak');
    expect(r.grade).toBe('不合格');
    expect(r.rank).toBe(1);
    expect(rulesOf(r, 'S0-5')[0]).toMatchObject({ outcome: 'fail' });
    expect(rulesOf(r, 'S0-5')[0]?.detail).toContain('全年开展的活动不足5次');
    expect(result.results.at(-1)?.platformId).toBe('weak');
  });
});

describe('S0-6 operating irregularities', () => {
  it.each([
    ['effective service institutions 4', { institutionsDelivering: 4 }, '聚集有效服务机构不足5家'],
    ['resident enterprises 99', { residentEnterprises: 99 }, '入驻企业不足100家'],
    ['activities 4', { activities: 4 }, '全年开展的活动不足5次'],
  ])('S0-6 %s (just below the bar) is flagged and 不合格', (_, year, flag) => {
    const r = resultOf(evaluate([platform('p', { year })]), 'p');
    expect(r.flags).toEqual([flag]);
    expect(r.grade).toBe('不合格');
  });

  it('S0-6 exactly at the bars (5 institutions, 100 enterprises, 5 activities, every upload) is not flagged', () => {
    const r = resultOf(evaluate([platform('p')]), 'p');
    expect(r.flags).toEqual([]);
    expect(rulesOf(r, 'S0-6').map((rule) => rule.outcome)).toEqual(Array(7).fill('pass'));
  });

  it.each([
    ['site_area', '未上传场地面积'],
    ['signage', '未上传标识标牌'],
    ['staff_count', '未上传工作人员数量'],
    ['work_summary', '未上传工作总结'],
  ] as const)('S0-6 a missing %s upload is flagged %s and 不合格', (kind, flag) => {
    const present = { site_area: 1, signage: 1, staff_count: 1, work_summary: 1, [kind]: 0 };
    const r = resultOf(
      evaluate([platform('p', { metrics: { materials: materials(present) } })]),
      'p',
    );
    expect(r.flags).toEqual([flag]);
    expect(r.grade).toBe('不合格');
  });

  it('S0-6 effective institutions are those that delivered a service, not the declared roster', () => {
    const r = resultOf(
      evaluate([
        platform('paper', {
          view: { profile: operatorProfile({ institutions: 40 }) },
          year: { institutionsDelivering: 2 },
        }),
      ]),
      'paper',
    );
    expect(r.flags).toContain('聚集有效服务机构不足5家');
  });

  it('S0-6 resident enterprises are cumulative by default: 60 this year + 40 earlier = 100 passes; with stockBasis year it is flagged', () => {
    const input: PlatformEvaluationInput = {
      ...platform('p', { year: { residentEnterprises: 60 } }),
      previousYears: [yearMetrics({ year: 2019, calendarYear: { residentEnterprises: 40 } })],
    };
    expect(resultOf(evaluate([input]), 'p').flags).toEqual([]);
    expect(resultOf(evaluate([input], { stockBasis: 'year' }), 'p').flags).toEqual([
      '入驻企业不足100家',
    ]);
  });

  it('S0-6 with irregularityFails = false every flag is still raised but the grade stays 合格', () => {
    const r = resultOf(
      evaluate([platform('p', { year: { activities: 4, residentEnterprises: 10 } })], {
        irregularityFails: false,
      }),
      'p',
    );
    expect(r.flags).toEqual(['入驻企业不足100家', '全年开展的活动不足5次']);
    expect(r.grade).toBe('合格');
    expect(rulesOf(r, 'S0-5')).toEqual([]);
  });
});

describe('S0-7 poor contact (联系不通畅)', () => {
  it('S0-7 one missed meeting is not "多次": no flag', () => {
    const r = resultOf(evaluate([platform('p', { metrics: { meetingsMissed: 1 } })]), 'p');
    expect(r.flags).toEqual([]);
    expect(rulesOf(r, 'S0-7')[0]?.outcome).toBe('pass');
  });

  it('S0-7 a missed meeting and a missed task (2, the default bar) raise the flag without failing the grade', () => {
    const r = resultOf(
      evaluate([platform('p', { metrics: { meetingsMissed: 1, tasksMissed: 1 } })]),
      'p',
    );
    expect(r.flags).toEqual(['联系不通畅']);
    expect(r.grade).toBe('合格');
  });

  it('S0-7 with poorContactFails = true the flag makes the grade 不合格', () => {
    const r = resultOf(
      evaluate([platform('p', { metrics: { meetingsMissed: 3 } })], { poorContactFails: true }),
      'p',
    );
    expect(r.grade).toBe('不合格');
    expect(rulesOf(r, 'S0-5')[0]?.detail).toContain('联系不通畅');
  });
});

describe('S0-8 network totals in the pack result', () => {
  it('S0-8 reports totals and platform counts over the whole network, graded or not', () => {
    const result = evaluate([
      platform('wanzhou', {
        view: {
          district: '万州区',
          profile: operatorProfile({ institutions: 20, keyInstitutions: 1 }),
        },
        year: { services: 300, activities: 12 },
      }),
      platform('beibei', { view: { district: '北碚区', filedAt: '2020-11-27' } }),
      platform('qijiang-industry', { view: { kind: 'industry_window', district: '綦江区' } }),
      demo('national', { view: { level: 'national' } }),
    ]);
    expect(result.network['totals']).toMatchObject({
      ruleId: 'S0-8',
      platformsInNetwork: 4,
      serviceInstitutions: 20,
      keyInstitutions: 1,
      servicesProvided: 300 + 50 * 3,
      activitiesHeld: 12 + 5 * 3,
      platformsByKind: { district_window: 2, industry_window: 1, demonstration: 1 },
      demonstrationByLevel: { national: 1, provincial: 0, municipal: 0 },
    });
    const totals = result.network['totals'] as { districtsWithoutWindow: string[] };
    expect(totals.districtsWithoutWindow).toHaveLength(39);
    expect(totals.districtsWithoutWindow).not.toContain('万州区');
  });
});
