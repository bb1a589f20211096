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
  // Per diagonal (source position minus commentary position), where the last run found on
  // it ends: a seed inside that run adds nothing. This keeps the search linear on
  // repetitive texts, where one run has thousands of seeds.
  const coveredUntil = new Map<number, number>();
  const runs: Run[] = [];
  for (let i = within.start; i + SEED_LENGTH <= within.end; i++) {
    for (const j of index.seedAt(ids, i)) {
      const diagonal = j - i;
      if (i < (coveredUntil.get(diagonal) ?? -1)) continue;
      // Extend backwards: the seeds before may have been too common to be looked up.
      let c = i;
      let s = j;
      while (c > within.start && s > 0 && ids[c - 1] === source[s - 1]) {
        c--;
        s--;
      }
      let length = i - c + SEED_LENGTH;
      while (c + length < within.end && s + length < source.length && ids[c + length] === source[s + length]) length++;
      coveredUntil.set(diagonal, c + length);
      runs.push({ c, s, length });
    }
  }
  return runs.sort((a, b) => a.c - b.c || a.s - b.s);
}
