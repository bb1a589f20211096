import type { PgMigration } from './migration.js';

/**
 * The metadata a curator corrected by hand (`Store.edit`), field by field, as the SQLite
 * store's migration 4 keeps it: loading the corpus again keeps these values over its
 * `*.meta.json`. Keyed by document id, not version.
 */
export const editedMetadata: PgMigration = {
  version: 3,
  name: 'metadata edited by hand',
  async up(client) {
    await client.query(`
      CREATE TABLE edited_metadata (
        id     text NOT NULL,
        field  text NOT NULL CHECK (field IN ('title', 'date', 'author', 'issuer', 'url', 'language', 'licence', 'provenance')),
        value  text,
        edited text NOT NULL,
        PRIMARY KEY (id, field)
      )
    `);
  },
};
