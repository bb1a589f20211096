import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { CLIENT_HEADER } from '../http/rate-limit.js';
import { json, openTestApp, problemOf, STATEMENT, type TestApp } from '../test-support/app.js';
import type { CheckResponse } from './check.js';

const QUESTION = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";

let t: TestApp;
beforeAll(async () => {
  // A token is set: a check must not need it.
  t = await openTestApp({ token: 'secret', checkRate: false });
});
afterAll(() => t.close());

const check = (body: unknown, app = t.app, headers: Record<string, string> = {}) => app.request('/api/check', json(body, headers));

describe('POST /api/check', () => {
  it('answers the fact-checker without a token: both quotations in the statement, with locators, "any" the quoter’s', async () => {
    const res = await check({ text: QUESTION });
    expect(res.status).toBe(200);
    const result = (await res.json()) as CheckResponse;
    expect(result.sourcesSearched).toBe(1);
    expect(result.passages.map((p) => [p.status, p.commentary.text, p.document?.id, p.source?.locator])).toEqual([
      ['verbatim', 'no limits', STATEMENT, 'IV.5'],
      ['altered', 'oppose any further enlargement of NATO', STATEMENT, 'III.6'],
    ]);
    const [, nato] = result.passages;
    expect(nato!.differences).toMatchObject([{ type: 'insert', commentary: { text: 'any' }, source: { text: '' } }]);
    expect(nato!.citation).toMatch(/^The Russian Federation and the People['’]s Republic of China, “Joint Statement .*,” February 4, 2022, sec\. III, para\. 6, .*: “oppose further enlargement of NATO\.”/);
    expect(res.headers.get('server-timing')).toMatch(/^candidates;dur=[\d.]+, align;dur=[\d.]+$/);
    // Nothing of the check is stored, and the timing is in the header, not the verdicts.
    expect(result).not.toHaveProperty('timing');
    expect(await t.store.list()).toHaveLength(2);
  });

  it('gives the same verdicts as the store, so the CLI and the API agree', async () => {
    const result = (await (await check({ text: QUESTION })).json()) as CheckResponse;
    const { timing: _, ...direct } = await t.store.check(QUESTION);
    expect(result.passages.map(({ citation: _c, ...p }) => p)).toEqual(direct.passages);
  });

  it('answers its documented example exactly as the OpenAPI shows it', async () => {
    type Example = { content: { 'application/json': { example: unknown } } };
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: { '/api/check': { post: { requestBody: Example; responses: { 200: Example } } } };
    };
    const { requestBody, responses } = doc.paths['/api/check'].post;
    const res = await check(requestBody.content['application/json'].example);
    expect(await res.json()).toEqual(responses[200].content['application/json'].example);
  });

  it('gives every place a quotation fits equally well, each with its document', async () => {
    const text = "They fought the 'pandemic of the new coronavirus infection' together.";
    const [pandemic] = ((await (await check({ text })).json()) as CheckResponse).passages;
    expect(pandemic).toMatchObject({ status: 'verbatim', document: { id: STATEMENT }, source: { locator: '0.3' } });
    expect(pandemic!.document && pandemic!.candidates?.map((c) => [c.document.id, c.locator, c.text])).toEqual([
      [STATEMENT, '0.3', 'pandemic of the new coronavirus infection'],
      [STATEMENT, 'II.1', 'pandemic of the new coronavirus infection'],
    ]);
  });

  it('says "not found" with the number of sources searched', async () => {
    const result = (await (await check({ text: 'She said "the moon is made of green cheese" last week.' })).json()) as CheckResponse;
    expect(result.passages).toMatchObject([{ status: 'not_found', document: null, source: null, citation: null }]);
    expect(result.sourcesSearched).toBe(1);
  });

  it('still asks the token of writes', async () => {
    const res = await t.app.request('/api/documents', json({ text: 'x', format: 'text', kind: 'source', title: 'x' }));
    expect(res.status).toBe(401);
  });

  it('refuses bad input with a problem in one sentence', async () => {
    const cases: Array<[RequestInit, number, RegExp]> = [
      [{ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": ' }, 400, /not valid JSON/],
      [json({}), 400, /text.*is missing/],
      [json({ text: 42 }), 400, /text.*must be a string/],
      [json({ text: '   ' }), 400, /^The text to check is empty/],
      [json({ text: 'x'.repeat(150 * 1024) }), 413, /^The text to check is 150 KB, over the 100 KB/],
      [json({ text: 'x'.repeat(1100 * 1024) }), 413, /over the 1 MB limit of this server; a text to check may be at most 100 KB/],
      [{ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: QUESTION }, 415, /./],
    ];
    for (const [init, status, detail] of cases) {
      const res = await t.app.request('/api/check', init);
      expect(res.status, JSON.stringify(init.body).slice(0, 40)).toBe(status);
      expect((await problemOf(res)).detail).toMatch(detail);
    }
  });

  it('limits each client: a burst, then so many a second, with Retry-After', async () => {
    let now = 0;
    const app = createApp({ store: t.store, checkRate: { burst: 2, perSecond: 1, now: () => now }, logError: () => {} });
    const from = (client: string) => check({ text: 'a "no limits" b' }, app, { [CLIENT_HEADER]: client });
    expect((await from('a')).status).toBe(200);
    expect((await from('a')).status).toBe(200);
    const refused = await from('a');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await problemOf(refused)).detail).toBe('Too many checks from this client in a short time; wait 1 second and try again.');
    // Another client is not held back by the first.
    expect((await from('b')).status).toBe(200);
    now += 1000;
    expect((await from('a')).status).toBe(200);
  });
});
