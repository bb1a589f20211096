import type pg from 'pg';
import { schemaNewer } from '../../errors.js';
import { LOCKS, transaction } from '../pool.js';
import { documents } from './001-documents.js';
import type { PgMigration } from './migration.js';
import { search } from './002-search.js';
import { editedMetadata } from './003-edited-metadata.js';
import { pendingAlignments } from './004-pending-alignments.js';
import { failedAlignments } from './005-failed-alignments.js';
import { shingleKinds } from './006-shingle-kinds.js';
import { verifications } from './007-verifications.js';
import { library } from './008-library.js';

export type { PgMigration } from './migration.js';

/** Every migration in order; a new one is appended, never edited once shipped. */
export const PG_MIGRATIONS: readonly PgMigration[] = [documents, search, editedMetadata, pendingAlignments, failedAlignments, shingleKinds, verifications, library];
export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

export interface PgMigrateOptions {
  /** Stop at this schema version (tests build older databases with it). */
  target?: number;
  /** Named in the refusal of a newer database (the URL without its password). */
  location: string;
  onMigrated?: (migration: PgMigration) => void;
}

/** The schema version recorded in the database; 0 for an empty one. */
export async function pgSchemaVersion(db: Pick<pg.Pool, 'query'>): Promise<number> {
  const table = await db.query("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  if (!table.rows[0]?.present) return 0;
  const result = await db.query('SELECT version FROM schema_version');
  return (result.rows[0]?.version as number | undefined) ?? 0;
}

/**
 * Brings the database forward, all of it in one transaction under an advisory lock: two
 * servers starting together on an empty database migrate it once, the second finding the
 * work done. A database newer than this code is refused untouched.
 */
export async function migratePostgres(pool: pg.Pool, options: PgMigrateOptions): Promise<number> {
  const target = options.target ?? PG_LATEST_SCHEMA_VERSION;
  const applied: PgMigration[] = [];
  const version = await transaction(
    pool,
    async (client) => {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
      let current = await pgSchemaVersion(client);
      if (current > PG_LATEST_SCHEMA_VERSION) throw schemaNewer(options.location, current, PG_LATEST_SCHEMA_VERSION);
      for (const migration of PG_MIGRATIONS) {
        if (migration.version > target || current >= migration.version) continue;
        await migration.up(client);
        current = migration.version;
        applied.push(migration);
      }
      await client.query('DELETE FROM schema_version');
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [current]);
      return current;
    },
    { lock: LOCKS.migrate },
  );
  for (const migration of applied) options.onMigrated?.(migration);
  return version;
}
