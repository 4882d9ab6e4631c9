import type { RatingSource } from '@ledger/domain';
import type { ProjectedEvent } from '../shared/projection';
import { id, rating, retraction, service } from '../platform-year-metrics/testing/year-events';
import { ids, recordedAfter, signalsOfRule } from './testing/fraud-events';

/** An instant `seconds` after 2025-05-20 10:30 Beijing time, with the time of day. */
function givenAt(seconds: number): string {
  return new Date(Date.UTC(2025, 4, 20, 2, 30) + seconds * 1000).toISOString();
}

/**
 * `count` services (ids 1…) each rated once (ids 1001…), the ratings given `spacing` seconds
 * apart (occurredAt with a time of day) and all recorded at one instant, as one import records
 * them, by the given source and with 很满意 unless said otherwise.
 */
function ratedServices(
  count: number,
  spacing: number,
  source: (index: number) => RatingSource = () => 'enterprise',
): ProjectedEvent[] {
  const services = Array.from({ length: count }, (_, index) => service(index + 1));
  const ratings = Array.from({ length: count }, (_, index) =>
    rating(
      1001 + index,
      index + 1,
      { source: source(index) },
      { occurredAt: givenAt(3600 + index * spacing), recordedAt: recordedAfter(7 * 24 * 3600) },
    ),
  );
  return [...services, ...ratings];
}

describe('F-4 rating fabrication', () => {
  describe('100% 很满意 over many ratings', () => {
    it('fires on 30 ratings, all very satisfied', () => {
      const [signal, ...rest] = signalsOfRule(
        'F-4',
        'all_very_satisfied',
        ...ratedServices(30, 3600),
      );
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        signalId: 'F-4.cq-wanzhou-window.2025.all-very-satisfied',
        kind: 'all_very_satisfied',
        fabricates: 'ratings',
        eventIds: ids(1001, 30),
        figures: { ratings: 30, verySatisfied: 30, verySatisfiedShare: 1 },
      });
      expect(signal?.sentence.zh).toContain('全部 30 条满意度评价均为“很满意”');
      expect(signal?.sentence.en).toContain('All 30 satisfaction ratings');
    });

    it('near miss: 29 ratings, or 30 with one merely satisfied', () => {
      expect(signalsOfRule('F-4', 'all_very_satisfied', ...ratedServices(29, 3600))).toEqual([]);
      const events = ratedServices(30, 3600);
      const last = events.pop();
      expect(last).toBeDefined();
      events.push(rating(1030, 30, { rating: 'satisfied' }));
      expect(signalsOfRule('F-4', 'all_very_satisfied', ...events)).toEqual([]);
    });
  });

  describe('ratings given in one burst', () => {
    it('fires on 20 ratings given within 10 minutes, named by the first', () => {
      const [signal, ...rest] = signalsOfRule('F-4', 'rating_burst', ...ratedServices(20, 20));
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        signalId: `F-4.cq-wanzhou-window.2025.rating-burst.${id(1001)}`,
        severity: 'medium',
        fabricates: 'ratings',
        eventIds: ids(1001, 20),
        figures: { ratings: 20, spanMinutes: 6.3, windowMinutes: 10 },
      });
      expect(signal?.sentence.en).toContain(
        '20 satisfaction ratings were given within 6.3 minutes of each other',
      );
    });

    it('near miss: 19 ratings in 10 minutes, or 20 spread over 12.7 minutes', () => {
      expect(signalsOfRule('F-4', 'rating_burst', ...ratedServices(19, 20))).toEqual([]);
      expect(signalsOfRule('F-4', 'rating_burst', ...ratedServices(20, 40))).toEqual([]);
    });

    it('near miss: one import of 40 ratings dated by day records them at one instant', () => {
      const services = Array.from({ length: 40 }, (_, index) => service(index + 1));
      const imported = Array.from({ length: 40 }, (_, index) =>
        rating(
          1001 + index,
          index + 1,
          {},
          { occurredAt: '2025-05-20', recordedAt: recordedAfter(60) },
        ),
      );
      expect(signalsOfRule('F-4', 'rating_burst', ...services, ...imported)).toEqual([]);
    });

    it('keeps its id and grows as more ratings of the burst arrive; a later burst is another', () => {
      const events = ratedServices(45, 20);
      // Ratings 1026… were given an hour after the first burst, ratings 1021…1025 right after it.
      const moved = events.map((event, index) =>
        index >= 45 + 25
          ? { ...event, data: { ...event.data, occurredAt: givenAt(9000 + index * 20) } }
          : event,
      );
      const bursts = signalsOfRule('F-4', 'rating_burst', ...moved);
      expect(bursts.map((signal) => [signal.signalId, signal.eventCount])).toEqual([
        [`F-4.cq-wanzhou-window.2025.rating-burst.${id(1001)}`, 25],
        [`F-4.cq-wanzhou-window.2025.rating-burst.${id(1026)}`, 20],
      ]);
    });

    it('keeps its id when its first rating is retracted, and counts only the standing', () => {
      const [signal] = signalsOfRule(
        'F-4',
        'rating_burst',
        ...ratedServices(25, 20),
        retraction(2001, 1001),
      );
      expect(signal).toMatchObject({
        signalId: `F-4.cq-wanzhou-window.2025.rating-burst.${id(1001)}`,
        eventCount: 24,
      });
      expect(signal?.eventIds).not.toContain(id(1001));
    });
  });

  describe('ratings entered by the platform', () => {
    it('fires when 10 ratings, half of all, were entered by the platform', () => {
      const [signal] = signalsOfRule(
        'F-4',
        'platform_entered_ratings',
        ...ratedServices(20, 3600, (index) => (index % 2 === 0 ? 'platform' : 'enterprise')),
      );
      expect(signal).toMatchObject({
        signalId: 'F-4.cq-wanzhou-window.2025.platform-entered',
        severity: 'high',
        fabricates: 'ratings',
        eventIds: Array.from({ length: 10 }, (_, index) => id(1001 + index * 2)),
        figures: { ratings: 20, platformEntered: 10, platformShare: 0.5 },
      });
      expect(signal?.sentence.zh).toContain('20 条满意度评价中有 10 条（50%）由平台代为录入');
    });

    it('near miss: 9 of 9 entered by the platform, or 10 of 21', () => {
      expect(
        signalsOfRule(
          'F-4',
          'platform_entered_ratings',
          ...ratedServices(9, 3600, () => 'platform'),
        ),
      ).toEqual([]);
      expect(
        signalsOfRule(
          'F-4',
          'platform_entered_ratings',
          ...ratedServices(21, 3600, (index) => (index % 2 === 1 ? 'platform' : 'enterprise')),
        ),
      ).toEqual([]);
    });
  });

  describe('ratings of services later retracted', () => {
    it('fires when a rated service is retracted, naming the service, rating and retraction', () => {
      const [signal, ...rest] = signalsOfRule(
        'F-4',
        'ratings_of_retracted_services',
        service(1),
        rating(2, 1),
        service(3),
        retraction(4, 1),
        retraction(5, 3),
      );
      expect(rest).toEqual([]);
      expect(signal).toMatchObject({
        signalId: 'F-4.cq-wanzhou-window.2025.ratings-of-retracted-services',
        fabricates: 'ratings',
        eventIds: [id(1), id(2), id(4)],
        figures: { retractedServices: 1, ratings: 1 },
      });
      expect(signal?.sentence.en).toBe(
        '1 service records were retracted after receiving 1 satisfaction ratings',
      );
    });

    it('near miss: an unrated service retracted, or the rating retracted first', () => {
      expect(
        signalsOfRule('F-4', 'ratings_of_retracted_services', service(1), retraction(2, 1)),
      ).toEqual([]);
      expect(
        signalsOfRule(
          'F-4',
          'ratings_of_retracted_services',
          service(1),
          rating(2, 1),
          retraction(3, 2),
          retraction(4, 1),
        ),
      ).toEqual([]);
    });
  });

  describe('one contact phone across many enterprises', () => {
    const phones = ['023-6786 1234', '+86 23 6786 1234', '+86 023 6786 1234', '0086 02367861234'];

    it('fires when five enterprises give one phone, however it is written', () => {
      const [signal] = signalsOfRule(
        'F-4',
        'shared_contact_phone',
        ...Array.from({ length: 5 }, (_, index) =>
          service(index + 1, { contactPhone: phones[index % 4] ?? null }),
        ),
        service(6, { contactPhone: '13800000000' }),
      );
      expect(signal).toMatchObject({
        signalId: 'F-4.cq-wanzhou-window.2025.shared-phone.02367861234',
        // Its evidence is service records: a confirmation finds records fabricated.
        fabricates: 'records',
        eventIds: ids(1, 5),
        figures: { phone: '02367861234', enterprises: 5, services: 5 },
      });
      expect(signal?.sentence.zh).toContain(
        '联系电话 02367861234 出现在 5 家不同企业的 5 条服务记录中',
      );
    });

    it('near miss: four enterprises on one phone (five records)', () => {
      expect(
        signalsOfRule(
          'F-4',
          'shared_contact_phone',
          ...Array.from({ length: 4 }, (_, index) =>
            service(index + 1, { contactPhone: phones[3] ?? null }),
          ),
          service(5, {
            enterpriseUscc: service(1).data.enterpriseUscc as string,
            contactPhone: phones[3] ?? null,
          }),
        ),
      ).toEqual([]);
    });
  });
});
