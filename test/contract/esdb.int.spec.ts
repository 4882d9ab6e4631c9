import { LedgerEventStore } from '@ledger/event-store';
import { EsdbEventStoreAdapter } from '../../libs/event-store/src/esdb/esdb-event-store-adapter';
import { eventStoreContract } from './event-store.contract';

/**
 * The same contract against a real EventStoreDB/KurrentDB server. None can be installed on the
 * development machines (no package in the reachable registries), so the run needs
 * ESDB_CONNECTION_STRING, e.g. from deploy/compose.kurrentdb.yml; without it the suite is skipped
 * with the reason printed, never faked.
 */
const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString === undefined) {
  process.stdout.write(
    '[ledger tests] SKIPPED event-store contract: esdb — ESDB_CONNECTION_STRING is not set and no EventStoreDB/KurrentDB server can be installed on this machine (see deploy/README.md)\n',
  );
  describe.skip('event-store contract: esdb (real server; set ESDB_CONNECTION_STRING)', () => {
    it('needs a server', () => undefined);
  });
} else {
  describe('event-store contract: esdb (real server)', () => {
    eventStoreContract(
      async () => new LedgerEventStore(await EsdbEventStoreAdapter.connect({ connectionString })),
    );
  });
}
