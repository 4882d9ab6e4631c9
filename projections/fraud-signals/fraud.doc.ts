import type { MaterialKind, Rating, RatingSource, ServiceArea } from '@ledger/domain';
import type { EventRef } from './fraud.signal';

/**
 * The documents of the fraud-signals projection, one layout per kind of key (fraud.keys.ts).
 * Folding only records what each record is; the rules run in `view` (fraud.view-of.ts and the
 * rules.*.ts files), once per changed document per commit, so evolve stays one Map write.
 */
export type FraudDoc = YearDoc | PlatformDoc | ContractDoc | ServiceDoc | MaterialDoc;

/**
 * `{platformId}/{year}`: the records of one platform-year the rules read, by record id in log
 * order. A retracted record keeps its entry with the retraction (F-4 reads ratings of retracted
 * services); every other rule skips it. Dates are parsed once, here, to epoch milliseconds
 * (null when unreadable: such a record is in no window).
 */
export interface YearDoc {
  readonly kind: 'year';
  readonly platformId: string;
  readonly year: number;
  readonly records: Map<string, YearEntry>;
}

export type YearEntry =
  | ServiceEntry
  | ActivityEntry
  | RatingEntry
  | TrainingEntry
  | DealEntry
  | ResidentEntry
  | CountedEntry
  | ComplaintEntry
  | VerdictEntry
  | CreditEntry
  | MaterialEntry;

interface EntryBase {
  readonly id: string;
  readonly position: number;
  /** Set once by the RecordRetracted that withdraws it (retractions are final). */
  retraction?: EventRef;
}

interface DatedEntry extends EntryBase {
  readonly occurredMs: number | null;
  readonly recordedMs: number | null;
}

export interface ServiceEntry extends DatedEntry {
  readonly type: 'service';
  readonly uscc: string;
  readonly name: string;
  readonly area: ServiceArea;
  readonly offline: boolean;
  /** Absent when the platform delivered it itself (institutionUscc null). */
  readonly institution?: string;
  readonly phone?: string;
}

export interface ActivityEntry extends DatedEntry {
  readonly type: 'activity';
  readonly area: ServiceArea;
  readonly offline: boolean;
  /** occurredAt names a time of day, not only a date (F-5 compares instants). */
  readonly timed: boolean;
  readonly attendees: readonly string[];
  readonly personTimes: number;
}

export interface RatingEntry extends DatedEntry {
  readonly type: 'rating';
  readonly serviceId: string;
  readonly rating: Rating;
  readonly source: RatingSource;
  /** occurredAt names a time of day (F-4's bursts compare instants); absent for a date alone. */
  readonly timed?: true;
}

export interface TrainingEntry extends DatedEntry {
  readonly type: 'training';
  readonly personTimes: number;
}

export interface DealEntry extends DatedEntry {
  readonly type: 'deal';
  readonly amountFen: number;
}

export interface ResidentEntry extends DatedEntry {
  readonly type: 'resident';
  readonly uscc: string;
  readonly name: string;
}

/** Recruitments, matchmaking deals, tech demands, published items: only F-6 reads them. */
export interface CountedEntry extends DatedEntry {
  readonly type: 'counted';
}

export interface ComplaintEntry extends EntryBase {
  readonly type: 'complaint';
}

export interface VerdictEntry extends EntryBase {
  readonly type: 'verdict';
  readonly complaintId: string;
  readonly upheld: boolean;
}

export interface CreditEntry extends EntryBase {
  readonly type: 'credit';
  readonly creditKind: string;
  readonly occurredMs: number | null;
}

/** Kept so that the view can report its retraction to the F-8 join (allSignals). */
export interface MaterialEntry extends EntryBase {
  readonly type: 'material';
}

/**
 * `platform:{platformId}` (F-9): the operator profiles (OperatorProfileUpdated) and, per year,
 * how many standing service records name each institution. Every year with a service record or
 * a submission has an entry, so a year in which no institution delivered anything is seen.
 */
export interface PlatformDoc {
  readonly kind: 'platform';
  readonly platformId: string;
  readonly profiles: ProfileEntry[];
  readonly delivered: Map<number, Map<string, number>>;
  /** Service record id → what it added to `delivered`, for its retraction to take back. */
  readonly institutionServices: Map<string, { readonly year: number; readonly uscc: string }>;
}

export interface ProfileEntry {
  readonly eventId: string;
  readonly position: number;
  /** When the profile applies from (its asOf); null when unreadable: it applies from the start. */
  readonly asOfMs: number | null;
  readonly institutions: readonly { readonly uscc: string; readonly name: string }[];
}

interface ClaimBase {
  readonly eventId: string;
  readonly position: number;
  readonly platformId: string;
  readonly year: number;
}

/** `contract:{hash}` (F-3): financing deals citing one lender + contract number. */
export interface ContractDoc {
  readonly kind: 'contract';
  readonly claims: ContractClaim[];
}

export interface ContractClaim extends ClaimBase {
  readonly lender: string;
  readonly contractNumber: string;
  readonly amountFen: number;
}

/** `service:{uscc}` (F-3): the service records of one enterprise, on every platform. */
export interface ServiceDoc {
  readonly kind: 'service';
  readonly claims: ServiceClaim[];
}

export interface ServiceClaim extends ClaimBase {
  readonly occurredAt: string;
  readonly area: string;
  readonly description: string;
}

/** `material:{sha256}` (F-8): the uploads of one file. */
export interface MaterialDoc {
  readonly kind: 'material';
  readonly claims: MaterialClaim[];
}

export interface MaterialClaim extends ClaimBase {
  readonly materialKind: MaterialKind;
  readonly evidences: readonly string[];
}

/**
 * The stored text: JSON, with the Maps written as arrays (a record map as its entries, which
 * carry their ids; the platform maps as [key, …] tuples), so that parse rebuilds them in the
 * same order. Claims documents are JSON already.
 */
export function stringifyFraudDoc(doc: FraudDoc): string {
  switch (doc.kind) {
    case 'year':
      return JSON.stringify({ ...doc, records: [...doc.records.values()] });
    case 'platform':
      return JSON.stringify({
        ...doc,
        delivered: [...doc.delivered].map(([year, counts]) => [year, [...counts]]),
        institutionServices: [...doc.institutionServices].map(([id, entry]) => [
          id,
          entry.year,
          entry.uscc,
        ]),
      });
    case 'contract':
    case 'service':
    case 'material':
      return JSON.stringify(doc);
  }
}

type StoredYearDoc = Omit<YearDoc, 'records'> & { readonly records: YearEntry[] };
type StoredPlatformDoc = Omit<PlatformDoc, 'delivered' | 'institutionServices'> & {
  readonly delivered: [number, [string, number][]][];
  readonly institutionServices: [string, number, string][];
};

export function parseFraudDoc(text: string): FraudDoc {
  const stored = JSON.parse(text) as
    StoredYearDoc | StoredPlatformDoc | ContractDoc | ServiceDoc | MaterialDoc;
  switch (stored.kind) {
    case 'year':
      return { ...stored, records: new Map(stored.records.map((entry) => [entry.id, entry])) };
    case 'platform':
      return {
        ...stored,
        delivered: new Map(stored.delivered.map(([year, counts]) => [year, new Map(counts)])),
        institutionServices: new Map(
          stored.institutionServices.map(([id, year, uscc]) => [id, { year, uscc }]),
        ),
      };
    case 'contract':
    case 'service':
    case 'material':
      return stored;
  }
}
