export * from './port/types';
export * from './port/errors';
export type { EventStore, AllSubscription } from './port/event-store';
export type { EventStoreAdapter } from './port/event-store-adapter';
export { LedgerEventStore } from './ledger-event-store';
export {
  GENESIS_HASH,
  canonicalJson,
  computeEventHash,
  hashInput,
  sha256Hex,
} from './chain/event-hash';
export {
  ANCHOR_STREAM,
  ANCHOR_EVENT_TYPE,
  verifyInclusionProof,
  type AnchorRecord,
  type InclusionProof,
} from './chain/anchors';
export type { VerifyReport } from './chain/verify';
export { toObservable } from './subscription/to-observable';
export { SqliteEventStoreAdapter } from './sqlite/sqlite-event-store-adapter';
export { openEventStore, eventStoreConfigFromEnv, type EventStoreConfig } from './open-event-store';
export { PostgresEventStoreAdapter } from './postgres/postgres-event-store-adapter';
export { MAX_EVENTS_PER_APPEND } from './append/prepare-append';
export * from './export';
