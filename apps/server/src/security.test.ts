import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type RunningServer } from './server.js';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));
const TOKEN = 'a-long-random-token-for-the-team';
const NOTE = 'A reading of the statement: “Friendship between the two States has no limits, there are no "forbidden" areas of cooperation.”';

let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-security-'));
  server = await start({ dbPath: path.join(dir, 'verbatim.db'), corpusDir: CORPUS, port: 0, host: '127.0.0.1', token: TOKEN, remakeOutdated: false });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The add form as a browser posts it from the server's own /add page. */
function addForm(title: string, token?: string): RequestInit {
  const form = new FormData();
  form.set('kind', 'commentary');
  form.set('title', title);
  form.set('format', 'auto');
  form.set('text', NOTE.replace('reading', title));
  if (token !== undefined) form.set('token', token);
  return { method: 'POST', body: form, headers: { Origin: server.url, Accept: 'text/html' }, redirect: 'manual' };
}

const titles = async () => (await server.store.list()).map((d) => d.title);

describe('the add form on a server with VERBATIM_TOKEN', () => {
  it('asks for the token', async () => {
    const page = await (await fetch(`${server.url}/add`)).text();
    expect(page).toContain('name="token"');
  });

  it('adds the document with the token and sends the reader to it', async () => {
    const res = await fetch(`${server.url}/add`, addForm('With the token', TOKEN));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/documents\/with-the-token\?added=added$/);
    expect(await titles()).toContain('With the token');
  });

  it('refuses it without the token, or with another, beside the token field, storing nothing', async () => {
    for (const token of [undefined, '', 'not-the-token']) {
      const res = await fetch(`${server.url}/add`, addForm(`Token ${String(token)}`, token));
      expect(res.status).toBe(401);
      const page = await res.text();
      expect(page).toContain('The access token is missing or not the right one; nothing was added.');
      expect(page).toContain('id="token-error"');
    }
    expect((await titles()).filter((t) => t.startsWith('Token '))).toEqual([]);
  });

  it('is refused when posted from another site, by the page before the API', async () => {
    const res = await fetch(`${server.url}/add`, { ...addForm('From elsewhere', TOKEN), headers: { Origin: 'https://evil.example', Accept: 'text/html' } });
    expect(res.status).toBe(403);
    expect(await titles()).not.toContain('From elsewhere');
  });
});

describe('the API on a server with VERBATIM_TOKEN', () => {
  it('deletes with the token, and refuses without it or with another', async () => {
    await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: NOTE, kind: 'commentary', title: 'To delete' }),
    });
    expect(await titles()).toContain('To delete');
    const url = `${server.url}/api/documents/to-delete`;
    const without = await fetch(url, { method: 'DELETE' });
    expect(without.status).toBe(401);
    expect(without.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await fetch(url, { method: 'DELETE', headers: { Authorization: 'Bearer not-the-token' } })).status).toBe(401);
    expect(await titles()).toContain('To delete');
    expect((await fetch(url, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(204);
    expect(await titles()).not.toContain('To delete');
  });

  it('refuses a cross-origin multipart upload with 403 problem+json, even with the token', async () => {
    const form = new FormData();
    form.set('kind', 'commentary');
    form.set('file', new File([NOTE], 'forged.txt', { type: 'text/plain' }));
    const res = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: form,
      headers: { Origin: 'https://evil.example', Authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^This change came from a page on another site \(https:\/\/evil\.example\)/);
    expect(await titles()).not.toContain('forged');
  });
});

describe('a server started without HOST', () => {
  it('listens on the loopback interface only', async () => {
    const { spawn } = await import('node:child_process');
    const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, HOST: '', PORT: '0', VERBATIM_DB: path.join(dir, 'closed.db'), VERBATIM_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(line).toMatch(/^Verbatim is serving http:\/\/127\.0\.0\.1:\d+ /);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
