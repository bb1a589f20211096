/**
 * GET /api/documents a page at a time, through HTTP on the real server: on an SQLite file and
 * on the test run's PostgreSQL, the same pages. A client follows each page's `Link: rel="next"`
 * until there is none, and has the whole library, each document once, in the order promised.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import type { DocumentSummary } from '@verbatim/store';
import { inOrder, library } from '@verbatim/store/test-support';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { start, type RunningServer } from './server.js';

const CORPUS = fileURLToPath(new URL('../../../corpus', import.meta.url));

/** The next page's address from a Link header, or null. */
function nextOf(res: Response): string | null {
  const link = res.headers.get('link');
  if (link === null) return null;
  const next = /^<([^>]+)>; rel="next"$/.exec(link);
  if (!next) throw new Error(`not a Link header of a next page: ${link}`);
  return next[1]!;
}

async function problem(res: Response): Promise<string> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return ((await res.json()) as { detail: string }).detail;
}

const engines = [
  ['an SQLite file', async (dir: string) => ({ dbPath: path.join(dir, 'verbatim.db') })],
  ['PostgreSQL', async (dir: string) => ({ dbPath: path.join(dir, 'unused.db'), databaseUrl: await createDatabase(inject('postgresUrl'), 'pages') })],
] as const;

describe.each(engines)('GET /api/documents on %s, through HTTP', { timeout: 60_000 }, (_name, place) => {
  let server: RunningServer;
  let dir: string;
  let all: DocumentSummary[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-pages-'));
    server = await start({ ...(await place(dir)), corpusDir: CORPUS, port: 0, host: '127.0.0.1' });
    for (const item of await server.store.addBatch(library())) expect(item.ok).toBe(true);
    // On PostgreSQL the server's worker aligns the seed pair just after the corpus is stored.
    for (let tries = 0; (await server.store.pending()) > 0; tries++) {
      if (tries > 1200) throw new Error('the seed pair was not aligned within a minute');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    all = await server.store.list();
    expect(all).toHaveLength(33);
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const walk = async (first: string) => {
    const pages: Array<{ ids: string[]; total: string | null; link: string | null }> = [];
    for (let url: string | null = `${server.url}${first}`; url !== null; ) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      const ids = ((await res.json()) as DocumentSummary[]).map((d) => d.id);
      url = nextOf(res);
      pages.push({ ids, total: res.headers.get('x-total-count'), link: url });
    }
    return pages;
  };

  it('answers a corpus smaller than a page whole, in one page with no next link, as before paging', async () => {
    const res = await fetch(`${server.url}/api/documents`);
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toBeNull();
    expect(res.headers.get('x-total-count')).toBe('33');
    const listed = (await res.json()) as DocumentSummary[];
    expect(listed.map((d) => d.id)).toEqual([...all].sort(inOrder('date')).map((d) => d.id));
    expect(listed.find((d) => d.id === 'joint-statement-2022-02-04')).toMatchObject({ kind: 'source', title: expect.any(String), date: '2022-02-04', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('gives the library a page at a time: each next link keeps the kind, order and limit, and the pages together are the whole listing, each document once', async () => {
    const pages = await walk('/api/documents?limit=4');
    expect(pages.map((p) => p.ids.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 1]);
    expect(pages.flatMap((p) => p.ids)).toEqual([...all].sort(inOrder('date')).map((d) => d.id));
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set(['33']));

    const commentaries = await walk('/api/documents?kind=commentary&sort=-date&limit=3');
    for (const { link } of commentaries.slice(0, -1)) {
      const { cursor, ...kept } = Object.fromEntries(new URL(link!).searchParams);
      expect(kept).toEqual({ kind: 'commentary', sort: '-date', limit: '3' });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(commentaries.flatMap((p) => p.ids)).toEqual(all.filter((d) => d.kind === 'commentary').sort(inOrder('-date')).map((d) => d.id));
    expect(new Set(commentaries.map((p) => p.total))).toEqual(new Set(['12']));
  });

  it('refuses a limit out of range, a cursor it did not give, and a cursor of another listing, in one sentence each', async () => {
    for (const [limit, detail] of [
      ['0', 'The query parameter "limit" must be at least 1.'],
      ['1001', 'The query parameter "limit" must be at most 1000.'],
      ['many', 'The query parameter "limit" must be a number.'],
      ['2.5', 'The query parameter "limit" must be a whole number.'],
    ] as const) {
      const res = await fetch(`${server.url}/api/documents?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(await problem(res), limit).toBe(detail);
    }
    const notOurs = 'The cursor is not one this API gave: follow a page’s next link as it is, or start again from the first page, without a cursor.';
    const next = nextOf(await fetch(`${server.url}/api/documents?kind=source&limit=2`))!;
    const cursor = new URL(next).searchParams.get('cursor')!;
    const forged = Buffer.from(JSON.stringify([1, 'date', 'source', 'commentary', null, 'x', 'y'])).toString('base64url');
    for (const bad of ['nonsense!', 'bm9uc2Vuc2U', cursor.slice(0, -3), forged]) {
      const res = await fetch(`${server.url}/api/documents?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(await problem(res), bad).toBe(notOurs);
    }
    const other = await fetch(`${server.url}/api/documents?kind=commentary&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(await problem(other)).toBe(
      'The cursor continues the list of the sources by date, not of the commentaries by date: follow its next link as it is, or start again without a cursor.',
    );
    // The cursor alone carries its listing.
    const alone = await fetch(`${server.url}/api/documents?limit=2&cursor=${cursor}`);
    expect(alone.status).toBe(200);
    expect(((await alone.json()) as DocumentSummary[]).map((d) => d.kind)).toEqual(['source', 'source']);
  });

  it('gives the links of the documents a page shows, and only theirs, with GET /api/alignments?documents=', async () => {
    const every = (await (await fetch(`${server.url}/api/alignments`)).json()) as Array<{ source: { id: string }; commentary: { id: string } }>;
    const pair = ['joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation'];
    for (const documents of [pair[1], pair.join(','), `doc-01,${pair[0]},doc-02`]) {
      const res = await fetch(`${server.url}/api/alignments?documents=${documents}`);
      expect(res.status, documents).toBe(200);
      const links = (await res.json()) as typeof every;
      expect(links.map((l) => [l.source.id, l.commentary.id]), documents).toEqual([pair]);
      expect(links).toEqual(every.filter((l) => l.source.id === pair[0]));
    }
    expect(await (await fetch(`${server.url}/api/alignments?documents=doc-01,doc-02`)).json()).toEqual([]);
    const bad = await fetch(`${server.url}/api/alignments?documents=doc-01,,doc-02`);
    expect(bad.status).toBe(400);
    expect(await problem(bad)).toBe('The query parameter "documents" is not a list of document ids separated by commas.');
    const many = await fetch(`${server.url}/api/alignments?documents=${Array.from({ length: 201 }, (_, i) => `d${i}`).join(',')}`);
    expect(many.status).toBe(400);
    expect(await problem(many)).toBe('The query parameter "documents" names more than 200 documents.');
  });

  it('documents the paging in its OpenAPI: the query parameters, the Link and X-Total-Count headers, the 400', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: Array<{ name: string; in: string }>; responses: Record<string, { headers?: Record<string, unknown> }> } }>;
    };
    const list = doc.paths['/api/documents']!.get;
    expect(list.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['kind', 'sort', 'limit', 'cursor']);
    expect(Object.keys(list.responses['200']!.headers ?? {})).toEqual(['Link', 'X-Total-Count']);
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
  });
});
