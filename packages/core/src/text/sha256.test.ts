import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexAfter } from './sha256.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digests of the standard messages', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('hashes the UTF-8 bytes of any text, a lone surrogate as U+FFFD, at every length around a block boundary', () => {
    const pieces = ['a', 'Z', ' ', '\n', 'é', 'ß', 'Ж', '’', '“', '中', '😀', '\uD800', '\uDC00', '\uFFFD', '\u0000', '\u007F', '\u0080', '\u07FF', '\u0800', '\uFFFF'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 80 }), (parts, more) => {
        const text = parts.join('') + more;
        expect(sha256Hex(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
    for (let n = 0; n < 200; n++) {
      expect(sha256Hex('x'.repeat(n))).toBe(reference('x'.repeat(n)));
      expect(sha256Hex('é'.repeat(n))).toBe(reference('é'.repeat(n)));
    }
  });

  it('hashes a long text as node:crypto does', () => {
    const text = 'The sides oppose further enlargement of NATO — “and” 中俄 😀. '.repeat(5000);
    expect(sha256Hex(text)).toBe(reference(text));
  });
});

describe('sha256HexAfter', () => {
  it('gives the digest of the prefix and each rest, whatever came before', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), fc.array(fc.string({ unit: 'binary', maxLength: 150 }), { maxLength: 5 }), (prefix, rests) => {
        const digest = sha256HexAfter(prefix);
        for (const rest of rests) expect(digest(rest)).toBe(reference(prefix + rest));
      }),
      { numRuns: 500 },
    );
  });
});
