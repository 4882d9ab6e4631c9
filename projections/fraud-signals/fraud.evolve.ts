import {
  assertNever,
  parseInstant,
  parsePlatformYearStream,
  type OperatorProfileUpdated,
  type PlatformYearEvent,
  type PlatformYearEventType,
} from '@ledger/domain';
import type { ProjectedEvent } from '../shared/projection';
import type {
  FraudDoc,
  PlatformDoc,
  RatingEntry,
  ServiceEntry,
  YearDoc,
  YearEntry,
} from './fraud.doc';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const YEAR_EVENT_TYPES = [
  'ServiceRecorded',
  'ServiceActivityRecorded',
  'SatisfactionRated',
  'FinancingDealRecorded',
  'TrainingRecorded',
  'RecruitmentRecorded',
  'MatchmakingDealRecorded',
  'TechDemandSolved',
  'ResidentEnterpriseJoined',
  'ItemPublished',
  'MaterialUploaded',
  'ComplaintFiled',
  'ComplaintVerified',
  'CreditEventRecorded',
  'RecordRetracted',
  'YearSubmitted',
] as const satisfies readonly PlatformYearEventType[];

/** What the projection reads: the platform-year records the rules name, and operator profiles. */
export const FRAUD_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  ...YEAR_EVENT_TYPES,
  'OperatorProfileUpdated',
]);

type YearFact = Extract<PlatformYearEvent, { type: (typeof YEAR_EVENT_TYPES)[number] }>;

/**
 * Folds an event into the document its key names, in place (projections/shared/projection.ts):
 * one entry or claim per record, one Map update per retraction. The projector hands over only
 * FRAUD_EVENT_TYPES, whose data has the domain's shapes.
 */
export function fraudEvolveFactory(): (doc: FraudDoc, event: ProjectedEvent) => FraudDoc {
  let lastStream = '';
  let lastPlace: { readonly platformId: string; readonly year: number } | null = null;
  const placeOf = (
    stream: string,
  ): { readonly platformId: string; readonly year: number } | null => {
    if (stream !== lastStream) {
      lastStream = stream;
      lastPlace = parsePlatformYearStream(stream);
    }
    return lastPlace;
  };
  return (doc, event) => {
    switch (doc.kind) {
      case 'year':
        evolveYear(doc, event);
        return doc;
      case 'platform':
        evolvePlatform(doc, event, placeOf(event.stream)?.year ?? null);
        return doc;
      case 'contract':
      case 'service':
      case 'material':
        addClaim(doc, event, placeOf(event.stream));
        return doc;
      default:
        return assertNever(doc);
    }
  };
}

function evolveYear(doc: YearDoc, event: ProjectedEvent): void {
  const fact = event as unknown as YearFact;
  if (fact.type === 'RecordRetracted') {
    const target = doc.records.get(fact.data.retractedId);
    if (target !== undefined && target.retraction === undefined) {
      target.retraction = { id: fact.data.recordId, position: event.position };
    }
    return;
  }
  const id = fact.data.recordId;
  // A record id is used once per year (D-RECORD-ID); a repeat would be read twice.
  if (doc.records.has(id)) return;
  const entry = entryOf(fact, event);
  if (entry !== null) doc.records.set(id, entry);
}

function entryOf(fact: YearFact, event: ProjectedEvent): YearEntry | null {
  const id = fact.data.recordId;
  const { position } = event;
  const occurredMs = parseInstant(fact.data.occurredAt);
  switch (fact.type) {
    case 'ServiceRecorded': {
      const { data } = fact;
      const entry: Mutable<ServiceEntry> = {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'service',
        uscc: data.enterpriseUscc,
        name: data.enterpriseName,
        area: data.area,
        offline: data.mode === 'offline',
      };
      // Absent rather than null: most services have neither, and the stored text stays shorter.
      if (data.institutionUscc !== null) entry.institution = data.institutionUscc;
      if (data.contactPhone !== null) entry.phone = data.contactPhone;
      return entry;
    }
    case 'ServiceActivityRecorded':
      return {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'activity',
        area: fact.data.area,
        offline: fact.data.mode === 'offline',
        timed: fact.data.occurredAt.includes('T'),
        attendees: fact.data.attendeeUsccs,
        personTimes: fact.data.personTimes,
      };
    case 'SatisfactionRated': {
      const entry: Mutable<RatingEntry> = {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'rating',
        serviceId: fact.data.serviceId,
        rating: fact.data.rating,
        source: fact.data.source,
      };
      // Absent rather than false: most ratings are dated by day, and the stored text stays shorter.
      if (fact.data.occurredAt.includes('T')) entry.timed = true;
      return entry;
    }
    case 'TrainingRecorded':
      return {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'training',
        personTimes: fact.data.personTimes,
      };
    case 'FinancingDealRecorded':
      return {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'deal',
        amountFen: fact.data.amountFen,
      };
    case 'ResidentEnterpriseJoined':
      return {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'resident',
        uscc: fact.data.enterpriseUscc,
        name: fact.data.enterpriseName,
      };
    case 'RecruitmentRecorded':
    case 'MatchmakingDealRecorded':
    case 'TechDemandSolved':
    case 'ItemPublished':
      return {
        id,
        position,
        occurredMs,
        recordedMs: parseInstant(event.metadata.recordedAt),
        type: 'counted',
      };
    case 'ComplaintFiled':
      return { id, position, type: 'complaint' };
    case 'ComplaintVerified':
      return {
        id,
        position,
        type: 'verdict',
        complaintId: fact.data.complaintId,
        upheld: fact.data.upheld,
      };
    case 'CreditEventRecorded':
      return { id, position, type: 'credit', creditKind: fact.data.creditKind, occurredMs };
    case 'MaterialUploaded':
      return { id, position, type: 'material' };
    case 'YearSubmitted':
    case 'RecordRetracted':
      return null;
    default:
      return assertNever(fact);
  }
}

function evolvePlatform(doc: PlatformDoc, event: ProjectedEvent, year: number | null): void {
  if (event.type === 'OperatorProfileUpdated') {
    const data = event.data as OperatorProfileUpdated['data'];
    doc.profiles.push({
      eventId: event.id,
      position: event.position,
      asOfMs: parseInstant(data.asOf),
      institutions: data.institutions.map((institution) => ({
        uscc: institution.uscc,
        name: institution.name,
      })),
    });
    return;
  }
  if (year === null) return;
  const fact = event as unknown as YearFact;
  if (fact.type === 'RecordRetracted') {
    // Takes back what a service added; a retraction of anything else names no year for F-9.
    const service = doc.institutionServices.get(fact.data.retractedId);
    if (service === undefined) return;
    doc.institutionServices.delete(fact.data.retractedId);
    const serviceCounts = doc.delivered.get(service.year);
    const left = (serviceCounts?.get(service.uscc) ?? 0) - 1;
    if (left > 0) serviceCounts?.set(service.uscc, left);
    else serviceCounts?.delete(service.uscc);
    return;
  }
  // A service record or the year's submission: a year F-9 reads, even if no institution served.
  let counts = doc.delivered.get(year);
  if (counts === undefined) {
    counts = new Map();
    doc.delivered.set(year, counts);
  }
  if (fact.type === 'ServiceRecorded') {
    const institution = fact.data.institutionUscc;
    if (institution === null || doc.institutionServices.has(fact.data.recordId)) return;
    counts.set(institution, (counts.get(institution) ?? 0) + 1);
    doc.institutionServices.set(fact.data.recordId, { year, uscc: institution });
  }
}

function addClaim(
  doc: Exclude<FraudDoc, YearDoc | PlatformDoc>,
  event: ProjectedEvent,
  place: { readonly platformId: string; readonly year: number } | null,
): void {
  if (place === null) return;
  const { platformId, year } = place;
  const fact = event as unknown as YearFact;
  // Literal objects of one shape each (no spreads): a rebuild creates one per service record.
  if (doc.kind === 'contract' && fact.type === 'FinancingDealRecorded') {
    doc.claims.push({
      eventId: event.id,
      position: event.position,
      platformId,
      year,
      lender: fact.data.lender,
      contractNumber: fact.data.contractNumber,
      amountFen: fact.data.amountFen,
    });
  } else if (doc.kind === 'service' && fact.type === 'ServiceRecorded') {
    doc.claims.push({
      eventId: event.id,
      position: event.position,
      platformId,
      year,
      occurredAt: fact.data.occurredAt,
      area: fact.data.area,
      description: fact.data.description,
    });
  } else if (doc.kind === 'material' && fact.type === 'MaterialUploaded') {
    doc.claims.push({
      eventId: event.id,
      position: event.position,
      platformId,
      year,
      materialKind: fact.data.kind,
      evidences: [...new Set(fact.data.evidences)].sort(),
    });
  }
}
