import { shingles } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { describeEachEngine, ENGINES } from './test-support/engines.js';
import { tempDbPath } from './test-support/temp.js';
import { StoreError } from './errors.js';
import { MAX_INPUT_BYTES } from './ingest/decode.js';
import { openStore } from './store.js';
import { opEdText, statementText, STATEMENT_ID } from './test-support/corpus.js';

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return `${(error as StoreError).code}: ${(error as StoreError).message}`;
  }
  throw new Error('expected a refusal');
}

describeEachEngine('store.add', (engine) => {
  it('stores plain text exactly as given, with paragraphs and locators', async () => {
    const store = await engine.open();
    const text = statementText();
    const doc = await store.add({ text, format: 'text', kind: 'source', id: STATEMENT_ID, date: '2022-02-04' });
    expect(doc).toMatchObject({ id: STATEMENT_ID, version: 1, versions: 1, outcome: 'added', kind: 'source', date: '2022-02-04' });
    expect(doc.text).toBe(text);
    expect(doc.title).toBe(text.split('\n')[0]);
    expect(doc.paragraphs.map((p) => p.locator).slice(0, 6)).toEqual(['title', '0.1', '0.2', '0.3', '0.4', 'I.1']);
    expect(doc.paragraphs.find((p) => p.locator === 'IV.5')!.text).toMatch(/^The sides call for the establishment/);
    await store.close();
  });

  it('is idempotent by content: the same text again, even after a restart, returns the stored document', async () => {
    const place = await engine.place();
    const text = statementText();
    const first = await openStore(place);
    const added = await first.add({ text, format: 'text', kind: 'source' });
    expect(await first.add({ text, format: 'text', kind: 'source', title: 'Another title' })).toMatchObject({
      id: added.id,
      outcome: 'existing',
      title: added.title,
    });
    await first.close();

    const second = await openStore(place);
    expect(await second.add({ bytes: Buffer.from(text), format: 'text', kind: 'source' })).toMatchObject({ id: added.id, outcome: 'existing' });
    expect(await second.list()).toHaveLength(1);
    expect(await second.versions(added.id)).toHaveLength(1);
    await second.close();
  });

  it('keeps the old version when a document changes, and the new one becomes the document', async () => {
    const store = await engine.open();
    const text = statementText();
    const first = await store.add({ text, format: 'text', kind: 'source', id: STATEMENT_ID });
    const changed = text.replace('has no limits', 'has few limits');
    const second = await store.add({ text: changed, format: 'text', kind: 'source', id: STATEMENT_ID });

    expect(second).toMatchObject({ id: STATEMENT_ID, version: 2, versions: 2, outcome: 'new-version' });
    expect((await store.get(STATEMENT_ID))!.text).toBe(changed);
    expect((await store.get(STATEMENT_ID, { version: 1 }))!.text).toBe(text);
    expect((await store.versions(STATEMENT_ID)).map((v) => [v.version, v.sha256])).toEqual([
      [1, first.sha256],
      [2, second.sha256],
    ]);
    expect((await store.list()).map((d) => [d.id, d.version])).toEqual([[STATEMENT_ID, 2]]);
    // Search and candidates see the current text only.
    expect((await store.search('"has no limits"')).hits).toEqual([]);
    expect((await store.search('"has few limits"')).hits.map((h) => [h.documentId, h.version, h.locator])).toEqual([[STATEMENT_ID, 2, 'IV.5']]);

    // Going back to the first text is a change too.
    expect(await store.add({ text, format: 'text', kind: 'source', id: STATEMENT_ID })).toMatchObject({ version: 3, outcome: 'new-version' });
    await store.close();
  });

  it('gives documents added without an id one made from the title', async () => {
    const store = await engine.open();
    const a = await store.add({ text: 'First text.', format: 'text', kind: 'commentary', title: 'Écho de Pékin: “No limits”?' });
    const b = await store.add({ text: 'Second text.', format: 'text', kind: 'commentary', title: 'Écho de Pékin: “No limits”?' });
    expect(a.id).toBe('echo-de-pekin-no-limits');
    expect(b.id).toBe(`echo-de-pekin-no-limits-${b.sha256.slice(0, 8)}`);
    await store.close();
  });

  it('converts Markdown and HTML and keeps their emphasis exact', async () => {
    const store = await engine.open();
    const md = await store.add({
      text: '# On the statement\n\nThe sides have *no limits* and **no “forbidden” areas**.',
      format: 'markdown',
      kind: 'commentary',
    });
    expect(md.text).toBe('On the statement\n\nThe sides have no limits and no “forbidden” areas.');
    expect(md.title).toBe('On the statement');
    expect(md.emphasis.map((s) => md.text.slice(s.start, s.end))).toEqual(['no limits', 'no “forbidden” areas']);

    const html = await store.add({
      bytes: Buffer.from('<html><body><article><p>Friendship <i>has no limits</i>.</p></article></body></html>'),
      format: 'html',
      kind: 'commentary',
    });
    expect(html.text).toBe('Friendship has no limits.');
    expect((await store.get(html.id))!.emphasis).toEqual([{ start: 11, end: 24, kind: 'emphasis' }]);
    expect(html.text.slice(11, 24)).toBe('has no limits');
    await store.close();
  });

  it('refuses empty, binary, non-UTF-8 and oversized documents in one sentence, and stores nothing', async () => {
    const store = await engine.open();
    const add = (input: Partial<Parameters<typeof store.add>[0]>) => () =>
      store.add({ format: 'text', kind: 'commentary', ...input });
    expect(await refusal(add({ text: '   \n' }))).toBe('empty: The document is empty: it has no text to store.');
    expect(await refusal(add({ text: '<script>only()</script>', format: 'html' }))).toBe('empty: The document is empty: it has no text to store.');
    expect(await refusal(add({ bytes: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) }))).toBe(
      'binary: The document looks like a binary file (it contains NUL bytes); add plain text, Markdown or HTML.',
    );
    expect(await refusal(add({ bytes: Buffer.from('d\xe9tente', 'latin1') }))).toBe(
      'encoding: The document is not valid UTF-8 text; convert it to UTF-8 and add it again.',
    );
    expect(await refusal(add({ bytes: Buffer.alloc(MAX_INPUT_BYTES + 1024 * 1024, 'a') }))).toBe(
      'too-large: The document is 6.0 MB, over the 5 MB limit for one document.',
    );
    expect(await refusal(add({ text: 'x', format: 'pdf' as never }))).toBe(
      'format: The format "pdf" is not supported; give text, markdown or html.',
    );
    expect(await refusal(add({ text: 'x', kind: 'essay' as never }))).toBe(
      'invalid: The kind "essay" is not one Verbatim knows; give source or commentary.',
    );
    expect(await refusal(add({ text: 'x', date: '4 February 2022' }))).toBe(
      'invalid: The date "4 February 2022" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.',
    );
    expect(await refusal(add({ text: 'x', id: '../etc/passwd' }))).toMatch(/^invalid: The id "..\/etc\/passwd" is not usable;/);
    expect(await refusal(add({ text: 'x', title: 'É'.repeat(501) }))).toBe('invalid: The title is 501 characters long; a title has at most 500.');
    expect(await store.list()).toEqual([]);
    // The longest a title may be in UTF-8 — 500 characters of three bytes — is a title still, on either engine.
    expect((await store.add({ format: 'text', kind: 'commentary', text: 'x', title: '漢'.repeat(500) })).title).toHaveLength(500);
    await store.close();
  });
});

describeEachEngine('store reading', (engine) => {
  it('answers "not found" with undefined or an empty list, not an exception', async () => {
    const store = await engine.open();
    expect(await store.get('nothing')).toBeUndefined();
    expect(await store.get('nothing', { version: 2 })).toBeUndefined();
    expect(await store.versions('nothing')).toEqual([]);
    expect(await store.alignment('nothing', 'neither')).toBeUndefined();
    expect(await store.alignmentsOf('nothing')).toEqual([]);
    expect(await store.alignments()).toEqual([]);
    expect(await store.passage('p-0000000000000000')).toBeUndefined();
    expect(await store.delete('nothing')).toBe(false);
    expect((await store.search('')).hits).toEqual([]);
    await store.close();
  });

  it('deletes every version of a document with its paragraphs, index entries and alignments', async () => {
    const place = await engine.place();
    const store = await openStore(place);
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: statementText().replace('no limits', 'some limits'), format: 'text', kind: 'source', id: STATEMENT_ID });
    const opEd = await store.add({ text: opEdText(), format: 'text', kind: 'commentary' });
    expect(await store.alignmentsOf(opEd.id)).toHaveLength(1);
    // The library's links: the one alignment, between the statement's latest version and the op-ed.
    expect((await store.alignments()).map((a) => [a.source.id, a.source.version, a.commentary.id])).toEqual([[STATEMENT_ID, 2, opEd.id]]);

    expect(await store.delete(STATEMENT_ID)).toBe(true);
    expect(await store.alignments()).toEqual([]);
    expect(await store.get(STATEMENT_ID)).toBeUndefined();
    expect(await store.alignmentsOf(opEd.id)).toEqual([]);
    expect((await store.search('"some limits"')).hits).toEqual([]);
    expect(await store.candidates(statementText(), { kind: 'source' })).toEqual([]);
    const opEdParagraphs = (await store.get(opEd.id))!.paragraphs.length;
    const opEdShingles = shingles(opEd.text).length;
    await store.close();

    const counts = await engine.query(
      place,
      `SELECT (SELECT count(*) FROM paragraphs) AS paragraphs, (SELECT count(*) FROM alignments) AS alignments,
              (SELECT count(*) FROM passages) AS passages,
              ${engine.name === 'sqlite' ? '(SELECT coalesce(sum(rows), 0) FROM shingle_segments)' : '(SELECT count(*) FROM shingles)'} AS shingles`,
    );
    expect(counts).toEqual([{ paragraphs: opEdParagraphs, alignments: 0, passages: 0, shingles: opEdShingles }]);
    if (engine.name === 'sqlite') {
      // The paragraphs indexed (the index's own rows: paragraphs_fts reads the documents' text).
      expect(await engine.query(place, 'SELECT count(*) AS n FROM paragraphs_fts_docsize')).toEqual([{ n: opEdParagraphs }]);
      expect(await engine.query(place, 'PRAGMA foreign_key_check')).toEqual([]);
    }
  });
});

describeEachEngine('openStore', (engine) => {
  it('says which engine holds the corpus and where, without a password', async () => {
    const place = await engine.place();
    const store = await openStore(place);
    const where = place.databaseUrl ? place.databaseUrl.replace(`:${new URL(place.databaseUrl).password}@`, '@') : place.path;
    expect({ engine: store.engine, location: store.location, path: store.path }).toEqual({ engine: engine.name, location: where, path: where });
    await store.close();
  });
});

describe('openStore on PostgreSQL', () => {
  it('says in one sentence, naming the address without its password, when no server answers there', async () => {
    const url = new URL((await ENGINES.find((e) => e.name === 'postgres')!.place()).databaseUrl!);
    url.port = '1';
    expect(await refusal(() => openStore({ path: tempDbPath(), databaseUrl: url.toString() }))).toBe(
      `open: Cannot open the database postgres://postgres@127.0.0.1:1${url.pathname}: no PostgreSQL server answers at that address (connection refused).`,
    );
  });

  it('says in one sentence that a URL of another database is not a PostgreSQL one, instead of looking for its host', async () => {
    expect(await refusal(() => openStore({ path: tempDbPath(), databaseUrl: 'mysql://verbatim:secret@db.example.org/verbatim' }))).toBe(
      'open: Cannot open the database mysql://verbatim@db.example.org/verbatim: it is not a PostgreSQL URL, which reads postgres://user:password@host/database.',
    );
  });
});
