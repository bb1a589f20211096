import type { EmphasisMark } from '@verbatim/core';
import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { computeReport } from './alignments.js';
import { StoreError } from './errors.js';
import { openStore } from './store.js';
import { CORPUS_DIR, OP_ED_ID, opEdText, STATEMENT_ID, statementText } from './test-support/corpus.js';
import type { ProgressEvent } from './types.js';

/** `who` keeps the three texts apart: the same plain text is the same document, whatever its markup. */
const QUOTING_NATO = (who: string, open: string, close: string) =>
  `${who}: the statement calls on the Alliance “to ${open}abandon its ideologized cold war approaches${close}, to respect the sovereignty, security and interests of other countries” (emphasis added).`;

function emphasisMarks(report: { passages: Array<{ marks: unknown[] }> }): EmphasisMark[] {
  return report.passages.flatMap((p) => p.marks as EmphasisMark[]).filter((m) => m.type === 'emphasis-added');
}

describeEachEngine('alignments in the store', (engine) => {
  it('keeps passage ids stable across restarts, re-ingestion and realignment', async () => {
    const place = await engine.place();
    const first = await openStore({ ...place, corpusDir: CORPUS_DIR });
    const ids = (await first.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    await first.close();

    const reopened = await openStore({ ...place, corpusDir: CORPUS_DIR });
    expect((await reopened.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id)).toEqual(ids);
    const events: ProgressEvent[] = [];
    expect(await reopened.realign({ onProgress: (e) => events.push(e) })).toEqual({ commentaries: 1, alignments: 1, remade: 0 });
    expect(events.filter((e) => e.phase === 'realign')).toEqual([{ phase: 'realign', done: 1, total: 1, documentId: OP_ED_ID }]);
    expect((await reopened.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id)).toEqual(ids);
    await reopened.close();

    const elsewhere = await engine.open();
    await elsewhere.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    await elsewhere.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    expect((await elsewhere.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id)).toEqual(ids);
    await elsewhere.close();
  });

  it('finds a passage by id with the exact versions it was aligned between', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const report = (await store.alignment(STATEMENT_ID, OP_ED_ID))!;
    const iv5 = report.passages.find((p) => p.source?.locator === 'IV.5')!;
    const found = (await store.passage(iv5.id))!;
    expect(found.passage).toEqual(iv5);
    expect(found.source).toMatchObject({ id: STATEMENT_ID, version: 1, sha256: report.source.sha256 });
    expect(found.commentary).toMatchObject({ id: OP_ED_ID, version: 1 });
    expect(found.source.text.slice(iv5.source!.start, iv5.source!.end)).toBe(iv5.source!.text);
    expect(found.alignment.engineVersion).toMatch(/^@verbatim\/core@/);

    // After the statement changes, the passage still names the version it was made against.
    await store.add({ text: `${statementText()}\n\nA closing line added later.`, format: 'text', kind: 'source', id: STATEMENT_ID });
    expect((await store.passage(iv5.id))!.source).toMatchObject({ version: 1, sha256: report.source.sha256 });
    expect((await store.alignmentsOf(OP_ED_ID)).map((a) => a.source.version)).toEqual([2]);
    await store.close();
  });

  it('hands the emphasis of an HTML or Markdown commentary to the engine, and none for plain text', async () => {
    const store = await engine.open();
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });

    const html = await store.add({ text: `<p>${QUOTING_NATO('In HTML', '<em>', '</em>')}</p>`, format: 'html', kind: 'commentary', id: 'html-note' });
    const [fromHtml] = emphasisMarks((await store.alignment(STATEMENT_ID, html.id))!);
    expect(fromHtml!.emphasized!.map((s) => s.text)).toEqual(['abandon its ideologized cold war approaches']);

    expect(html.outcome).toBe('added');
    const md = await store.add({ text: QUOTING_NATO('In Markdown', '*', '*'), format: 'markdown', kind: 'commentary', id: 'markdown-note' });
    const [fromMarkdown] = emphasisMarks((await store.alignment(STATEMENT_ID, md.id))!);
    expect(fromMarkdown!.emphasized!.map((s) => md.text.slice(s.start, s.end))).toEqual(['abandon its ideologized cold war approaches']);

    const plain = await store.add({ text: QUOTING_NATO('In plain text', '', ''), format: 'text', kind: 'commentary', id: 'plain-note' });
    const [fromPlain] = emphasisMarks((await store.alignment(STATEMENT_ID, plain.id))!);
    expect(fromPlain!.emphasized).toBeNull();
    await store.close();
  });

  it('stores every passage of a report as a row, and no alignment for texts that share nothing', async () => {
    const place = await engine.place();
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    const passages = (await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages;
    await store.add({ text: 'An unrelated note about fisheries and harbour dues.', format: 'text', kind: 'commentary' });
    await store.close();

    const rows = await engine.query(place, 'SELECT id, status, locator FROM passages ORDER BY ordinal');
    expect(rows).toEqual(passages.map((p) => ({ id: p.id, status: p.status, locator: p.source?.locator ?? null })));
    expect(await engine.query(place, 'SELECT count(*) AS n FROM alignments')).toEqual([{ n: 1 }]);
  });

  it('realigns after an engine change: reports recomputed, alignments that no longer link dropped', async () => {
    const place = await engine.place();
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    const unrelated = await store.add({ text: 'A note on fisheries, harbour dues and the price of grain.', format: 'text', kind: 'source' });
    const ids = (await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id);

    // What an older engine might have left: a stale report, and a link the current one would not make.
    const emptied = engine.name === 'sqlite' ? "json_set(report, '$.passages', json('[]'))" : "jsonb_set(report::jsonb, '{passages}', '[]')::text";
    await engine.query(place, `UPDATE alignments SET engine_version = '@verbatim/core@0.0.1', report = ${emptied}`);
    const vidOf = async (id: string) => (await engine.query<{ vid: number }>(place, 'SELECT vid FROM latest_documents WHERE id = ?', [id]))[0]!.vid;
    const [opEdVid, unrelatedVid] = [await vidOf(OP_ED_ID), await vidOf(unrelated.id)];
    await engine.query(
      place,
      'INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created) SELECT ?, ?, engine_version, report, created FROM alignments',
      [unrelatedVid, opEdVid],
    );
    expect(await store.alignmentsOf(OP_ED_ID)).toHaveLength(2);

    const events: ProgressEvent[] = [];
    await store.realign({ onProgress: (e) => events.push(e) });
    expect(events.filter((e) => e.phase === 'reindex').map((e) => `${e.done}/${e.total}`)).toEqual(['1/3', '2/3', '3/3']);
    const links = await store.alignmentsOf(OP_ED_ID);
    expect(links.map((l) => [l.source.id, l.engineVersion])).toEqual([[STATEMENT_ID, expect.not.stringMatching(/0\.0\.1$/)]]);
    expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages.map((p) => p.id)).toEqual(ids);
    await store.close();
  });

  it('turns an engine failure into one sentence naming the documents, keeping the engine’s error as the cause only', () => {
    const broken = { id: 'broken-note', title: 'Broken', text: 42 as unknown as string, format: 'text' as const, emphasis: [] };
    const statement = { id: STATEMENT_ID, title: 'Statement', text: statementText(), format: 'text' as const, emphasis: [] };
    let caught: unknown;
    try {
      computeReport(statement, broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).message).toBe(`Aligning "broken-note" against "${STATEMENT_ID}" failed, so nothing was stored.`);
    expect((caught as StoreError).cause).toBeInstanceOf(Error);
  });
});
