/**
 * A server whose SQLite file another program is writing: a write that waits the whole busy
 * timeout is told busy — 503 problem+json with Retry-After, one log line with no stack trace —,
 * and one that waits less is served, however briefly the server's own reads wait for a lock.
 */
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serversOnOneDatabase } from './test-support/servers.js';

const servers = serversOnOneDatabase('verbatim-sqlite-busy-');
const BUSY = 'The corpus is busy with another change; try again in a moment.';
const STATEMENT = '/api/documents/joint-statement-2022-02-04';

afterEach(() => {
  vi.restoreAllMocks();
});

const json = (method: string, body: unknown) => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const source = (n: number) => ({ text: `Communiqué ${n}\n\nThe parties met for the ${n}th time and agreed on nothing further.`, format: 'text', kind: 'source', title: `Communiqué ${n}` });

/**
 * Another program's write transaction on `file`, in a thread of its own, held for `ms` and then
 * rolled back: the server's thread may wait for it meanwhile. Resolves once the lock is held.
 */
async function writeLockHeldFor(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('held');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('ROLLBACK');
     db.close();`,
    { eval: true, workerData: { file, ms, module: require.resolve('better-sqlite3') } },
  );
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { released: new Promise((resolve) => worker.once('exit', () => resolve())) };
}

describe('a server whose SQLite file another program is writing', { timeout: 60_000 }, () => {
  it('answers each write that waited the whole busy timeout 503 problem+json with Retry-After, logged in one line', async () => {
    const server = await servers.serve({ busyTimeoutMs: 300 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const other = new Database(servers.dbPath);
    other.exec('BEGIN IMMEDIATE');
    const writes = [
      ['POST /api/documents', () => fetch(`${server.url}/api/documents`, json('POST', source(1)))],
      [`PATCH ${STATEMENT}`, () => fetch(`${server.url}${STATEMENT}`, json('PATCH', { title: 'Retitled' }))],
      [`DELETE ${STATEMENT}`, () => fetch(`${server.url}${STATEMENT}`, { method: 'DELETE' })],
    ] as const;
    try {
      for (const [what, send] of writes) {
        const res = await send();
        expect(res.status, what).toBe(503);
        expect(res.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
        expect(res.headers.get('retry-after'), what).toBe('1');
        expect(await res.json(), what).toMatchObject({ status: 503, detail: BUSY });
      }
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(logged.mock.calls.map((call) => call.map(String))).toEqual(writes.map(([what]) => [`${what} failed: ${BUSY}`]));

    // Nothing of the refused writes was stored; once the lock is let go they go through.
    expect(((await (await fetch(`${server.url}${STATEMENT}`)).json()) as { title: string }).title).not.toBe('Retitled');
    expect((await fetch(`${server.url}/api/documents`, json('POST', source(1)))).status).toBe(201);
  });

  it('serves an edit and a delete that wait less than the busy timeout for another program’s write', async () => {
    const server = await servers.serve();
    expect((await fetch(`${server.url}/api/documents`, json('POST', source(2)))).status).toBe(201);
    // Edits and deletes are written on the thread that answers reads, whose reads wait for a
    // lock a fraction of a second: its writes still wait the busy timeout (5 s).
    const edit = await writeLockHeldFor(servers.dbPath, 1_000);
    const edited = await fetch(`${server.url}${STATEMENT}`, json('PATCH', { title: 'Retitled' }));
    await edit.released;
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { title: string }).title).toBe('Retitled');

    const removal = await writeLockHeldFor(servers.dbPath, 1_000);
    const removed = await fetch(`${server.url}/api/documents/communique-2`, { method: 'DELETE' });
    await removal.released;
    expect(removed.status).toBe(204);
  });
});
