import type { Db } from '../database.js';

/** One forward step of the schema. `up` runs inside the transaction that sets `user_version`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
