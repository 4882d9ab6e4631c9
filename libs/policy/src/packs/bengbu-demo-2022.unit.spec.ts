import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import type { CertificationView } from '@ledger/projections/platforms/platform.view';

import {
  bengbuLine,
  certification,
  demonstrationYear,
  evaluationContext,
  nationalCertification as national,
  panelOf,
  ruleOf,
  runPack,
} from '../testing';
import { bengbuDemo2022Defaults, bengbuDemo2022Pack } from './bengbu-demo-2022';

/** p1 in 龙子湖区 unless told, with the given certifications. */
function evaluateOne(
  certifications: readonly CertificationView[],
  options: { district?: string; revokedAt?: string; parameters?: Record<string, unknown> } = {},
  year: PlatformYearMetrics | null = demonstrationYear('p1', { experts: panelOf(80) }),
) {
  const { district = '龙子湖区', revokedAt, parameters } = options;
  return bengbuLine(year, {
    district,
    certifications,
    parameters,
    platform: revokedAt === undefined ? {} : { revokedAt, revocationEventId: 'revoked-1' },
  });
}

describe('bengbu-demo-2022 pack parameters (the measures’ silences)', () => {
  it('given no parameters, then the defaults are used and echoed in the result', () => {
    const result = runPack(bengbuDemo2022Pack, evaluationContext([], 2022));
    expect(result).toMatchObject({ packId: 'bengbu-demo-2022', packVersion: '1.0.0', year: 2022 });
    expect(result.parameters).toEqual(bengbuDemo2022Defaults);
  });

  it.each([
    [{ aShare: 0.51 }, 'parameters.aShare'],
    [
      {
        subsidyFen: {
          national: { A: 50_000_001, B: 40_000_000, C: 30_000_000 },
          provincial: { A: 20_000_000, B: 15_000_000, C: 10_000_000 },
        },
      },
      'parameters.subsidyFen',
    ],
    [{ dualLevel: 'both' }, 'parameters.dualLevel'],
    [{ minExperts: 0 }, 'parameters.minExperts'],
    [{ cityDistricts: [''] }, 'parameters.cityDistricts'],
    [{ minScoreForBand: { A: null, B: null } }, 'parameters.minScoreForBand'],
  ])('given %j, then the parameter is refused with its field', (given, field) => {
    const resolved = bengbuDemo2022Pack.resolveParameters(given);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.problems.map((p) => p.field)).toEqual([field]);
  });
});

describe('S3-1 eligibility: in the city, a valid national or provincial certification, not revoked', () => {
  it('S3-1 given a national certification valid in 2022 in 龙子湖区, then it is graded and the certification is cited', () => {
    const result = evaluateOne([national]);
    expect(result.graded).toBe(true);
    expect(ruleOf(result, 'S3-1')).toMatchObject({
      outcome: 'pass',
      detail: 'Registered in 龙子湖区; valid national certification in 2022.',
      eventIds: ['cert-national'],
    });
  });

  it('S3-1 expired certification: valid until 2021-12-31 ⇒ not eligible in 2022, the certification cited', () => {
    const expired = certification('cert-old', 'provincial', '2018-01-01', '2021-12-31');
    const result = evaluateOne([expired]);
    expect(result).toMatchObject({ graded: false, grade: null, amountFen: 0 });
    expect(ruleOf(result, 'S3-1')).toMatchObject({
      outcome: 'fail',
      detail:
        'No national or provincial certification is valid in 2022 (overlaps_year): provincial 2018-01-01..2021-12-31.',
      eventIds: ['cert-old'],
    });
  });

  it('S3-1 a certification valid until 2022-01-01 overlaps the year; whole_year needs it valid through 12-31', () => {
    const lapsing = certification('cert-lapsing', 'provincial', '2019-01-01', '2022-01-01');
    expect(evaluateOne([lapsing]).graded).toBe(true);
    expect(
      evaluateOne([lapsing], { parameters: { certificationValidity: 'whole_year' } }).graded,
    ).toBe(false);
    const fullYear = certification('cert-full', 'provincial', '2019-01-01', '2022-12-31');
    expect(
      evaluateOne([fullYear], { parameters: { certificationValidity: 'whole_year' } }).graded,
    ).toBe(true);
  });

  it('S3-1 a certification granted in 2023 is not valid in 2022', () => {
    const later = certification('cert-later', 'national', '2023-01-01', '2025-12-31');
    expect(evaluateOne([later]).graded).toBe(false);
  });

  it('S3-1 a municipal certification does not count', () => {
    const municipal = certification('cert-city', 'municipal', '2020-01-01', '2024-12-31');
    expect(ruleOf(evaluateOne([municipal]), 'S3-1').detail).toBe(
      'Holds no national or provincial demonstration certification.',
    );
  });

  it('S3-1 revoked: a revoked platform is not eligible, the revocation cited', () => {
    const result = evaluateOne([national], { revokedAt: '2022-03-01' });
    expect(result.graded).toBe(false);
    expect(ruleOf(result, 'S3-1')).toMatchObject({
      outcome: 'fail',
      detail: 'The demonstration status was revoked on 2022-03-01.',
      eventIds: ['revoked-1'],
    });
  });

  it('S3-1 outside the city: a platform in 合肥市蜀山区 is not eligible', () => {
    const result = evaluateOne([national], { district: '蜀山区' });
    expect(result.graded).toBe(false);
    expect(ruleOf(result, 'S3-1').detail).toBe(
      'Registered in 蜀山区, not in the city (cityDistricts 蚌山区, 龙子湖区, 禹会区, 淮上区, 怀远县, 五河县, 固镇县).',
    );
  });

  it.each(['龙子湖', '龙子湖区', '蚌埠市龙子湖区', '安徽省蚌埠市龙子湖区', '怀远县', '怀远'])(
    'S3-1 the district %s is matched as in the city',
    (district) => {
      expect(evaluateOne([national], { district }).graded).toBe(true);
    },
  );

  it('S3-1 cityDistricts adds a development zone, or the city itself', () => {
    expect(evaluateOne([national], { district: '蚌埠高新区' }).graded).toBe(false);
    expect(
      evaluateOne([national], {
        district: '蚌埠高新区',
        parameters: { cityDistricts: ['蚌埠高新区'] },
      }).graded,
    ).toBe(true);
    expect(
      evaluateOne([national], { district: '蚌埠市', parameters: { cityDistricts: ['蚌埠市'] } })
        .graded,
    ).toBe(true);
  });
});

describe('S3-4 provincial network membership and regular reporting', () => {
  it('S3-4 given a reported and submitted year, then it passes with the submission date', () => {
    expect(ruleOf(evaluateOne([national]), 'S3-4')).toMatchObject({
      outcome: 'pass',
      detail: 'Reported and submitted the year on 2026-01-10T09:00:00+08:00.',
    });
  });

  it('S3-4 given a year reported but not submitted, then the platform is not evaluated', () => {
    const year = demonstrationYear('p1', { experts: [80, 80, 80, 80, 80], submitted: false });
    const result = evaluateOne([national], {}, year);
    expect(result.graded).toBe(false);
    expect(ruleOf(result, 'S3-4')).toMatchObject({
      outcome: 'fail',
      detail: 'The year was reported but not submitted (requireSubmission): not evaluated.',
    });
  });

  it('S3-4 requireSubmission false accepts a reported year without submission', () => {
    const year = demonstrationYear('p1', { experts: [80, 80, 80, 80, 80], submitted: false });
    const result = evaluateOne([national], { parameters: { requireSubmission: false } }, year);
    expect(result.graded).toBe(true);
    expect(ruleOf(result, 'S3-4').detail).toBe('Reported the year (submission not required).');
  });

  it('S3-4 given no metrics at all, then the platform is not evaluated', () => {
    const result = evaluateOne([national], {}, null);
    expect(result.graded).toBe(false);
    expect(ruleOf(result, 'S3-4').outcome).toBe('fail');
  });
});
