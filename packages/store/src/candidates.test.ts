import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { MIN_SHARED_SHINGLES } from './candidates.js';
import type { Store } from './store.js';
import { opEdText, STATEMENT_ID, statementText } from './test-support/corpus.js';
import { random, shuffledWords, syntheticText } from './test-support/decoys.js';

const COMMUNIQUE_ID = 'harbour-communique';
const COMMUNIQUE = [
  'Communiqué of the Harbour Conference',
  'The delegations met in the old customs house and reviewed the grain corridor, the fisheries treaty and the railway pipeline.',
  'The parties resolved that no vessel carrying humanitarian grain shall be inspected twice at the same harbour.',
  'They will meet again when the reservoirs are full.',
].join('\n\n');

/** Quotes one sentence of the statement and one of the communiqué; says nothing the op-ed says. */
const COMMENTARY = [
  'Two texts, one mood',
  'Reading the February declaration next to the harbour communiqué is instructive. Moscow and Beijing wrote that “the world is going through momentous changes, and humanity is entering a new era of rapid development and profound transformation.” Grand words; the diplomats at the harbour were humbler.',
  'Their communiqué promises that “no vessel carrying humanitarian grain shall be inspected twice at the same harbour”, a modest pledge that may matter more to farmers than any new era.',
].join('\n\n');

async function decoySources(store: Store): Promise<string[]> {
  const ids: string[] = [];
  const next = random(7);
  const opEdParagraphs = opEdText().split('\n').filter((l) => l.trim() !== '');
  for (let i = 0; i < 20; i++) {
    ids.push((await store.add({ text: shuffledWords(statementText(), i + 1), format: 'text', kind: 'source', id: `shuffled-statement-${i}` })).id);
    ids.push((await store.add({ text: syntheticText(100 + i, 600), format: 'text', kind: 'source', id: `synthetic-${i}` })).id);
  }
  // The op-ed's own paragraphs, reordered and passed off as a source: real prose on the same subject.
  const reordered = [...opEdParagraphs].sort(() => next() - 0.5).join('\n\n');
  ids.push((await store.add({ text: reordered, format: 'text', kind: 'source', id: 'op-ed-as-source' })).id);
  return ids;
}

describeEachEngine('candidate sources', (engine) => {
  it('picks the sources a commentary quotes among 41 decoys, and aligns it with those alone', async () => {
    const store = await engine.open();
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: COMMUNIQUE, format: 'text', kind: 'source', id: COMMUNIQUE_ID });
    await decoySources(store);

    const candidates = await store.candidates(COMMENTARY, { kind: 'source' });
    expect(candidates.map((c) => c.id).sort()).toEqual([COMMUNIQUE_ID, STATEMENT_ID]);
    expect(Math.min(...candidates.map((c) => c.shared))).toBeGreaterThanOrEqual(MIN_SHARED_SHINGLES);

    const commentary = await store.add({ text: COMMENTARY, format: 'text', kind: 'commentary' });
    const links = await store.alignmentsOf(commentary.id);
    expect(links.map((l) => l.source.id).sort()).toEqual([COMMUNIQUE_ID, STATEMENT_ID]);
    const fromStatement = (await store.alignment(STATEMENT_ID, commentary.id))!;
    expect(fromStatement.passages.filter((p) => p.status !== 'not_found').map((p) => [p.kind, p.status, p.source?.locator])).toEqual([
      ['quotation', 'verbatim', '0.3'],
    ]);
    const fromCommuniqué = (await store.alignment(COMMUNIQUE_ID, commentary.id))!;
    expect(fromCommuniqué.passages.filter((p) => p.status !== 'not_found').map((p) => p.source?.locator)).toEqual(['¶2']);
    await store.close();
  });

  it('finds a source from one quoted sentence', async () => {
    const store = await engine.open();
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await decoySources(store);
    const oneSentence =
      'Both capitals said they “oppose interference by external forces in their internal affairs”, and little else.';
    expect((await store.candidates(oneSentence, { kind: 'source' })).map((c) => c.id)).toEqual([STATEMENT_ID]);
    expect(await store.candidates('Friendship has limits after all.', { kind: 'source' })).toEqual([]);
    await store.close();
  });

  it('aligns a new source with the commentaries already stored that quote it', async () => {
    const store = await engine.open();
    const commentary = await store.add({ text: COMMENTARY, format: 'text', kind: 'commentary' });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: 'op-ed' });
    expect(await store.alignmentsOf(commentary.id)).toEqual([]);

    await store.add({ text: COMMUNIQUE, format: 'text', kind: 'source', id: COMMUNIQUE_ID });
    expect((await store.alignmentsOf(COMMUNIQUE_ID)).map((l) => l.commentary.id)).toEqual([commentary.id]);

    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    expect((await store.alignmentsOf(STATEMENT_ID)).map((l) => l.commentary.id).sort()).toEqual([commentary.id, 'op-ed'].sort());
    await store.close();
  });
});
