import { shingles } from '@verbatim/core';
import { encodeShingles } from '../text-index.js';
import type { Migration } from './migration.js';

/**
 * What finding things needs: an FTS5 index over paragraphs, the shingle table that tells
 * which sources a commentary may quote, each paragraph's verification status, and a
 * record of documents a user deleted so that reloading the corpus does not bring them
 * back. Only latest versions are indexed: search and candidates are about the current text.
 */
export const search: Migration = {
  version: 2,
  name: 'full-text index, shingles, verification status, deletions',
  up(db) {
    db.exec(`
      ALTER TABLE paragraphs ADD COLUMN verification TEXT
        CHECK (verification IN ('confirmed', 'confirmed-in-part', 'corrected', 'unchecked'));
      ALTER TABLE paragraphs ADD COLUMN verification_note TEXT;

      -- Keyed by hash alone, with no index or foreign key on vid: every extra b-tree
      -- a shingle row touches costs a random page write per shingle on each add. A
      -- version's rows are found again through its own list in version_shingles.
      CREATE TABLE shingles (
        hash INTEGER NOT NULL,
        vid  INTEGER NOT NULL,
        PRIMARY KEY (hash, vid)
      ) WITHOUT ROWID;

      CREATE TABLE version_shingles (
        vid    INTEGER PRIMARY KEY REFERENCES documents (vid) ON DELETE CASCADE,
        hashes BLOB NOT NULL
      );

      CREATE VIRTUAL TABLE paragraphs_fts USING fts5 (
        document_id UNINDEXED,
        locator UNINDEXED,
        text,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TABLE deleted_documents (
        id      TEXT PRIMARY KEY,
        deleted TEXT NOT NULL
      );
    `);
    backfill(db);
  },
};

/** Indexes what version 1 stored, with this migration's own statements so it never changes. */
function backfill(db: Parameters<Migration['up']>[0]): void {
  const latest = db.prepare('SELECT vid, id, text FROM latest_documents').all() as Array<{
    vid: number;
    id: string;
    text: string;
  }>;
  const paragraphsOf = db.prepare('SELECT rowid, start, "end", locator FROM paragraphs WHERE vid = ?');
  const addFts = db.prepare('INSERT INTO paragraphs_fts (rowid, document_id, locator, text) VALUES (?, ?, ?, ?)');
  const addShingle = db.prepare('INSERT OR IGNORE INTO shingles (hash, vid) VALUES (?, ?)');
  const addList = db.prepare('INSERT INTO version_shingles (vid, hashes) VALUES (?, ?)');
  for (const doc of latest) {
    const rows = paragraphsOf.all(doc.vid) as Array<{ rowid: number; start: number; end: number; locator: string }>;
    for (const p of rows) addFts.run(p.rowid, doc.id, p.locator, doc.text.slice(p.start, p.end));
    const hashes = shingles(doc.text);
    for (const hash of hashes) addShingle.run(hash, doc.vid);
    addList.run(doc.vid, encodeShingles(hashes));
  }
}
