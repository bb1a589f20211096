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
/**
 * How long a read on a server's own thread waits for a lock another process holds (an
 * exclusive lock, a WAL being recovered): better-sqlite3 waits synchronously, so while one read
 * waits no other request is answered. Long enough for a recovery, short enough that a read
 * locked out is told the corpus is busy (503, Retry-After) before the server seems hung.
 */
export const READ_BUSY_TIMEOUT_MS = 250;
/** 16 MB: a server with 64 MB per connection grew its memory by a third in the soak test. */
const CACHE_KIB = 16 * 1024;
const CHECKPOINT_PAGES = 10_000;
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) the SQLite file with the settings every connection needs.
 * `synchronous = FULL` because an acknowledged document must survive a power cut, not
 * only a killed process; one fsync per add is cheap next to aligning.
 */
export function openDatabase(
  file: string,
  { busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, readBusyTimeoutMs = busyTimeoutMs }: { busyTimeoutMs?: number; readBusyTimeoutMs?: number } = {},
): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${milliseconds(readBusyTimeoutMs)}`);
    if (readBusyTimeoutMs !== busyTimeoutMs) writeBudgets.set(db, { read: milliseconds(readBusyTimeoutMs), write: milliseconds(busyTimeoutMs) });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // An add's rows land at random places of its indexes (full-text, SHA-256, a small
    // segment of the shingle index): a larger page cache saves re-reading those pages, and
    // checkpointing less often (the default is every 1,000 pages) saves copying them twice.
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

const milliseconds = (value: number) => Math.max(0, Math.round(value));

/** A connection whose reads wait less than its writes: the two busy timeouts, in ms. */
const writeBudgets = new WeakMap<Db, { read: number; write: number }>();

/** What a user is told when the database stayed locked for the whole busy timeout. */
export const BUSY_MESSAGE = 'The corpus is busy with another change; try again in a moment.';

/** Whether SQLite refused for a lock another connection held (SQLITE_BUSY, SQLITE_LOCKED and their extended codes). */
export function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** A lock SQLite waited for in vain as the StoreError that says so (the API's 503); anything else undefined. */
export function lockFailure(error: unknown): StoreError | undefined {
  return isLocked(error) ? new StoreError('busy', BUSY_MESSAGE, { cause: error }) : undefined;
}

/**
 * Runs `fn` in a write transaction taken at once, so two processes never deadlock
 * upgrading a read lock. A writer that waited the whole busy timeout gets a StoreError; on a
 * connection whose reads wait less, the transaction waits the writes' time.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  const budgets = writeBudgets.get(db);
  // Not inside another transaction: there the lock is already held, and the outer one restores.
  const raise = budgets !== undefined && !db.inTransaction;
  if (raise) db.pragma(`busy_timeout = ${budgets.write}`);
  try {
    return db.transaction(fn).immediate();
  } catch (error) {
    throw lockFailure(error) ?? error;
  } finally {
    if (raise) db.pragma(`busy_timeout = ${budgets.read}`);
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
