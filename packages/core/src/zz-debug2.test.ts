import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { align } from './align.js';
import { commentary } from './test-support/commentaries.js';
import { statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
it('debug', () => {
  (globalThis as any).VDEBUG = true;
  for (const f of readdirSync('test-commentaries')) {
    console.log('FILE', f);
    const r = align(statement, commentary(f), { lexicon: wordnet });
    for (const p of r.passages) if (p.status === 'paraphrased') console.log('  =>', p.status, p.source?.locator, p.similarity);
  }
});
