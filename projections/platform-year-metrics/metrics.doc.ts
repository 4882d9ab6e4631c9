import type { MaterialKind, Rating, RatingSource, ServiceArea, Target } from '@ledger/domain';
import type { CountingWindows } from './metrics.calendar';
import type { Contribution } from './metrics.contribution';
import type {
  AreaTally,
  DisqualificationView,
  ExcludedRecord,
  FraudConfirmedView,
  MetricTally,
} from './metrics.view';

/**
 * The document of one platform-year. The projector persists it between batches as JSON text
 * (stringifyMetricsDoc) and resumes folding from the parsed copy (parseMetricsDoc).
 *
 *   windows                 S1-1's window bounds for this year (epoch ms), fixed at creation
 *   calendarYear            running counters of the calendar-year window
 *   implementationPeriod    running counters of S1-1's window
 *   enterprises             USCC → [calendar offline, calendar online, period offline, period online]
 *                           record counts: the multiset behind distinct enterprisesServed
 *   areaEnterprises         the same per service area
 *   institutions, residents, raters
 *                           USCC → [calendar, period] record counts (institutionsDelivering,
 *                           residentEnterprises, ratingEnterprises)
 *   records                 recordId → what the record contributed (retraction subtracts exactly
 *                           that), or a tombstone once retracted
 *
 * The keyed collections are Maps in memory: every record looks up its id and its enterprises by
 * strings fresh from the log, and a Map finds those about three times faster than an object's
 * properties (which must first find the key's internalized copy). Stored, they are JSON objects in
 * insertion order (stringifyMetricsDoc / parseMetricsDoc), the same text as before they were Maps.
 *   excluded                S1-1 exclusions in log order; a retracted one becomes null
 *   plans … disqualifications
 *                           the few authority facts, in log order (a retraction removes its entry)
 *
 * Distinct counts are kept as running counters beside their multisets (a USCC whose count drops
 * to zero stays in the multiset with zeros), so `view` never walks the multisets except for the
 * technology function, which spans two areas.
 */
export interface MetricsDoc {
  readonly platformId: string;
  readonly year: number;
  readonly windows: CountingWindows;
  readonly calendarYear: TallyCounters;
  readonly implementationPeriod: TallyCounters;
  readonly enterprises: SlotIndex;
  readonly areaEnterprises: Map<ServiceArea, SlotIndex>;
  readonly institutions: SlotIndex;
  readonly residents: SlotIndex;
  readonly raters: SlotIndex;
  readonly records: Map<string, Contribution>;
  readonly excluded: (ExcludedRecord | null)[];
  readonly materials: Partial<Record<MaterialKind, number>>;
  readonly plans: { readonly eventId: string; readonly targets: readonly Target[] }[];
  readonly districtReviews: DistrictReviewEntry[];
  readonly complaintVerifications: ComplaintVerificationEntry[];
  readonly penalties: { readonly eventId: string; readonly kind: string }[];
  readonly creditEvents: {
    readonly eventId: string;
    readonly kind: string;
    readonly occurredAt: string;
  }[];
  readonly expertScores: ExpertScoresEntry[];
  readonly evaluationConduct: {
    readonly eventId: string;
    readonly conduct: 'no_show' | 'provincial_unqualified' | 'false_evidence';
  }[];
  readonly fraudConfirmed: FraudConfirmedView[];
  readonly disqualifications: DisqualificationView[];
  complaintsFiled: number;
  meetingsMissed: number;
  tasksMissed: number;
  submittedAt: string | null;
  eventCount: number;
  lastPosition: number;
}

/** Record counts per key, one slot per window (and mode): see MetricsDoc. */
export type SlotIndex = Map<string, number[]>;

type SlotIndexJson = Record<string, number[]>;

/** MetricsDoc as stored: every Map a JSON object with the same entries in the same order. */
type MetricsDocJson = Omit<
  MetricsDoc,
  'enterprises' | 'areaEnterprises' | 'institutions' | 'residents' | 'raters' | 'records'
> & {
  readonly enterprises: SlotIndexJson;
  readonly areaEnterprises: Partial<Record<ServiceArea, SlotIndexJson>>;
  readonly institutions: SlotIndexJson;
  readonly residents: SlotIndexJson;
  readonly raters: SlotIndexJson;
  readonly records: Record<string, Contribution>;
};

/**
 * The document's JSON text: each member in its place, a Map written as the object of its entries
 * (the text JSON.stringify gave when these members were objects). Written member by member
 * rather than through an object built from each Map: building one with a property per record id
 * costs several times the text itself (every id is internalized as a property name).
 */
export function stringifyMetricsDoc(doc: MetricsDoc): string {
  let text = '{';
  for (const [name, value] of Object.entries(doc)) {
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(name)}:${value instanceof Map ? mapText(value) : JSON.stringify(value)}`;
  }
  return `${text}}`;
}

function mapText(map: ReadonlyMap<unknown, unknown>): string {
  let text = '{';
  for (const [key, value] of map) {
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${value instanceof Map ? mapText(value) : JSON.stringify(value)}`;
  }
  return `${text}}`;
}

/** The document a stringifyMetricsDoc text holds. */
export function parseMetricsDoc(text: string): MetricsDoc {
  const json = JSON.parse(text) as MetricsDocJson;
  const areaEnterprises = new Map<ServiceArea, SlotIndex>();
  for (const [area, index] of Object.entries(json.areaEnterprises) as [
    ServiceArea,
    SlotIndexJson,
  ][]) {
    areaEnterprises.set(area, new Map(Object.entries(index)));
  }
  return {
    ...json,
    enterprises: new Map(Object.entries(json.enterprises)),
    areaEnterprises,
    institutions: new Map(Object.entries(json.institutions)),
    residents: new Map(Object.entries(json.residents)),
    raters: new Map(Object.entries(json.raters)),
    records: new Map(Object.entries(json.records)),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type AreaCounters = Mutable<AreaTally>;

/** The counts of one window; distinct counts are maintained from the doc's multisets. */
export type TallyCounters = Mutable<
  Omit<MetricTally, 'byArea' | 'byFunction' | 'publicInterestShare' | 'ratings'>
> & {
  readonly byArea: Partial<Record<ServiceArea, AreaCounters>>;
  readonly ratings: Record<Rating, number>;
  readonly ratingsBySource: Record<RatingSource, number>;
  ratingEnterprises: number;
};

export interface DistrictReviewEntry {
  readonly eventId: string;
  readonly stage: 'plan' | 'evidence';
  readonly score: number;
  readonly recommended: boolean;
}

export interface ComplaintVerificationEntry {
  readonly eventId: string;
  readonly complaintId: string;
  readonly upheld: boolean;
}

export interface ExpertScoresEntry {
  readonly eventId: string;
  /** The program id, '' for scores recorded without one. */
  readonly programKey: string;
  readonly scores: readonly number[];
}

function areaCounters(): AreaCounters {
  return {
    activities: 0,
    activitiesOffline: 0,
    activitiesOnline: 0,
    activityPersonTimes: 0,
    services: 0,
    enterprisesServed: 0,
    enterprisesServedOffline: 0,
    enterprisesServedOnline: 0,
    trainings: 0,
    trainingSessions: 0,
    trainees: 0,
  };
}

export function areaOf(tally: TallyCounters, area: ServiceArea): AreaCounters {
  let counters = tally.byArea[area];
  if (counters === undefined) {
    counters = areaCounters();
    tally.byArea[area] = counters;
  }
  return counters;
}

function tallyCounters(): TallyCounters {
  return {
    ...areaCounters(),
    byArea: {},
    servicesPublicInterest: 0,
    financingDeals: 0,
    financingFen: 0,
    recruitments: 0,
    recruitmentPositions: 0,
    hires: 0,
    matchmakingDeals: 0,
    matchmakingFen: 0,
    techDemandsSolved: 0,
    residentEnterprises: 0,
    policyItemsPublished: 0,
    serviceItemsPublished: 0,
    demandItemsPublished: 0,
    institutionsDelivering: 0,
    ratings: { very_satisfied: 0, satisfied: 0, dissatisfied: 0 },
    ratingsBySource: { enterprise: 0, platform: 0, district_check: 0 },
    ratingEnterprises: 0,
  };
}

export function emptyMetricsDoc(
  platformId: string,
  year: number,
  windows: CountingWindows,
): MetricsDoc {
  return {
    platformId,
    year,
    windows,
    calendarYear: tallyCounters(),
    implementationPeriod: tallyCounters(),
    enterprises: new Map(),
    areaEnterprises: new Map(),
    institutions: new Map(),
    residents: new Map(),
    raters: new Map(),
    records: new Map(),
    excluded: [],
    materials: {},
    plans: [],
    districtReviews: [],
    complaintVerifications: [],
    penalties: [],
    creditEvents: [],
    expertScores: [],
    evaluationConduct: [],
    fraudConfirmed: [],
    disqualifications: [],
    complaintsFiled: 0,
    meetingsMissed: 0,
    tasksMissed: 0,
    submittedAt: null,
    eventCount: 0,
    lastPosition: -1,
  };
}
