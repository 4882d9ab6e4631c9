import type {
  FunctionTally,
  PlatformFunction,
} from '@ledger/projections/platform-year-metrics/metrics.view';

import { bengbuLine, demonstrationYear, panelOf, ruleOf } from '../testing';

/** A year whose only function counts are `tally` (the override replaces the default training year). */
function withFunction(
  fn: PlatformFunction,
  tally: Partial<FunctionTally>,
  parameters: Readonly<Record<string, unknown>> = {},
) {
  const year = demonstrationYear(
    'p1',
    { experts: panelOf(80) },
    { calendarYear: { byFunction: { [fn]: tally } } },
  );
  return bengbuLine(year, { parameters });
}

const FOUR_YI_FEN = 400_000_000 * 100;

/** 第四条: each function at its bars, and just below each bar in turn. */
const CASES: readonly {
  fn: PlatformFunction;
  atBar: Partial<FunctionTally>;
  below: readonly Partial<FunctionTally>[];
}[] = [
  {
    fn: 'information',
    atBar: { enterprisesServedOffline: 100, activities: 6 },
    below: [
      { enterprisesServedOffline: 99, activities: 6 },
      { enterprisesServedOffline: 100, activities: 5 },
    ],
  },
  { fn: 'technology', atBar: { activities: 5 }, below: [{ activities: 4 }] },
  {
    fn: 'startup',
    atBar: { activities: 5, personTimes: 150 },
    below: [
      { activities: 4, personTimes: 150 },
      { activities: 5, personTimes: 149 },
    ],
  },
  {
    fn: 'training',
    atBar: { trainingSessions: 10, trainees: 1_000 },
    below: [
      { trainingSessions: 9, trainees: 1_000 },
      { trainingSessions: 10, trainees: 999 },
    ],
  },
  {
    fn: 'financing',
    atBar: { activities: 3, financingFen: FOUR_YI_FEN },
    below: [
      { activities: 2, financingFen: FOUR_YI_FEN },
      { activities: 3, financingFen: FOUR_YI_FEN - 1 },
    ],
  },
];

describe('S3-2 function gate (第四条: at least one function)', () => {
  it.each(CASES.map((c) => [c.fn, c] as const))(
    'S3-2 %s exactly at its bars passes the gate',
    (fn, { atBar }) => {
      const result = withFunction(fn, atBar);
      expect(ruleOf(result, 'S3-2')).toMatchObject({ outcome: 'pass' });
      expect(ruleOf(result, 'S3-2').detail).toContain(`Meets the ${fn}`);
    },
  );

  it.each(CASES.flatMap((c) => c.below.map((tally) => [c.fn, tally] as const)))(
    'S3-2 %s just below a bar (%j) fails when no other function is met',
    (fn, tally) => {
      const result = withFunction(fn, tally);
      expect(result.graded).toBe(false);
      expect(ruleOf(result, 'S3-2').outcome).toBe('fail');
    },
  );

  it('S3-2 failing the gate names every function’s shortfall and what the ledger cannot check', () => {
    const result = withFunction('technology', { activities: 4 });
    expect(ruleOf(result, 'S3-2').detail).toBe(
      'Meets no function of 第四条: information (enterprisesServedOffline 0 < 100, activities 0 < 6); ' +
        'technology (activities 4 < 5); startup (activities 0 < 5, personTimes 0 < 150); ' +
        'training (trainingSessions 0 < 10, trainees 0 < 1000); financing (activities 0 < 3, financingFen 0 < 40000000000). ' +
        'Not evaluated. The qualitative conditions (information system, expert and project pools, start-up project pool, training evaluation) are not data the ledger holds and are not checked.',
    );
    expect(ruleOf(result, 'S3-2').figures).toMatchObject({ 'technology.activities': 4 });
  });

  it('S3-2 functionGateFailure grade_d: a platform meeting no function is graded D, counted, not ranked, not paid', () => {
    const result = withFunction(
      'technology',
      { activities: 4 },
      {
        functionGateFailure: 'grade_d',
      },
    );
    expect(result).toMatchObject({ graded: true, grade: 'D', rank: null, amountFen: 0 });
    expect(result.flags).toContain('功能未达标');
    expect(ruleOf(result, 'S3-5').detail).toContain('Grade D without ranking (S3-2)');
  });
});
