import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, problemOf, STATEMENT, type TestApp } from '../test-support/app.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Beijing and Moscow | Example Times</title>
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2022-02-10T08:30:00Z">
<meta property="og:site_name" content="Example Times"><link rel="canonical" href="https://times.example/beijing-moscow">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Beijing and Moscow draw a line"}</script></head>
<body><article><p>“The sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches,” the statement says.</p></article></body></html>`;

let server: http.Server;
let base: string;
let open: TestApp;
let closed: TestApp;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/article') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(ARTICLE);
    res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  open = await openTestApp({ fetchPrivate: true });
  closed = await openTestApp();
});
afterAll(async () => {
  await open.close();
  await closed.close();
  server.close();
});

const post = (t: TestApp, body: unknown) =>
  t.app.request('/api/documents/fetch', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/documents/fetch', () => {
  it('fetches a page, stores its article with the metadata of its meta tags and JSON-LD, and aligns it', async () => {
    const res = await post(open, { address: `${base}/article`, kind: 'commentary' });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; title: string; author: string; date: string; url: string; issuer: string; format: string; aligned: Array<{ source: { id: string } }> };
    expect(doc).toMatchObject({
      title: 'Beijing and Moscow draw a line',
      author: 'Jane Doe',
      date: '2022-02-10',
      issuer: 'Example Times',
      url: 'https://times.example/beijing-moscow',
      format: 'html',
    });
    expect(doc.aligned.map((a) => a.source.id)).toEqual([STATEMENT]);
    expect(res.headers.get('Location')).toBe(`/api/documents/${doc.id}`);
  });

  it('refuses a loopback address with a 400 unless the server allows private addresses', async () => {
    const res = await post(closed, { address: `${base}/article`, kind: 'commentary' });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe('127.0.0.1 is a loopback or private address (127.0.0.1); Verbatim fetches pages from the public internet only.');
    expect((await closed.store.list()).map((d) => d.title)).not.toContain('Beijing and Moscow draw a line');
  });

  it('answers 502 for a page its server does not give, 400 for what is not an address', async () => {
    const missing = await post(open, { address: `${base}/gone`, kind: 'commentary' });
    expect(missing.status).toBe(502);
    expect((await problemOf(missing)).detail).toBe(`${base}/gone answered 404 Not Found, not the page.`);
    const bad = await post(open, { address: 'ftp://example.org/x', kind: 'commentary' });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).detail).toBe('ftp:// addresses cannot be fetched; give an http or https address.');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await open.app.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/api/documents/fetch']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '502']));
  });
});

describe('POST /api/documents/preview', () => {
  const preview = (t: TestApp, body: unknown) =>
    t.app.request('/api/documents/preview', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('says what adding the page would store — its own metadata, and the start of its text — and stores nothing', async () => {
    const before = (await open.store.list()).length;
    const res = await preview(open, { address: `${base}/article` });
    expect(res.status).toBe(200);
    const read = (await res.json()) as Record<string, unknown>;
    expect(read).toMatchObject({
      address: `${base}/article`,
      format: 'html',
      title: 'Beijing and Moscow draw a line',
      author: 'Jane Doe',
      date: '2022-02-10',
      issuer: 'Example Times',
      url: 'https://times.example/beijing-moscow',
      language: 'en',
      paragraphs: expect.any(Number),
    });
    expect(read.excerpt).toMatch(/^“The sides oppose further enlargement of NATO/);
    expect((await open.store.list()).length).toBe(before);
    // A field given wins over the page's, as it does when the page is added.
    const given = (await (await preview(open, { address: `${base}/article`, author: 'J. Doe (corrected)' })).json()) as { author: string };
    expect(given.author).toBe('J. Doe (corrected)');
  });

  it('refuses what adding it would refuse, in the same words', async () => {
    const loopback = await preview(closed, { address: `${base}/article` });
    expect(loopback.status).toBe(400);
    expect((await problemOf(loopback)).detail).toBe('127.0.0.1 is a loopback or private address (127.0.0.1); Verbatim fetches pages from the public internet only.');
    const missing = await preview(open, { address: `${base}/gone` });
    expect(missing.status).toBe(502);
    const badDate = await preview(open, { address: `${base}/article`, date: 'soon' });
    expect(badDate.status).toBe(400);
    expect((await problemOf(badDate)).detail).toBe('The date "soon" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.');
  });
});
