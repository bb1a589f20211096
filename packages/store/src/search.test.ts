import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { openStore } from './store.js';
import { CORPUS_DIR, OP_ED_ID, STATEMENT_ID, statementText } from './test-support/corpus.js';
import { tempDbPath } from './test-support/temp.js';

function syntaxRefusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('search-syntax');
    return (error as StoreError).message;
  }
  throw new Error('expected a refusal');
}

describe('store.search', () => {
  it('finds "no limits" in paragraph IV.5 of the statement before the op-ed has been loaded', async () => {
    const store = openStore({ path: tempDbPath() });
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    const hits = store.search('no limits');
    expect(hits.map((h) => [h.documentId, h.locator])).toEqual([[STATEMENT_ID, 'IV.5']]);
    store.close();
  });

  it('finds "no limits" in the statement (IV.5) and in the op-ed, with the words highlighted', async () => {
    const store = openStore({ path: tempDbPath(), corpusDir: CORPUS_DIR });
    const hits = store.search('"no limits"');
    expect(hits.map((h) => [h.documentId, h.kind, h.locator]).sort()).toEqual([
      [STATEMENT_ID, 'source', 'IV.5'],
      [OP_ED_ID, 'commentary', '¶9'],
    ].sort());
    for (const hit of hits) {
      expect(hit.snippet).toContain('has **no limits**, there are');
      expect(hit.excerpt.highlights.map((h) => hit.excerpt.text.slice(h.start, h.end))).toEqual(['no limits']);
      expect(store.get(hit.documentId)!.text.slice(hit.start, hit.end)).toContain('has no limits');
    }
    expect(hits.find((h) => h.documentId === STATEMENT_ID)!.title).toMatch(/^Joint Statement of the Russian Federation/);
    store.close();
  });

  it('takes FTS5 syntax, a limit and the highlight marks', async () => {
    const store = openStore({ path: tempDbPath(), corpusDir: CORPUS_DIR });
    expect(store.search('sovereign*', { limit: 3 })).toHaveLength(3);
    expect(store.search('NEAR(Olympic Winter, 3)').map((h) => h.locator)).toContain('0.1');
    const [hit] = store.search('"forbidden areas"', { limit: 1, highlight: { open: '<mark>', close: '</mark>' } });
    expect(hit!.snippet).toMatch(/<mark>forbidden["”] areas<\/mark> of cooperation/);
    store.close();
  });

  it('turns FTS5 syntax errors into one clear sentence', async () => {
    const store = openStore({ path: tempDbPath(), corpusDir: CORPUS_DIR });
    expect(syntaxRefusal(() => store.search('"unbalanced'))).toBe(
      'The search "\\"unbalanced" is not valid full-text syntax (unterminated string); put words in double quotes to search for them as written.',
    );
    expect(syntaxRefusal(() => store.search('AND OR'))).toBe(
      'The search "AND OR" is not valid full-text syntax (syntax error near "AND"); put words in double quotes to search for them as written.',
    );
    expect(syntaxRefusal(() => store.search('title: limits'))).toMatch(/^The search "title: limits" is not valid full-text syntax \(no such column: title\);/);
    expect(syntaxRefusal(() => store.search('NEAR(no limits'))).toMatch(/not valid full-text syntax/);
    store.close();
  });
});
