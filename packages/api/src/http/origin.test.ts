import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openTestApp, problemOf, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** A form upload as a browser sends it, from the page at `origin`. */
function upload(origin: string | null, extra: Record<string, string> = {}): RequestInit {
  const form = new FormData();
  form.set('kind', 'commentary');
  form.set('title', `Upload from ${origin}`);
  form.set('file', new File([`A note written at ${origin ?? 'a terminal'} about "no limits" and nothing else.`], 'note.txt', { type: 'text/plain' }));
  return { method: 'POST', body: form, headers: { ...(origin ? { Origin: origin } : {}), ...extra } };
}

const titles = async () => (await t.store.list()).map((d) => d.title);

describe('writes from another site', () => {
  it('refuses a cross-origin multipart POST /api/documents with a 403 problem, storing nothing', async () => {
    const res = await t.app.request('http://localhost:3000/api/documents', upload('https://evil.example'));
    expect(res.status).toBe(403);
    expect((await problemOf(res)).detail).toBe(
      "This change came from a page on another site (https://evil.example), so it was refused; change the corpus from Verbatim's own pages, or from a script.",
    );
    expect(await titles()).not.toContain('Upload from https://evil.example');
  });

  it('refuses what the browser itself says is cross-site, whatever the Origin', async () => {
    const res = await t.app.request('http://localhost:3000/api/documents', upload('null', { 'Sec-Fetch-Site': 'cross-site' }));
    expect(res.status).toBe(403);
  });

  it('refuses a cross-origin DELETE', async () => {
    const res = await t.app.request('http://localhost:3000/api/documents/op-ed-expanding-sino-russian-cooperation', {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await t.store.get('op-ed-expanding-sino-russian-cooperation')).toBeDefined();
  });

  it('takes the same upload from the server’s own pages, and from a script that sends no Origin', async () => {
    const own = await t.app.request('http://localhost:3000/api/documents', upload('http://localhost:3000'));
    expect(own.status).toBe(201);
    const script = await t.app.request('http://localhost:3000/api/documents', upload(null));
    expect(script.status).toBe(201);
    expect(await titles()).toEqual(expect.arrayContaining(['Upload from http://localhost:3000', 'Upload from null']));
  });

  it('takes writes from the origins CORS allows and from the public URL behind a proxy', async () => {
    const app = createApp({ store: t.store, corsOrigins: ['https://notebook.example'], publicUrl: 'https://verbatim.example.org/' });
    expect((await app.request('http://127.0.0.1:3000/api/documents', upload('https://notebook.example'))).status).toBe(201);
    expect((await app.request('http://127.0.0.1:3000/api/documents', upload('https://verbatim.example.org'))).status).toBe(201);
    expect((await app.request('http://127.0.0.1:3000/api/documents', upload('https://evil.example'))).status).toBe(403);
  });
});
