import type { PgMigration } from './migration.js';

/**
 * The pairs an add left to the workers (queued alignment, see jobs/pending.ts): written in the
 * add's transaction with their jobs, removed once the report is stored. Gone with either
 * version when it is deleted.
 */
export const pendingAlignments: PgMigration = {
  version: 4,
  name: 'pending alignments',
  async up(client) {
    await client.query(`
      CREATE TABLE pending_alignments (
        source_vid     bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        commentary_vid bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        queued         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_vid, commentary_vid)
      );
      CREATE INDEX pending_alignments_commentary ON pending_alignments (commentary_vid);
    `);
  },
};
