// Two real processes on one database: `verbatim serve` (the server) and `verbatim add`. Whoever
// writes second while the other holds the corpus is refused in one sentence, and nothing is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const STATEMENT = 'joint-statement-2022-02-04';
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

/** Resolves once another connection holds the write lock (a transaction is being written). */
async function lockTaken(file: string, within: Promise<unknown>): Promise<boolean> {
  const db = new Database(file);
  db.pragma('busy_timeout = 0');
  let over = false;
  void within.finally(() => (over = true));
  try {
    while (!over) {
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
      } catch {
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return false;
  } finally {
    db.close();
  }
}

/** About 5 MB of sentences of the statement in quotation marks: seconds to align, then a second or two of writing. */
function longCommentary(statement: string, seed: number): string {
  const sentences = statement.split(/(?<=[.;])\s+/).filter((s) => s.split(' ').length >= 8);
  const parts = [`A long reading number ${seed}`];
  for (let i = 0, size = 0; size < 4_900_000; i++) {
    const part = `Remark ${seed}.${i}: the sides wrote that “${sentences[(i * 7 + seed) % sentences.length]!.replace(/[“”"]/g, '')}” Commentators weighed this.`;
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join('\n\n');
}

describe('the server and the CLI writing to one corpus', () => {
  let dir: string;
  let db: string;
  let base: string;
  let server: ChildProcess;
  let statement: string;
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
    statement = ((await (await fetch(`${base}/api/documents/${STATEMENT}`)).json()) as { text: string }).text;
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a CLI add while the server writes (exit 75, one sentence), and takes it once the server is done', async () => {
    const note = join(dir, 'note.txt');
    writeFileSync(note, `A note of our own: the statement says that “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.\n`);
    const cli = { VERBATIM_DB: db, VERBATIM_CORPUS: '', VERBATIM_BUSY_TIMEOUT_MS: '0' };
    // The server holds the lock for a second or two: a CLI started when it takes it may still
    // miss it on a loaded machine, and then adds the note; each try uses another long text.
    let refused: Run | undefined;
    for (let attempt = 1; attempt <= 3 && !refused; attempt++) {
      const adding = post({ text: longCommentary(statement, attempt), format: 'text', kind: 'commentary', title: `Long reading ${attempt}` });
      if (!(await lockTaken(db, adding))) throw new Error('the server never took the write lock while adding');
      const result = await run(['add', note, '--kind', 'commentary', '--id', 'note'], cli).done;
      expect((await adding).status).toBe(201);
      if (result.status === 75) refused = result;
      else {
        // Missed the lock: the note went in, so take it out for the next try.
        expect(result.status).toBe(0);
        expect((await fetch(`${base}/api/documents/note`, { method: 'DELETE', headers: { Origin: base } })).status).toBe(204);
      }
    }
    expect(refused).toEqual({ status: 75, stdout: '', stderr: BUSY });
    expect(await ids()).not.toContain('note');

    // Nothing lost: the same command now goes through, and the server's document is whole.
    const again = await run(['add', note, '--kind', 'commentary', '--id', 'note'], cli).done;
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^Added "[^"]*note\.txt" as the commentary note, version 1\./);
    expect(await ids()).toEqual(expect.arrayContaining(['note', 'long-reading-1']));
    const aligned = (await (await fetch(`${base}/api/alignments/${STATEMENT}/long-reading-1`)).json()) as { passages: unknown[] };
    expect(aligned.passages.length).toBeGreaterThan(10_000);
  }, 240_000);

  it('answers 503 with Retry-After to an API add while the CLI writes, and takes it once the CLI is done', async () => {
    const long = join(dir, 'long.txt');
    writeFileSync(long, longCommentary(statement, 9));
    const cli = run(['add', long, '--kind', 'commentary', '--id', 'cli-long'], { VERBATIM_DB: db, VERBATIM_CORPUS: '' });
    expect(await lockTaken(db, cli.done)).toBe(true);
    const body = { text: 'A short reading: “Friendship between the two States has no limits, there are no forbidden areas of cooperation”.', format: 'text', kind: 'commentary', title: 'Short reading' };
    const refused = await post(body);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await refused.json()) as { detail: string }).detail).toBe('The corpus is busy with another change; try again in a moment.');

    expect((await cli.done).status).toBe(0);
    expect((await post(body)).status).toBe(201);
    expect(await ids()).toEqual(expect.arrayContaining(['cli-long', 'short-reading']));
  }, 240_000);
});
