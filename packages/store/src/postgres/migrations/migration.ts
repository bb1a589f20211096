import type pg from 'pg';

/** One forward step of the PostgreSQL schema. `up` runs inside the transaction that records its version. */
export interface PgMigration {
  version: number;
  name: string;
  up(client: pg.PoolClient): Promise<void>;
}
