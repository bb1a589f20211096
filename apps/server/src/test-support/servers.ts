/**
 * Servers a test starts one after another on one SQLite database of its own — one stopped, the
 * next started on what it left —, in a fresh folder for each test: every server still running
 * is stopped, and the folder removed, after the test. In process (`start`), on a free port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { start, type RunningServer, type ServerOptions } from '../server.js';

const CORPUS = fileURLToPath(new URL('../../../../corpus', import.meta.url));

export interface ServersOnOneDatabase {
  /** The running test's database file. */
  readonly dbPath: string;
  /** A server on that database with the repository's corpus, on 127.0.0.1 and a free port. */
  serve(options?: Omit<ServerOptions, 'dbPath' | 'corpusDir' | 'port' | 'host'>): Promise<RunningServer>;
  stop(server: RunningServer): Promise<void>;
}

export function serversOnOneDatabase(prefix: string): ServersOnOneDatabase {
  let dir: string | undefined;
  const running: RunningServer[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const dbPath = () => {
    if (!dir) throw new Error('Used outside a test: the database folder is made before each test.');
    return path.join(dir, 'verbatim.db');
  };
  return {
    get dbPath() {
      return dbPath();
    },
    async serve(options = {}) {
      const server = await start({ ...options, dbPath: dbPath(), corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
      running.push(server);
      return server;
    },
    async stop(server) {
      running.splice(running.indexOf(server), 1);
      await server.close();
    },
  };
}

/**
 * The database as an older Verbatim left it: every stored report marked as made by `engine`,
 * each rewritten by `change` first (unchanged by default). How many were marked.
 */
export function madeByAnotherEngine(dbPath: string, engine: string, change: (report: { passages: unknown[] }) => void = () => {}): number {
  const db = new Database(dbPath);
  try {
    const rows = db.prepare('SELECT id, report FROM alignments').all() as Array<{ id: number; report: string }>;
    const update = db.prepare('UPDATE alignments SET engine_version = ?, report = ? WHERE id = ?');
    for (const row of rows) {
      const report = JSON.parse(row.report) as { passages: unknown[] };
      change(report);
      update.run(engine, JSON.stringify(report), row.id);
    }
    return rows.length;
  } finally {
    db.close();
  }
}
