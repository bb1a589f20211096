import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from './errors.js';

export type Db = Database.Database;

/**
 * How long a writer waits for another connection's transaction before giving up. Adds align
 * before they take the lock, so a transaction lasts only as long as writing its rows; a
 * writer still waiting after this is told the corpus is busy rather than left hanging.
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/** 16 MB: a server with 64 MB per connection grew its memory by a third in the soak test. */
const CACHE_KIB = 16 * 1024;
const CHECKPOINT_PAGES = 10_000;
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) the SQLite file with the settings every connection needs.
 * `synchronous = FULL` because an acknowledged document must survive a power cut, not
 * only a killed process; one fsync per add is cheap next to aligning.
 */
export function openDatabase(file: string, { busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: { busyTimeoutMs?: number } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // An add writes its shingles at random places in their index, touching a page per
    // shingle: a larger page cache saves re-reading those pages, and checkpointing less
    // often (the default is every 1,000 pages, less than one add) saves copying them twice.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('open', `Cannot open the database ${file}: ${reason}.`, { cause: error });
  }
}

/**
 * Runs `fn` in a write transaction taken at once, so two processes never deadlock
 * upgrading a read lock. A writer that waited the whole busy timeout gets a StoreError.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreError('busy', 'The corpus is busy with another change; try again in a moment.', { cause: error });
    }
    throw error;
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection: preparing costs more than running the
 * small inserts a bulk load makes by the hundred thousand. Only for statements whose mode
 * (`pluck`, `raw`) never changes, since the cached object is shared.
 */
export function cached(db: Db, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare(sql)));
  return statement;
}
