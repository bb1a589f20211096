import fs from 'node:fs';
import Database from 'better-sqlite3';
import { splitParagraphs, sha256Hex } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database.js';
import { StoreError } from '../errors.js';
import { openStore } from '../store.js';
import { STATEMENT_ID, statementText } from '../test-support/corpus.js';
import { tempDbPath } from '../test-support/temp.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './index.js';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").pluck().all() as string[])
    .filter((n) => !n.startsWith('sqlite_') && !n.startsWith('paragraphs_fts_'));
}

describe('migrations', () => {
  it('build an empty database up to the latest schema, in WAL mode', async () => {
    const file = tempDbPath();
    await (await openStore({ path: file })).close();

    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(db)).toEqual([
      'alignments', 'deleted_documents', 'documents', 'edited_metadata', 'emphasis', 'latest_documents', 'library_counts',
      'paragraph_texts', 'paragraphs', 'paragraphs_fts', 'passages', 'shingle_blocks', 'shingle_segments', 'version_shingles',
    ]);
    db.close();

  });

  it('bring a version 1 database forward: its documents become searchable and findable as candidates', async () => {
    const file = tempDbPath();
    const v1 = openDatabase(file);
    expect(migrate(v1, { target: 1 })).toBe(1);
    expect(tables(v1)).not.toContain('paragraphs_fts');

    // What version 1 of the store wrote for the statement.
    const text = statementText();
    const vid = Number(
      v1
        .prepare(
          `INSERT INTO documents (id, version, kind, format, title, sha256, text, created)
           VALUES (?, 1, 'source', 'text', 'Joint Statement', ?, ?, '2022-02-04T00:00:00.000Z')`,
        )
        .run(STATEMENT_ID, sha256Hex(text), text).lastInsertRowid,
    );
    const insert = v1.prepare(
      'INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    splitParagraphs(text).forEach((p, i) => insert.run(vid, i + 1, p.start, p.end, p.locator, p.section, p.title ? 1 : 0));
    v1.close();

    const store = await openStore({ path: file });
    const doc = (await store.get(STATEMENT_ID))!;
    expect(doc.text).toBe(text);
    expect(doc.paragraphs.find((p) => p.locator === 'IV.5')).toMatchObject({ verification: null, verificationNote: null });
    expect((await store.search('"no limits"')).hits.map((h) => [h.documentId, h.locator])).toEqual([[STATEMENT_ID, 'IV.5']]);
    const quotation = 'Friendship between the two States has no limits, there are no "forbidden" areas of cooperation.';
    expect((await store.candidates(quotation, { kind: 'source' })).map((c) => c.id)).toEqual([STATEMENT_ID]);
    const commentary = await store.add({ text: `They wrote: “${quotation}”`, format: 'text', kind: 'commentary' });
    expect((await store.alignmentsOf(commentary.id)).map((a) => a.source.id)).toEqual([STATEMENT_ID]);
    // The backfilled index entries go with the document.
    expect(await store.delete(STATEMENT_ID)).toBe(true);
    expect((await store.search('"no limits"')).hits.map((h) => h.documentId)).toEqual([commentary.id]);
    expect(await store.candidates(quotation, { kind: 'source' })).toEqual([]);
    await store.close();

    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('bring a version 6 database forward: its library counted by kind, each document under its latest version', async () => {
    const file = tempDbPath();
    const v6 = openDatabase(file);
    expect(migrate(v6, { target: 6 })).toBe(6);
    const insert = v6.prepare(
      `INSERT INTO documents (id, version, kind, format, title, sha256, text, created) VALUES (?, ?, ?, 'text', ?, ?, ?, '2022-02-04T00:00:00.000Z')`,
    );
    // Two versions of one source, a commentary, and a document whose second version is a commentary.
    for (const [id, version, kind] of [['statement', 1, 'source'], ['statement', 2, 'source'], ['op-ed', 1, 'commentary'], ['note', 1, 'source'], ['note', 2, 'commentary']] as const) {
      const text = `${id} ${version}`;
      insert.run(id, version, kind, id, sha256Hex(text), text);
    }
    v6.close();

    const store = await openStore({ path: file });
    expect([(await store.listPage()).total, (await store.listPage({ kind: 'source' })).total, (await store.listPage({ kind: 'commentary' })).total]).toEqual([3, 1, 2]);
    expect(await store.delete('note')).toBe(true);
    expect([(await store.listPage()).total, (await store.listPage({ kind: 'commentary' })).total]).toEqual([2, 1]);
    await store.close();
  });

  it('bring a version 7 database forward: its full-text index keeps no copy of the text, and every search answers as before, snippets and ranks alike', async () => {
    const file = tempDbPath();
    const v7 = openDatabase(file);
    expect(migrate(v7, { target: 7 })).toBe(7);
    // Accents and characters outside the Basic Multilingual Plane before and inside a
    // paragraph: JavaScript and SQLite count their offsets differently.
    const other = 'Note 𝔸 préliminaire 🙂 sur l’amitié\n\nL’amitié 🤝 entre les deux États n’a pas de limites, disent-ils 𝒜.\n\nFin.';
    const statement = statementText();
    const addVersion = (id: string, version: number, text: string, indexed: boolean) => {
      const vid = Number(
        v7
          .prepare(
            `INSERT INTO documents (id, version, kind, format, title, sha256, text, created)
             VALUES (?, ?, 'source', 'text', ?, ?, ?, '2022-02-04T00:00:00.000Z')`,
          )
          .run(id, version, id, sha256Hex(text), text).lastInsertRowid,
      );
      const insert = v7.prepare('INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const fts = v7.prepare('INSERT INTO paragraphs_fts (rowid, document_id, locator, text) VALUES (?, ?, ?, ?)');
      splitParagraphs(text).forEach((p, i) => {
        const rowid = insert.run(vid, i + 1, p.start, p.end, p.locator, p.section, p.title ? 1 : 0).lastInsertRowid;
        if (indexed) fts.run(rowid, id, p.locator, text.slice(p.start, p.end));
      });
      // An indexed version has its list of shingles (empty here: the candidate index is not what this test is about).
      if (indexed) v7.prepare('INSERT INTO version_shingles (vid, hashes) VALUES (?, ?)').run(vid, Buffer.alloc(0));
    };
    // Version 1 of the statement is stored but, replaced by version 2, no longer indexed.
    addVersion(STATEMENT_ID, 1, statement.replace('no limits', 'some limits'), false);
    addVersion(STATEMENT_ID, 2, statement, true);
    addVersion('note', 1, other, true);
    const QUERIES = ['"no limits"', 'disent', 'amitié', '"some limits"', 'sovereign*', 'NEAR(Olympic Winter, 3)'];
    const answers = (db: Database.Database, column: number) =>
      QUERIES.map((q) =>
        db
          .prepare(
            `SELECT rowid, snippet(paragraphs_fts, ${column}, '[', ']', '…', 24) AS snippet, round(bm25(paragraphs_fts), 9) AS rank
             FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank, rowid`,
          )
          .all(q),
      );
    const before = answers(v7, 2);
    expect(before[1]).toEqual([expect.objectContaining({ snippet: 'L’amitié 🤝 entre les deux États n’a pas de limites, [disent]-ils 𝒜.' })]);
    expect(before[3]).toEqual([]);
    v7.close();

    const store = await openStore({ path: file });
    expect((await store.search('disent')).hits.map((h) => [h.documentId, h.locator, h.snippet])).toEqual([
      ['note', '¶1', 'L’amitié 🤝 entre les deux États n’a pas de limites, **disent**-ils 𝒜.'],
    ]);
    await store.close();
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(answers(db, 0)).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'paragraphs_fts_content'").pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // A new version of the note replaces the old one in the index, through the text of the old one.
    const again = await openStore({ path: file });
    await again.add({ text: other.replace('de limites', 'de bornes'), format: 'text', kind: 'source', id: 'note' });
    expect((await again.search('limites')).hits.filter((h) => h.documentId === 'note')).toEqual([]);
    expect((await again.search('bornes')).hits.map((h) => h.snippet)).toEqual(['L’amitié 🤝 entre les deux États n’a pas de **bornes**, disent-ils 𝒜.']);
    await again.close();
  });

  it('apply each migration once, however often the database is opened', async () => {
    const file = tempDbPath();
    await (await openStore({ path: file })).close();
    const db = openDatabase(file);
    expect(migrate(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    await (await openStore({ path: file })).close();
  });

  it('refuse a database newer than the code, and leave it untouched', async () => {
    const file = tempDbPath();
    await (await openStore({ path: file })).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();

    const open = () => openStore({ path: file });
    await expect(open()).rejects.toThrow(StoreError);
    await expect(open()).rejects.toThrow(
      `has schema version ${LATEST_SCHEMA_VERSION + 1}, newer than the ${LATEST_SCHEMA_VERSION} this version of Verbatim understands; upgrade Verbatim to open it.`,
    );
    try {
      await open();
    } catch (error) {
      expect((error as StoreError).code).toBe('schema-newer');
    }
    const after = new Database(file);
    expect(schemaVersion(after)).toBe(LATEST_SCHEMA_VERSION + 1);
    after.close();
  });

  it('refuse a file that is not a database with a clear error', async () => {
    const file = tempDbPath();
    await (await openStore({ path: file })).close();
    const garbage = `${file}.txt`;
    fs.writeFileSync(garbage, 'This is a text file, not a database, and it is long enough to have a header.');
    await expect(openStore({ path: garbage })).rejects.toThrow(/^Cannot open the database .*file is not a database\.$/);
  });
});
