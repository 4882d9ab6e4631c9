import {
  checkS1Calendar,
  DEFAULT_S1_CALENDAR,
  type S1Calendar,
} from '../platform-year-metrics/metrics.calendar';

/**
 * Every threshold of F-1..F-10 (RULES.md: thresholds are parameters). The defaults are this
 * ledger's reading where the documents name no number; README.md lists each with its rule.
 * Changing one changes the signals: bump the projection version.
 */
export interface FraudThresholds {
  /** Event ids listed per signal (eventCount still counts them all). */
  readonly maxEventIdsPerSignal: number;
  /** F-2: service records for one USCC + service area + Beijing day. */
  readonly sameDayServices: number;
  /** F-2: service records for one USCC in the year. */
  readonly servicesPerEnterprise: number;
  /** F-3: platforms claiming one financing contract or one service record. */
  readonly claimingPlatforms: number;
  /** F-4: ratings, all 很满意, from which a 100% share is suspicious. */
  readonly allVerySatisfiedMinRatings: number;
  /** F-4: ratings given (occurredAt with a time of day) within `burstWindowMinutes` of each other. */
  readonly burstRatings: number;
  readonly burstWindowMinutes: number;
  /** F-4: ratings entered by the platform (source 'platform'), as a count and a share of all. */
  readonly platformEnteredMinRatings: number;
  readonly platformEnteredMinShare: number;
  /** F-4: retracted service records that had ratings. */
  readonly retractedRatedServices: number;
  /** F-4: distinct enterprises whose service records give one contact phone. */
  readonly enterprisesPerPhone: number;
  /** F-5: attendees (distinct USCCs) an activity needs for its list to be compared. */
  readonly identicalListMinAttendees: number;
  /** F-5: activities with one identical attendee list. */
  readonly identicalListActivities: number;
  /** F-5: the surge window: the last days of S1-1's period. */
  readonly surgeDays: number;
  /** F-5: records in the window as a multiple of the period's average rate over as many days. */
  readonly surgeFactor: number;
  readonly surgeMinRecords: number;
  /** F-6: records recorded after the period end while dated inside it. */
  readonly backdatedRecords: number;
  /** F-7: the bars (S3-2, S4-1, S4-2) and the margin above them that counts as hugging. */
  readonly bars: FraudBars;
  readonly barMarginPercent: number;
  /** F-9: listed institutions with no service record in the year. */
  readonly paperInstitutions: number;
  /** F-10: distinct complaints whose latest verification upheld them (S3-7: ≥ 3 ⇒ D). */
  readonly upheldComplaints: number;
  /** S1-1's period and evidence deadline (F-5 surge, F-6, F-10 失信被执行人). */
  readonly calendar: S1Calendar;
}

export interface FraudBars {
  /** S4-1: SMEs served in the year, any mode (distinct USCCs, calendarYear.enterprisesServed). */
  readonly enterprisesServed: number;
  /** S3-2 / S4-2 information function: the information area's enterprises served offline. */
  readonly informationEnterprisesServedOffline: number;
  /** S3-2 / S4-2 training function: trainees (TrainingRecorded person-times, byFunction.training). */
  readonly trainees: number;
  /** S3-2 / S4-2 financing function: 4亿元 in 分. */
  readonly financingFen: number;
  /** S4-1: service institutions gathered, read as institutions delivering services. */
  readonly institutionsDelivering: number;
}

export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = {
  maxEventIdsPerSignal: 1000,
  sameDayServices: 2,
  servicesPerEnterprise: 20,
  claimingPlatforms: 2,
  allVerySatisfiedMinRatings: 30,
  burstRatings: 20,
  burstWindowMinutes: 10,
  platformEnteredMinRatings: 10,
  platformEnteredMinShare: 0.5,
  retractedRatedServices: 1,
  enterprisesPerPhone: 5,
  identicalListMinAttendees: 3,
  identicalListActivities: 2,
  surgeDays: 7,
  surgeFactor: 3,
  surgeMinRecords: 20,
  backdatedRecords: 1,
  bars: {
    enterprisesServed: 100,
    informationEnterprisesServedOffline: 100,
    trainees: 1000,
    financingFen: 40_000_000_000,
    institutionsDelivering: 5,
  },
  barMarginPercent: 2,
  paperInstitutions: 1,
  upheldComplaints: 3,
  calendar: DEFAULT_S1_CALENDAR,
};

/** Refuses thresholds no rule can apply (a count below 1, a share outside (0, 1], …). */
export function checkFraudThresholds(thresholds: FraudThresholds): FraudThresholds {
  const { bars, calendar, platformEnteredMinShare, barMarginPercent, surgeFactor, ...counts } =
    thresholds;
  for (const [name, value] of Object.entries({ ...counts, ...bars })) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(
        `fraud threshold ${name} must be a positive integer, not ${String(value)}`,
      );
    }
  }
  if (!(platformEnteredMinShare > 0 && platformEnteredMinShare <= 1)) {
    throw new RangeError('fraud threshold platformEnteredMinShare must be in (0, 1]');
  }
  if (!(Number.isFinite(barMarginPercent) && barMarginPercent >= 0)) {
    throw new RangeError('fraud threshold barMarginPercent must be a non-negative number');
  }
  if (!(Number.isFinite(surgeFactor) && surgeFactor > 0)) {
    throw new RangeError('fraud threshold surgeFactor must be a positive number');
  }
  checkS1Calendar(calendar);
  return thresholds;
}
