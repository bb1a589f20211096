import type { Range } from '../text/tokenize.js';
import { SEED_LENGTH, type SourceIndex } from './source-index.js';

/** A maximal stretch of words the commentary and the source have in common, in token indices. */
export interface Run {
  c: number;
  s: number;
  length: number;
}

/**
 * The maximal exact runs between commentary tokens `within` and the source, found from
 * the index's seeds: every run of at least SEED_LENGTH words, each reported once, from
 * its first word.
 */
export function findRuns(index: SourceIndex, ids: Int32Array, within: Range): Run[] {
  const source = index.ids;
  const seen = new Set<string>();
  const runs: Run[] = [];
  for (let i = within.start; i + SEED_LENGTH <= within.end; i++) {
    for (const j of index.seedAt(ids, i)) {
      // Extend backwards too: the seed before may have been too common to be looked up.
      let c = i;
      let s = j;
      while (c > within.start && s > 0 && ids[c - 1] === source[s - 1]) {
        c--;
        s--;
      }
      const key = `${c}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let length = i - c + SEED_LENGTH;
      while (c + length < within.end && s + length < source.length && ids[c + length] === source[s + length]) length++;
      runs.push({ c, s, length });
    }
  }
  return runs.sort((a, b) => a.c - b.c || a.s - b.s);
}
