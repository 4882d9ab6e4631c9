import Database from 'better-sqlite3';
import { freshSqliteStore } from '../support/stores';
import { tamperContract } from './tamper.contract';

describe('tamper evidence: sqlite (edits through a second connection to the same file)', () => {
  tamperContract(() => {
    const { store, path } = freshSqliteStore();
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
  });
});
