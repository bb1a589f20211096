import type { Migration } from './migration.js';

/**
 * The metadata a curator corrected by hand (`Store.edit`), field by field: loading the
 * corpus again keeps these values over its `*.meta.json`, so an edit is never silently
 * undone at the next start. Keyed by document id, not version: a corrected author stays
 * corrected when the corpus file's text changes and becomes a new version.
 */
export const editedMetadata: Migration = {
  version: 4,
  name: 'metadata edited by hand',
  up(db) {
    db.exec(`
      CREATE TABLE edited_metadata (
        id     TEXT NOT NULL,
        field  TEXT NOT NULL CHECK (field IN ('title', 'date', 'author', 'issuer', 'url', 'language', 'licence', 'provenance')),
        value  TEXT,
        edited TEXT NOT NULL,
        PRIMARY KEY (id, field)
      ) WITHOUT ROWID
    `);
  },
};
