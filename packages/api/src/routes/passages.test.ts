import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointOffset } from '../citations/code-points.js';
import { OP_ED, openTestApp, problemOf, readCorpus, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';
import { assertionsOfTest, compileAssertions, SELECTOR_ASSERTIONS } from '../test-support/w3c.js';

interface Passage {
  id: string;
  status: string;
  commentary: { start: number; end: number; text: string };
  source: { start: number; end: number; text: string; locator: string } | null;
}

let t: TestApp;
let passages: Passage[];
const statement = readCorpus('joint-statement-2022-02-04.en.txt');
const opEd = readCorpus('op-ed-expanding-sino-russian-cooperation.txt');

beforeAll(async () => {
  t = await openTestApp();
  passages = ((await (await t.app.request(SEED_REPORT)).json()) as { passages: Passage[] }).passages;
});
afterAll(() => t.close());

/** The op-ed's quotation of IV.5 ("no limits"), confirmed in part; and its borrowing of II.1, unchecked. */
const at = (locator: string) => passages.find((p) => p.source?.locator === locator)!;
const cite = async (id: string, format: string) => t.app.request(`/api/passages/${id}/citation?format=${format}`);

describe('GET /api/passages/:id/citation?format=text', () => {
  it('is a Chicago-style note: issuer, title, date, section and paragraph, URL, the quoted words', async () => {
    const res = await cite(at('IV.5').id, 'text');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const note = await res.text();
    expect(note).toMatch(
      /^The Russian Federation and the People's Republic of China, “Joint Statement of the Russian Federation and the People's Republic of China on the International Relations Entering a New Era and the Global Sustainable Development,” February 4, 2022, sec\. IV, para\. 5, http:\/\/en\.kremlin\.ru\/supplement\/5770: “/,
    );
    expect(note).toContain('Friendship between the two States has no limits, there are no ‘forbidden’ areas of cooperation');
    expect(note).not.toMatch(/not independently verified/);
  });

  it('says when the cited paragraph was not independently verified', async () => {
    const note = await (await cite(at('II.1').id, 'text')).text();
    expect(note).toContain(', sec. II, para. 1, http://en.kremlin.ru/supplement/5770: “');
    expect(note).toContain('The cited text (II.1) was not independently verified against the official text');
  });

  it('is the default format, and the same after a restart', async () => {
    const id = at('III.6').id;
    const first = await (await t.app.request(`/api/passages/${id}/citation`)).text();
    const again = await openTestApp();
    try {
      expect(await (await again.app.request(`/api/passages/${id}/citation?format=text`)).text()).toBe(first);
    } finally {
      await again.close();
    }
  });
});

describe('bibliographic formats (citation-js), parsed back', () => {
  it('bibtex: one @misc entry keyed by the passage id, which citation-js reads back', async () => {
    const p = at('IV.5');
    const res = await cite(p.id, 'bibtex');
    expect(res.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
    const bibtex = await res.text();
    expect(bibtex).toMatch(new RegExp(`^@misc\\{${p.id},`));
    // The month as BibTeX's macro, the day in its own field (not citation-js's `month = {feb 4}`).
    expect(bibtex).toMatch(/^\tyear = \{2022\},\n\tmonth = feb,\n\tday = \{4\},$/m);
    const [item] = new Cite(bibtex).data as Array<Record<string, any>>;
    expect(item).toMatchObject({
      type: 'document',
      'citation-key': p.id,
      URL: 'http://en.kremlin.ru/supplement/5770',
      issued: { 'date-parts': [[2022, 2, 4]] },
    });
    // {{…}}, a corporate author kept whole; citation-js reads it back as one family name.
    expect(item!.author).toEqual([{ family: "The Russian Federation and the People's Republic of China" }]);
    expect(item!.title).toMatch(/^Joint Statement of the Russian Federation/);
    expect(item!.note).toMatch(/^sec\. IV, para\. 5: “that the new inter-State relations .* Friendship between the two States has no limits, there are no "forbidden" areas/);
  });

  it('ris: one record, one line per tag, which citation-js reads back', async () => {
    const p = at('IV.5');
    const res = await cite(p.id, 'ris');
    expect(res.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
    const ris = await res.text();
    expect(ris.endsWith('\nER  - \n')).toBe(true);
    const lines = ris.slice(0, -1).split('\n');
    expect(lines[0]).toBe('TY  - GEN');
    // YYYY/MM/DD/, zero-padded, as the RIS format writes a date.
    expect(lines).toContain('DA  - 2022/02/04/');
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    const [item] = new Cite(ris).data as Array<Record<string, any>>;
    expect(item).toMatchObject({ id: p.id, URL: 'http://en.kremlin.ru/supplement/5770', language: 'en', section: 'sec. IV, para. 5' });
    expect(item!.title).toMatch(/^Joint Statement of the Russian Federation/);
    expect(item!.issued['date-parts'][0]).toEqual([2022, 2, 4]);
  });

  it('csl-json: an array of one item with id, type, title, author and issued as CSL defines them', async () => {
    const p = at('IV.5');
    const res = await cite(p.id, 'csl-json');
    expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    const items = (await res.json()) as Array<Record<string, any>>;
    expect(Array.isArray(items)).toBe(true);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ id: p.id, type: 'document', URL: 'http://en.kremlin.ru/supplement/5770', section: 'sec. IV, para. 5' });
    expect(CSL_TYPES).toContain(item!.type);
    expect(typeof item!.title).toBe('string');
    // A name is {family, given} or {literal}; a date is {"date-parts": [[y, m?, d?]]} or {literal}/{raw}.
    for (const name of item!.author) expect(name.literal ?? name.family).toEqual(expect.any(String));
    expect(item!.issued['date-parts']).toEqual([[2022, 2, 4]]);
    for (const key of Object.keys(item!)) expect(CSL_FIELDS, key).toContain(key);
    // And citation-js itself accepts it as CSL-JSON input.
    expect(new Cite(items).data[0]).toMatchObject({ id: p.id, title: item!.title });
  });
});

describe('format=annotation: a W3C Web Annotation', () => {
  const annotationOf = async (p: Passage) => {
    const res = await cite(p.id, 'annotation');
    expect(res.headers.get('content-type')).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    return (await res.json()) as Record<string, any>;
  };

  it('targets the source passage by quote and code-point position, in the text whose SHA-256 it names', async () => {
    for (const p of passages.filter((x) => x.source)) {
      const a = await annotationOf(p);
      expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(a).toMatchObject({ type: 'Annotation', id: `http://localhost/api/passages/${p.id}/citation?format=annotation` });
      expect(a.target.source).toBe('http://en.kremlin.ru/supplement/5770');
      expect(a.target.sha256).toBe('f6dd615cc59fc6bdff59022b4e080ef23f3e274e16b5cff026df109f34c0fe34');
      const [quote, position] = a.target.selector;
      expect(quote.exact).toBe(p.source!.text);
      // Re-anchoring: the code-point positions slice out exactly the quote…
      expect(Array.from(statement).slice(position.start, position.end).join('')).toBe(quote.exact);
      // …and the quote with its context is found once, at the same place.
      const whole = quote.prefix + quote.exact + quote.suffix;
      const found = statement.indexOf(whole);
      expect(found).toBeGreaterThanOrEqual(0);
      expect(statement.indexOf(whole, found + 1)).toBe(-1);
      expect(codePointOffset(statement, found + quote.prefix.length)).toBe(position.start);
      expect(quote.prefix.length).toBeGreaterThan(0);
      expect(quote.suffix.length).toBeGreaterThan(0);
    }
  });

  it('describes the commentary’s use in its body, and points at the commentary’s words', async () => {
    const p = at('IV.5');
    const a = await annotationOf(p);
    const [text, commentary] = a.body;
    expect(text).toMatchObject({ type: 'TextualBody', purpose: 'describing', format: 'text/plain' });
    expect(text.value).toMatch(/^Quoted .* in “Expanding Sino-Russian cooperation”: “/);
    expect(commentary.source).toBe('urn:sha256:22c2ffef9ad9734b0de2aaafbc24a24e64187057b46b21f4919fecf65962493b');
    const [quote, position] = commentary.selector;
    expect(quote.exact).toBe(p.commentary.text);
    expect(Array.from(opEd).slice(position.start, position.end).join('')).toBe(p.commentary.text);
  });

  describe('against the W3C Web Annotation test assertions (test-data/w3c-annotation-tests)', () => {
    const musts = compileAssertions(assertionsOfTest('annotations/annotationMusts.test'));
    const selectors = compileAssertions(SELECTOR_ASSERTIONS);

    it('loads every assertion of annotationMusts.test and the selector assertions', () => {
      expect(musts.length).toBe(54);
      expect(selectors.length).toBe(6);
    });

    it('passes every assertion, for each passage of the op-ed', async () => {
      for (const p of passages.filter((x) => x.source)) {
        const annotation = await annotationOf(p);
        for (const assertion of [...musts, ...selectors]) {
          const valid = assertion.validate(annotation);
          expect(valid ? 'valid' : 'invalid', `${assertion.file}: ${assertion.errorMessage}`).toBe(assertion.expectedResult);
        }
      }
    });

    it('the assertions do catch a broken annotation (a position that is not an integer, no target)', async () => {
      const annotation = await annotationOf(at('IV.5'));
      const broken = structuredClone(annotation);
      broken.target.selector[1].start = -1;
      const positionValid = selectors.find((s) => s.file.endsWith('4.2-TextDataPositionSelectorValid.json'))!;
      expect(positionValid.validate(broken)).toBe(false);
      const { target: _target, ...untargeted } = annotation;
      expect(musts.find((s) => s.file.endsWith('3.1-targetKeyFound.json'))!.validate(untargeted)).toBe(false);
    });
  });
});

describe('citation errors', () => {
  it('answers 404 for an unknown passage id', async () => {
    const res = await cite('p-0000000000000000', 'text');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toBe('There is no passage "p-0000000000000000"; passage ids come from an alignment report.');
  });

  it('answers 400 for an unknown format', async () => {
    const res = await cite(at('IV.5').id, 'mla');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe(
      'The query parameter "format" must be "text", "bibtex", "csl-json", "ris" or "annotation".',
    );
  });

  it('keeps both documents of the seed pair in the corpus', async () => {
    expect(await t.store.get(STATEMENT)).toBeDefined();
    expect(await t.store.get(OP_ED)).toBeDefined();
  });
});

/** CSL 1.0.2 item types and the item fields this API may write (csl-data.json). */
const CSL_TYPES = ['article', 'article-journal', 'bill', 'book', 'chapter', 'document', 'legal_case', 'legislation', 'report', 'speech', 'treaty', 'webpage'];
const CSL_FIELDS = ['id', 'type', 'citation-key', 'title', 'author', 'issued', 'URL', 'language', 'section', 'note', 'version'];
