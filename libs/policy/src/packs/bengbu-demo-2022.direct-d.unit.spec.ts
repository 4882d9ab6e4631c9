import type { PackResult } from '../pack';
import { bengbuField, resultFor, ruleOf, type MetricsOverrides } from '../testing';

/** In 固镇县: p1 (expert mean 95, with the given facts), p2 (90), p3 (85). */
function field(p1: MetricsOverrides): PackResult {
  return bengbuField([95, 90, 85], { district: '固镇县', overrides: { p1 } });
}

describe('S3-7 direct D (第十六条)', () => {
  it.each([
    [
      'administrative penalty',
      { penalties: [{ eventId: 'penalty-1', kind: 'administrative' }] },
      '1. administrative penalty',
      ['penalty-1'],
    ],
    [
      'judicial penalty',
      { penalties: [{ eventId: 'penalty-2', kind: 'judicial' }] },
      '1. judicial penalty',
      ['penalty-2'],
    ],
    [
      'no-show at the evaluation',
      { evaluationConduct: [{ eventId: 'conduct-1', conduct: 'no_show' as const }] },
      '2. did not take part in the evaluation',
      ['conduct-1'],
    ],
    [
      '不合格 in the provincial evaluation',
      { evaluationConduct: [{ eventId: 'conduct-2', conduct: 'provincial_unqualified' as const }] },
      '2. 不合格 in the provincial evaluation',
      ['conduct-2'],
    ],
    [
      'false evidence',
      { evaluationConduct: [{ eventId: 'conduct-3', conduct: 'false_evidence' as const }] },
      '2. false evidence in the evaluation',
      ['conduct-3'],
    ],
    [
      'a confirmed fraud signal (false evidence, issue 5)',
      {
        fraudConfirmed: [
          {
            eventId: 'confirm-1',
            signalId: 'F-4.p1.2022.burst',
            ruleId: 'F-4',
            fabricated: 'ratings' as const,
          },
        ],
      },
      '2. false evidence: fraud signal F-4.p1.2022.burst (F-4) confirmed',
      ['confirm-1'],
    ],
    [
      '3 upheld complaints (以上 includes 3)',
      { complaintsUpheld: 3 },
      '3. 3 upheld complaints (≥ 3)',
      [],
    ],
  ])('S3-7 direct-D by %s', (_, facts, text, eventIds) => {
    const result = field(facts);
    const p1 = resultFor(result, 'p1');
    expect(p1).toMatchObject({ graded: true, grade: 'D', rank: null, amountFen: 0 });
    expect(p1.flags).toContain('直接评定D级');
    expect(ruleOf(p1, 'S3-7')).toMatchObject({
      outcome: 'fail',
      detail: `Graded D directly (第十六条): ${text}.`,
      eventIds,
    });
    expect(ruleOf(p1, 'S3-5').detail).toBe(
      'Grade D without ranking (S3-7); counted among the 3 participants: A + B ≤ 1 (⌊50%⌋), A ≤ 0 (aShare 0.25).',
    );
  });

  it('S3-7 2 upheld complaints do not make the grade D', () => {
    const p1 = resultFor(field({ complaintsUpheld: 2 }), 'p1');
    expect(p1.grade).toBe('B');
    expect(ruleOf(p1, 'S3-7')).toMatchObject({
      outcome: 'pass',
      detail: 'No penalty, no evaluation misconduct, 2 upheld complaint(s) (< 3).',
    });
  });

  it('S3-7 several triggers are all cited with their event ids', () => {
    const p1 = resultFor(
      field({
        penalties: [{ eventId: 'penalty-1', kind: 'administrative' }],
        evaluationConduct: [{ eventId: 'conduct-1', conduct: 'no_show' }],
        complaintsUpheld: 4,
      }),
      'p1',
    );
    expect(ruleOf(p1, 'S3-7')).toMatchObject({
      detail:
        'Graded D directly (第十六条): 1. administrative penalty; 2. did not take part in the evaluation; 3. 4 upheld complaints (≥ 3).',
      eventIds: ['penalty-1', 'conduct-1'],
    });
  });

  it('S3-7 a direct D counts among the participants but takes no ranked place: the next platform gets B', () => {
    const result = field({ penalties: [{ eventId: 'penalty-1', kind: 'judicial' }] });
    expect(
      result.results.map((line) => `${String(line.rank)}:${line.platformId}:${String(line.grade)}`),
    ).toEqual(['1:p2:B', '2:p3:C', 'null:p1:D']);
  });

  it('S3-7 near miss: a confirmed F-10 (compliance) signal is not false evidence', () => {
    const p1 = resultFor(
      field({
        fraudConfirmed: [
          {
            eventId: 'confirm-2',
            signalId: 'F-10.p1.2022.complaints',
            ruleId: 'F-10',
            fabricated: null,
          },
        ],
      }),
      'p1',
    );
    expect(ruleOf(p1, 'S3-7')).toMatchObject({ outcome: 'pass' });
  });
});
