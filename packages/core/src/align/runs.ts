import type { WordRange } from '../text/tokenize.js';
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
export function findRuns(index: SourceIndex, ids: Int32Array, within: WordRange): Run[] {
  const source = index.ids;
  // Per diagonal (source position minus commentary position), where the last run found on
  // it ends: a seed inside that run adds nothing. This keeps the search linear on
  // repetitive texts, where one run has thousands of seeds. Made when a seed first needs it
  // (one after a seed too common to look up): most texts have none.
  let coveredUntil: Map<number, number> | undefined;
  const runs: Run[] = [];
  // Whether the seed at the previous commentary position had its places looked up.
  let previousLookedUp = false;
  for (let i = within.start; i + SEED_LENGTH <= within.end; i++) {
    const first = index.firstSeed(ids, i);
    for (let j = first; j >= 0; j = index.nextSeedAfter(j)) {
      const diagonal = j - i;
      // A seed whose diagonal also matches one word back lies inside the run the previous
      // seed found or fell in (runs are maximal), unless that seed was too common to look up.
      const continues = i > within.start && j > 0 && ids[i - 1] === source[j - 1];
      if (continues && (previousLookedUp || i < ((coveredUntil ??= diagonalEnds(runs)).get(diagonal) ?? -1))) continue;
      // Extend backwards: the seeds before may have been too common to be looked up.
      let c = i;
      let s = j;
      while (c > within.start && s > 0 && ids[c - 1] === source[s - 1]) {
        c--;
        s--;
      }
      let length = i - c + SEED_LENGTH;
      while (c + length < within.end && s + length < source.length && ids[c + length] === source[s + length]) length++;
      coveredUntil?.set(diagonal, c + length);
      runs.push({ c, s, length });
    }
    previousLookedUp = first >= 0;
  }
  return sortedRuns(runs);
}

/** Where the last of these runs on each diagonal ends (they are in the order they were found). */
function diagonalEnds(runs: readonly Run[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const r of runs) ends.set(r.s - r.c, r.c + r.length);
  return ends;
}

/**
 * Runs sorted by commentary position, then source position. They are found in commentary
 * order, so most lists are sorted already: checking costs less than a sort with a comparator.
 */
export function sortedRuns(runs: Run[]): Run[] {
  for (let k = 1; k < runs.length; k++) {
    const a = runs[k - 1]!;
    const b = runs[k]!;
    if (a.c > b.c || (a.c === b.c && a.s > b.s)) return runs.sort((x, y) => x.c - y.c || x.s - y.s);
  }
  return runs;
}
