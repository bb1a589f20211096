import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResponse } from './check.js';
import type { DocumentPassages } from './document-passages.js';
import { json, openTestApp, readTestCommentary, STATEMENT, type TestApp } from '../test-support/app.js';
import { assertionsOfTest, compileAssertions, SELECTOR_ASSERTIONS } from '../test-support/w3c.js';

// A news report whose three passages each fit two or three places of the statement equally:
// a formula the statement uses three times ("in the internal affairs of other States"), a
// borrowed call to action (I.5, II.4, II.5), a quotation missing its opening mark (III.20,
// IV.9). Whoever downloads or cites one of them must learn that it is tied, and where.
const REPORT = readTestCommentary('repeated-formulas.txt');

interface Passage {
  id: string;
  commentary: { start: number; text: string };
  source: { locator: string };
  candidates?: Array<{ locator: string; start: number; end: number; text: string }>;
}

let t: TestApp;
let reportId: string;
/** The borrowed call to action: its three places, in source order. */
let borrowing: Passage;
let passages: Passage[];

beforeAll(async () => {
  t = await openTestApp();
  const added = await t.app.request('/api/documents', json({ text: REPORT, kind: 'commentary', title: 'Moscow and Beijing repeat themselves' }));
  reportId = ((await added.json()) as { id: string }).id;
  const report = (await (await t.app.request(`/api/alignments/${STATEMENT}/${reportId}`)).json()) as { passages: Passage[] };
  passages = [...report.passages].sort((a, b) => a.commentary.start - b.commentary.start);
  borrowing = passages.find((p) => p.source.locator === 'I.5')!;
});
afterAll(() => t.close());

const cite = async (id: string, format: string) => (await t.app.request(`/api/passages/${id}/citation?format=${format}`)).text();
const TIE = 'The passage fits 3 places of the source equally (sec. I, para. 5; sec. II, para. 4; sec. II, para. 5): nothing in its words tells which was quoted, and this citation gives the first.';

describe('the report the exports start from', () => {
  it('has three tied passages, the borrowing tied between I.5, II.4 and II.5', () => {
    expect(passages.map((p) => p.candidates?.map((c) => c.locator))).toEqual([['0.3', 'III.5', 'III.21'], ['I.5', 'II.4', 'II.5'], ['III.20', 'IV.9']]);
  });
});

describe('citations of a tied passage name every place', () => {
  const w3c = compileAssertions([...assertionsOfTest('annotations/annotationMusts.test'), ...SELECTOR_ASSERTIONS]);

  it('text: the note cites the first and then says the passage fits three places, naming each', async () => {
    const note = await cite(borrowing.id, 'text');
    expect(note).toContain(', sec. I, para. 5, http://en.kremlin.ru/supplement/5770: “The sides call on the international community to.”');
    expect(note.trimEnd().endsWith(TIE)).toBe(true);
  });

  it('bibtex and ris: the note field says so, and citation-js reads it back', async () => {
    const bibtex = await cite(borrowing.id, 'bibtex');
    const ris = await cite(borrowing.id, 'ris');
    expect(ris).toMatch(/^N1 {2}- sec\. I, para\. 5: “.*” The passage fits 3 places .*Text SHA-256 /m);
    for (const file of [bibtex, ris]) {
      const [item] = new Cite(file).data as Array<{ note: string; section?: string }>;
      expect(item!.note).toContain(TIE);
    }
  });

  it('csl-json: in `note`, beside the first place in `section`', async () => {
    const [item] = JSON.parse(await cite(borrowing.id, 'csl-json')) as Array<{ note: string; section: string }>;
    expect(item).toMatchObject({ section: 'sec. I, para. 5' });
    expect(item!.note).toContain(TIE);
  });

  it('annotation: the body names the places, and the annotation still passes the W3C assertions', async () => {
    const annotation = JSON.parse(await cite(borrowing.id, 'annotation')) as Record<string, any>;
    expect(annotation.body[0].value).toMatch(/^Reused without quotation marks word for word in “Moscow and Beijing repeat themselves”: “the sides call on the international community to”\. The passage fits 3 places/);
    expect(annotation.body[0].value).toContain('(sec. I, para. 5; sec. II, para. 4; sec. II, para. 5)');
    for (const assertion of w3c) {
      expect(assertion.validate(annotation) ? 'valid' : 'invalid', assertion.file).toBe(assertion.expectedResult);
    }
  });

  it('every citation of the alignment at once: each tied passage’s entry names its own places', async () => {
    const bibtex = await (await t.app.request(`/api/alignments/${STATEMENT}/${reportId}/citations?format=bibtex`)).text();
    const items = new Cite(bibtex).data as Array<{ 'citation-key': string; note: string }>;
    const notes = new Map(items.map((i) => [i['citation-key'], i.note]));
    expect(notes.get(passages[0]!.id)).toContain('fits 3 places of the source equally (preamble, para. 3; sec. III, para. 5; sec. III, para. 21)');
    expect(notes.get(passages[1]!.id)).toContain(TIE);
    expect(notes.get(passages[2]!.id)).toContain('fits 2 places of the source equally (sec. III, para. 20; sec. IV, para. 9)');
    const csl = JSON.parse(await (await t.app.request(`/api/alignments/${STATEMENT}/${reportId}/citations?format=csl-json`)).text()) as Array<{ note: string }>;
    expect(csl.map((i) => /fits (\d) places/.exec(i.note)?.[1])).toEqual(['3', '3', '2']);
  });

  it('a passage that fits one place says nothing of the kind', async () => {
    const seed = (await (await t.app.request(`/api/alignments/${STATEMENT}/op-ed-expanding-sino-russian-cooperation`)).json()) as { passages: Passage[] };
    for (const p of seed.passages.filter((x) => x.source)) {
      for (const format of ['text', 'bibtex', 'annotation']) expect(await cite(p.id, format)).not.toMatch(/places of the source equally/);
    }
  });

  it('POST /api/check: the citation of a checked tied quotation names its places too', async () => {
    const res = await t.app.request('/api/check', json({ text: 'The sides are ready to strengthen dialogue," he told reporters, on trade alike.' }));
    const [p] = ((await res.json()) as CheckResponse).passages;
    expect(p!.document && p!.candidates?.map((c) => c.locator)).toEqual(['III.20', 'IV.9']);
    expect(p!.citation).toMatch(/ The passage fits 2 places of the source equally \(sec\. III, para\. 20; sec\. IV, para\. 9\): nothing in its words tells which was quoted, and this citation gives the first\.$/);
  });
});

describe('GET /api/documents/:id/passages of a tied passage', () => {
  const get = async (path: string) => (await (await t.app.request(path)).json()) as DocumentPassages;

  it('for the commentary: every place, as offsets and locators in the source', async () => {
    const body = await get(`/api/documents/${reportId}/passages`);
    const statement = (await t.store.get(STATEMENT))!.text;
    const linked = body.passages.find((p) => p.id === borrowing.id)!;
    expect(linked.locator).toBe('I.5');
    expect(linked.candidates?.map((c) => c.locator)).toEqual(['I.5', 'II.4', 'II.5']);
    for (const c of linked.candidates!) expect(statement.slice(c.start, c.end)).toMatch(/^the sides call on the international community to$/i);
  });

  it('for the source: the passage is kept by a stretch that holds any one of its places', async () => {
    const paragraphs = (await t.store.get(STATEMENT))!.paragraphs;
    const inParagraph = async (locator: string) => {
      const para = paragraphs.find((p) => p.locator === locator)!;
      const body = await get(`/api/documents/${STATEMENT}/passages?start=${para.start}&end=${para.end}`);
      return body.passages.filter((p) => p.commentaryId === reportId).map((p) => p.n);
    };
    expect(await inParagraph('I.5')).toEqual([2]);
    expect(await inParagraph('II.4')).toEqual([2]);
    expect(await inParagraph('II.5')).toEqual([2]);
    expect(await inParagraph('IV.9')).toContain(3);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { components: { schemas: Record<string, any> } };
    const candidates = doc.components.schemas.LinkedPassage.properties.candidates;
    expect(candidates.type).toBe('array');
    expect(Object.keys(candidates.items.properties)).toEqual(['start', 'end', 'locator']);
    expect(candidates.description).toMatch(/^Present when two or more source places fit the passage equally well/);
    expect(doc.components.schemas.LinkedPassage.required).not.toContain('candidates');
  });
});
