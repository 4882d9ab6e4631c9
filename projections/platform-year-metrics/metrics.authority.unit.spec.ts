import { metricsOf } from './testing/metrics-of';
import {
  complaint,
  conduct,
  creditEvent,
  districtReview,
  expertScores,
  id,
  material,
  missed,
  penalty,
  retraction,
  submitted,
  verification,
} from './testing/year-events';

describe('S0-6 materials per kind', () => {
  it('S0-6: counts uploads per kind, every kind present with 0', () => {
    const view = metricsOf(material(1, 'site_area'), material(2, 'photo'), material(3, 'photo'));
    expect(view.materials).toEqual({
      site_area: 1,
      signage: 0,
      staff_count: 0,
      work_summary: 0,
      audit_report: 0,
      ledger: 0,
      photo: 2,
      sign_in_sheet: 0,
      contract: 0,
      other: 0,
    });
  });

  it('S0-6: a retracted upload no longer counts', () => {
    const view = metricsOf(material(1, 'signage'), retraction(2, 1));
    expect(view.materials.signage).toBe(0);
  });
});

describe('S1-2 / S1-8 county reviews', () => {
  it('S1-8: the latest review per stage, with its event id', () => {
    const view = metricsOf(
      districtReview(1, 'plan', 6, false),
      districtReview(2, 'plan', 8),
      districtReview(3, 'evidence', 9),
    );
    expect(view.districtReviews).toEqual({
      plan: { eventId: id(2), score: 8, recommended: true },
      evidence: { eventId: id(3), score: 9, recommended: true },
    });
  });

  it('S1-8: without reviews both stages are null; a retracted latest review restores the earlier', () => {
    expect(metricsOf(material(1, 'photo')).districtReviews).toEqual({
      plan: null,
      evidence: null,
    });
    const view = metricsOf(
      districtReview(1, 'plan', 6),
      districtReview(2, 'plan', 8),
      retraction(3, 2),
    );
    expect(view.districtReviews.plan).toEqual({ eventId: id(1), score: 6, recommended: true });
  });
});

describe('S3-7 complaints', () => {
  it('S3-7: complaints filed, and distinct complaints verified as upheld', () => {
    const view = metricsOf(
      complaint(1),
      complaint(2),
      complaint(3),
      verification(4, 1, true),
      verification(5, 1, true),
      verification(6, 2, false),
    );
    expect(view.complaintsFiled).toBe(3);
    expect(view.complaintsUpheld).toBe(1);
  });

  it('S3-7: a later verification of the same complaint replaces the earlier', () => {
    const overturned = metricsOf(complaint(1), verification(2, 1, true), verification(3, 1, false));
    expect(overturned.complaintsUpheld).toBe(0);
    const confirmed = metricsOf(complaint(1), verification(2, 1, false), verification(3, 1, true));
    expect(confirmed.complaintsUpheld).toBe(1);
  });

  it('S3-7: three upheld complaints, exactly the direct-D bar', () => {
    const view = metricsOf(
      complaint(1),
      complaint(2),
      complaint(3),
      verification(4, 1, true),
      verification(5, 2, true),
      verification(6, 3, true),
    );
    expect(view.complaintsUpheld).toBe(3);
  });

  it('S3-7: a retracted complaint and its verifications no longer count', () => {
    const view = metricsOf(complaint(1), verification(2, 1, true), retraction(3, 1));
    expect(view.complaintsFiled).toBe(0);
    expect(view.complaintsUpheld).toBe(0);
  });

  it('S3-7: a retracted verification restores the one before it', () => {
    const view = metricsOf(
      complaint(1),
      verification(2, 1, true),
      verification(3, 1, false),
      retraction(4, 3),
    );
    expect(view.complaintsUpheld).toBe(1);
  });
});

describe('S3-7 / S1-6 penalties, credit events and evaluation conduct', () => {
  it('S3-7: penalties in order with their kind', () => {
    const view = metricsOf(penalty(1, 'administrative'), penalty(2, 'judicial'));
    expect(view.penalties).toEqual([
      { eventId: id(1), kind: 'administrative' },
      { eventId: id(2), kind: 'judicial' },
    ]);
  });

  it('S1-6: credit events in order with their kind and date; a retracted one is gone', () => {
    const view = metricsOf(
      creditEvent(1, 'dishonest_debtor', { occurredAt: '2025-03-01' }),
      creditEvent(2, 'cleared', { occurredAt: '2025-04-01' }),
      creditEvent(3, 'audit_finding', { occurredAt: '2025-05-01' }),
      retraction(4, 3),
    );
    expect(view.creditEvents).toEqual([
      { eventId: id(1), kind: 'dishonest_debtor', occurredAt: '2025-03-01' },
      { eventId: id(2), kind: 'cleared', occurredAt: '2025-04-01' },
    ]);
  });

  it('S3-7: evaluation conduct in order', () => {
    const view = metricsOf(conduct(1, 'no_show'), conduct(2, 'false_evidence'));
    expect(view.evaluationConduct).toEqual([
      { eventId: id(1), conduct: 'no_show' },
      { eventId: id(2), conduct: 'false_evidence' },
    ]);
  });
});

describe('S3-5 expert scores', () => {
  it('S3-5: the latest panel per program replaces the earlier; no program is keyed ""', () => {
    const view = metricsOf(
      expertScores(1, 'bengbu-2022', [80, 82, 84, 86, 88]),
      expertScores(2, 'bengbu-2022', [70, 72, 74, 76, 78]),
      expertScores(3, null, [90, 91, 92, 93, 94]),
    );
    expect(view.expertScores).toEqual({
      'bengbu-2022': [70, 72, 74, 76, 78],
      '': [90, 91, 92, 93, 94],
    });
  });
});

describe('S0-7 poor contact and the submission', () => {
  it('S0-7: meetings and tasks missed are counted apart; a retraction takes one back', () => {
    const view = metricsOf(
      missed(1, 'meeting'),
      missed(2, 'meeting'),
      missed(3, 'task'),
      retraction(4, 1),
    );
    expect(view.meetingsMissed).toBe(1);
    expect(view.tasksMissed).toBe(1);
  });

  it('S1-1: submittedAt is the submission’s time', () => {
    expect(metricsOf(submitted(1, '2025-10-09T09:00:00.000Z')).submittedAt).toBe(
      '2025-10-09T09:00:00.000Z',
    );
    expect(metricsOf(material(1, 'photo')).submittedAt).toBeNull();
  });
});
