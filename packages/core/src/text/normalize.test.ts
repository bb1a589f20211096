import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, wordForms } from './normalize.js';
import { spellingKey, stem } from './spelling.js';

describe('word forms', () => {
  it('fold makes typography one: apostrophes, hyphens, invisible characters, line-end hyphens, brackets', () => {
    expect(fold('citizens’')).toBe("citizens'");
    expect(fold('inter‑State')).toBe('inter-State');
    expect(fold('demo\u200Bcracy')).toBe('democracy');
    expect(fold('estab-\nlishing')).toBe('establishing');
    expect(fold('[t]he')).toBe('the');
    expect(fold('e\u0301')).toBe('é');
  });

  // wordForms skips fold and toLowerCase where they change nothing: it must give what they give.
  const character = fc.oneof(
    fc.constantFrom('a', 'Z', '0', "'", '-', '’', '‐', '\u00AD', '`', '´', 'ʼ', '[', ']', '\n', '\r', ' ', 'é', 'e\u0301', 'Å', '\u212B', 'İ', 'ß', '\u200B', 'ﬁ'),
    fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );
  const word = fc.array(character, { maxLength: 10 }).map((parts) => parts.join(''));

  it('are fold, then lower case, then the spelling key, then the stem, for any word', () => {
    fc.assert(
      fc.property(word, (raw) => {
        const folded = fold(raw);
        const lower = folded.toLowerCase();
        const key = spellingKey(lower);
        expect(wordForms(raw)).toEqual({ fold: folded, lower, key, stem: stem(key) });
      }),
      { numRuns: 20_000 },
    );
  });
});
