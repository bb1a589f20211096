import { expect, it } from 'vitest';
import { describeEachEngine, type TestEngine } from '../test-support/engines.js';
import { StoreError } from '../errors.js';
import type { Store } from '../store.js';
import { CORPUS_DIR, OP_ED_ID, STATEMENT_ID, statementText } from '../test-support/corpus.js';
import { shuffledWords, syntheticText } from '../test-support/decoys.js';
import type { CheckedPassage } from '../types.js';
import { MAX_CHECK_BYTES } from './check.js';

/** The fact-checker's question of issue 12. */
const QUESTION = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";

const COMMUNIQUE_ID = 'harbour-communique';
const COMMUNIQUE = [
  'Communiqué of the Harbour Conference',
  'The delegations met in the old customs house and reviewed the grain corridor, the fisheries treaty and the railway pipeline.',
  'The parties resolved that no vessel carrying humanitarian grain shall be inspected twice at the same harbour.',
].join('\n\n');

function corpusStore(engine: TestEngine): Promise<Store> {
  return engine.open({ corpusDir: CORPUS_DIR });
}

/** A passage as a reader would sum it up: verdict, quoted words, source words, where. */
function summary(p: CheckedPassage) {
  return {
    status: p.status,
    kind: p.kind,
    quoted: p.commentary.text,
    source: p.source?.text ?? null,
    locator: p.source?.locator ?? null,
    document: p.document?.id ?? null,
  };
}

describeEachEngine('store.check', (engine) => {
  it('answers the fact-checker: "no limits" and the NATO sentence from the statement, "any" the quoter\'s own word', async () => {
    const store = await corpusStore(engine);
    const result = await store.check(QUESTION);
    expect(result.passages.map(summary)).toEqual([
      { status: 'verbatim', kind: 'quotation', quoted: 'no limits', source: 'no limits', locator: 'IV.5', document: STATEMENT_ID },
      {
        status: 'altered',
        kind: 'quotation',
        quoted: 'oppose any further enlargement of NATO',
        source: 'oppose further enlargement of NATO',
        locator: 'III.6',
        document: STATEMENT_ID,
      },
    ]);
    const [limits, nato] = result.passages;
    // The statement's words around the short phrase, so a reader sees it was not cut out of context.
    expect(limits!.context.before).toBe('Friendship between the two States has');
    expect(nato!.context.before).toBe('The sides');
    expect(nato!.differences).toEqual([
      expect.objectContaining({ type: 'insert', category: 'wording', editorial: false, commentary: { start: 77, end: 80, text: 'any' }, source: expect.objectContaining({ text: '' }) }),
    ]);
    expect(QUESTION.slice(77, 80)).toBe('any');
    expect(result.passages[0]!.document).toMatchObject({ id: STATEMENT_ID, version: 1, date: '2022-02-04' });
    // Only the one source of the corpus; the op-ed quotes the same words but is a commentary.
    expect(result).toMatchObject({ sourcesSearched: 1, sourcesAligned: 1 });
    await store.close();
  });

  it('says a quotation is in none of the sources searched, and how many there were', async () => {
    const store = await corpusStore(engine);
    await store.add({ text: COMMUNIQUE, format: 'text', kind: 'source', id: COMMUNIQUE_ID });
    const text = 'The minister insisted that "the moon is made of green cheese and always was" in his speech.';
    const result = await store.check(text);
    expect(result.sourcesSearched).toBe(2);
    expect(result.passages.map(summary)).toEqual([
      { status: 'not_found', kind: 'quotation', quoted: 'the moon is made of green cheese and always was', source: null, locator: null, document: null },
    ]);
    await store.close();
  });

  it('gives the same verdicts as the alignment: a name, a title or words the statement has in other words are not called not found', async () => {
    // Aligned against the statement, a name, the statement's own title and a short quotation
    // whose words but one are the statement's are no passage; "not found" would tell the
    // fact-checker they are made up. Two words at two places are the statement's, verbatim,
    // at both places.
    const store = await corpusStore(engine);
    const text =
      'The post cites "the UN 2030 Agenda for Sustainable Development", the title "on the International Relations Entering a New Era and the Global Sustainable Development", a "new era", a pact "with no limits", and "a joint naval base in the Arctic by the year 2030".';
    const result = await store.check(text);
    expect(result.passages.map(summary)).toEqual([
      { status: 'verbatim', kind: 'quotation', quoted: 'new era', source: 'new era', locator: '0.3', document: STATEMENT_ID },
      { status: 'not_found', kind: 'quotation', quoted: 'a joint naval base in the Arctic by the year 2030', source: null, locator: null, document: null },
    ]);
    const found = result.passages[0]!;
    // Only a passage found in a source has candidates: the type says so once `document` is known.
    expect(found.document === null ? undefined : found.candidates?.map((c) => c.locator)).toEqual(['title', '0.3']);
    await store.close();
  });

  it('does not call a short quotation made up when a source says it in other words: "without limits" for "no limits"', async () => {
    // Two or three words the statement does not have as they stand, though one of its
    // sentences has their content word: the alignment gives no verdict on so little, and the
    // check must not answer "not found" just because no source has the exact phrase. Words
    // no source has at all are still not found.
    const store = await corpusStore(engine);
    const text = 'They declared a friendship "without limits" and said they hold a "lunar cheese monopoly".';
    const result = await store.check(text);
    expect(result.passages.map(summary)).toEqual([
      { status: 'not_found', kind: 'quotation', quoted: 'lunar cheese monopoly', source: null, locator: null, document: null },
    ]);
    await store.close();
  });

  it('finds each quotation of one text in its own source: the statement and a later communiqué', async () => {
    const store = await corpusStore(engine);
    await store.add({ text: COMMUNIQUE, format: 'text', kind: 'source', id: COMMUNIQUE_ID, title: 'Harbour communiqué' });
    const text =
      'In February the two leaders declared that “Friendship between the two States has no limits”; by spring their ' +
      'diplomats had settled for promising that “no vessel carrying humanitarian grain shall be inspected twice”.';
    const result = await store.check(text);
    expect(result.passages.map((p) => [p.status, p.document?.id, p.source?.locator])).toEqual([
      ['verbatim', STATEMENT_ID, 'IV.5'],
      ['verbatim', COMMUNIQUE_ID, '¶2'],
    ]);
    expect(result.passages[1]!.document).toMatchObject({ title: 'Harbour communiqué' });
    await store.close();
  });

  it('answers every place a quotation fits equally well, in one source or in several, not one of them by chance', async () => {
    const store = await corpusStore(engine);
    await store.add({
      text: 'A later communiqué\n\nThe ministers recalled that friendship between the two States has no limits, and praised the harbour works.',
      format: 'text',
      kind: 'source',
      id: 'later-communique',
    });
    const text = "Russia and China said their friendship has 'no limits' while the 'pandemic of the new coronavirus infection' went on.";
    const [limits, pandemic] = (await store.check(text)).passages;
    const places = (p: CheckedPassage | undefined) =>
      p?.document ? (p.candidates ?? []).map((c) => [c.document.id, c.locator, text.slice(p.commentary.start, p.commentary.end) === c.text]) : [];
    // The short phrase is in both sources, word for word: both are the answer, the first as document and source.
    expect(limits).toMatchObject({ status: 'verbatim', document: { id: STATEMENT_ID }, source: { locator: 'IV.5' } });
    expect(places(limits)).toEqual([
      [STATEMENT_ID, 'IV.5', true],
      ['later-communique', '¶1', true],
    ]);
    // Twice in the statement (0.3 and II.1), nowhere else.
    expect(places(pandemic)).toEqual([
      [STATEMENT_ID, '0.3', true],
      [STATEMENT_ID, 'II.1', true],
    ]);
    const statement = statementText();
    for (const c of pandemic!.document ? pandemic!.candidates! : []) expect(statement.slice(c.start, c.end)).toBe(c.text);
    // One place only: no candidates.
    const [nato] = (await store.check('They "oppose further enlargement of NATO".')).passages;
    expect(nato).toMatchObject({ status: 'verbatim', source: { locator: 'III.6' } });
    expect(nato).not.toHaveProperty('candidates');
    await store.close();
  });

  it('finds an unmarked borrowing of eight words or more, as the stored alignments do', async () => {
    const store = await corpusStore(engine);
    const text = 'Both sides reaffirm their strong mutual support for the protection of their core interests, and few doubt it.';
    const [borrowing] = (await store.check(text)).passages;
    expect(borrowing).toMatchObject({
      kind: 'borrowing',
      status: 'verbatim',
      commentary: { text: 'sides reaffirm their strong mutual support for the protection of their core interests,' },
      document: { id: STATEMENT_ID },
    });
    await store.close();
  });

  it('prefers the source with the quotation word for word over decoys that have it changed or scrambled', async () => {
    const store = await corpusStore(engine);
    // Sources that share the statement's words but not the quotation: its words scrambled, or prose on other matters.
    for (let i = 0; i < 8; i++) {
      await store.add({ text: shuffledWords(statementText(), i + 1), format: 'text', kind: 'source', id: `scrambled-${i}` });
      await store.add({ text: syntheticText(50 + i, 400), format: 'text', kind: 'source', id: `synthetic-${i}` });
    }
    // A later text that has the NATO sentence, reworded: a worse answer than the statement itself.
    await store.add({
      text: 'Briefing notes\n\nThe sides oppose the enlargement of NATO and call on the Alliance to abandon its approaches.',
      format: 'text',
      kind: 'source',
      id: 'briefing-notes',
    });
    const result = await store.check('They said they "oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches".');
    expect(result.sourcesSearched).toBe(18);
    expect(result.sourcesAligned).toBeLessThanOrEqual(4);
    expect(result.passages.map(summary)).toEqual([
      expect.objectContaining({ status: 'verbatim', document: STATEMENT_ID, locator: 'III.6' }),
    ]);
    await store.close();
  });

  it('takes the quotation from the source that has it word for word when another has it changed', async () => {
    const store = await corpusStore(engine);
    // The quoter's wording, word for word, in a later source: that is where the quotation comes from.
    await store.add({
      text: 'Press digest\n\nOfficials in both capitals repeated that they oppose any further enlargement of NATO in every forum.',
      format: 'text',
      kind: 'source',
      id: 'press-digest',
    });
    const [limits, nato] = (await store.check(QUESTION)).passages;
    expect([limits!.document?.id, nato!.document?.id, nato!.status]).toEqual([STATEMENT_ID, 'press-digest', 'verbatim']);
    await store.close();
  });

  it('finds a quotation from another translation, whose 4-grams are nowhere, and calls it paraphrased', async () => {
    const store = await corpusStore(engine);
    const text = 'Another wrote that "the two nations reject any further widening of NATO and urge the North Atlantic Alliance to drop its ideological approaches of the Cold War".';
    expect((await store.check(text)).passages.map(summary)).toEqual([
      expect.objectContaining({ status: 'paraphrased', document: STATEMENT_ID, locator: 'III.6' }),
    ]);
    await store.close();
  });

  it('finds nothing to check in a text without quotations or borrowings, and says so with an empty list', async () => {
    const store = await corpusStore(engine);
    expect((await store.check('Russia and China are close partners.')).passages).toEqual([]);
    // Short scare quotes not in any source are not quotations (SPEC §2).
    expect((await store.check('Their "coldest" moment came later.')).passages).toEqual([]);
    await store.close();
  });

  it('gives every span exactly as it slices from its text, and the same answer twice', async () => {
    const store = await corpusStore(engine);
    const first = await store.check(QUESTION);
    const source = (await store.get(STATEMENT_ID))!.text;
    for (const p of first.passages) {
      expect(QUESTION.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
      if (p.source) expect(source.slice(p.source.start, p.source.end)).toBe(p.source.text);
    }
    expect((await store.check(QUESTION)).passages).toEqual(first.passages);
    await store.close();
  });

  it('stores nothing: the library and the alignments are the same after a check', async () => {
    const store = await corpusStore(engine);
    const before = await store.list();
    await store.check(QUESTION);
    expect(await store.list()).toEqual(before);
    expect(await store.alignmentsOf(OP_ED_ID)).toHaveLength(1);
    await store.close();
  });

  it('refuses what is not a text to check, in one sentence', async () => {
    const store = await corpusStore(engine);
    const refusal = async (input: unknown) => {
      try {
        await store.check(input as string);
      } catch (error) {
        expect(error).toBeInstanceOf(StoreError);
        return `${(error as StoreError).code}: ${(error as StoreError).message}`;
      }
      throw new Error('expected a refusal');
    };
    expect(await refusal('  \n ')).toBe('empty: The text to check is empty: give a sentence with the quotation in it.');
    expect(await refusal(42)).toBe('invalid: Give the text to check as a string.');
    expect(await refusal('"a'.repeat(MAX_CHECK_BYTES / 2 + 1))).toMatch(/^too-large: The text to check is 101 KB, over the 100 KB a check takes/);
    expect(await refusal('a\u0000b')).toMatch(/^binary: /);
    expect(await refusal('a\uD800b')).toMatch(/^encoding: /);
    await store.close();
  });
});
