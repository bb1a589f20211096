import type { PgMigration } from './migration.js';

/**
 * A pair the workers gave up on (every retry failed) stays in `pending_alignments`, marked
 * `failed` with the one sentence a user is shown; `attempt` names each queuing of the pair,
 * so that the news of an old job's failure never marks a pair queued again since.
 */
export const failedAlignments: PgMigration = {
  version: 5,
  name: 'failed alignments',
  async up(client) {
    await client.query(`
      ALTER TABLE pending_alignments
        ADD COLUMN attempt uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN failed  timestamptz,
        ADD COLUMN reason  text;
    `);
  },
};
