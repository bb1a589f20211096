import type { PgMigration } from './migration.js';

/**
 * Verifications a team server left to its workers (see jobs/verifications.ts): the official
 * copy a user sent, then what comparing it came to — the result a status link reads, or why
 * it failed. Not tied to the document by a key: a verification outlives its document's
 * deletion to say that it failed for that reason.
 */
export const verifications: PgMigration = {
  version: 7,
  name: 'verifications',
  async up(client) {
    await client.query(`
      CREATE TABLE verifications (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id text NOT NULL,
        copy        text NOT NULL,
        format      text NOT NULL,
        apply       boolean NOT NULL,
        requested   timestamptz NOT NULL DEFAULT now(),
        state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
        result      jsonb,
        reason      text,
        finished    timestamptz,
        CHECK ((state = 'done') = (result IS NOT NULL)),
        CHECK ((state = 'failed') = (reason IS NOT NULL))
      );
    `);
  },
};
