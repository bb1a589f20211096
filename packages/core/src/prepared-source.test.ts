import { describe, expect, it } from 'vitest';
import { align } from './align.js';
import { preparedSource } from './prepared-source.js';
import { opEd, statement } from './test-support/corpus.js';
import { tokenize, type Token } from './text/tokenize.js';

/** A token's value, apart from the object that holds it. */
const valueOf = (t: Token) => ({ start: t.start, end: t.end, bracketed: t.bracketed, key: t.key, forms: t.forms });

describe('a source prepared once for many alignments', () => {
  it('is prepared once for the same text, whichever string holds it', () => {
    const first = preparedSource(statement);
    expect(preparedSource(`${statement}`.slice(0))).toBe(first);
    expect(preparedSource(`${statement} `)).not.toBe(first);
  });

  it('gives the report a source never seen before gives: what was aligned before does not matter', () => {
    const first = JSON.stringify(align(statement, opEd));
    // Other commentaries against it, then other sources until it is forgotten.
    align(statement, opEd.slice(0, 2000));
    align(statement, statement.slice(4000, 9000));
    const forgotten = preparedSource(statement);
    for (let k = 1; k <= 5; k++) align(`${statement}${'\n'.repeat(k)}`, opEd);
    expect(preparedSource(statement)).not.toBe(forgotten);
    expect(JSON.stringify(align(statement, opEd))).toBe(first);
  });

  it('lends a forgotten source\'s tokens to the next one without changing a word of any source it still keeps', () => {
    // Sources of different lengths, so that a forgotten one lends more tokens than the next
    // needs, and fewer.
    const paragraphs = statement.split('\n\n');
    const sources = [3, 40, 8, 25, 2, 60, 12, 5].map((n, k) => `Source ${k}.\n\n${paragraphs.slice(k, k + n).join('\n\n')}`);
    const reports = new Map<string, string>();
    for (const source of sources) {
      const prepared = preparedSource(source);
      expect(prepared.tokens.map(valueOf)).toEqual(tokenize(source).map(valueOf));
      reports.set(source, JSON.stringify(align(source, opEd)));
      // The three sources before it are still kept, and neither their tokens nor their reports have changed.
      const kept = sources.slice(Math.max(0, sources.indexOf(source) - 3), sources.indexOf(source));
      for (const earlier of kept) {
        expect(preparedSource(earlier).tokens.map(valueOf)).toEqual(tokenize(earlier).map(valueOf));
        expect(JSON.stringify(align(earlier, opEd))).toBe(reports.get(earlier));
      }
      // Aligning the earlier ones again put them first: this one is kept as the most recent again.
      preparedSource(source);
    }
  });
});
