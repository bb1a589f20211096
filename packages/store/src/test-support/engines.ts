import Database from 'better-sqlite3';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../store.js';
import { freshDatabaseUrl } from './postgres.js';
import { tempDbPath } from './temp.js';

/** Where a corpus is, as `openStore` is told: a SQLite file, or a PostgreSQL database. */
export type Place = Pick<StoreOptions, 'path' | 'databaseUrl'>;

/** One engine the store's tests run on. */
export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  /** A new, empty corpus: open it as often as a test likes (a restart), with `openStore({ ...place })`. */
  place(): Promise<Place>;
  /** A store on a new, empty corpus. */
  open(options?: Omit<StoreOptions, 'path' | 'databaseUrl'>): Promise<Store>;
  /**
   * Rows of a statement run on the database itself, behind the store's back (what a test
   * inspects or breaks); parameters are written `?` on both engines.
   */
  query<T = Record<string, unknown>>(place: Place, sql: string, params?: unknown[]): Promise<T[]>;
}

const sqlite: TestEngine = {
  name: 'sqlite',
  async place() {
    return { path: tempDbPath() };
  },
  async open(options = {}) {
    return openStore({ ...options, ...(await this.place()) });
  },
  async query<T>(place: Place, sql: string, params: unknown[] = []) {
    const db = new Database(place.path);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  },
};

const postgres: TestEngine = {
  name: 'postgres',
  async place() {
    return { path: '', databaseUrl: await freshDatabaseUrl() };
  },
  async open(options = {}) {
    return openStore({ ...options, ...(await this.place()) });
  },
  async query<T>(place: Place, sql: string, params: unknown[] = []) {
    let n = 0;
    const numbered = sql.replace(/\?/g, () => `$${++n}`);
    // Counts as numbers, as SQLite answers them.
    const client = new pg.Client({ connectionString: place.databaseUrl, types: { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text')) } as never });
    await client.connect();
    try {
      return (await client.query(numbered, params)).rows as T[];
    } finally {
      await client.end();
    }
  },
};

/** The engines every test of the store's behaviour runs on: the same tests, both engines. */
export const ENGINES: readonly TestEngine[] = [sqlite, postgres];

/**
 * `describe` once per engine, the engine's name in the title: `describeEachEngine('store.add',
 * (engine) => { it(…, async () => { const store = await engine.open(); … }) })`.
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const engine of ENGINES) describe(`${title} (${engine.name})`, () => body(engine));
}
