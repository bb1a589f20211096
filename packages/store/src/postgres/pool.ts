import pg from 'pg';
import { StoreError } from '../errors.js';

/** A connection of the pool, or the pool itself: whatever runs a query. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * 64-bit integers (bigint ids, counts) and numerics (sums of counts) as numbers rather than
 * pg's strings: ids and counts of a corpus stay far below 2^53, and every caller compares them
 * with numbers from SQLite too. Per pool, not pg's global parsers, which would change the
 * answers of anyone else's pool in the process (pg-boss's).
 */
const AS_NUMBER = new Set([20 /* int8 */, 1700 /* numeric */]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_NUMBER.has(oid) && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for messages and `store.location`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * How long a request waits for a connection of the pool, for another add's write, or for a lock
 * another session holds on what it reads (another server migrating, a `LOCK TABLE` by hand),
 * before it is told the corpus is busy.
 */
export const DEFAULT_PG_BUSY_TIMEOUT_MS = 10_000;

export interface PoolOptions {
  /** Connections kept open (10 by default). */
  max?: number;
  /** See DEFAULT_PG_BUSY_TIMEOUT_MS. */
  busyTimeoutMs?: number;
}

/**
 * A pool of connections to the database at `url`, tried once before it is handed out so that a
 * server that is not there is said at open, in one sentence naming the address (without its
 * password), rather than at the first request.
 */
export async function openPool(url: string, { max = 10, busyTimeoutMs = DEFAULT_PG_BUSY_TIMEOUT_MS }: PoolOptions = {}): Promise<pg.Pool> {
  // node-postgres reads any URL as PostgreSQL's and would look for its host: say what is wrong instead.
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new StoreError('open', `Cannot open the database ${redactUrl(url)}: it is not a PostgreSQL URL, which reads postgres://user:password@host/database.`);
  }
  // lock_timeout for every statement: a read behind another session's lock would otherwise
  // wait for as long as that session holds it, its connection lost to the pool meanwhile.
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: busyTimeoutMs, lock_timeout: busyTimeoutMs });
  busyTimeouts.set(pool, busyTimeoutMs);
  // A connection the server drops while idle (a restart) is replaced at the next query;
  // without a listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError('open', `Cannot open the database ${redactUrl(url)}: ${reasonOf(error)}.`, { cause: error });
  }
}

const busyTimeouts = new WeakMap<pg.Pool, number>();

/**
 * What a failure of the database, rather than of the request, is for a user: `busy` when no
 * connection of the pool came free, or another add held the write lock, for the whole busy
 * timeout, or the server has no connection left to give (the API answers 503 with
 * Retry-After, the command line its "try again" status, as for SQLite's busy); `unavailable`
 * when the server does not answer or went away mid-request. Neither sentence names the
 * address: an HTTP client reads it. Anything else is not the connection's doing: undefined.
 */
export function connectionFailure(error: unknown): StoreError | undefined {
  if (error instanceof StoreError) return undefined;
  const e = error as { code?: string; message?: string } | null;
  const message = e?.message ?? '';
  if (e?.code === '55P03' /* lock_not_available: another add's write lock */) {
    return new StoreError('busy', 'The corpus is busy with another change; try again in a moment.', { cause: error });
  }
  if (message === 'timeout exceeded when trying to connect' || e?.code === '53300' /* too_many_connections */) {
    return new StoreError('busy', 'The database is busy: every connection to it stayed in use; try again in a moment.', { cause: error });
  }
  const gone =
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(e?.code ?? '') ||
    // Class 08, connection exceptions; 57P01–57P03, the server shutting down or starting.
    /^08|^57P0[123]$/.test(e?.code ?? '') ||
    /^Connection terminated/.test(message);
  if (gone) {
    return new StoreError('unavailable', `The database does not answer: ${reasonOf(error)}; try again once it is back.`, { cause: error });
  }
  return undefined;
}

/** Why a connection failed, in words a user can act on (pg's own messages name its internals). */
function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string } | null;
  switch (e?.code) {
    case 'ECONNREFUSED':
      return 'no PostgreSQL server answers at that address (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name is unknown';
    case 'ETIMEDOUT':
      return 'the server did not answer in time';
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
      return 'the server closed the connection';
    case '57P03':
      return 'the server is starting up or shutting down';
    case '28P01':
    case '28000':
      return 'the server refused the user name or password';
    case '3D000':
      return 'the server has no database of that name';
    default:
      if (/^Connection terminated due to connection timeout/.test(e?.message ?? '')) return 'the server did not answer in time';
      if (/^Connection terminated/.test(e?.message ?? '')) return 'the server closed the connection';
      return (e?.message ?? String(error)).replace(/\.$/, '').split('\n')[0]!;
  }
}

/**
 * Runs `fn` in one transaction on one connection: committed when it returns, rolled back when
 * it throws, so nothing is ever half-written. With `lock`, the transaction first takes that
 * transaction-level advisory lock, which every server writing to the database shares: writes
 * that must not interleave (an add's lookups and inserts) wait for each other, across processes
 * and machines, and the lock goes with the commit. The write lock is waited for the busy
 * timeout at most, as every other lock is (the pool's lock_timeout); migrating and loading the
 * corpus folder at start wait for theirs as long as it takes, and so do their statements.
 */
export async function transaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, { lock }: { lock?: number } = {}): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (lock === LOCKS.write) {
      // An add waits for another's as long as for a connection, then is told the corpus is
      // busy (55P03), as SQLite's writer is after its busy timeout; set in the same statement.
      await client.query("SELECT set_config('lock_timeout', $2, true), pg_advisory_xact_lock($1)", [lock, `${busyTimeouts.get(pool) ?? DEFAULT_PG_BUSY_TIMEOUT_MS}ms`]);
    } else if (lock !== undefined) {
      // Migrating and loading the corpus wait for another server's as long as it takes.
      await client.query("SELECT set_config('lock_timeout', '0', true), pg_advisory_xact_lock($1)", [lock]);
    }
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The advisory locks of the store (arbitrary constants, the same in every process). */
export const LOCKS = {
  /** An add's write part: finding what is stored, numbering the version, choosing the pairs. */
  write: 0x76626d01,
  /** Migrating the schema. */
  migrate: 0x76626d02,
  /** Loading the corpus folder at open, so that two servers starting together load it once. */
  corpus: 0x76626d03,
} as const;

/** The rows of a query, typed by the caller. */
export async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/** The first row of a query, or undefined. */
export async function row<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query(sql, params)).rows[0] as T | undefined;
}
