import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_ED, openTestApp, problemOf, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';

let t: TestApp;
let cited: string[];

beforeAll(async () => {
  t = await openTestApp();
  const { passages } = (await (await t.app.request(SEED_REPORT)).json()) as { passages: Array<{ id: string; status: string; commentary: { start: number } }> };
  cited = passages.filter((p) => p.status !== 'not_found').sort((a, b) => a.commentary.start - b.commentary.start).map((p) => p.id);
});
afterAll(() => t.close());

const all = (format: string) => t.app.request(`/api/alignments/${STATEMENT}/${OP_ED}/citations?format=${format}`);

describe('GET /api/alignments/:sourceId/:commentaryId/citations', () => {
  it('bibtex: one entry per passage, in commentary order, each the passage’s own citation; citation-js reads them all back', async () => {
    const res = await all('bibtex');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${OP_ED}-citations.bib"`);
    const bibtex = await res.text();
    expect([...bibtex.matchAll(/^@misc\{([^,]+),$/gm)].map((m) => m[1])).toEqual(cited);
    const one = await (await t.app.request(`/api/passages/${cited[0]}/citation?format=bibtex`)).text();
    expect(bibtex.startsWith(one)).toBe(true);
    const items = new Cite(bibtex).data as Array<{ 'citation-key': string; issued: { 'date-parts': number[][] } }>;
    expect(items.map((i) => i['citation-key'])).toEqual(cited);
    for (const i of items) expect(i.issued['date-parts']).toEqual([[2022, 2, 4]]);
  });

  it('ris: one record per passage, read back by citation-js', async () => {
    const ris = await (await all('ris')).text();
    expect(ris.match(/^TY {2}- GEN$/gm)).toHaveLength(cited.length);
    expect(ris.match(/^DA {2}- 2022\/02\/04\/$/gm)).toHaveLength(cited.length);
    expect((new Cite(ris).data as Array<{ id: string }>).map((i) => i.id)).toEqual(cited);
  });

  it('csl-json: one array of every item', async () => {
    const res = await all('csl-json');
    expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(((await res.json()) as Array<{ id: string }>).map((i) => i.id)).toEqual(cited);
  });

  it('answers 404 for documents that are not linked, 400 for an unknown format', async () => {
    const res = await t.app.request(`/api/alignments/${OP_ED}/${STATEMENT}/citations`);
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toMatch(/^There is no alignment of/);
    expect((await all('mla')).status).toBe(400);
  });
});
