import type { Migration } from './migration.js';

/**
 * The full-text index without a second copy of the text. FTS5 kept every indexed paragraph's
 * text (and its document id and locator, which no query reads) in a content table of its
 * own: a fifth of a bulk-loaded database, written on every add and copied again at each
 * checkpoint. Now the index reads a paragraph's text, when a snippet needs it, from the
 * document it belongs to, through the view `paragraph_texts`: FTS5's external content. The
 * answers are the same — the same words indexed, the same ranks, the same snippets.
 *
 * A paragraph's place in its document is kept in UTF-8 bytes too (`text_offset`,
 * `text_bytes`): `start` and `end` count UTF-16 code units, as JavaScript does, which no SQL
 * function counts, while a byte range of the stored UTF-8 text is cut exactly by `substr` on
 * it as a blob. The view covers every version's paragraphs, not only the latest ones the
 * index holds: FTS5 removes a paragraph from the index by reading its text there, and an old
 * version is unindexed after its new version is stored. With its own statements, so that it
 * never changes with the code.
 */
export const ftsOverDocuments: Migration = {
  version: 8,
  name: 'full-text index over the documents’ own text',
  up(db) {
    db.exec(`
      ALTER TABLE paragraphs ADD COLUMN text_offset INTEGER;
      ALTER TABLE paragraphs ADD COLUMN text_bytes INTEGER;
    `);
    // One version's text in memory at a time, however large the corpus; the ids first, since
    // better-sqlite3 cannot write while a statement of the same connection iterates.
    const vids = db.prepare('SELECT vid FROM documents ORDER BY vid').pluck().all() as number[];
    const textOf = db.prepare('SELECT text FROM documents WHERE vid = ?').pluck();
    const paragraphsOf = db.prepare('SELECT rowid, start, "end" FROM paragraphs WHERE vid = ? ORDER BY start');
    const setBytes = db.prepare('UPDATE paragraphs SET text_offset = ?, text_bytes = ? WHERE rowid = ?');
    for (const vid of vids) {
      const text = textOf.get(vid) as string;
      let at = 0;
      let bytesAt = 0;
      for (const p of paragraphsOf.all(vid) as Array<{ rowid: number; start: number; end: number }>) {
        if (p.start < at) {
          at = 0;
          bytesAt = 0;
        }
        bytesAt += Buffer.byteLength(text.slice(at, p.start), 'utf8');
        at = p.start;
        setBytes.run(bytesAt, Buffer.byteLength(text.slice(p.start, p.end), 'utf8'), p.rowid);
      }
    }
    db.exec(`
      CREATE VIEW paragraph_texts AS
        SELECT p.rowid AS pid, CAST(substr(CAST(d.text AS BLOB), p.text_offset + 1, p.text_bytes) AS TEXT) AS text
        FROM paragraphs AS p JOIN documents AS d ON d.vid = p.vid;

      ALTER TABLE paragraphs_fts RENAME TO paragraphs_fts_with_content;
      CREATE VIRTUAL TABLE paragraphs_fts USING fts5 (
        text,
        content = 'paragraph_texts',
        content_rowid = 'pid',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- Exactly the paragraphs the old index held, with the text it held.
      INSERT INTO paragraphs_fts (rowid, text) SELECT rowid, text FROM paragraphs_fts_with_content;
      DROP TABLE paragraphs_fts_with_content;
    `);
  },
};
