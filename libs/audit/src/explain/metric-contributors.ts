import type { ServiceArea } from '@ledger/domain';
import type { Contribution } from '@ledger/projections/platform-year-metrics/metrics.contribution';

/**
 * Which records a metric of the platform-year view counts, and the rules that read it: the
 * explain table. Leaf names are PlatformYearMetrics' (metrics.view.ts); a path may narrow by
 * service area (`byArea.<area>.<leaf>`) or function (`byFunction.<function>.<leaf>`).
 */
export interface MetricRule {
  readonly counts: (record: Contribution) => boolean;
  readonly ruleIds: readonly string[];
}

const is =
  (...types: Contribution['type'][]) =>
  (record: Contribution): boolean =>
    types.includes(record.type);
const online = (want: boolean) => (record: Contribution) =>
  (record.type === 'ServiceActivityRecorded' || record.type === 'ServiceRecorded') &&
  record.online === want;
const enterpriseRecords = is('ServiceActivityRecorded', 'ServiceRecorded');
const both =
  (a: (record: Contribution) => boolean, b: (record: Contribution) => boolean) =>
  (record: Contribution) =>
    a(record) && b(record);

const ACTIVITY_RULES = ['S1-3', 'S2-3', 'S3-2', 'S3-3', 'S4-2'];
const ENTERPRISE_RULES = ['S0-6', 'S2-3', 'S3-2', 'S3-3', 'S4-2'];

export const METRIC_RULES: Readonly<Record<string, MetricRule>> = {
  activities: { counts: is('ServiceActivityRecorded'), ruleIds: ACTIVITY_RULES },
  activitiesOffline: {
    counts: both(is('ServiceActivityRecorded'), online(false)),
    ruleIds: ACTIVITY_RULES,
  },
  activitiesOnline: {
    counts: both(is('ServiceActivityRecorded'), online(true)),
    ruleIds: ACTIVITY_RULES,
  },
  activityPersonTimes: { counts: is('ServiceActivityRecorded'), ruleIds: ['S3-2', 'S3-3'] },
  personTimes: { counts: is('ServiceActivityRecorded', 'TrainingRecorded'), ruleIds: ['S3-2'] },
  services: { counts: is('ServiceRecorded'), ruleIds: ['S2-3', 'S4-2'] },
  enterprisesServed: { counts: enterpriseRecords, ruleIds: ENTERPRISE_RULES },
  enterprisesServedOffline: {
    counts: both(enterpriseRecords, online(false)),
    ruleIds: ENTERPRISE_RULES,
  },
  enterprisesServedOnline: {
    counts: both(enterpriseRecords, online(true)),
    ruleIds: ENTERPRISE_RULES,
  },
  servicesPublicInterest: {
    counts: (record) => record.type === 'ServiceRecorded' && record.publicInterest,
    ruleIds: ['S4-1'],
  },
  publicInterestShare: { counts: is('ServiceRecorded'), ruleIds: ['S4-1'] },
  institutionsDelivering: {
    counts: (record) => record.type === 'ServiceRecorded' && record.institution !== null,
    ruleIds: ['S4-1', 'F-9'],
  },
  trainings: { counts: is('TrainingRecorded'), ruleIds: ['S3-2', 'S3-3'] },
  trainingSessions: { counts: is('TrainingRecorded'), ruleIds: ['S3-2', 'S3-3'] },
  trainees: { counts: is('TrainingRecorded'), ruleIds: ['S3-2', 'S3-3'] },
  financingDeals: { counts: is('FinancingDealRecorded'), ruleIds: ['S3-2', 'S3-3', 'S2-3'] },
  financingFen: { counts: is('FinancingDealRecorded'), ruleIds: ['S3-2', 'S3-3', 'S2-3'] },
  recruitments: { counts: is('RecruitmentRecorded'), ruleIds: ['S3-3'] },
  recruitmentPositions: { counts: is('RecruitmentRecorded'), ruleIds: ['S3-3'] },
  hires: { counts: is('RecruitmentRecorded'), ruleIds: ['S3-3'] },
  matchmakingDeals: { counts: is('MatchmakingDealRecorded'), ruleIds: ['S3-3'] },
  matchmakingFen: { counts: is('MatchmakingDealRecorded'), ruleIds: ['S3-3'] },
  techDemandsSolved: { counts: is('TechDemandSolved'), ruleIds: ['S3-3'] },
  residentEnterprises: { counts: is('ResidentEnterpriseJoined'), ruleIds: ['S0-8', 'S2-3'] },
  policyItemsPublished: {
    counts: (record) => record.type === 'ItemPublished' && record.itemKind === 'policy',
    ruleIds: ['S2-3'],
  },
  serviceItemsPublished: {
    counts: (record) => record.type === 'ItemPublished' && record.itemKind === 'service',
    ruleIds: ['S0-8', 'S2-3'],
  },
  demandItemsPublished: {
    counts: (record) => record.type === 'ItemPublished' && record.itemKind === 'demand',
    ruleIds: ['S2-3'],
  },
  ratings: { counts: is('SatisfactionRated'), ruleIds: ['S4-3', 'F-4'] },
};

/** Whether a record belongs to one of these service areas (records without an area do not). */
export function inAreas(record: Contribution, areas: readonly ServiceArea[]): boolean {
  return 'area' in record && areas.includes(record.area);
}
