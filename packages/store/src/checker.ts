import fs from 'node:fs';
import Database from 'better-sqlite3';
import { createChecker } from './check/check.js';
import type { Db } from './database.js';
import { engineVersion } from './engine-version.js';
import { schemaNewer, StoreError } from './errors.js';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrations/schema-version.js';
import type { CheckResult } from './types.js';

export { MAX_CHECK_BYTES } from './check/check.js';
export { StoreError } from './errors.js';
export type { CheckPlace, CheckResult, CheckedPassage, CheckSource } from './types.js';

export interface Checker {
  check(text: string): CheckResult;
  close(): void;
}

/**
 * `store.check` on a database opened read-only, for a command that is run often (a linter
 * for quotations): no migration, no corpus loading, and none of the ingestion code loaded.
 * Undefined when the database does not exist yet or is older than this code — then the
 * full store (`openStore`) must create or migrate it first.
 */
export function openChecker(path: string): Checker | undefined {
  if (!fs.existsSync(path)) return undefined;
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 30000');
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw schemaNewer(path, version, LATEST_SCHEMA_VERSION);
    }
    if (version < LATEST_SCHEMA_VERSION) {
      db.close();
      return undefined;
    }
  } catch (error) {
    db?.close();
    if (error instanceof StoreError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('open', `Cannot open the database ${path}: ${reason}.`, { cause: error });
  }
  const open = db;
  const check = createChecker(open, engineVersion());
  return { check: (text) => check(text), close: () => open.close() };
}
