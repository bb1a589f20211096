import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentPassages } from './document-passages.js';
import { OP_ED, openTestApp, problemOf, STATEMENT, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const get = async (path: string) => (await (await t.app.request(path)).json()) as DocumentPassages;

describe('GET /api/documents/:id/passages', () => {
  it('places the op-ed’s eight passages in the statement, numbered as the comparison numbers them', async () => {
    const body = await get(`/api/documents/${STATEMENT}/passages`);
    expect(body).toMatchObject({ id: STATEMENT, kind: 'source', version: 1 });
    expect(body.alignments).toHaveLength(1);
    expect(body.alignments[0]).toMatchObject({ source: { id: STATEMENT }, commentary: { id: OP_ED }, passages: 8, stale: false });
    expect(body.passages.map((p) => [p.n, p.locator])).toEqual([
      [1, 'III.6'], [2, 'III.6'], [3, 'III.6'], [4, 'IV.5'], [5, 'I.1–I.2'], [6, 'I.4'], [7, 'I.4'], [8, 'II.1'],
    ]);
    const statement = (await t.store.get(STATEMENT))!.text;
    const report = (await t.store.alignment(STATEMENT, OP_ED))!;
    for (const p of body.passages) {
      expect(p.other).toEqual({ id: OP_ED, title: (await t.store.get(OP_ED))!.title });
      // The span is the source's: it slices back to the text the report gives.
      expect(statement.slice(p.start, p.end)).toBe(report.passages.find((r) => r.id === p.id)!.source!.text);
    }
  });

  it('places them in the op-ed’s own text for the commentary', async () => {
    const body = await get(`/api/documents/${OP_ED}/passages`);
    const opEd = (await t.store.get(OP_ED))!.text;
    const report = (await t.store.alignment(STATEMENT, OP_ED))!;
    expect(body.passages).toHaveLength(8);
    for (const p of body.passages) {
      expect(p.other.id).toBe(STATEMENT);
      expect(opEd.slice(p.start, p.end)).toBe(report.passages.find((r) => r.id === p.id)!.commentary.text);
    }
  });

  it('keeps the passages touching a stretch of the text: the paragraph III.6', async () => {
    const para = (await t.store.get(STATEMENT))!.paragraphs.find((p) => p.locator === 'III.6')!;
    const body = await get(`/api/documents/${STATEMENT}/passages?start=${para.start}&end=${para.end}`);
    expect(body.passages.map((p) => p.n)).toEqual([1, 2, 3]);
  });

  it('answers a document without links with none, and an unknown one with a 404', async () => {
    const added = await t.app.request('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'A letter about the weather in spring, and nothing else at all.', kind: 'commentary', title: 'Weather' }),
    });
    const { id } = (await added.json()) as { id: string };
    expect(await get(`/api/documents/${id}/passages`)).toMatchObject({ alignments: [], passages: [] });
    const missing = await t.app.request('/api/documents/no-such-document/passages');
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe('There is no document "no-such-document".');
  });
});
