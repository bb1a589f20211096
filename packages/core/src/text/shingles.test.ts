import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shingles } from './shingles.js';
import { tokenize } from './tokenize.js';

/** The definition: FNV-1a of each four word keys joined by a space. */
function joinedShingles(text: string): number[] {
  const keys = tokenize(text).map((t) => t.key);
  const out = new Set<number>();
  for (let i = 0; i + 4 <= keys.length; i++) {
    const s = keys.slice(i, i + 4).join(' ');
    let h = 0x811c9dc5;
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
    out.add(h >>> 0);
  }
  return [...out].sort((a, b) => a - b);
}

describe('shingles', () => {
  it('are the numbers stored indexes hold: a change here would make every stored source unfindable', () => {
    expect(shingles('Friendship between the two States has no limits')).toEqual([679101356, 2045764966, 2976155700, 3968143286, 4148285020]);
    // Spelling-insensitive: the same numbers for a variant spelling and other letter case.
    expect(shingles('FRIENDSHIP between the two states has no limits')).toEqual(shingles('Friendship between the two States has no limits'));
    expect(shingles('no limits')).toEqual([]);
  });

  it('hash each four word keys joined by a space, for any text', () => {
    const words = fc.constantFrom('the', 'sides', 'NATO', 'Россия', '中国', 'co-operation', 'l’OTAN', 'naïve', '', ' ', '\n\n', '—', '"', 'é');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.string(), (parts, noise) => {
        const text = parts.join(' ') + noise;
        expect(shingles(text)).toEqual(joinedShingles(text));
      }),
      { numRuns: 300 },
    );
  });
});
