import Database from 'better-sqlite3';
import { freshSqliteStore } from '../support/stores';
import { tamperContract } from './tamper.contract';

function sqliteTarget(readAheadFrom?: number) {
  return () => {
    const { store, path } = freshSqliteStore(readAheadFrom === undefined ? {} : { readAheadFrom });
    const db = new Database(path);
    db.pragma('busy_timeout = 10000');
    return Promise.resolve({
      store,
      exec: (sql: string) => {
        db.exec(sql);
        return Promise.resolve();
      },
      dispose: () => {
        db.close();
        return Promise.resolve();
      },
    });
  };
}

describe('tamper evidence: sqlite (edits through a second connection to the same file)', () => {
  tamperContract(sqliteTarget());
});

// Verifying reads of ≥ 20,000 events recompute hashes on the read-ahead thread: here all do.
describe('tamper evidence: sqlite, hashes recomputed on the read-ahead thread', () => {
  tamperContract(sqliteTarget(0));
});
