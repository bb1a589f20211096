// `verbatim serve` and `verbatim add` as real processes on one database: each, finding the
// corpus held by another process's write, is refused in one sentence, and nothing is lost. The
// other writer is a transaction this test holds, so the refusal does not hang on how fast a
// process starts or a document is written on a loaded machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const BUSY = 'verbatim add: the corpus is busy with another change; try again in a moment.\n';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return { child, done: new Promise((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr }))) };
}

describe('the server and the CLI writing to one corpus', () => {
  let dir: string;
  let db: string;
  let base: string;
  let server: ChildProcess;
  const post = (body: unknown) =>
    fetch(`${base}/api/documents`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify(body) });
  const ids = async () => ((await (await fetch(`${base}/api/documents`)).json()) as Array<{ id: string }>).map((d) => d.id);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verbatim-busy-'));
    db = join(dir, 'v.db');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The server gives up on the lock after 300 ms, so the second scenario's 503 comes at once.
    server = run(['serve', '--port', String(port)], { VERBATIM_DB: db, HOST: '127.0.0.1', VERBATIM_BUSY_TIMEOUT_MS: '300' }).child;
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(`:${port}`) && resolve());
      server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a CLI add while another process writes to the corpus (exit 75, one sentence), and takes it once that is done', async () => {
    const note = join(dir, 'note.txt');
    writeFileSync(note, `A note of our own: the statement says that “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.\n`);
    const cli = { VERBATIM_DB: db, VERBATIM_CORPUS: '', VERBATIM_BUSY_TIMEOUT_MS: '0' };
    // A write transaction of another process, as the server's while it stores a document —
    // held here for as long as the CLI takes to start: the server's own hold is shorter than
    // a process's start on a loaded machine (the next test has the server meet the CLI).
    const writer = new Database(db);
    let refused: Run;
    try {
      writer.exec('BEGIN IMMEDIATE');
      refused = await run(['add', note, '--kind', 'commentary', '--id', 'note'], cli).done;
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
    }
    expect(refused).toEqual({ status: 75, stdout: '', stderr: BUSY });
    expect(await ids()).not.toContain('note');

    // Nothing lost: the same command now goes through, and the server lists it.
    const again = await run(['add', note, '--kind', 'commentary', '--id', 'note'], cli).done;
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Added "[^"]*note\.txt" as the commentary note, version 1\./);
    expect(await ids()).toContain('note');
  }, 240_000);

  it('answers 503 with Retry-After to an API add while another process writes, and takes it once that is done', async () => {
    const body = { text: 'A short reading: “Friendship between the two States has no limits, there are no forbidden areas of cooperation”.', format: 'text', kind: 'commentary', title: 'Short reading' };
    // Another process's write transaction, as the CLI's while it adds a document, held for
    // longer than the server's 300 ms wait for the lock.
    const writer = new Database(db);
    let refused: Response;
    try {
      writer.exec('BEGIN IMMEDIATE');
      refused = await post(body);
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await refused.json()) as { detail: string }).detail).toBe('The corpus is busy with another change; try again in a moment.');

    expect((await post(body)).status).toBe(201);
    expect(await ids()).toContain('short-reading');
  }, 240_000);
});
