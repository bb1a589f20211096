import { writeTransaction, type Db } from '../database.js';
import { schemaNewer } from '../errors.js';
import { documents } from './001-documents.js';
import type { Migration } from './migration.js';
import { search } from './002-search.js';
import { kindIndex } from './003-kind-index.js';
import { editedMetadata } from './004-edited-metadata.js';
import { libraryOrder } from './005-library-order.js';
import { shingleSegments } from './006-shingle-segments.js';
import { libraryCounts } from './007-library-counts.js';
import { ftsOverDocuments } from './008-fts-over-documents.js';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './schema-version.js';

export type { Migration } from './migration.js';
export { LATEST_SCHEMA_VERSION, schemaVersion };

/** Every migration in order; a new one is appended, never edited once shipped. */
export const MIGRATIONS: readonly Migration[] = [documents, search, kindIndex, editedMetadata, libraryOrder, shingleSegments, libraryCounts, ftsOverDocuments];

// A migration appended without moving LATEST_SCHEMA_VERSION would never be applied: say so at once.
if (MIGRATIONS[MIGRATIONS.length - 1]!.version !== LATEST_SCHEMA_VERSION) {
  throw new Error(`LATEST_SCHEMA_VERSION (${LATEST_SCHEMA_VERSION}) is not the last migration's version; update migrations/schema-version.ts.`);
}

export interface MigrateOptions {
  /** Stop at this schema version (tests build older databases with it). */
  target?: number;
  /** Named in the refusal of a newer database. */
  file?: string;
  onMigrated?: (migration: Migration) => void;
}

/**
 * Brings the database forward to `target`, one transaction per migration. The version is
 * read again inside each transaction because another process may have migrated meanwhile.
 * A database newer than this code is refused untouched: older code would misread it.
 */
export function migrate(db: Db, options: MigrateOptions = {}): number {
  const target = options.target ?? LATEST_SCHEMA_VERSION;
  refuseNewer(db, options.file);
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    if (schemaVersion(db) >= migration.version) continue;
    const applied = writeTransaction(db, () => {
      if (schemaVersion(db) >= migration.version) return false;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (applied) options.onMigrated?.(migration);
  }
  return schemaVersion(db);
}

function refuseNewer(db: Db, file = 'database'): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) {
    throw schemaNewer(file, current, LATEST_SCHEMA_VERSION);
  }
}
