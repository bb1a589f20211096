import type { Db } from '../database.js';

/**
 * The schema this code reads and writes: the version of the last migration (index.ts refuses
 * to load when the two disagree). Written out here, not taken from the list, so that
 * `verbatim check`, which opens a database read-only and only asks whether it is current,
 * loads none of the migrations.
 */
export const LATEST_SCHEMA_VERSION = 8;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
