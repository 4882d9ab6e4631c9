import type { ProjectedEvent } from '../shared/projection';
import {
  activity,
  id,
  retraction,
  service,
  uscc,
} from '../platform-year-metrics/testing/year-events';
import { ids, signalsOfRule } from './testing/fraud-events';

const [A, B, C, D] = [uscc(1), uscc(2), uscc(3), uscc(4)];

/** `count` service records from id `from`, to distinct enterprises, on the given Beijing day. */
function servicesOn(from: number, count: number, day: (index: number) => string): ProjectedEvent[] {
  return Array.from({ length: count }, (_, index) =>
    service(from + index, {}, { occurredAt: `${day(index)}T10:00:00+08:00` }),
  );
}

/** The Beijing date `days` after 2025-01-01. */
function dayOfYear(days: number): string {
  return new Date(Date.UTC(2025, 0, 1 + days)).toISOString().slice(0, 10);
}

describe('F-5 activity inflation', () => {
  describe('identical attendee lists', () => {
    it('fires on two activities with the same set of three attendees', () => {
      const [signal, ...rest] = signalsOfRule(
        'F-5',
        'identical_attendee_lists',
        activity(1, { attendeeUsccs: [A, B, C] }, { occurredAt: '2025-04-01' }),
        activity(2, { attendeeUsccs: [C, A, B, B] }, { occurredAt: '2025-05-01' }),
        activity(3, { attendeeUsccs: [A, B] }, { occurredAt: '2025-06-01' }),
      );
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        kind: 'identical_attendee_lists',
        fabricates: 'activities',
        eventIds: [id(1), id(2)],
        figures: { activities: 2, attendees: 3 },
      });
      expect(signal?.signalId).toMatch(
        /^F-5\.cq-wanzhou-window\.2025\.identical-attendees\.[0-9a-f]{16}$/,
      );
      expect(signal?.sentence.en).toBe(
        '2 activities have the identical list of 3 attending enterprises',
      );
    });

    it('near miss: identical lists of two attendees, or lists differing by one enterprise', () => {
      expect(
        signalsOfRule(
          'F-5',
          null,
          activity(1, { attendeeUsccs: [A, B] }, { occurredAt: '2025-04-01' }),
          activity(2, { attendeeUsccs: [A, B] }, { occurredAt: '2025-05-01' }),
          activity(3, { attendeeUsccs: [A, B, C] }, { occurredAt: '2025-06-01' }),
          activity(4, { attendeeUsccs: [A, B, D] }, { occurredAt: '2025-07-01' }),
        ),
      ).toEqual([]);
    });

    it('a retraction of one of the two withdraws it', () => {
      expect(
        signalsOfRule(
          'F-5',
          null,
          activity(1, { attendeeUsccs: [A, B, C] }, { occurredAt: '2025-04-01' }),
          activity(2, { attendeeUsccs: [A, B, C] }, { occurredAt: '2025-05-01' }),
          retraction(3, 1),
        ),
      ).toEqual([]);
    });
  });

  describe('one enterprise at overlapping activities', () => {
    it('fires on two offline activities at the same instant sharing an attendee', () => {
      const [signal, ...rest] = signalsOfRule(
        'F-5',
        'overlapping_activities',
        activity(1, { attendeeUsccs: [A, B] }, { occurredAt: '2025-05-20T14:00:00+08:00' }),
        activity(2, { attendeeUsccs: [A, C] }, { occurredAt: '2025-05-20T06:00:00.000Z' }),
        activity(3, { attendeeUsccs: [B] }, { occurredAt: '2025-05-20T16:00:00+08:00' }),
      );
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        signalId: `F-5.cq-wanzhou-window.2025.overlapping-activities.${A}`,
        fabricates: 'activities',
        eventIds: [id(1), id(2)],
        figures: { uscc: A, activities: 2, instants: 1 },
      });
      expect(signal?.sentence.zh).toContain(`企业 ${A} 同时出现在 2 场同一时刻举行的线下活动中`);
    });

    it('near miss: dated by day only, or one of them online', () => {
      expect(
        signalsOfRule(
          'F-5',
          'overlapping_activities',
          activity(1, { attendeeUsccs: [A] }, { occurredAt: '2025-05-20' }),
          activity(2, { attendeeUsccs: [A] }, { occurredAt: '2025-05-20' }),
          activity(3, { attendeeUsccs: [B] }, { occurredAt: '2025-05-21T14:00:00+08:00' }),
          activity(
            4,
            { attendeeUsccs: [B], mode: 'online' },
            { occurredAt: '2025-05-21T14:00:00+08:00' },
          ),
        ),
      ).toEqual([]);
    });
  });

  describe('a surge just before the period ends (09-30)', () => {
    const spread = (count: number): ProjectedEvent[] =>
      Array.from({ length: count }, (_, index) =>
        activity(5000 + index, {}, { occurredAt: `${dayOfYear(index % 240)}T10:00:00+08:00` }),
      );

    it('fires on 20 records in the last 7 days, 26 times the period’s average', () => {
      const [signal, ...rest] = signalsOfRule(
        'F-5',
        'deadline_surge',
        ...spread(10),
        ...servicesOn(1, 20, () => '2025-09-28'),
      );
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        signalId: 'F-5.cq-wanzhou-window.2025.deadline-surge',
        // Service records surged: a confirmation finds records, not activities, fabricated.
        fabricates: 'records',
        eventIds: ids(1, 20),
        figures: {
          records: 20,
          days: 7,
          periodRecords: 30,
          averageForDays: 0.8,
          factor: 26,
          from: '2025-09-24',
          to: '2025-09-30',
        },
      });
      expect(signal?.sentence.zh).toContain(
        '实施期最后 7 天（2025-09-24 至 2025-09-30）记录了 20 条',
      );
    });

    it('near miss: 19 records in the last week, or 20 that are under 3 times the average', () => {
      expect(
        signalsOfRule(
          'F-5',
          'deadline_surge',
          ...spread(10),
          ...servicesOn(1, 19, () => '2025-09-28'),
        ),
      ).toEqual([]);
      expect(
        signalsOfRule(
          'F-5',
          'deadline_surge',
          ...spread(250),
          ...servicesOn(1, 20, () => '2025-09-28'),
        ),
      ).toEqual([]);
    });

    it('records dated after the period end are not in the surge', () => {
      expect(
        signalsOfRule(
          'F-5',
          'deadline_surge',
          ...spread(10),
          ...servicesOn(1, 20, () => '2025-10-01'),
        ),
      ).toEqual([]);
    });
  });
});
