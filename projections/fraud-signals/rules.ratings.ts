import type { FraudSignal } from './fraud-signals.view';
import type { RatingEntry, ServiceEntry } from './fraud.doc';
import { yearSignal, type EventRef, type YearClause } from './fraud.signal';
import { normalisePhone, percentText } from './fraud.text';
import type { YearIndex } from './fraud.year-index';

/**
 * F-4 rating fabrication: 100% 很满意 over many ratings; ratings given in one burst;
 * ratings entered by the platform; ratings of services later retracted; one contact phone across
 * many enterprises. Ratings count as S4-3 counts them: standing, of a standing service.
 */
export function ratingSignals(index: YearIndex): FraudSignal[] {
  return [
    ...allVerySatisfied(index),
    ...ratingBursts(index),
    ...platformEntered(index),
    ...ratingsOfRetractedServices(index),
    ...sharedPhones(index),
  ];
}

function signal(index: YearIndex, clause: YearClause): FraudSignal {
  return yearSignal(index, 'F-4', 'ratings', clause);
}

function allVerySatisfied(index: YearIndex): FraudSignal[] {
  const { ratings } = index;
  const min = index.thresholds.allVerySatisfiedMinRatings;
  if (ratings.length < min || ratings.some((entry) => entry.rating !== 'very_satisfied')) return [];
  const count = String(ratings.length);
  return [
    signal(index, {
      kind: 'all_very_satisfied',
      subject: ['all-very-satisfied'],
      severity: 'medium',
      events: ratings,
      figures: { ratings: ratings.length, verySatisfied: ratings.length, verySatisfiedShare: 1 },
      zh: `全部 ${count} 条满意度评价均为“很满意”（达到 ${String(min)} 条即提示）`,
      en: `All ${count} satisfaction ratings are 很满意 (very satisfied); the signal fires from ${String(min)} ratings`,
    }),
  ];
}

type TimedRating = RatingEntry & { readonly occurredMs: number };

/**
 * Ratings given (occurredAt, with a time of day) within the window of each other, at least
 * `burstRatings` of them standing: many enterprises rating within minutes of each other. The
 * store clock is no evidence here: one import of a 台账 records all its ratings at one instant.
 * Windows are grouped over every timed rating, standing or not, and overlapping windows are one
 * burst named by its earliest rating. Ratings that extend a burst keep its name; a retraction
 * renames it only when it leaves the first window short of the count, and a rating dated before
 * the burst can extend it back. A decision on the old name then shows as withdrawn.
 */
function ratingBursts(index: YearIndex): FraudSignal[] {
  const { burstRatings, burstWindowMinutes } = index.thresholds;
  const windowMs = burstWindowMinutes * 60_000;
  const standing = new Set(index.ratings);
  const timed = index.timedRatings
    .filter((entry): entry is TimedRating => entry.occurredMs !== null)
    .sort((a, b) => a.occurredMs - b.occurredMs || a.position - b.position);
  // standingBefore[i]: standing ratings among timed[0..i-1], so a window's count is a difference.
  const standingBefore = [0];
  for (const entry of timed) {
    standingBefore.push((standingBefore.at(-1) ?? 0) + (standing.has(entry) ? 1 : 0));
  }
  const standingIn = (from: number, to: number): number =>
    (standingBefore[to + 1] ?? 0) - (standingBefore[from] ?? 0);
  const signals: FraudSignal[] = [];
  const emit = (from: number, to: number): void => {
    const burst = timed.slice(from, to + 1);
    signals.push(
      burstSignal(
        index,
        burst[0],
        burst.filter((entry) => standing.has(entry)),
      ),
    );
  };
  let start = -1;
  let end = -1;
  let reach = 0;
  for (let i = 0; i < timed.length; i += 1) {
    const from = timed[i]?.occurredMs ?? 0;
    if (reach < i) reach = i;
    while (reach + 1 < timed.length && (timed[reach + 1]?.occurredMs ?? 0) - from <= windowMs) {
      reach += 1;
    }
    if (standingIn(i, reach) < burstRatings) continue;
    if (start >= 0 && i <= end) {
      end = Math.max(end, reach);
      continue;
    }
    if (start >= 0) emit(start, end);
    start = i;
    end = reach;
  }
  if (start >= 0) emit(start, end);
  return signals;
}

function burstSignal(
  index: YearIndex,
  first: TimedRating | undefined,
  burst: readonly TimedRating[],
): FraudSignal {
  const earliest = burst[0];
  const last = burst[burst.length - 1];
  const spanMinutes =
    earliest === undefined || last === undefined
      ? 0
      : Math.round((last.occurredMs - earliest.occurredMs) / 6_000) / 10;
  const count = String(burst.length);
  const window = String(index.thresholds.burstWindowMinutes);
  return signal(index, {
    kind: 'rating_burst',
    subject: ['rating-burst', first?.id ?? ''],
    severity: 'medium',
    events: burst,
    figures: {
      ratings: burst.length,
      spanMinutes,
      windowMinutes: index.thresholds.burstWindowMinutes,
      firstOccurredAt: earliest === undefined ? '' : new Date(earliest.occurredMs).toISOString(),
    },
    zh: `${count} 条满意度评价的评价时间集中在 ${String(spanMinutes)} 分钟内（${window} 分钟内达到 ${String(index.thresholds.burstRatings)} 条即提示）`,
    en: `${count} satisfaction ratings were given within ${String(spanMinutes)} minutes of each other (the signal fires from ${String(index.thresholds.burstRatings)} within ${window} minutes)`,
  });
}

function platformEntered(index: YearIndex): FraudSignal[] {
  const { ratings, thresholds } = index;
  const entered = ratings.filter((entry) => entry.source === 'platform');
  if (entered.length < thresholds.platformEnteredMinRatings) return [];
  const share = entered.length / ratings.length;
  if (share < thresholds.platformEnteredMinShare) return [];
  const count = String(entered.length);
  const total = String(ratings.length);
  return [
    signal(index, {
      kind: 'platform_entered_ratings',
      subject: ['platform-entered'],
      severity: 'high',
      events: entered,
      figures: {
        ratings: ratings.length,
        platformEntered: entered.length,
        platformShare: Math.round(share * 1000) / 1000,
      },
      zh: `${total} 条满意度评价中有 ${count} 条（${percentText(share)}%）由平台代为录入，而非企业评价`,
      en: `${count} of ${total} satisfaction ratings (${percentText(share)}%) were entered by the platform rather than by the enterprise`,
    }),
  ];
}

/** The one clause a retraction raises rather than withdraws: the ratings outlive their service. */
function ratingsOfRetractedServices(index: YearIndex): FraudSignal[] {
  const pairs = index.ratingsOfRetracted;
  const services = new Map<string, ServiceEntry>();
  for (const { service } of pairs) services.set(service.id, service);
  if (pairs.length === 0 || services.size < index.thresholds.retractedRatedServices) return [];
  const events: EventRef[] = pairs.map(({ rating }) => rating);
  for (const service of services.values()) {
    events.push(service);
    if (service.retraction !== undefined) events.push(service.retraction);
  }
  const serviceCount = String(services.size);
  const ratingCount = String(pairs.length);
  return [
    signal(index, {
      kind: 'ratings_of_retracted_services',
      subject: ['ratings-of-retracted-services'],
      severity: 'medium',
      events,
      figures: { retractedServices: services.size, ratings: pairs.length },
      zh: `${serviceCount} 条服务记录在获得 ${ratingCount} 条满意度评价后被撤回`,
      en: `${serviceCount} service records were retracted after receiving ${ratingCount} satisfaction ratings`,
    }),
  ];
}

function sharedPhones(index: YearIndex): FraudSignal[] {
  const byPhone = new Map<string, { usccs: Set<string>; services: ServiceEntry[] }>();
  for (const service of index.services) {
    if (service.phone === undefined) continue;
    const phone = normalisePhone(service.phone);
    if (phone === '') continue;
    let group = byPhone.get(phone);
    if (group === undefined) {
      group = { usccs: new Set(), services: [] };
      byPhone.set(phone, group);
    }
    group.usccs.add(service.uscc);
    group.services.push(service);
  }
  const signals: FraudSignal[] = [];
  for (const [phone, { usccs, services }] of byPhone) {
    if (usccs.size < index.thresholds.enterprisesPerPhone) continue;
    const enterprises = String(usccs.size);
    const records = String(services.length);
    signals.push(
      signal(index, {
        kind: 'shared_contact_phone',
        subject: ['shared-phone', phone],
        // Its evidence is the service records that give the phone, not ratings.
        fabricates: 'records',
        severity: 'medium',
        events: services,
        figures: { phone, enterprises: usccs.size, services: services.length },
        zh: `联系电话 ${phone} 出现在 ${enterprises} 家不同企业的 ${records} 条服务记录中`,
        en: `Contact phone ${phone} is given for ${enterprises} different enterprises on ${records} service records`,
      }),
    );
  }
  return signals;
}
