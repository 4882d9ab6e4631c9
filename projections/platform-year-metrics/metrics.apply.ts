import { assertNever, type ServiceArea } from '@ledger/domain';
import { IN_CALENDAR_YEAR, IN_IMPLEMENTATION_PERIOD } from './metrics.calendar';
import { countEnterprise, countMember, type WindowIndex } from './metrics.distinct';
import type { CountedContribution } from './metrics.contribution';
import {
  areaOf,
  type AreaCounters,
  type MetricsDoc,
  type SlotIndex,
  type TallyCounters,
} from './metrics.doc';

/**
 * Adds (sign 1) or subtracts (sign -1) a counted record in every window its `windows` bits name.
 * The one function both directions go through, so a retraction undoes exactly what the record
 * added.
 */
export function applyCounted(doc: MetricsDoc, record: CountedContribution, sign: 1 | -1): void {
  if ((record.windows & IN_CALENDAR_YEAR) !== 0) applyIn(doc, doc.calendarYear, 0, record, sign);
  if ((record.windows & IN_IMPLEMENTATION_PERIOD) !== 0) {
    applyIn(doc, doc.implementationPeriod, 1, record, sign);
  }
}

function applyIn(
  doc: MetricsDoc,
  tally: TallyCounters,
  window: WindowIndex,
  record: CountedContribution,
  sign: 1 | -1,
): void {
  switch (record.type) {
    case 'ServiceActivityRecorded': {
      const area = areaOf(tally, record.area);
      const areaIndex = areaEnterprisesOf(doc, record.area);
      addActivity(tally, record.online, record.personTimes, sign);
      addActivity(area, record.online, record.personTimes, sign);
      for (const uscc of record.usccs) {
        countEnterprise(doc.enterprises, uscc, window, record.online, sign, tally);
        countEnterprise(areaIndex, uscc, window, record.online, sign, area);
      }
      return;
    }
    case 'ServiceRecorded': {
      const area = areaOf(tally, record.area);
      tally.services += sign;
      area.services += sign;
      if (record.publicInterest) tally.servicesPublicInterest += sign;
      countEnterprise(doc.enterprises, record.uscc, window, record.online, sign, tally);
      countEnterprise(
        areaEnterprisesOf(doc, record.area),
        record.uscc,
        window,
        record.online,
        sign,
        area,
      );
      if (record.institution !== null) {
        tally.institutionsDelivering += countMember(
          doc.institutions,
          record.institution,
          window,
          sign,
        );
      }
      return;
    }
    case 'SatisfactionRated':
      tally.ratings[record.rating] += sign;
      tally.ratingsBySource[record.source] += sign;
      tally.ratingEnterprises += countMember(doc.raters, record.uscc, window, sign);
      return;
    case 'TrainingRecorded': {
      addTraining(tally, record.sessions, record.personTimes, sign);
      addTraining(areaOf(tally, record.area), record.sessions, record.personTimes, sign);
      return;
    }
    case 'FinancingDealRecorded':
      tally.financingDeals += sign;
      tally.financingFen += sign * record.amountFen;
      return;
    case 'MatchmakingDealRecorded':
      tally.matchmakingDeals += sign;
      tally.matchmakingFen += sign * record.amountFen;
      return;
    case 'RecruitmentRecorded':
      tally.recruitments += sign;
      tally.recruitmentPositions += sign * record.positions;
      tally.hires += sign * record.hires;
      return;
    case 'TechDemandSolved':
      tally.techDemandsSolved += sign;
      return;
    case 'ResidentEnterpriseJoined':
      tally.residentEnterprises += countMember(doc.residents, record.uscc, window, sign);
      return;
    case 'ItemPublished':
      if (record.itemKind === 'policy') tally.policyItemsPublished += sign;
      else if (record.itemKind === 'service') tally.serviceItemsPublished += sign;
      else tally.demandItemsPublished += sign;
      return;
    default:
      assertNever(record);
  }
}

function addActivity(
  counters: AreaCounters,
  online: boolean,
  personTimes: number,
  sign: 1 | -1,
): void {
  counters.activities += sign;
  if (online) counters.activitiesOnline += sign;
  else counters.activitiesOffline += sign;
  counters.activityPersonTimes += sign * personTimes;
}

function addTraining(
  counters: AreaCounters,
  sessions: number,
  trainees: number,
  sign: 1 | -1,
): void {
  counters.trainings += sign;
  counters.trainingSessions += sign * sessions;
  counters.trainees += sign * trainees;
}

function areaEnterprisesOf(doc: MetricsDoc, area: ServiceArea): SlotIndex {
  let index = doc.areaEnterprises.get(area);
  if (index === undefined) {
    index = new Map();
    doc.areaEnterprises.set(area, index);
  }
  return index;
}
