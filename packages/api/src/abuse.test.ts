import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openTestApp, problemOf, STATEMENT, type TestApp } from './test-support/app.js';

/**
 * Hostile requests: each gets a problem+json with the right status or a valid answer, the
 * server stays up, and nothing is stored that should not be.
 */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const post = (body: unknown) => t.app.request('/api/documents', json(body));
const quote = 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance';

describe('ids with paths and SQL in them', () => {
  it.each([
    `/api/documents/..%2F..%2Fetc%2Fpasswd`,
    `/api/documents/x'%20OR%20'1'%3D'1`,
    `/api/documents/1%3B%20DROP%20TABLE%20documents`,
    `/api/passages/p-x'%20OR%201%3D1--/citation?format=text`,
    `/api/alignments/${STATEMENT}/x%22%3B%20DELETE%20FROM%20passages`,
  ])('%s is a problem, not an error, and the corpus is intact', async (path) => {
    const res = await t.app.request(path);
    expect([400, 404]).toContain(res.status);
    expect(await problemOf(res)).toMatchObject({ status: res.status });
    const list = (await (await t.app.request('/api/documents')).json()) as unknown[];
    expect(list.length).toBeGreaterThanOrEqual(2);
  });

  it('a search made of SQL is searched for as words: results, never a 500', async () => {
    for (const q of [`'; DROP TABLE documents; --`, '" OR 1=1', 'NEAR(', '*', 'AND OR NOT']) {
      const res = await t.app.request(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });
});

describe('wrong content types and unknown formats', () => {
  it('refuses a body in an unsupported type, and an unknown document format, with 415 or 400', async () => {
    const xml = await t.app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '<doc/>' });
    expect([400, 415]).toContain(xml.status);
    await problemOf(xml);
    const pdf = await post({ text: 'x y z', format: 'pdf', kind: 'commentary', title: 'T' });
    expect([400, 415]).toContain(pdf.status);
    const citation = await t.app.request('/api/passages/p-0000000000000000/citation?format=docx');
    expect([400, 404]).toContain(citation.status);
  });
});

describe('hostile text through the API', () => {
  it.each([
    ['10,000 nested quotation marks', `${'“'.repeat(10_000)}${quote}${'”'.repeat(10_000)}`],
    ['only quotation marks', '"“”‘’«»„'.repeat(5_000)],
    ['zero-width and bidi controls', `\u202E“${quote.replace('NATO', 'NA\u200BTO')}”\u202C`],
    ['emoji and combining characters', `😀👩‍👩‍👧 “${quote}” e\u0301`],
    ['CRLF and lone CR', `Intro.\r\n\r\n“${quote}”\rEnd.`],
    ['right-to-left text', `שלום “${quote}” مرحبا`],
  ])('%s: stored and aligned, every span exact', async (_name, text) => {
    const res = await post({ text, format: 'text', kind: 'commentary', title: _name });
    expect([200, 201]).toContain(res.status);
    const { id } = (await res.json()) as { id: string };
    const doc = (await (await t.app.request(`/api/documents/${id}`)).json()) as { text: string };
    expect(doc.text).toBe(text);
    const report = await t.app.request(`/api/alignments/${STATEMENT}/${id}`);
    if (report.status === 200) {
      const body = (await report.json()) as { passages: Array<{ commentary: { start: number; end: number; text: string } }> };
      for (const p of body.passages) expect(text.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
    } else expect(report.status).toBe(404);
  });

  it('NUL bytes and invalid UTF-8 are refused in one sentence', async () => {
    const nul = await post({ text: `a\u0000b`, format: 'text', kind: 'commentary', title: 'NUL' });
    expect(nul.status).toBe(415);
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x61, 0xff, 0xfe, 0x62])], 'bad.txt', { type: 'text/plain' }));
    form.set('kind', 'commentary');
    const invalid = await t.app.request('/api/documents', { method: 'POST', body: form });
    expect(invalid.status).toBe(415);
    expect((await problemOf(invalid)).detail).toMatch(/UTF-8/);
  });

  it('HTML with <script>, onerror=, javascript: links and SVG is stored as its text only', async () => {
    const html = `<html><body><article><p>Intro <a href="javascript:alert(1)">link</a> <img src=x onerror="alert(2)"></p>
      <script>alert(3)</script><svg onload="alert(4)"><script>alert(5)</script></svg>
      <p>“${quote}”</p></article></body></html>`;
    const res = await post({ text: html, format: 'html', kind: 'commentary', title: 'Hostile page' });
    expect(res.status).toBe(201);
    const { id, text } = (await res.json()) as { id: string; text: string };
    expect(text).not.toMatch(/alert|onerror|javascript:|<script|<svg/);
    expect(text).toContain(quote);
    const report = (await (await t.app.request(`/api/alignments/${STATEMENT}/${id}`)).json()) as { passages: Array<{ status: string }> };
    expect(report.passages.map((p) => p.status)).toEqual(['verbatim']);
  });

  it('50,000 nested elements (550 KB of <div>s) are a 400 in one sentence, not a stack overflow', async () => {
    const deep = `<html><body>${'<div>'.repeat(50_000)}“${quote}”${'</div>'.repeat(50_000)}</body></html>`;
    for (const format of ['html', 'markdown'] as const) {
      const res = await post({ text: deep, format, kind: 'commentary', title: 'Nested page' });
      expect(res.status).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect((await problemOf(res)).detail).toBe(
        'The HTML nests elements more than 1,000 levels deep, far deeper than any page a reader sees; add the page as it is saved by a browser, or its text.',
      );
    }
    expect(((await (await t.app.request('/api/documents')).json()) as Array<{ title: string }>).map((d) => d.title)).not.toContain('Nested page');
  });
});
