import type { FunctionTally } from '@ledger/projections/platform-year-metrics/metrics.view';
import type {
  OperatorProfileView,
  PlatformView,
} from '@ledger/projections/platforms/platform.view';
import type { PlatformEvaluationInput, PlatformResult } from '../pack';
import {
  operatorProfile,
  platformView,
  ratings,
  yearMetrics,
  type MetricTallyOverrides,
} from '../testing';
import {
  CQ_DEMO_CERTIFICATION_DEFAULTS,
  cqDemoCertificationPack,
  type CqDemoCertificationParameters,
} from './cq-demo-certification';

const YEAR = 2020;

/**
 * An applicant exactly at every bar of 第六条 and 第七条's information function, judged on
 * 2020-12-31: operating since 2018-12-31, 200万元, 100 enterprises, 16 of 20 satisfied (80%), 15
 * staff of whom 12 qualified (80%), 5 institutions, 100 enterprises offline and 4 activities.
 */
interface ApplicantOptions {
  readonly view?: Partial<PlatformView>;
  readonly profile?: Partial<OperatorProfileView>;
  readonly year?: MetricTallyOverrides;
  readonly metrics?: Parameters<typeof yearMetrics>[0];
  readonly previousYears?: PlatformEvaluationInput['previousYears'];
}

function applicant(options: ApplicantOptions = {}): PlatformEvaluationInput {
  return {
    platform: platformView({
      platformId: 'yuchuang',
      name: '重庆市渝创中小企业公共服务示范平台',
      kind: 'demonstration',
      level: 'municipal',
      province: '重庆市',
      district: '渝中区',
      profile: operatorProfile({
        eventId: 'profile-1',
        operatingSince: '2018-12-31',
        assetsFen: 200_000_000,
        siteAreaM2: 300,
        staffCount: 15,
        staffQualifiedEither: 12,
        staffQualifiedBoth: 6,
        institutions: 5,
        creditStatus: 'good',
        ...options.profile,
      }),
      ...options.view,
    }),
    metrics: yearMetrics({
      platformId: 'yuchuang',
      ...options.metrics,
      calendarYear: {
        enterprisesServed: 100,
        servicesPublicInterest: 1,
        ratings: ratings(10, 6, 4),
        byFunction: { information: { enterprisesServedOffline: 100, activities: 4 } },
        ...options.year,
      },
    }),
    previousYears: options.previousYears ?? [],
  };
}

function evaluate(
  input: PlatformEvaluationInput,
  given: Partial<CqDemoCertificationParameters> = {},
): PlatformResult {
  const resolved = cqDemoCertificationPack.resolveParameters(given);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const result = cqDemoCertificationPack.evaluate(
    { year: YEAR, programId: 'cq-demo-2020', platforms: [input] },
    resolved.parameters,
  );
  const first = result.results[0];
  if (first === undefined) throw new Error('no result');
  return first;
}

const lines = (result: PlatformResult, ruleId: string) =>
  result.rules.filter((rule) => rule.ruleId === ruleId);
const failing = (result: PlatformResult) =>
  result.rules.filter((rule) => rule.outcome === 'fail').map((rule) => rule.detail);

describe('cq-demo-certification parameters', () => {
  it('the defaults are documented values; a bad evaluation date or credit kind is refused', () => {
    expect(cqDemoCertificationPack.defaults).toEqual(CQ_DEMO_CERTIFICATION_DEFAULTS);
    const resolved = cqDemoCertificationPack.resolveParameters({
      evaluationDate: '2020-02-30',
      badCreditKinds: ['late_payment'],
    });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok)
      expect(resolved.problems.map((p) => p.field)).toEqual([
        'parameters.evaluationDate',
        'parameters.badCreditKinds',
      ]);
  });
});

describe('S4-1 basic conditions (第六条), all required', () => {
  it('S4-1 an applicant exactly at every bar passes every condition and is 通过', () => {
    const result = evaluate(applicant());
    expect(failing(result)).toEqual([]);
    expect(lines(result, 'S4-1').every((rule) => rule.outcome === 'pass')).toBe(true);
    expect(lines(result, 'S4-1')).toHaveLength(11);
    expect(result.grade).toBe('通过');
  });

  it('S4-1 assets exactly 200万元 (200,000,000 分) pass; one 分 less fails', () => {
    expect(evaluate(applicant({ profile: { assetsFen: 200_000_000 } })).grade).toBe('通过');
    const below = evaluate(applicant({ profile: { assetsFen: 199_999_999 } }));
    expect(below.grade).toBe('不通过');
    expect(failing(below)).toEqual(['Assets 1,999,999.99 元 < 2,000,000 元.']);
  });

  it('S4-1 operating two years complete on the evaluation date passes; one day short fails', () => {
    expect(evaluate(applicant({ profile: { operatingSince: '2018-12-31' } })).grade).toBe('通过');
    const short = evaluate(applicant({ profile: { operatingSince: '2019-01-01' } }));
    expect(short.grade).toBe('不通过');
    expect(failing(short)[0]).toContain('two years complete on 2021-01-01');
  });

  it('S4-1 the evaluation date is a parameter: judged on 2021-01-01, the 2019-01-01 operator passes', () => {
    const input = applicant({ profile: { operatingSince: '2019-01-01' } });
    expect(evaluate(input, { evaluationDate: '2021-01-01' }).grade).toBe('通过');
  });

  it('S4-1 10 staff pass in 万州 (渝东北) but fail in 渝中', () => {
    const ten = { staffCount: 10, staffQualifiedEither: 8 };
    const wanzhou = evaluate(applicant({ view: { district: '万州区' }, profile: ten }));
    expect(wanzhou.grade).toBe('通过');
    expect(
      lines(wanzhou, 'S4-1').find((r) => r.figures?.['minimum'] === 10)?.figures,
    ).toMatchObject({
      staffCount: 10,
      region: '渝东北',
    });
    const yuzhong = evaluate(applicant({ view: { district: '渝中区' }, profile: ten }));
    expect(yuzhong.grade).toBe('不通过');
    expect(failing(yuzhong)).toEqual(['Staff 10 < 15 (渝中区: neither 渝东南 nor 渝东北).']);
  });

  it('S4-1 9 staff fail even in 渝东南 (黔江), 15 pass anywhere', () => {
    expect(
      evaluate(
        applicant({
          view: { district: '黔江区' },
          profile: { staffCount: 9, staffQualifiedEither: 9 },
        }),
      ).grade,
    ).toBe('不通过');
    expect(evaluate(applicant({ view: { district: '沙坪坝区' } })).grade).toBe('通过');
  });

  it('S4-1 qualified staff: 12 of 15 (80%) pass, 11 of 15 (73.33%) fail', () => {
    const below = evaluate(applicant({ profile: { staffQualifiedEither: 11 } }));
    expect(failing(below)).toEqual(['Qualified staff (大专+ or 中级+): 11 of 15 = 73.33% < 80%.']);
  });

  it('S4-1 staffQualification both reads staff holding both 大专+ and 中级+', () => {
    const both = evaluate(applicant(), { staffQualification: 'both' });
    expect(both.grade).toBe('不通过');
    expect(failing(both)).toEqual(['Qualified staff (大专+ and 中级+): 6 of 15 = 40.00% < 80%.']);
    expect(
      evaluate(applicant({ profile: { staffQualifiedBoth: 12 } }), { staffQualification: 'both' })
        .grade,
    ).toBe('通过');
  });

  it('S4-1 100 enterprises served pass, 99 fail', () => {
    expect(evaluate(applicant({ year: { enterprisesServed: 99 } })).grade).toBe('不通过');
  });

  it('S4-1 without a free or low-fee service it fails', () => {
    const result = evaluate(applicant({ year: { servicesPublicInterest: 0 } }));
    expect(failing(result)[0]).toContain('公益性或低收费');
  });

  it('S4-1 5 service institutions pass, 4 fail', () => {
    expect(evaluate(applicant({ profile: { institutions: 4 } })).grade).toBe('不通过');
  });

  it('S4-1 no fixed premises (site area 0) fails', () => {
    expect(evaluate(applicant({ profile: { siteAreaM2: 0 } })).grade).toBe('不通过');
  });

  it('S4-1 outside Chongqing, or an operator USCC registered elsewhere, fails; the USCC check is a parameter', () => {
    expect(evaluate(applicant({ view: { province: '四川省' } })).grade).toBe('不通过');
    const elsewhere = applicant({ view: { operatorUscc: '91350100M000100Y43' } });
    expect(evaluate(elsewhere).grade).toBe('不通过');
    expect(evaluate(elsewhere, { operatorRegisteredInChongqing: false }).grade).toBe('通过');
  });

  it('S4-1 a bad credit status in the profile fails', () => {
    expect(evaluate(applicant({ profile: { creditStatus: 'bad' } })).grade).toBe('不通过');
  });

  it('S4-1 a 失信被执行人 listing last year fails and is cited; one three years back does not count', () => {
    const lastYear = yearMetrics({
      year: 2019,
      creditEvents: [{ eventId: 'credit-1', kind: 'dishonest_debtor', occurredAt: '2019-03-01' }],
    });
    const result = evaluate(applicant({ previousYears: [lastYear] }));
    expect(result.grade).toBe('不通过');
    const credit = lines(result, 'S4-1').find((rule) => rule.figures?.['badCreditEvents'] === 1);
    expect(credit?.eventIds).toEqual(['profile-1', 'credit-1']);
    const longAgo = yearMetrics({
      year: 2018,
      creditEvents: [{ eventId: 'credit-0', kind: 'dishonest_debtor', occurredAt: '2018-03-01' }],
    });
    expect(evaluate(applicant({ previousYears: [longAgo] })).grade).toBe('通过');
  });

  it('S4-1 an audit finding is not a bad credit record by default, and is when badCreditKinds names it', () => {
    const input = applicant({
      metrics: {
        creditEvents: [{ eventId: 'audit-1', kind: 'audit_finding', occurredAt: '2020-05-01' }],
      },
    });
    expect(evaluate(input).grade).toBe('通过');
    expect(evaluate(input, { badCreditKinds: ['audit_finding'] }).grade).toBe('不通过');
  });

  it('S4-1 without an operator profile every profile condition fails', () => {
    const input = applicant();
    const result = evaluate({ ...input, platform: { ...input.platform, profile: null } });
    expect(result.grade).toBe('不通过');
    expect(failing(result)).toHaveLength(7);
  });
});

describe('S4-2 at least one function (第七条)', () => {
  const onlyFunction = (byFunction: MetricTallyOverrides['byFunction']) =>
    evaluate(applicant({ year: { byFunction } }));
  const verdict = (result: PlatformResult) => lines(result, 'S4-2').at(-1)?.outcome;

  it.each<
    [
      string,
      Partial<Record<string, Partial<FunctionTally>>>,
      Partial<Record<string, Partial<FunctionTally>>>,
    ]
  >([
    [
      'information: 100 enterprises offline & 4 activities',
      { information: { enterprisesServedOffline: 100, activities: 4 } },
      { information: { enterprisesServedOffline: 99, activities: 4 } },
    ],
    [
      'information: 4 activities (3 just below)',
      { information: { enterprisesServedOffline: 100, activities: 4 } },
      { information: { enterprisesServedOffline: 100, activities: 3 } },
    ],
    [
      'technology: 3 activities',
      { technology: { activities: 3 } },
      { technology: { activities: 2 } },
    ],
    ['startup: 4 events', { startup: { activities: 4 } }, { startup: { activities: 3 } }],
    [
      'training: 1,000 person-times',
      { training: { trainees: 1_000 } },
      { training: { trainees: 999 } },
    ],
    [
      'financing: 5 events & 4亿元',
      { financing: { activities: 5, financingFen: 40_000_000_000 } },
      { financing: { activities: 4, financingFen: 40_000_000_000 } },
    ],
    [
      'financing: 4亿元 (one 分 short just below)',
      { financing: { activities: 5, financingFen: 40_000_000_000 } },
      { financing: { activities: 5, financingFen: 39_999_999_999 } },
    ],
  ])('S4-2 %s: at the bar met, just below not met', (_, atBar, justBelow) => {
    const met = onlyFunction(atBar);
    expect(verdict(met)).toBe('pass');
    expect(met.grade).toBe('通过');
    const notMet = onlyFunction(justBelow);
    expect(verdict(notMet)).toBe('fail');
    expect(notMet.grade).toBe('不通过');
  });

  it('S4-2 an unmet function is informational; one met function is enough', () => {
    const result = onlyFunction({
      technology: { activities: 3 },
      training: { trainees: 10 },
    });
    expect(lines(result, 'S4-2').map((rule) => rule.outcome)).toEqual([
      'info',
      'pass',
      'info',
      'info',
      'info',
      'pass',
    ]);
  });
});

describe('S4-3 satisfaction rate', () => {
  it('S4-3 exactly 80% (很满意 10 + 满意 6 of 20) passes', () => {
    const result = evaluate(applicant({ year: { ratings: ratings(10, 6, 4) } }));
    expect(lines(result, 'S4-3')[0]).toMatchObject({
      outcome: 'pass',
      detail: 'Satisfaction = (很满意 10 + 满意 6) ÷ rated 20 = 80.00% ≥ 80%.',
    });
    expect(result.grade).toBe('通过');
  });

  it('S4-3 just below 80% (399 of 500 = 79.80%) fails, and so does S4-1 (二)', () => {
    const result = evaluate(applicant({ year: { ratings: ratings(200, 199, 101) } }));
    expect(lines(result, 'S4-3')[0]?.outcome).toBe('fail');
    expect(failing(result)).toHaveLength(2);
    expect(result.grade).toBe('不通过');
  });

  it('S4-3 fewer than 20 rating enterprises (19) fails the application; minRatedEnterprises moves the bar', () => {
    const input = applicant({ year: { ratings: ratings(10, 6, 3, { ratingEnterprises: 19 }) } });
    expect(evaluate(input).grade).toBe('不通过');
    expect(evaluate(input, { minRatedEnterprises: 19 }).grade).toBe('通过');
  });

  it('S4-3 no ratings: the rate cannot be met', () => {
    expect(evaluate(applicant({ year: { ratings: ratings(0, 0, 0) } })).grade).toBe('不通过');
  });

  it('S4-3 the county check (≥ 10) is reported; it gates only when countyCheckRequired', () => {
    const nine = applicant({
      year: {
        ratings: ratings(10, 6, 4, {
          bySource: { enterprise: 11, platform: 0, district_check: 9 },
        }),
      },
    });
    expect(lines(evaluate(nine), 'S4-3')[2]?.outcome).toBe('info');
    expect(evaluate(nine).grade).toBe('通过');
    expect(evaluate(nine, { countyCheckRequired: true }).grade).toBe('不通过');
    const ten = applicant({
      year: {
        ratings: ratings(10, 6, 4, {
          bySource: { enterprise: 10, platform: 0, district_check: 10 },
        }),
      },
    });
    expect(evaluate(ten, { countyCheckRequired: true }).grade).toBe('通过');
  });
});

describe('S4-4 re-review every 3 years; missing or failed ⇒ 撤消', () => {
  const certified = (certifiedAt: string, view: Partial<PlatformView> = {}) =>
    applicant({
      view: {
        certifications: [
          { eventId: 'cert-1', level: 'municipal', certifiedAt, validUntil: '2099-12-31' },
        ],
        ...view,
      },
    });

  it('S4-4 certified exactly 3 years before the evaluation date: still in time, 保持', () => {
    const result = evaluate(certified('2017-12-31'));
    expect(result.grade).toBe('保持');
    expect(lines(result, 'S4-4')[0]).toMatchObject({
      outcome: 'pass',
      figures: { dueBy: '2020-12-31' },
      eventIds: ['cert-1'],
    });
  });

  it('S4-4 certified 3 years and a day before, with no re-review: overdue, 撤消', () => {
    const result = evaluate(certified('2017-12-30'));
    expect(result.grade).toBe('撤消');
    expect(result.flags).toContain('复核逾期');
    expect(lines(result, 'S4-4')[0]).toMatchObject({
      outcome: 'fail',
      figures: { reason: 'overdue' },
    });
  });

  it('S4-4 a passed re-review restarts the clock: 保持', () => {
    const result = evaluate(
      certified('2014-06-01', {
        reReviews: [{ reviewedAt: '2018-06-01', passed: true, eventId: 'review-1' }],
      }),
    );
    expect(result.grade).toBe('保持');
    expect(lines(result, 'S4-4')[0]?.eventIds).toEqual(['review-1']);
  });

  it('S4-4 a failed re-review revokes (经复核不合格), citing it', () => {
    const result = evaluate(
      certified('2019-01-01', {
        reReviews: [{ reviewedAt: '2020-06-01', passed: false, eventId: 'review-2' }],
      }),
    );
    expect(result.grade).toBe('撤消');
    expect(result.flags).toContain('复核不合格');
    expect(lines(result, 'S4-4')[0]?.eventIds).toEqual(['cert-1', 'review-2']);
  });

  it('S4-4 a failed re-review followed by a passed one keeps the platform', () => {
    const result = evaluate(
      certified('2016-01-01', {
        reReviews: [
          { reviewedAt: '2019-01-10', passed: false, eventId: 'review-3' },
          { reviewedAt: '2019-03-10', passed: true, eventId: 'review-4' },
        ],
      }),
    );
    expect(result.grade).toBe('保持');
  });

  it('S4-4 reReviewIntervalYears shortens the cycle', () => {
    expect(evaluate(certified('2018-06-01'), { reReviewIntervalYears: 2 }).grade).toBe('撤消');
  });

  it('S4-4 a certified platform is kept on its re-review clock even when its conditions would now fail', () => {
    const input = certified('2019-01-01');
    const result = evaluate({ ...input, metrics: null });
    expect(result.grade).toBe('保持');
    expect(failing(result).length).toBeGreaterThan(0);
  });

  it('S4-4 a platform already revoked is not evaluated', () => {
    const result = evaluate(
      certified('2015-01-01', { revokedAt: '2019-05-01', revocationEventId: 'revoke-1' }),
    );
    expect(result.graded).toBe(false);
    expect(result.grade).toBeNull();
    expect(result.rules[0]?.eventIds).toEqual(['revoke-1']);
  });

  it('S4-4 only municipal certifications start the clock: a national one leaves the platform an applicant', () => {
    const national = applicant({
      view: {
        certifications: [
          {
            eventId: 'cert-n',
            level: 'national',
            certifiedAt: '2010-01-01',
            validUntil: '2099-12-31',
          },
        ],
      },
    });
    expect(evaluate(national).grade).toBe('通过');
  });
});

describe('S4-5 name format', () => {
  it('S4-5 "重庆市 + 字号 + 中小企业公共服务示范平台" passes', () => {
    expect(lines(evaluate(applicant()), 'S4-5')[0]?.outcome).toBe('pass');
  });

  it('S4-5 a non-conforming name is flagged 名称不规范 without deciding the grade', () => {
    const result = evaluate(applicant({ view: { name: '万州区中小企业公共服务窗口平台' } }));
    expect(lines(result, 'S4-5')[0]?.outcome).toBe('flag');
    expect(result.flags).toEqual(['名称不规范']);
    expect(result.grade).toBe('通过');
  });

  it.each([
    '渝创中小企业公共服务示范平台',
    '重庆市中小企业公共服务示范平台',
    '重庆市渝创中小企业服务平台',
  ])('S4-5 %j is flagged (no 重庆市, no 字号, or the wrong suffix)', (name) => {
    expect(lines(evaluate(applicant({ view: { name } })), 'S4-5')[0]?.outcome).toBe('flag');
  });
});
