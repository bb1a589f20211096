import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset } from './utf8.js';

const decodes = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8Offset', () => {
  it('finds the Latin-1 é of "café" at byte 3', () => {
    expect(firstInvalidUtf8Offset(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toBe(3);
  });

  it('accepts the joint statement’s typography: curly quotes, dashes, ellipsis', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('“Russia–China” … ‘no limits’ 🙂'))).toBe(-1);
  });

  it('rejects overlong forms, surrogates, code points past U+10FFFF and cut-off sequences', () => {
    for (const bytes of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x41, 0xe2, 0x80]]) {
      expect(firstInvalidUtf8Offset(Uint8Array.from(bytes)), bytes.join(' ')).toBe(bytes[0] === 0x41 ? 1 : 0);
    }
  });

  it('agrees with TextDecoder (fatal) on any bytes, and everything before the offset decodes', () => {
    const anyBytes = fc.uint8Array({ maxLength: 64 });
    const validText = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s));
    fc.assert(
      fc.property(fc.oneof(anyBytes, validText), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
