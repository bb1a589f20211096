import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { CORPUS_DIR, OP_ED_ID, STATEMENT_ID, statementText } from './test-support/corpus.js';

describeEachEngine('store.search', (engine) => {
  it('finds "no limits" in paragraph IV.5 of the statement before the op-ed has been loaded', async () => {
    const store = await engine.open();
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    const { hits } = await store.search('no limits');
    expect(hits.map((h) => [h.documentId, h.locator])).toEqual([[STATEMENT_ID, 'IV.5']]);
    await store.close();
  });

  it('finds "no limits" in the statement (IV.5) and in the op-ed, with the words highlighted', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const { hits, readAs } = await store.search('"no limits"');
    expect(readAs).toBe('full-text');
    expect(hits.map((h) => [h.documentId, h.kind, h.locator])).toEqual([
      [STATEMENT_ID, 'source', 'IV.5'],
      [OP_ED_ID, 'commentary', '¶9'],
    ]);
    for (const hit of hits) {
      expect(hit.snippet).toContain('has **no limits**, there are');
      expect(hit.excerpt.highlights.map((h) => hit.excerpt.text.slice(h.start, h.end))).toEqual(['no limits']);
      expect((await store.get(hit.documentId))!.text.slice(hit.start, hit.end)).toContain('has no limits');
    }
    expect(hits.find((h) => h.documentId === STATEMENT_ID)!.title).toMatch(/^Joint Statement of the Russian Federation/);
    await store.close();
  });

  it('cuts a snippet exactly from a text with accents and characters outside the Basic Multilingual Plane before it', async () => {
    const store = await engine.open();
    const text = 'Note 𝔸 préliminaire 🙂 sur l’amitié\n\nL’amitié 🤝 entre les deux États n’a pas de limites, disent-ils 𝒜.\n\nFin 🙂.';
    await store.add({ text, format: 'text', kind: 'source', id: 'note' });
    const [hit] = (await store.search('limites')).hits;
    const paragraph = text.slice(hit!.start, hit!.end);
    expect([hit!.locator, paragraph]).toEqual(['¶1', 'L’amitié 🤝 entre les deux États n’a pas de limites, disent-ils 𝒜.']);
    // Each engine ends a snippet its own way (an ellipsis, the last stop); its words are the paragraph's.
    expect(hit!.excerpt.text).toContain('L’amitié 🤝 entre les deux États n’a pas de limites, disent-ils 𝒜');
    expect(paragraph).toContain(hit!.excerpt.text.replace(/^…|…$/g, ''));
    const [last] = (await store.search('fin')).hits;
    expect([text.slice(last!.start, last!.end), last!.excerpt.text.replace(/^…|…$/g, '')]).toEqual(['Fin 🙂.', expect.stringMatching(/^Fin/)]);
    await store.close();
  });

  it('takes FTS5 syntax, a limit and the highlight marks', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    expect((await store.search('sovereign*', { limit: 3 })).hits).toHaveLength(3);
    expect((await store.search('NEAR(Olympic Winter, 3)')).hits.map((h) => h.locator)).toContain('0.1');
    const [hit] = (await store.search('"forbidden areas"', { limit: 1, highlight: { open: '<mark>', close: '</mark>' } })).hits;
    expect(hit!.snippet).toMatch(/<mark>forbidden["”] areas<\/mark> of cooperation/);
    await store.close();
  });

  it('ranks the statement’s own paragraph before the op-ed that quotes it, sources before commentaries', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    // By bm25 alone the op-ed's ¶9 comes first; the paragraph it quotes comes first instead.
    expect((await store.search('no limits')).hits.map((h) => [h.documentId, h.locator])).toEqual([
      [STATEMENT_ID, 'IV.5'],
      [OP_ED_ID, '¶9'],
      [OP_ED_ID, '¶11'],
    ]);
    const kinds = (await store.search('cooperation', { limit: 1000 })).hits.map((h) => h.kind);
    expect(kinds.indexOf('commentary')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('commentary'))).not.toContain('source');
    await store.close();
  });

  it('searches a query FTS5 rejects as the plain words in it, and says so', async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const unbalanced = await store.search('"no limits');
    expect(unbalanced).toMatchObject({ readAs: 'words', words: ['no', 'limits'] });
    expect(unbalanced.hits.map((h) => [h.documentId, h.locator])).toEqual([
      [STATEMENT_ID, 'IV.5'],
      [OP_ED_ID, '¶9'],
      [OP_ED_ID, '¶11'],
    ]);
    expect(unbalanced.hits[0]!.excerpt.highlights.map((h) => unbalanced.hits[0]!.excerpt.text.slice(h.start, h.end))).toContain('no limits');
    expect((await store.search('(no limits')).readAs).toBe('words');
    expect(await store.search('NEAR(no limits')).toMatchObject({ readAs: 'words', words: ['no', 'limits'] });
    expect((await store.search('sovereignty AND (security')).words).toEqual(['sovereignty', 'security']);
    expect(await store.search('title: limits')).toMatchObject({ readAs: 'words', words: ['title', 'limits'] });
    // Operators on their own are searched for as the words they are, never as syntax.
    expect(await store.search('AND OR')).toMatchObject({ readAs: 'words', words: ['AND', 'OR'] });
    expect(await store.search('"well-being')).toMatchObject({ readAs: 'words', words: ['well-being'] });
    expect((await store.search('"well-being')).hits.length).toBeGreaterThan(0);
    expect(await store.search('"(')).toEqual({ readAs: 'words', words: [], hits: [] });
    // A valid query is read as written.
    expect(await store.search('"no limits" OR sovereign*')).toMatchObject({ readAs: 'full-text', words: null });
    await store.close();
  });
});
