import { describeIfPostgres, freshPostgresStore } from '../support/stores';
import { eventStoreContract } from './event-store.contract';

describeIfPostgres('event-store contract: postgres (real server)', () => {
  eventStoreContract(async () => (await freshPostgresStore()).store);
});
