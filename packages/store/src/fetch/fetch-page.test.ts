import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { fetchPage } from './fetch-page.js';
import { isPublicAddress } from './public-address.js';

const NEWS = fs.readFileSync(new URL('../ingest/fixtures/news-article.html', import.meta.url));

/** A real server on loopback: pages, redirects, a slow answer, a huge one, a PDF. */
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/article') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(NEWS);
    if (path === '/latin1') return res.writeHead(200, { 'Content-Type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    if (path === '/moved') return res.writeHead(301, { Location: '/article' }).end();
    if (path.startsWith('/loop')) return res.writeHead(302, { Location: `/loop${path.length}` }).end();
    if (path === '/missing') return res.writeHead(404, 'Not Found').end('gone');
    if (path === '/pdf') return res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4');
    if (path === '/slow') return setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>late</p>'), 2000);
    if (path === '/huge') {
      // No Content-Length: the limit is checked while the body arrives.
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => {});
      return more();
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function refusal(run: Promise<unknown>): Promise<StoreError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('fetchPage', () => {
  it('reads a page, after a redirect, with its format and final address', async () => {
    const page = await fetchPage(`${base}/moved`, { allowPrivate: true });
    expect(page).toMatchObject({ url: `${base}/article`, format: 'html' });
    expect(page.text).toBe(NEWS.toString('utf8'));
  });

  it('decodes the charset the server declares', async () => {
    expect((await fetchPage(`${base}/latin1`, { allowPrivate: true })).text).toBe('café');
  });

  it('refuses loopback and private addresses unless allowed, before connecting', async () => {
    for (const address of [`${base}/article`, 'http://[::1]/', 'http://10.0.0.8/', 'http://192.168.1.1/', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/']) {
      const error = await refusal(fetchPage(address));
      expect(error.code, address).toBe('fetch-refused');
      expect(error.message).toMatch(/is a loopback or private address \(.+\); Verbatim fetches pages from the public internet only\.$/);
    }
    // A name is checked on the addresses it resolves to.
    expect((await refusal(fetchPage(`http://localhost:${new URL(base).port}/article`))).code).toBe('fetch-refused');
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:4700::6810:85e5')).toBe(true);
    expect(isPublicAddress('100.64.0.1')).toBe(false);
  });

  it('refuses what is not an http address', async () => {
    expect((await refusal(fetchPage('file:///etc/passwd'))).message).toBe('file:// addresses cannot be fetched; give an http or https address.');
    expect((await refusal(fetchPage('not a url'))).message).toBe('"not a url" is not a web address; give one such as https://example.org/article.');
  });

  it('bounds redirects, time and size, and says what the server answered', async () => {
    const allow = { allowPrivate: true };
    expect((await refusal(fetchPage(`${base}/loop`, { ...allow, maxRedirects: 3 }))).message).toBe(`${base}/loop redirects more than 3 times; give the page's final address.`);
    expect((await refusal(fetchPage(`${base}/slow`, { ...allow, timeoutMs: 300 }))).message).toBe(`${new URL(base).host} did not give the page within 300 ms.`);
    const huge = await refusal(fetchPage(`${base}/huge`, allow));
    expect(huge.code).toBe('too-large');
    expect(huge.message).toBe(`${base}/huge is larger than 5 MB, the most Verbatim stores.`);
    expect((await refusal(fetchPage(`${base}/missing`, allow))).message).toBe(`${base}/missing answered 404 Not Found, not the page.`);
    expect((await refusal(fetchPage(`${base}/pdf`, allow))).code).toBe('format');
  });
});
