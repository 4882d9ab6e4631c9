import { freshSqliteStore } from '../support/stores';
import { eventStoreContract } from './event-store.contract';

describe('event-store contract: sqlite (real files, WAL, synchronous=FULL)', () => {
  eventStoreContract(() => Promise.resolve(freshSqliteStore().store));
});
