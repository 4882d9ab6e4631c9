import type {
  FraudFabricates,
  FraudRuleId,
  FraudSeverity,
  FraudSignal,
} from './fraud-signals.view';
import { idPart } from './fraud.text';

/** An event behind a signal: its id and global position. */
export interface EventRef {
  readonly id: string;
  readonly position: number;
}

export interface SignalInput {
  readonly ruleId: FraudRuleId;
  readonly platformId: string;
  readonly year: number;
  readonly kind: string;
  /** The signal id's tail after `{ruleId}.{platformId}.{year}.`: a clause and a stable subject. */
  readonly subject: readonly string[];
  readonly severity: FraudSeverity;
  readonly fabricates: FraudFabricates | null;
  readonly events: readonly EventRef[];
  readonly otherPlatforms?: readonly string[];
  readonly figures: Readonly<Record<string, number | string>>;
  readonly zh: string;
  readonly en: string;
}

/** What a rule of one platform-year says; `fabricates` defaults to the rule's own. */
export type YearClause = Omit<SignalInput, 'ruleId' | 'platformId' | 'year' | 'fabricates'> &
  Partial<Pick<SignalInput, 'fabricates'>>;

/** A signal about the platform-year a rule read, with the rule's default `fabricates`. */
export function yearSignal(
  place: {
    readonly platformId: string;
    readonly year: number;
    readonly thresholds: { readonly maxEventIdsPerSignal: number };
  },
  ruleId: FraudRuleId,
  fabricates: FraudFabricates | null,
  clause: YearClause,
): FraudSignal {
  return makeSignal(
    { fabricates, ...clause, ruleId, platformId: place.platformId, year: place.year },
    place.thresholds.maxEventIdsPerSignal,
  );
}

export function signalId(
  ruleId: FraudRuleId,
  platformId: string,
  year: number,
  subject: readonly string[],
): string {
  return [ruleId, idPart(platformId), String(year), ...subject.map(idPart)].join('.');
}

/**
 * A signal naming its events in log order (by global position), the first `maxEventIds` of them;
 * an event listed twice (a record behind two figures) is named once.
 */
export function makeSignal(input: SignalInput, maxEventIds: number): FraudSignal {
  const seen = new Set<string>();
  const events: EventRef[] = [];
  for (const event of input.events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    events.push(event);
  }
  events.sort((a, b) => a.position - b.position);
  const first = events[0];
  const last = events[events.length - 1];
  return {
    signalId: signalId(input.ruleId, input.platformId, input.year, input.subject),
    ruleId: input.ruleId,
    platformId: input.platformId,
    year: input.year,
    kind: input.kind,
    severity: input.severity,
    fabricates: input.fabricates,
    eventIds: events.slice(0, maxEventIds).map((event) => event.id),
    eventCount: events.length,
    otherPlatforms: input.otherPlatforms ?? [],
    figures: input.figures,
    sentence: { zh: input.zh, en: input.en },
    firstPosition: first?.position ?? -1,
    lastPosition: last?.position ?? -1,
  };
}

/** The order allSignals lists signals in: platform, year, rule number, signal id. */
export function compareSignals(a: FraudSignal, b: FraudSignal): number {
  return (
    compareText(a.platformId, b.platformId) ||
    a.year - b.year ||
    ruleNumber(a.ruleId) - ruleNumber(b.ruleId) ||
    compareText(a.signalId, b.signalId)
  );
}

function ruleNumber(ruleId: FraudRuleId): number {
  return Number(ruleId.slice(2));
}

/** Code-unit order, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
