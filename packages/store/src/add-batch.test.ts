import { describe, expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { openStore, type Store } from './store.js';
import { OP_ED_ID, opEdText, statementText, STATEMENT_ID } from './test-support/corpus.js';
import { tempDbPath } from './test-support/temp.js';

/** What a user sees of the corpus: each document's text and versions, each alignment's passages. */
async function contents(store: Store) {
  const documents = [];
  for (const d of await store.list()) documents.push({ id: d.id, kind: d.kind, version: d.version, text: (await store.get(d.id))!.text });
  const alignments = [];
  for (const a of await store.alignments()) {
    const report = (await store.alignment(a.source.id, a.commentary.id))!;
    alignments.push({
      source: a.source.id,
      commentary: a.commentary.id,
      passages: report.passages.map((p) => [p.status, p.source?.locator, p.commentary.start, p.commentary.end]),
    });
  }
  return { documents, alignments };
}

const FIRST_NOTE = 'Harbour note\n\nThe delegations reviewed the grain corridor and the old railway bridge at Kerch.';
const SECOND_NOTE = 'Harbour note\n\nThe delegations reviewed the grain corridor and the new ferry crossing at Ust-Luga.';

describeEachEngine('store.addBatch', (engine) => {
  it('stores in one batch what one add after another stores: versions, refusals, alignments between its own documents', async () => {
    const inputs = [
      { text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID },
      { text: '  \n', format: 'text', kind: 'source' },
      { text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID },
      { text: statementText(), format: 'text', kind: 'source', title: 'The same text again' },
      { text: FIRST_NOTE, format: 'text', kind: 'source', id: 'note' },
      { text: SECOND_NOTE, format: 'text', kind: 'source', id: 'note' },
      { text: 'A brief: the sides "reviewed the grain corridor and the new ferry crossing at Ust-Luga".', format: 'text', kind: 'commentary', id: 'brief' },
    ] as const;

    const batched = await engine.open();
    const items = await batched.addBatch(inputs);
    expect(items).toEqual([
      { ok: true, id: STATEMENT_ID, version: 1, outcome: 'added' },
      { ok: false, reason: 'The document is empty: it has no text to store.' },
      { ok: true, id: OP_ED_ID, version: 1, outcome: 'added' },
      { ok: true, id: STATEMENT_ID, version: 1, outcome: 'existing' },
      { ok: true, id: 'note', version: 1, outcome: 'added' },
      { ok: true, id: 'note', version: 2, outcome: 'new-version' },
      { ok: true, id: 'brief', version: 1, outcome: 'added' },
    ]);

    const oneByOne = await engine.open();
    for (const input of inputs) await oneByOne.add(input).catch(() => undefined);
    const expected = await contents(oneByOne);
    expect(await contents(batched)).toEqual(expected);
    // The op-ed's eight passages, found against the statement written earlier in the same batch.
    expect(expected.alignments.find((a) => a.commentary === OP_ED_ID)?.passages).toHaveLength(8);
    expect(expected.alignments.find((a) => a.commentary === 'brief')?.source).toBe('note');

    // The same shingle index: every text finds the same candidates, sharing as many 4-grams.
    for (const input of inputs) {
      for (const kind of ['source', 'commentary'] as const) {
        expect(await batched.candidates(input.text, { kind })).toEqual(await oneByOne.candidates(input.text, { kind }));
      }
    }
    expect((await batched.candidates(opEdText(), { kind: 'source' })).map((c) => c.id)).toEqual([STATEMENT_ID]);
    // The note's first version left the indexes when its second took its place in the batch.
    expect((await batched.search('Kerch')).hits).toEqual([]);
    expect(await batched.candidates('the old railway bridge at Kerch and the grain corridor', { kind: 'source' })).toEqual([]);
    expect((await batched.candidates('reviewed the grain corridor and the new ferry crossing', { kind: 'source' })).map((c) => [c.id, c.version])).toEqual([['note', 2]]);
    await batched.close();
    await oneByOne.close();
  });

  it('aligns a source with the commentaries an earlier batch stored', async () => {
    const store = await engine.open();
    await store.addBatch([{ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID }]);
    expect(await store.alignmentsOf(OP_ED_ID)).toEqual([]);
    await store.addBatch([{ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID }]);
    expect((await store.alignmentsOf(OP_ED_ID)).map((a) => [a.source.id, a.passages])).toEqual([[STATEMENT_ID, 8]]);
    await store.close();
  });
});

describe('store.addBatch on SQLite, the next batch given before the last has answered', () => {
  it('writes the batches in the order given, each whole: the second sees what the first stored', async () => {
    const store = await openStore({ path: tempDbPath() });
    // Not awaited: the second batch is prepared while the writer thread writes the first.
    const first = store.addBatch([
      { text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID },
      { text: FIRST_NOTE, format: 'text', kind: 'source', id: 'note' },
    ]);
    const second = store.addBatch([
      { text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID },
      { text: SECOND_NOTE, format: 'text', kind: 'source', id: 'note' },
      { text: '', format: 'text', kind: 'source' },
    ]);
    expect(await second).toEqual([
      { ok: true, id: OP_ED_ID, version: 1, outcome: 'added' },
      { ok: true, id: 'note', version: 2, outcome: 'new-version' },
      { ok: false, reason: 'The document is empty: it has no text to store.' },
    ]);
    expect(await first).toEqual([
      { ok: true, id: STATEMENT_ID, version: 1, outcome: 'added' },
      { ok: true, id: 'note', version: 1, outcome: 'added' },
    ]);
    expect((await store.alignmentsOf(OP_ED_ID)).map((a) => [a.source.id, a.passages])).toEqual([[STATEMENT_ID, 8]]);
    expect((await store.search('Kerch')).hits).toEqual([]);
    await store.close();
  });
});
