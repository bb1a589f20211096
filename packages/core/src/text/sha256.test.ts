import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexAfter } from './sha256.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256HexAfter', () => {
  it('gives the digits of the prefix and each rest hashed together, rest after rest, whatever their characters and lengths', () => {
    // Rests of ASCII (encoded by hand up to 256 characters) and of any character, around that length.
    const rest = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('a'.repeat(256), 'a'.repeat(257), 'é'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 150 }), fc.array(rest, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (prefix, rests, digits) => {
        const digest = sha256HexAfter(prefix, digits);
        for (const r of rests) expect(digest(r)).toBe(nodeSha256(prefix + r).slice(0, digits));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the whole digest by default, as sha256Hex does', () => {
    expect(sha256HexAfter('p-')('quotation:12-40:none')).toBe(sha256Hex('p-quotation:12-40:none'));
  });
});

describe('sha256Hex', () => {
  it('is the SHA-256 of a text\'s UTF-8 bytes, as node:crypto gives it, whatever the text and the texts hashed before it', () => {
    // Texts of every size in turn: the bytes of one are encoded into the buffer the one before left.
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 5000 })), { maxLength: 6 }), (texts) => {
        for (const text of texts) expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 300 },
    );
  });

  it('is the same for a text longer than the shared buffer, and for lone surrogates (as U+FFFD)', () => {
    const long = 'Die Seiten 😀 – '.repeat(30_000);
    expect(sha256Hex(long)).toBe(nodeSha256(long));
    expect(sha256Hex('a\uD800b\uDC00')).toBe(nodeSha256('a\uD800b\uDC00'));
  });
});
