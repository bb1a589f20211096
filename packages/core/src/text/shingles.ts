import { tokenize } from './tokenize.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/**
 * The distinct word n-grams of a text, each hashed to a 32-bit number (FNV-1a over the
 * spelling-insensitive word keys joined by a space). A store indexes sources by them to find
 * which sources a commentary may quote without aligning it against every one. Sorted ascending.
 * The hash runs over the keys in place rather than over a joined string, and the hashes are
 * sorted and made distinct in a typed array rather than a Set: the same numbers, without a
 * string and a heap number per n-gram, which made up half of a bulk load's preparing.
 */
export function shingles(text: string, size = 4): number[] {
  const keys = tokenize(text).map((t) => t.key);
  // The keys end to end in one flat string, each found by its offsets.
  const flat = keys.join('');
  const ends = new Int32Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) ends[i + 1] = ends[i]! + keys[i]!.length;
  const all = new Uint32Array(Math.max(0, keys.length - size + 1));
  for (let i = 0; i < all.length; i++) {
    let h = FNV_OFFSET;
    for (let k = i; k < i + size; k++) {
      if (k > i) h = Math.imul(h ^ SPACE, FNV_PRIME);
      for (let c = ends[k]!; c < ends[k + 1]!; c++) h = Math.imul(h ^ flat.charCodeAt(c), FNV_PRIME);
    }
    all[i] = h;
  }
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]!);
  return out;
}
