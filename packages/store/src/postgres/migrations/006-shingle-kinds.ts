import type { PgMigration } from './migration.js';

/**
 * Shingles that find candidates alone. Each row carries its version's kind, so that a
 * commentary's candidate sources are counted in the index by hash and kind, with no join to
 * the documents (given a join, the planner read every document of the kind to hash them:
 * 31 ms a search at 2,000 documents, scripts/bench/postgres.js). And no foreign key, whose
 * check is a lookup of documents for each of a source's some 400 rows: the store removes a
 * version's rows itself when it deletes one (`store.delete`). Built as a new table in key
 * order and swapped in, faster than rewriting the old one in place.
 */
export const shingleKinds: PgMigration = {
  version: 6,
  name: 'shingles keyed by hash and kind, without a foreign key',
  async up(client) {
    await client.query(`
      CREATE TABLE shingles_by_kind (
        hash bigint NOT NULL,
        kind text NOT NULL CONSTRAINT shingles_kind CHECK (kind IN ('source', 'commentary')),
        vid  bigint NOT NULL
      );
      INSERT INTO shingles_by_kind (hash, kind, vid)
        SELECT s.hash, d.kind, s.vid FROM shingles s JOIN documents d ON d.vid = s.vid
        ORDER BY s.hash, d.kind, s.vid;
      DROP TABLE shingles;
      ALTER TABLE shingles_by_kind RENAME TO shingles;
      ALTER TABLE shingles ADD CONSTRAINT shingles_pkey PRIMARY KEY (hash, kind, vid);
      CREATE INDEX shingles_vid ON shingles (vid);
      ANALYZE shingles;
    `);
  },
};
