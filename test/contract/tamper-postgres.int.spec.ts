import { Client } from 'pg';
import { describeIfPostgres, freshPostgresStore, postgresUrl } from '../support/stores';
import { tamperContract } from './tamper.contract';

describeIfPostgres(
  'tamper evidence: postgres (edits through a pg client on the store schema)',
  () => {
    tamperContract(async () => {
      const { store, schema } = await freshPostgresStore();
      // freshPostgresStore's schema names match [a-z0-9_]+, so quoting the identifier is enough.
      const client = new Client({
        connectionString: postgresUrl(),
        options: `-c search_path="${schema}"`,
      });
      await client.connect();
      return {
        store,
        exec: async (sql: string) => {
          await client.query(sql);
        },
        dispose: () => client.end(),
      };
    });
  },
);
