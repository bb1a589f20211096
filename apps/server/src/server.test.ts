import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningServer } from './server.js';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const SEED_REPORT = '/api/alignments/joint-statement-2022-02-04/op-ed-expanding-sino-russian-cooperation';

describe('the server over real HTTP', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-server-'));
    server = await start({ dbPath: path.join(dir, 'data', 'verbatim.db'), corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a free loopback port and says where', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('answers /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('serves the seed pair’s report, loaded from the corpus at start, and a 304 on revalidation', async () => {
    const res = await fetch(`${server.url}${SEED_REPORT}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as { passages: unknown[] };
    expect(report.passages).toHaveLength(8);
    const again = await fetch(`${server.url}${SEED_REPORT}`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves the web app beside the API: the library at the root, the API’s own 404 under /api', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Expanding Sino-Russian cooperation');
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('starting', () => {
  it('refuses a port in use with one sentence, and closes the database it opened', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-server-'));
    const first = await start({ dbPath: path.join(dir, 'a.db'), port: 0, host: '127.0.0.1' });
    try {
      await expect(start({ dbPath: path.join(dir, 'b.db'), port: first.port, host: '127.0.0.1' })).rejects.toThrow(
        `Port ${first.port} on 127.0.0.1 is already in use; stop what uses it or set PORT to another port.`,
      );
      // Closed: the file can be opened and removed again.
      const second = await start({ dbPath: path.join(dir, 'b.db'), port: 0, host: '127.0.0.1' });
      await second.close();
    } finally {
      await first.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restarts on the same database without duplicating the corpus, with the same passage ids', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-server-'));
    const dbPath = path.join(dir, 'verbatim.db');
    const ids = async () => {
      const server = await start({ dbPath, corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
      try {
        const docs = (await (await fetch(`${server.url}/api/documents`)).json()) as unknown[];
        const report = (await (await fetch(`${server.url}${SEED_REPORT}`)).json()) as { passages: Array<{ id: string }> };
        return { documents: docs.length, passages: report.passages.map((p) => p.id) };
      } finally {
        await server.close();
      }
    };
    try {
      const first = await ids();
      expect(first.documents).toBe(2);
      expect(await ids()).toEqual(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
