import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, OP_ED, openTestApp, problemOf, readCorpus, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** A commentary quoting two sentences of the statement's IV.5, the "no limits" paragraph. */
const COMMENTARY = [
  'A reading of the February statement',
  'The two leaders declared that “Friendship between the two States has no limits, there are no "forbidden" areas of cooperation.”',
  'Observers were not convinced.',
].join('\n\n');

describe('GET /api/documents', () => {
  it('lists the corpus: the statement and the op-ed with id, kind, title, date and sha256', async () => {
    const res = await t.app.request('/api/documents');
    expect(res.status).toBe(200);
    const docs = (await res.json()) as Array<Record<string, unknown>>;
    expect(docs.map((d) => [d.id, d.kind, d.date])).toEqual([
      [STATEMENT, 'source', '2022-02-04'],
      [OP_ED, 'commentary', '2022-02'],
    ]);
    for (const doc of docs) {
      expect(doc.title).toEqual(expect.any(String));
      expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('GET /api/documents/:id', () => {
  it('gives the statement with its text and paragraphs, each with its locator and verification', async () => {
    const res = await t.app.request(`/api/documents/${STATEMENT}`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { text: string; paragraphs: Array<Record<string, unknown>> };
    expect(doc.text).toBe(readCorpus('joint-statement-2022-02-04.en.txt'));
    const byLocator = new Map(doc.paragraphs.map((p) => [p.locator, p]));
    expect(byLocator.get('IV.5')).toMatchObject({ verification: 'confirmed-in-part', verificationNote: expect.stringMatching(/Confirmed in part/) });
    expect(byLocator.get('II.1')).toMatchObject({ verification: 'unchecked' });
    expect(byLocator.get('II.9')).toMatchObject({ verification: 'corrected', verificationNote: expect.stringMatching(/epidemic control/) });
    for (const p of doc.paragraphs) expect(doc.text.slice(p.start as number, p.end as number)).toBe(p.text);
  });

  it('answers 404 for an unknown id and 400 for something that cannot be an id', async () => {
    const missing = await t.app.request('/api/documents/no-such-document');
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe('There is no document "no-such-document".');

    const bad = await t.app.request('/api/documents/-bad%20id');
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).detail).toMatch(/^The path parameter "id" is not a document id/);
  });

  it('answers 404 for a version the document does not have, 400 for one that is not a number', async () => {
    expect((await t.app.request(`/api/documents/${STATEMENT}?version=1`)).status).toBe(200);
    const none = await t.app.request(`/api/documents/${STATEMENT}?version=7`);
    expect(none.status).toBe(404);
    expect((await problemOf(none)).detail).toBe(`The document "${STATEMENT}" has no version 7; it has 1.`);
    const bad = await t.app.request(`/api/documents/${STATEMENT}?version=latest`);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).detail).toBe('The query parameter "version" must be a number.');
  });
});

describe('POST /api/documents', () => {
  it('stores a JSON commentary, aligns it with the statement, and answers 201 with it', async () => {
    const res = await t.app.request('/api/documents', json({ text: COMMENTARY, format: 'text', kind: 'commentary', title: 'A reading', date: '2022-03-01' }));
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; outcome: string; text: string; aligned: Array<{ source: { id: string }; passages: number }> };
    expect(doc).toMatchObject({ id: 'a-reading', outcome: 'added', kind: 'commentary', title: 'A reading', date: '2022-03-01' });
    expect(res.headers.get('location')).toBe('/api/documents/a-reading');
    expect(doc.aligned).toEqual([expect.objectContaining({ source: expect.objectContaining({ id: STATEMENT }), passages: 1 })]);

    const report = (await (await t.app.request(`/api/alignments/${STATEMENT}/a-reading`)).json()) as { passages: Array<{ source: { locator: string } }> };
    expect(report.passages.map((p) => p.source.locator)).toEqual(['IV.5']);
  });

  it('answers 200 with the stored document when the same text comes again', async () => {
    const again = await t.app.request('/api/documents', json({ text: COMMENTARY, kind: 'commentary', title: 'Another title' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: 'a-reading', outcome: 'existing', title: 'A reading' });
  });

  it('stores an uploaded Markdown file (multipart) and keeps its emphasis', async () => {
    const form = new FormData();
    form.set('file', new File([`# Notes\n\nThey wrote that *“Friendship between the two States has no limits”*.\n`], 'notes.md', { type: 'text/markdown' }));
    form.set('kind', 'commentary');
    form.set('date', '');
    const res = await t.app.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; format: string; title: string; date: string | null; emphasis: unknown[] };
    expect(doc).toMatchObject({ id: 'notes', format: 'markdown', title: 'notes', date: null });
    expect(doc.emphasis).toHaveLength(1);
  });

  it('refuses malformed JSON with a 400 that says so', async () => {
    const res = await t.app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text": "unfinished' });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe('The request body is not valid JSON; check its quotes, commas and brackets.');
  });

  it('refuses invalid fields with a 400 naming each in one sentence', async () => {
    const res = await t.app.request('/api/documents', json({ text: 'Some words.', kind: 'essay', title: '', titel: 'Typo' }));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe(
      'The field "kind" must be "source" or "commentary"; the field "title" must not be empty; the field "titel" is not known.',
    );
  });

  it('titles a document sent without a title by its first line, as `verbatim add` does', async () => {
    const res = await t.app.request('/api/documents', json({ text: 'Notes on a speech\n\nIt said little.', kind: 'commentary' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ title: 'Notes on a speech' });
  });

  it('refuses an upload without a file, naming what is missing', async () => {
    const form = new FormData();
    form.set('title', 'No file');
    const res = await t.app.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe('The form field "file" is missing; the form field "kind" is missing.');
  });

  it('refuses an empty document with the store’s sentence', async () => {
    const res = await t.app.request('/api/documents', json({ text: '   \n', kind: 'source', title: 'Blank' }));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toBe('The document is empty: it has no text to store.');
  });

  it('refuses a request with no body at all', async () => {
    const res = await t.app.request('/api/documents', { method: 'POST' });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/^Send the document as a JSON body/);
  });

  it('answers 415 for an unsupported content type, document format, uploaded file or encoding', async () => {
    const plain = await t.app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Some words.' });
    expect(plain.status).toBe(415);
    expect((await problemOf(plain)).detail).toMatch(/^This content type is not accepted here; send application\/json/);

    const pdf = await t.app.request('/api/documents', json({ text: 'Some words.', format: 'pdf', kind: 'source', title: 'A PDF' }));
    expect(pdf.status).toBe(415);
    expect((await problemOf(pdf)).detail).toBe('The document format "pdf" is not supported; use "text", "markdown" or "html".');

    const form = new FormData();
    form.set('file', new File(['%PDF-1.7'], 'statement.pdf', { type: 'application/pdf' }));
    form.set('kind', 'source');
    const upload = await t.app.request('/api/documents', { method: 'POST', body: form });
    expect(upload.status).toBe(415);
    expect((await problemOf(upload)).detail).toMatch(/^The file "statement.pdf" is not plain text, Markdown or HTML/);

    const latin1 = new FormData();
    latin1.set('file', new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e])], 'cafe.txt', { type: 'text/plain' }));
    latin1.set('kind', 'source');
    const encoding = await t.app.request('/api/documents', { method: 'POST', body: latin1 });
    expect(encoding.status).toBe(415);
    expect((await problemOf(encoding)).detail).toBe('The document is not valid UTF-8 text; convert it to UTF-8 and add it again.');
  });

  it('accepts a 5 MB document under the default limit and refuses bodies over it with 413', async () => {
    // Just over the store's 5 MB limit but under the body limit: the store's refusal.
    const tooLong = await t.app.request('/api/documents', json({ text: 'word '.repeat(1_100_000), kind: 'source', title: 'Long' }));
    expect(tooLong.status).toBe(413);
    expect((await problemOf(tooLong)).detail).toMatch(/^The document is 5\.2 MB, over the 5 MB limit/);

    const huge = await t.app.request('/api/documents', json({ text: 'word '.repeat(1_400_000), kind: 'source', title: 'Huge' }));
    expect(huge.status).toBe(413);
    expect((await problemOf(huge)).detail).toBe('The request body is over the 6 MB limit of this server; a document may be at most 5 MB of text.');
  });

  it('counts the body as it streams when there is no Content-Length', async () => {
    const small = await openTestApp({ bodyLimit: 1024 });
    try {
      const body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(`${'x'.repeat(500)}`));
          controller.close();
        },
      });
      const res = await small.app.request('/api/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect((await problemOf(res)).detail).toMatch(/^The request body is over the 1 KB limit of this server/);
    } finally {
      await small.close();
    }
  });
});

describe('writes with a token (VERBATIM_TOKEN)', () => {
  let secured: TestApp;
  beforeAll(async () => {
    secured = await openTestApp({ token: 's3cret-token' });
  });
  afterAll(() => secured.close());
  const body = { text: COMMENTARY, kind: 'commentary', title: 'A reading' };

  it('refuses a write without the token with 401 and a Bearer challenge', async () => {
    const res = await secured.app.request('/api/documents', json(body));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="verbatim"');
    expect((await problemOf(res)).detail).toBe('This server only accepts changes with a token: send the header "Authorization: Bearer <token>".');
    expect((await secured.app.request(`/api/documents/${OP_ED}`, { method: 'DELETE' })).status).toBe(401);
  });

  it('refuses a wrong token with 401', async () => {
    const res = await secured.app.request('/api/documents', json(body, { Authorization: 'Bearer wrong' }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="verbatim", error="invalid_token"');
  });

  it('accepts writes with the token, and reads without it', async () => {
    const res = await secured.app.request('/api/documents', json(body, { Authorization: 'Bearer s3cret-token' }));
    expect(res.status).toBe(201);
    expect((await secured.app.request('/api/documents')).status).toBe(200);
    const del = await secured.app.request('/api/documents/a-reading', { method: 'DELETE', headers: { Authorization: 'Bearer s3cret-token' } });
    expect(del.status).toBe(204);
  });

  it('checks the token before reading the body: a large unauthorized upload is a 401, not a 413', async () => {
    const res = await secured.app.request('/api/documents', json({ ...body, text: 'word '.repeat(1_400_000) }));
    expect(res.status).toBe(401);
  });
});

describe('DELETE /api/documents/:id', () => {
  it('deletes a document and its alignments, then answers 404 for it', async () => {
    const del = await t.app.request('/api/documents/a-reading', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    expect((await t.app.request('/api/documents/a-reading')).status).toBe(404);
    expect((await t.app.request(`/api/alignments/${STATEMENT}/a-reading`)).status).toBe(404);
    const again = await t.app.request('/api/documents/a-reading', { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await problemOf(again)).detail).toBe('There is no document "a-reading" to delete.');
    // The seed pair is untouched.
    expect((await t.app.request(SEED_REPORT)).status).toBe(200);
  });
});

describe('PATCH /api/documents/:id', () => {
  const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const add = async () => {
    const res = await t.app.request('/api/documents', json({ text: COMMENTARY, kind: 'commentary', id: 'a-note', title: 'A reading', author: 'J. Doe' }));
    expect([200, 201]).toContain(res.status);
  };

  it('corrects the metadata in place: the same version and text, the fields left out kept, null clearing one', async () => {
    await add();
    const res = await t.app.request('/api/documents/a-note', patch({ title: 'A reading of the statement', date: '2022-02-10', author: null, language: 'en' }));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ id: 'a-note', version: 1, versions: 1, title: 'A reading of the statement', date: '2022-02-10', author: null, language: 'en', text: COMMENTARY });
    const listed = ((await (await t.app.request('/api/documents')).json()) as Array<{ id: string; title: string }>).find((d) => d.id === 'a-note');
    expect(listed!.title).toBe('A reading of the statement');
    // Still linked to the statement: the alignment is untouched.
    expect((await t.app.request(`/api/alignments/${STATEMENT}/a-note`)).status).toBe(200);
  });

  it('refuses bad fields with a 400 in the words POST /api/documents uses', async () => {
    await add();
    const sentences = async (method: 'PATCH' | 'POST', body: Record<string, unknown>) => {
      const init = method === 'PATCH' ? patch(body) : json({ text: COMMENTARY, kind: 'commentary', ...body });
      const res = await t.app.request(method === 'PATCH' ? '/api/documents/a-note' : '/api/documents', init);
      expect(res.status).toBe(400);
      return (await problemOf(res)).detail;
    };
    for (const body of [{ date: 'soon' }, { author: 'x'.repeat(501) }, { title: '' }, { url: 42 }]) {
      expect(await sentences('PATCH', body)).toBe(await sentences('POST', body));
    }
    expect(await sentences('PATCH', { date: 'soon' })).toBe('The date "soon" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(await sentences('PATCH', { text: 'A new text' })).toBe('The field "text" is not known.');
    expect(await sentences('PATCH', {})).toBe('Name at least one field to change: title, date, author, issuer, url, language, licence or provenance.');
    expect((await t.app.request('/api/documents/a-note')).status).toBe(200);
    expect(((await (await t.app.request('/api/documents/a-note')).json()) as { date: unknown }).date).not.toBe('soon');
  });

  it('answers 404 for a document that is not there', async () => {
    const res = await t.app.request('/api/documents/no-such-document', patch({ title: 'Anything' }));
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toBe('There is no document "no-such-document" to edit.');
  });

  it('is a write: refused from another site, and without the token when the server has one', async () => {
    // A page of another site cannot send a JSON PATCH without a CORS preflight, which this
    // server does not answer; what it could send without one, a body of a form's type, is refused.
    const crossSite = await t.app.request(
      `/api/documents/${OP_ED}`,
      patch({ title: 'Defaced' }, { 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }),
    );
    expect(crossSite.status).toBe(403);
    const secured = await openTestApp({ token: 's3cret-token' });
    try {
      expect((await secured.app.request(`/api/documents/${OP_ED}`, patch({ title: 'Defaced' }))).status).toBe(401);
      const ok = await secured.app.request(`/api/documents/${OP_ED}`, patch({ title: 'Expanding cooperation' }, { Authorization: 'Bearer s3cret-token' }));
      expect(ok.status).toBe(200);
    } finally {
      await secured.close();
    }
    expect(((await (await t.app.request(`/api/documents/${OP_ED}`)).json()) as { title: string }).title).toBe('Expanding Sino-Russian cooperation');
  });
});
