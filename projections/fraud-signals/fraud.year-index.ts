import { countingWindows, type CountingWindows } from '../platform-year-metrics/metrics.calendar';
import type {
  ActivityEntry,
  ComplaintEntry,
  CountedEntry,
  CreditEntry,
  DealEntry,
  RatingEntry,
  ResidentEntry,
  ServiceEntry,
  TrainingEntry,
  VerdictEntry,
  YearDoc,
} from './fraud.doc';
import type { FraudThresholds } from './fraud.thresholds';

/**
 * A platform-year's records sorted by what the rules read, in log order, built in one pass by
 * the view. "Standing" means not retracted: a retracted record contributes to no signal except
 * F-4's ratings of retracted services.
 */
export interface YearIndex {
  readonly platformId: string;
  readonly year: number;
  readonly windows: CountingWindows;
  readonly thresholds: FraudThresholds;
  readonly services: ServiceEntry[];
  readonly activities: ActivityEntry[];
  /** Standing ratings of standing services (S4-3 counts no other). */
  readonly ratings: RatingEntry[];
  /**
   * Every rating whose occurredAt names a time of day, standing or not, in log order: F-4 groups
   * bursts over all of them, so a retraction never renames a burst, and counts the standing.
   */
  readonly timedRatings: RatingEntry[];
  /** Standing ratings of retracted services, with the service. */
  readonly ratingsOfRetracted: { readonly rating: RatingEntry; readonly service: ServiceEntry }[];
  readonly trainings: TrainingEntry[];
  readonly deals: DealEntry[];
  readonly residents: ResidentEntry[];
  readonly counted: CountedEntry[];
  readonly complaints: Map<string, ComplaintEntry>;
  readonly verdicts: VerdictEntry[];
  readonly credits: CreditEntry[];
  /** Retracted services, deals and materials: what the cross-platform documents also hold. */
  readonly retracted: string[];
}

export function yearIndex(doc: YearDoc, thresholds: FraudThresholds): YearIndex {
  const index: YearIndex = {
    platformId: doc.platformId,
    year: doc.year,
    windows: countingWindows(doc.year, thresholds.calendar),
    thresholds,
    services: [],
    activities: [],
    ratings: [],
    timedRatings: [],
    ratingsOfRetracted: [],
    trainings: [],
    deals: [],
    residents: [],
    counted: [],
    complaints: new Map(),
    verdicts: [],
    credits: [],
    retracted: [],
  };
  for (const entry of doc.records.values()) {
    if (entry.type === 'rating' && entry.timed === true) index.timedRatings.push(entry);
    if (entry.retraction !== undefined) {
      if (entry.type === 'service' || entry.type === 'deal' || entry.type === 'material') {
        index.retracted.push(entry.id);
      }
      continue;
    }
    switch (entry.type) {
      case 'service':
        index.services.push(entry);
        break;
      case 'activity':
        index.activities.push(entry);
        break;
      case 'rating': {
        const service = doc.records.get(entry.serviceId);
        if (service?.type !== 'service') break;
        if (service.retraction === undefined) index.ratings.push(entry);
        else index.ratingsOfRetracted.push({ rating: entry, service });
        break;
      }
      case 'training':
        index.trainings.push(entry);
        break;
      case 'deal':
        index.deals.push(entry);
        break;
      case 'resident':
        index.residents.push(entry);
        break;
      case 'counted':
        index.counted.push(entry);
        break;
      case 'complaint':
        index.complaints.set(entry.id, entry);
        break;
      case 'verdict':
        index.verdicts.push(entry);
        break;
      case 'credit':
        index.credits.push(entry);
        break;
      case 'material':
        break;
    }
  }
  return index;
}

/** Appends to the list under `key`, creating it: the grouping every rule does. */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [value]);
  else list.push(value);
}
