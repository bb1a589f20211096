import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FOOTNOTE, detectFootnoteNumbers } from './footnotes.js';

describe('detectFootnoteNumbers', () => {
  it('finds the number glued to a sentence, not one glued to letters or after a digit', () => {
    const text = 'strategic stability.3 The G20 met, in the region,12 and 5.3 per cent.1234 “the world”7';
    expect(detectFootnoteNumbers(text).map((r) => text.slice(r.start, r.end))).toEqual(['3', '12', '7']);
  });

  it('finds what the pattern tried at every offset finds', () => {
    const pieces = ['a', 'Z', 'é', '𝐀', '\uD835', '\uDC00', '中', '5', '12', '1234', '.', ',', ';', ':', '!', '?', '"', "'", '\u201D', '\u2019', ')', ' ', '\n', '\u00BB', '\u00A0', '-', '(', 'ab'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const plain = [...text.matchAll(FOOTNOTE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        expect(detectFootnoteNumbers(text)).toEqual(plain);
      }),
      { numRuns: 2000 },
    );
  });
});
