import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { start } from './server.js';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-reliability-'));
  made.push(dir);
  return dir;
};

/** A commentary of its own that quotes the statement, different for every `n`. */
const commentary = (n: number) =>
  `Note ${n}. As the statement puts it, “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”. Remark number ${n} ends here.`;

const post = (base: string, n: number) =>
  fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: commentary(n), format: 'text', kind: 'commentary', title: `Note ${n}` }),
  });

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('concurrency', () => {
  it('20 concurrent POSTs with concurrent reads: no busy error reaches a client, each 201 document is stored once', async () => {
    const dir = tempDir();
    const server = await start({ dbPath: path.join(dir, 'v.db'), corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
    try {
      const writes = Array.from({ length: 20 }, (_, n) => post(server.url, n));
      const reads = Array.from({ length: 40 }, (_, n) =>
        fetch(`${server.url}${n % 2 ? '/api/documents' : '/api/alignments/joint-statement-2022-02-04/op-ed-expanding-sino-russian-cooperation'}`),
      );
      const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
      expect(written.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(read.map((r) => r.status)).toEqual(Array(40).fill(200));
      const ids = await Promise.all(written.map(async (r) => ((await r.json()) as { id: string }).id));
      expect(new Set(ids).size).toBe(20);
      const listed = (await (await fetch(`${server.url}/api/documents`)).json()) as Array<{ id: string; title: string }>;
      for (let n = 0; n < 20; n++) expect(listed.filter((d) => d.title === `Note ${n}`), `Note ${n}`).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('a crash during a bulk add through the API', () => {
  it('after SIGKILL and a restart, the database is intact and every acknowledged document and its alignment is there', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'v.db');
    const port = await freePort();
    const env = { ...process.env, VERBATIM_DB: db, PORT: String(port), HOST: '127.0.0.1' };
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const acknowledged: string[] = [];
    // Writes keep going in flight; the server is killed while some are inside their transaction.
    let n = 0;
    const writer = (async () => {
      for (;;) {
        const res = await post(base, n++).catch(() => undefined);
        if (!res) return;
        if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      }
    })();
    while (acknowledged.length < 6) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await Promise.all([exited, writer]);

    const raw = new Database(db, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const server = await start({ dbPath: db, corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
    try {
      for (const id of acknowledged) {
        const res = await fetch(`${server.url}/api/alignments/joint-statement-2022-02-04/${id}`);
        expect(res.status, id).toBe(200);
        expect(((await res.json()) as { passages: unknown[] }).passages).toHaveLength(1);
      }
      // Nothing half-added: every stored note has its alignment.
      const listed = (await (await fetch(`${server.url}/api/documents`)).json()) as Array<{ id: string; title: string }>;
      const notes = listed.filter((d) => d.title.startsWith('Note '));
      expect(notes.length).toBeGreaterThanOrEqual(acknowledged.length);
      for (const note of notes) expect((await fetch(`${server.url}/api/alignments/joint-statement-2022-02-04/${note.id}`)).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 60_000);
});
