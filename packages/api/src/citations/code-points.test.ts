import { describe, expect, it } from 'vitest';
import { codePointOffset, codePointsAfter, codePointsBefore, utf16Offset } from './code-points.js';

// "𝕏" (U+1D54F) and "🇨🇳" (two regional indicators) are outside the BMP: two UTF-16 units each code point.
const text = 'A 𝕏 post: “🇨🇳 and 🇷🇺” — no limits.';

describe('code points and UTF-16 offsets', () => {
  it('counts a character outside the BMP once', () => {
    const at = text.indexOf('post');
    expect(at).toBe(5);
    expect(codePointOffset(text, at)).toBe(4);
    expect(Array.from(text).slice(codePointOffset(text, at), codePointOffset(text, at + 4)).join('')).toBe('post');
  });

  it('agrees with Array.from on every offset that is not inside a pair', () => {
    for (let i = 0; i <= text.length; i++) {
      const inside = i > 0 && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
      if (!inside) {
        expect(codePointOffset(text, i)).toBe(Array.from(text.slice(0, i)).length);
        expect(utf16Offset(text, codePointOffset(text, i))).toBe(i);
      }
    }
  });

  it('takes context by code points and never splits a pair', () => {
    const limits = text.indexOf('no limits');
    expect(codePointsBefore(text, text.indexOf(' and'), 1)).toBe('🇳');
    expect(codePointsBefore(text, limits, 5)).toBe('🇺” — ');
    expect(codePointsAfter(text, text.indexOf('🇷'), 2)).toBe('🇷🇺');
    expect(codePointsAfter(text, text.length - 1, 10)).toBe('.');
    expect(codePointsBefore(text, 1, 10)).toBe('A');
  });
});
