import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadModelStore } from './sqlite-read-model-store';

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'ledger-rm-layout-')), 'read-models.sqlite');
}

/**
 * The layouts files were created with before views and documents moved apart: one table of both,
 * WITHOUT ROWID at first and then a rowid table behind a unique index; no documents' position.
 */
function writeEarlierLayout(path: string, docsTable: 'without rowid' | 'rowid'): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE rm_generations (
      model TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL,
      position INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('active', 'building')),
      PRIMARY KEY (model, generation)
    ) WITHOUT ROWID;
    CREATE TABLE rm_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO rm_meta (name, value) VALUES ('epoch', 3);
    INSERT INTO rm_generations VALUES ('m', 2, 1, 41, 'active');
  `);
  db.exec(
    docsTable === 'without rowid'
      ? `CREATE TABLE rm_docs (
           model TEXT NOT NULL, generation INTEGER NOT NULL, key TEXT NOT NULL,
           doc TEXT NOT NULL, view TEXT NOT NULL,
           PRIMARY KEY (model, generation, key)
         ) WITHOUT ROWID;`
      : `CREATE TABLE rm_docs (
           model TEXT NOT NULL, generation INTEGER NOT NULL, key TEXT NOT NULL,
           view TEXT NOT NULL, doc TEXT NOT NULL
         );
         CREATE UNIQUE INDEX rm_docs_key ON rm_docs (model, generation, key);`,
  );
  db.exec(`
    INSERT INTO rm_docs (model, generation, key, doc, view) VALUES ('m', 2, 'a', '{"n":1}', '{"v":"a"}');
    INSERT INTO rm_docs (model, generation, key, doc, view) VALUES ('m', 2, 'b', '{"n":2}', '{"v":"b"}');
  `);
  db.close();
}

function tableLayout(
  db: Database.Database,
  table: string,
): { sql: string | undefined; columns: string[]; uniqueKey: number | undefined } {
  return {
    sql: db
      .prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?')
      .get(table)?.sql,
    columns: db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(table)
      .map((column) => column.name),
    uniqueKey: db
      .prepare<[string, string], { unique: number }>(
        'SELECT "unique" FROM pragma_index_list(?) WHERE name = ?',
      )
      .get(table, `${table}_key`)?.unique,
  };
}

describe('SqliteReadModelStore layout', () => {
  it('makes 32 kB pages and keeps views and documents in two rowid tables behind unique key indexes', async () => {
    const path = freshPath();
    const store = new SqliteReadModelStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    const views = tableLayout(db, 'rm_views');
    const docs = tableLayout(db, 'rm_docs');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    expect(pageSize).toBe(32_768);
    expect(views.sql).not.toMatch(/WITHOUT\s+ROWID/i);
    expect(docs.sql).not.toMatch(/WITHOUT\s+ROWID/i);
    expect(views.columns).toEqual(['model', 'generation', 'key', 'view']);
    expect(docs.columns).toEqual(['model', 'generation', 'key', 'doc']);
    expect(views.uniqueKey).toBe(1);
    expect(docs.uniqueKey).toBe(1);
  });

  it.each(['without rowid', 'rowid'] as const)(
    'moves a file of the earlier %s layout over with every view, document and position',
    async (docsTable) => {
      const path = freshPath();
      writeEarlierLayout(path, docsTable);
      const store = new SqliteReadModelStore(path);
      try {
        // Documents were written with every commit: they stand at the views' position.
        expect(await store.generations()).toEqual([
          {
            model: 'm',
            generation: 2,
            version: 1,
            position: 41,
            docPosition: 41,
            status: 'active',
          },
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
        // Upserts still find their rows through the unique indexes.
        await store.commit(
          [{ model: 'm', generation: 2, key: 'a', doc: '{"n":3}', view: '{"v":"A"}' }],
          [{ model: 'm', generation: 2, position: 42, docPosition: 42 }],
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
      expect(await again.documentKeys('m', 2)).toEqual(['a', 'b']);
      await again.close();
    },
  );
});

describe('SqliteReadModelStore views and checkpoints', () => {
  it('writes a view without its document and a document without its view, each with its position', async () => {
    const store = new SqliteReadModelStore(freshPath());
    try {
      const created = await store.createGeneration('m', 1);
      expect(created).toMatchObject({ position: -1, docPosition: -1 });
      await store.activate('m', created.generation);
      const at = (position: number, docPosition: number) => ({
        model: 'm',
        generation: created.generation,
        position,
        docPosition,
      });
      const write = (key: string, view: string | null, doc: string | null) => ({
        model: 'm',
        generation: created.generation,
        key,
        view,
        doc,
      });
      await store.commit([write('a', '{"v":1}', null)], [at(5, -1)]);
      // A key with a view only has no document: a projector folds it from its initial one.
      expect(await store.loadDoc('m', created.generation, 'a')).toBeNull();
      expect(await store.documentKeys('m', created.generation)).toEqual([]);
      await store.commit([write('a', null, '{"n":1}')], [at(5, 5)]);
      await store.commit([write('a', '{"v":2}', null)], [at(9, 5)]);
      expect(await store.loadDoc('m', created.generation, 'a')).toBe('{"n":1}');
      expect(await store.documentKeys('m', created.generation)).toEqual(['a']);
      expect(await store.reader().snapshot((s) => s.view('m', 'a'))).toEqual({ v: 2 });
      expect(await store.generations()).toEqual([
        expect.objectContaining({ position: 9, docPosition: 5 }),
      ]);
      await expect(store.reader().position()).resolves.toBe(9);
    } finally {
      await store.close();
    }
  });
});
