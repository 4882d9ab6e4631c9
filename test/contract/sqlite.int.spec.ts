import { freshSqliteStore } from '../support/stores';
import { eventStoreContract } from './event-store.contract';

describe('event-store contract: sqlite (real files, WAL, synchronous=FULL)', () => {
  eventStoreContract(() => Promise.resolve(freshSqliteStore().store));
});

// Long reads (≥ 20,000 events) go to a read-ahead thread, which also recomputes hashes for
// verifying reads: here every read does, so the whole contract holds on that path too.
describe('event-store contract: sqlite, every read on the read-ahead thread', () => {
  eventStoreContract(() => Promise.resolve(freshSqliteStore({ readAheadFrom: 0 }).store));
});
