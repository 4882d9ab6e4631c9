import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadModelStore } from './sqlite-read-model-store';

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'ledger-rm-layout-')), 'read-models.sqlite');
}

/** The layout files were created with before documents moved to a rowid table. */
function writeEarlierLayout(path: string): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE rm_generations (
      model TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL,
      position INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('active', 'building')),
      PRIMARY KEY (model, generation)
    ) WITHOUT ROWID;
    CREATE TABLE rm_docs (
      model TEXT NOT NULL, generation INTEGER NOT NULL, key TEXT NOT NULL,
      doc TEXT NOT NULL, view TEXT NOT NULL,
      PRIMARY KEY (model, generation, key)
    ) WITHOUT ROWID;
    CREATE TABLE rm_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO rm_meta (name, value) VALUES ('epoch', 3);
    INSERT INTO rm_generations VALUES ('m', 2, 1, 41, 'active');
    INSERT INTO rm_docs VALUES ('m', 2, 'a', '{"n":1}', '{"v":"a"}');
    INSERT INTO rm_docs VALUES ('m', 2, 'b', '{"n":2}', '{"v":"b"}');
  `);
  db.close();
}

describe('SqliteReadModelStore layout', () => {
  it('makes 32 kB pages and keeps documents in a rowid table behind a unique key index, view before doc', async () => {
    const path = freshPath();
    const store = new SqliteReadModelStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    const table = db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'rm_docs'")
      .get();
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('rm_docs')")
      .all()
      .map((column) => column.name);
    const index = db
      .prepare<[], { unique: number }>(
        "SELECT \"unique\" FROM pragma_index_list('rm_docs') WHERE name = 'rm_docs_key'",
      )
      .get();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    expect(pageSize).toBe(32_768);
    expect(table?.sql).not.toMatch(/WITHOUT\s+ROWID/i);
    expect(columns).toEqual(['model', 'generation', 'key', 'view', 'doc']);
    expect(index?.unique).toBe(1);
  });

  it('moves a file of the earlier WITHOUT ROWID layout over with every document and position', async () => {
    const path = freshPath();
    writeEarlierLayout(path);
    const store = new SqliteReadModelStore(path);
    try {
      expect(await store.generations()).toEqual([
        { model: 'm', generation: 2, version: 1, position: 41, status: 'active' },
      ]);
      expect(await store.epoch()).toBe(3);
      expect(await store.loadDoc('m', 2, 'a')).toBe('{"n":1}');
      const views = await store
        .reader()
        .snapshot((snapshot) => snapshot.viewsWithPrefix<{ v: string }>('m', ''));
      expect([...views]).toEqual([
        ['a', { v: 'a' }],
        ['b', { v: 'b' }],
      ]);
      // Upserts still find their row through the unique index.
      await store.commit(
        [{ model: 'm', generation: 2, key: 'a', doc: '{"n":3}', view: '{"v":"A"}' }],
        [{ model: 'm', generation: 2, position: 42 }],
      );
      expect(await store.loadDoc('m', 2, 'a')).toBe('{"n":3}');
      expect(
        await store.reader().snapshot((snapshot) => snapshot.view<{ v: string }>('m', 'a')),
      ).toEqual({ v: 'A' });
    } finally {
      await store.close();
    }
    // Opening it again finds the current layout and leaves it as it is.
    const again = new SqliteReadModelStore(path);
    expect(await again.loadDoc('m', 2, 'b')).toBe('{"n":2}');
    await again.close();
  });
});
