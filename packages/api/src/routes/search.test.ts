import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_ED, openTestApp, problemOf, STATEMENT, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

interface Result {
  query: string;
  readAs: 'full-text' | 'words';
  words: string[] | null;
  hits: Array<{ documentId: string; locator: string; snippet: string }>;
}

describe('GET /api/search', () => {
  it('finds "no limits" in the statement’s IV.5, then in the op-ed that quotes it', async () => {
    const res = await t.app.request(`/api/search?q=${encodeURIComponent('"no limits"')}`);
    expect(res.status).toBe(200);
    const result = (await res.json()) as Result;
    expect(result).toMatchObject({ query: '"no limits"', readAs: 'full-text', words: null });
    expect(result.hits.map((h) => [h.documentId, h.locator])).toEqual([
      [STATEMENT, 'IV.5'],
      [OP_ED, '¶9'],
    ]);
    for (const hit of result.hits) expect(hit.snippet).toContain('**no limits**');
  });

  it('honours limit', async () => {
    const result = (await (await t.app.request('/api/search?q=cooperation&limit=3')).json()) as Result;
    expect(result.hits).toHaveLength(3);
  });

  it('searches a query FTS5 rejects as its plain words, and says so', async () => {
    const res = await t.app.request(`/api/search?q=${encodeURIComponent('"no limits')}`);
    expect(res.status).toBe(200);
    const result = (await res.json()) as Result;
    expect(result).toMatchObject({ query: '"no limits', readAs: 'words', words: ['no', 'limits'] });
    expect(result.hits[0]).toMatchObject({ documentId: STATEMENT, locator: 'IV.5' });
  });

  it('answers 400 for a missing query or a bad limit', async () => {
    const missing = await t.app.request('/api/search');
    expect(missing.status).toBe(400);
    expect((await problemOf(missing)).detail).toBe('The query parameter "q" is missing.');

    const blank = await t.app.request('/api/search?q=%20%20');
    expect((await problemOf(blank)).detail).toBe('The query parameter "q" must not be empty.');

    const both = await t.app.request('/api/search?q=x&limit=5000');
    expect(both.status).toBe(400);
    expect((await problemOf(both)).detail).toBe('The query parameter "limit" must be at most 1000.');

    const zero = await t.app.request('/api/search?q=x&limit=0');
    expect((await problemOf(zero)).detail).toBe('The query parameter "limit" must be at least 1.');
  });
});
