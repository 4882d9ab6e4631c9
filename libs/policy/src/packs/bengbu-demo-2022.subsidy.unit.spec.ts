import type { CertificationView } from '@ledger/projections/platforms/platform.view';

import type { PackResult } from '../pack';
import {
  bengbuField,
  certification,
  nationalCertification as national,
  resultFor,
  ruleOf,
} from '../testing';

const provincial = certification('cert-provincial', 'provincial', '2021-01-01', '2023-12-31');
const WAN = 10_000 * 100;

/** Eight platforms in 五河县 with expert means 90..83 ⇒ A A B B C C C C; p8 drops to D below the C bar. */
function field(
  certifications: readonly CertificationView[],
  parameters: Record<string, unknown> = {},
): PackResult {
  const means = [90, 89, 88, 87, 86, 85, 84, 59];
  return bengbuField(means, { district: '五河县', certifications, parameters });
}

const paid = (result: PackResult) =>
  result.results.map((line) => `${String(line.grade)}:${String(line.amountFen / WAN)}万`);

describe('S3-6 subsidy by level and grade (第十四条)', () => {
  it('S3-6 national: A 50万, B 40万, C 30万, D 0', () => {
    const result = field([national]);
    expect(paid(result)).toEqual([
      'A:50万',
      'A:50万',
      'B:40万',
      'B:40万',
      'C:30万',
      'C:30万',
      'C:30万',
      'D:0万',
    ]);
    expect(resultFor(result, 'p1')).toMatchObject({ tier: '国家级', amountFen: 500_000 * 100 });
    expect(ruleOf(resultFor(result, 'p1'), 'S3-6')).toMatchObject({
      outcome: 'pass',
      detail: '国家级 grade A: 500,000 元.',
      figures: { level: 'national', grade: 'A', amountFen: 50_000_000, dualLevel: null },
    });
    expect(ruleOf(resultFor(result, 'p8'), 'S3-6')).toMatchObject({
      outcome: 'fail',
      detail: 'Grade D: 不予奖补 (国家级 schedule).',
    });
  });

  it('S3-6 provincial: A 20万, B 15万, C 10万, D 0', () => {
    expect(paid(field([provincial]))).toEqual([
      'A:20万',
      'A:20万',
      'B:15万',
      'B:15万',
      'C:10万',
      'C:10万',
      'C:10万',
      'D:0万',
    ]);
    expect(resultFor(field([provincial]), 'p1').tier).toBe('省级');
  });

  it('S3-6 dual-level platform: national_only (default) pays the national schedule, never both', () => {
    const result = resultFor(field([national, provincial]), 'p1');
    expect(result.amountFen).toBe(50 * WAN);
    expect(ruleOf(result, 'S3-6').detail).toBe(
      '国家级 grade A: 500,000 元. Holds national and provincial certifications: national_only pays the 国家级 schedule.',
    );
    expect(ruleOf(result, 'S3-1').eventIds).toEqual(['cert-national', 'cert-provincial']);
  });

  it('S3-6 dual-level platform: provincial_only pays the provincial schedule', () => {
    const result = resultFor(field([national, provincial], { dualLevel: 'provincial_only' }), 'p3');
    expect(result).toMatchObject({ grade: 'B', tier: '省级', amountFen: 15 * WAN });
  });

  it('S3-6 dual-level platform: higher pays whichever schedule gives more for the grade', () => {
    expect(resultFor(field([national, provincial], { dualLevel: 'higher' }), 'p1').amountFen).toBe(
      50 * WAN,
    );
    const lowered = {
      dualLevel: 'higher',
      subsidyFen: {
        national: { A: 10 * WAN, B: 10 * WAN, C: 10 * WAN },
        provincial: { A: 20 * WAN, B: 15 * WAN, C: 10 * WAN },
      },
    };
    expect(resultFor(field([national, provincial], lowered), 'p1')).toMatchObject({
      tier: '省级',
      amountFen: 20 * WAN,
    });
    // Equal amounts: the national schedule is named.
    expect(resultFor(field([national, provincial], lowered), 'p5').tier).toBe('国家级');
  });

  it('S3-6 a dual-level platform whose national certification has lapsed is paid as provincial', () => {
    const lapsed = certification('cert-national-old', 'national', '2016-01-01', '2021-06-30');
    expect(resultFor(field([lapsed, provincial]), 'p1')).toMatchObject({
      tier: '省级',
      amountFen: 20 * WAN,
    });
  });
});
