import { sha256Hex as coreSha256Hex } from '@verbatim/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.js';

describe('the store’s SHA-256', () => {
  // A stored version's digest is handed to align as the text's: a digest that differed from
  // core's on any text would give that text's reports other passage ids than `verbatim align`.
  it('gives core’s digest for every text: accents, quotation marks, CJK, astral characters and lone surrogates', () => {
    const pieces = ['a', ' ', '\n', 'é', '’', '“', '中', '😀', '\uD800', '\uDC00', '\uFFFD', '\u0000'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }), (parts, more) => {
        const text = parts.join('') + more;
        expect(sha256Hex(text)).toBe(coreSha256Hex(text));
      }),
      { numRuns: 500 },
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
