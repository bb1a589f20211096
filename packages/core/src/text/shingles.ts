import { tokenize } from './tokenize.js';

/**
 * The distinct word n-grams of a text, each hashed to a 32-bit number (FNV-1a over the
 * spelling-insensitive word keys). A store indexes sources by them to find which sources a
 * commentary may quote without aligning it against every one. Sorted ascending.
 */
export function shingles(text: string, size = 4): number[] {
  const keys = tokenize(text).map((t) => t.key);
  const out = new Set<number>();
  for (let i = 0; i + size <= keys.length; i++) out.add(fnv1a(keys.slice(i, i + size).join(' ')));
  return [...out].sort((a, b) => a - b);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
