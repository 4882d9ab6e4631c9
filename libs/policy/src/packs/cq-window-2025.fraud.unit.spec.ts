import type { DisqualificationView } from '@ledger/projections/platform-year-metrics/metrics.view';
import {
  enrolled,
  evaluationContext,
  resultFor,
  ruleOf,
  runPack,
  windowPlatform,
  windowYear,
} from '../testing';
import { cqWindow2025Pack } from './cq-window-2025';

const s17 = (eventId: string, yearsAffected: number[]): DisqualificationView => ({
  eventId,
  ruleId: 'S1-7',
  yearsAffected,
  reason: 'confirmed fabricated ratings (F-4)',
});

/** r1 (score 100) may carry a disqualification this year or the year before; r2 (99) is clean. */
function run(current: DisqualificationView[], previous: DisqualificationView[] | null) {
  const previousYears =
    previous === null
      ? []
      : [{ ...windowYear('r1', {}, { disqualifications: previous }), year: 2024 }];
  return runPack(
    cqWindow2025Pack,
    evaluationContext([
      enrolled(
        windowPlatform('r1', '万州区'),
        windowYear('r1', {}, { disqualifications: current }),
        previousYears,
      ),
      enrolled(windowPlatform('r2', '万州区'), windowYear('r2', { districtScore: 9 })),
    ]),
    { maxFunded: 1, tier1Max: 1, tier2Max: 0 },
  );
}

describe('S1-7 confirmed fabrication: support cancelled this year and next', () => {
  it('S1-7: disqualified for 2025 in its own year → not funded; the next platform takes the place', () => {
    const result = run([s17('dq-1', [2025, 2026])], null);
    expect(resultFor(result, 'r1')).toMatchObject({
      tier: null,
      amountFen: 0,
      flags: ['取消支持资格'],
    });
    expect(ruleOf(resultFor(result, 'r1'), 'S1-7')).toMatchObject({
      outcome: 'fail',
      eventIds: ['dq-1'],
    });
    expect(ruleOf(resultFor(result, 'r1'), 'S1-5').detail).toBe(
      'Not ranked for funding: support cancelled (S1-7).',
    );
    expect(resultFor(result, 'r2')).toMatchObject({ rank: 1, tier: '一档' });
  });

  it('S1-7: the 2024 fraud recorded for 2024 and 2025 still cancels 2025', () => {
    const result = run([], [s17('dq-0', [2024, 2025])]);
    expect(ruleOf(resultFor(result, 'r1'), 'S1-7')).toMatchObject({
      outcome: 'fail',
      eventIds: ['dq-0'],
    });
  });

  it('S1-6: an administrator’s 取消资格 under S1-6 cancels support, cited as S1-6, not S1-7', () => {
    const s16: DisqualificationView = {
      eventId: 'dq-audit',
      ruleId: 'S1-6',
      yearsAffected: [2025],
      reason: '巡视审计发现问题',
    };
    const result = run([s16], null);
    const r1 = resultFor(result, 'r1');
    expect(r1).toMatchObject({ tier: null, amountFen: 0, flags: ['取消支持资格'] });
    expect(r1.rules.filter((rule) => rule.eventIds?.includes('dq-audit'))).toMatchObject([
      { ruleId: 'S1-6', outcome: 'fail' },
    ]);
    expect(ruleOf(r1, 'S1-5').detail).toBe('Not ranked for funding: support cancelled (S1-6).');
  });

  it('S1-7 near miss: a 2023 fraud (2023 and 2024) does not reach 2025', () => {
    const result = run([], [s17('dq-old', [2023, 2024])]);
    expect(ruleOf(resultFor(result, 'r1'), 'S1-7')).toMatchObject({ outcome: 'pass' });
    expect(resultFor(result, 'r1')).toMatchObject({ rank: 1, tier: '一档' });
  });
});
