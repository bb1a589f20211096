import { it } from 'vitest';
import { align } from './align.js';
import { statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
it('debug', () => {
  (globalThis as any).VDEBUG = true;
  for (const q of (process.env.QS ?? '').split('|')) {
    const r = align(statement, `He said "${q}" today.`, { lexicon: wordnet });
    for (const p of r.passages) console.log(p.status, p.source?.locator, p.similarity, JSON.stringify(p.source?.text), p.differences.map((d) => `${d.source.text} → ${d.commentary.text} (${d.category}${d.editorial?',ed':''})`));
  }
});
