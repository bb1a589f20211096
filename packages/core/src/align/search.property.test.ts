import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { bestChains, type Chain, type ChainOptions } from './chain.js';
import { findRuns, type Run } from './runs.js';
import { SEED_LENGTH, SourceIndex, idsOf } from './source-index.js';

/**
 * findRuns and bestChains skip work they can prove useless (seeds inside a run already
 * found, predecessors too far to link). These properties hold them to the plain searches
 * they replace, on texts of a few words repeated so that seeds recur, runs abound and some
 * seeds are too common to look up.
 */

/** Every seed's places looked up, a map of diagonals as the only shortcut. */
function plainRuns(index: SourceIndex, ids: Int32Array, within: { start: number; end: number }): Run[] {
  const source = index.ids;
  const coveredUntil = new Map<number, number>();
  const runs: Run[] = [];
  for (let i = within.start; i + SEED_LENGTH <= within.end; i++) {
    for (const j of index.seedAt(ids, i)) {
      const diagonal = j - i;
      if (i < (coveredUntil.get(diagonal) ?? -1)) continue;
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

/** Every one of the 400 runs before as a candidate predecessor, nearest first, then the chains taken greedily. */
function plainChains(runs: readonly Run[], options: ChainOptions, accept: (chain: Chain, accepted: number) => boolean, onReject: 'stop' | 'skip'): Chain[] {
  const n = runs.length;
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const trim = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    score[i] = r.length;
    for (let k = i - 1; k >= 0 && k >= i - 400; k--) {
      const link = linkCost(runs[k]!, r, options);
      if (!link) continue;
      const candidate = score[k]! + (r.length - link.trim) - link.penalty;
      if (candidate > score[i]!) {
        score[i] = candidate;
        prev[i] = k;
        trim[i] = link.trim;
      }
    }
  }
  // Each end's evidence along the predecessors chosen; the most evidence first, then the highest score.
  const weigh = options.weigh ?? ((_c: number, length: number) => length);
  const evidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    const t = prev[i]! >= 0 ? trim[i]! : 0;
    evidence[i] = (prev[i]! >= 0 ? evidence[prev[i]!]! : 0) + weigh(r.c + t, r.length - t);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => evidence[b]! - evidence[a]! || score[b]! - score[a]! || a - b);
  const used = new Uint8Array(n);
  const chains: Chain[] = [];
  for (const end of order) {
    if (used[end]) continue;
    const path: number[] = [];
    for (let i = end; i >= 0 && !used[i]; i = prev[i]!) path.unshift(i);
    const chosen = path.map((i, k) => {
      const r = runs[i]!;
      const d = k === 0 ? 0 : trim[i]!;
      return { c: r.c + d, s: r.s + d, length: r.length - d };
    });
    let chainScore = 0;
    chosen.forEach((r, k) => {
      chainScore += r.length;
      if (k > 0) chainScore -= linkCost(chosen[k - 1]!, r, options)?.penalty ?? 0;
    });
    const last = chosen[chosen.length - 1]!;
    const chain: Chain = {
      runs: chosen,
      cStart: chosen[0]!.c,
      cEnd: last.c + last.length,
      sStart: chosen[0]!.s,
      sEnd: last.s + last.length,
      matched: chosen.reduce((sum, r) => sum + r.length, 0),
      longest: Math.max(...chosen.map((r) => r.length)),
      score: chainScore,
      evidence: chosen.reduce((sum, r) => sum + weigh(r.c, r.length), 0),
    };
    if (chains.some((c) => c.cStart < chain.cEnd && chain.cStart < c.cEnd)) continue;
    if (!accept(chain, chains.length)) {
      if (onReject === 'stop') break;
      continue;
    }
    for (const i of path) used[i] = 1;
    chains.push(chain);
  }
  return chains;
}

function linkCost(p: Run, r: Run, options: ChainOptions): { trim: number; penalty: number } | undefined {
  const pcEnd = p.c + p.length;
  const psEnd = p.s + p.length;
  const trim = Math.max(0, pcEnd - r.c, psEnd - r.s);
  if (trim >= r.length) return undefined;
  const gc = r.c + trim - pcEnd;
  const gs = r.s + trim - psEnd;
  if (gc <= options.maxGap && gs <= options.maxGap) return { trim, penalty: 0.5 * (gc + gs) };
  if (gc <= 3 && gs <= options.maxEllipsisGap && options.ellipsisBetweenWords(pcEnd, r.c + trim)) return { trim, penalty: 1 };
  if (gc >= 1 && gs <= (options.maxBracketGap ?? 0) && options.bracketedWords?.(pcEnd, r.c + trim)) return { trim, penalty: 1 };
  return undefined;
}

const VOCABULARY = Array.from({ length: 40 }, (_, k) => `w${k}`);
/** A phrase repeated often enough that its seeds are too common to look up. */
const COMMON = 'the sides oppose';
/**
 * A text of words from a small vocabulary: random words, the common phrase, and stretches
 * copied from earlier in it, so that passages fit many places (near-duplicates, the hard case).
 */
const text = (maxParts: number) =>
  fc.tuple(fc.integer({ min: 3, max: VOCABULARY.length }), fc.array(fc.nat(), { minLength: maxParts / 4, maxLength: maxParts })).map(([size, picks]) => {
    const words: string[] = [];
    for (const pick of picks) {
      if (pick % 3 === 0 && words.length > 8) {
        const from = pick % (words.length - 4);
        words.push(...words.slice(from, from + 4 + (pick % 11)));
      } else if (pick % 3 === 1) words.push(COMMON);
      else words.push(VOCABULARY[pick % size]!);
    }
    return words.join(' ');
  });

describe('the searches hold to the plain ones they replace', () => {
  it('findRuns finds the runs every seed would give', () => {
    fc.assert(
      fc.property(text(400), text(60), fc.nat(), (sourceText, commentaryText, cut) => {
        const index = new SourceIndex(tokenize(sourceText));
        const ids = idsOf(index, tokenize(commentaryText));
        const start = cut % (ids.length + 1);
        const within = { start, end: ids.length };
        expect(findRuns(index, ids, within)).toEqual(plainRuns(index, ids, within));
      }),
      { numRuns: 200 },
    );
  });

  it('bestChains finds the chains every predecessor would give', () => {
    fc.assert(
      fc.property(
        text(400),
        text(60),
        fc.integer({ min: 0, max: 10 }),
        fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(Number.MAX_SAFE_INTEGER)),
        fc.integer({ min: 0, max: 80 }),
        fc.nat(),
        fc.constantFrom<'stop' | 'skip'>('stop', 'skip'),
        (sourceText, commentaryText, maxGap, maxEllipsisGap, maxBracketGap, seed, onReject) => {
          const index = new SourceIndex(tokenize(sourceText));
          const ids = idsOf(index, tokenize(commentaryText));
          const runs = findRuns(index, ids, { start: 0, end: ids.length });
          // An ellipsis or brackets between some words and not others, the same answer each time.
          // Ellipses after some words: one lies between two words when it follows a word in [from - 1, to).
          const ellipsisAfter = (word: number) => (word * 31 + seed) % 23 === 0;
          const options: ChainOptions = {
            maxGap,
            maxEllipsisGap,
            ellipsisBetweenWords: (from, to) => {
              for (let w = Math.max(0, from - 1); w < to; w++) if (ellipsisAfter(w)) return true;
              return false;
            },
            maxBracketGap,
            bracketedWords: (from, to) => (from * 13 + to * 7 + seed) % 4 === 0,
            // Some words weigh nothing, some a quarter, some one, as function words, names and content words do.
            ...(seed % 3 !== 0 && {
              weigh: (c: number, length: number) => {
                let w = 0;
                for (let k = c; k < c + length; k++) w += [0, 0.25, 1][(ids[k]! + k + seed) % 3]!;
                return w;
              },
            }),
          };
          const accept = (chain: Chain, accepted: number) => chain.matched >= (accepted === 0 ? 3 : 5);
          // Ties are what the plain search passes over; the chains taken are the same.
          const taken = bestChains(runs, options, accept, onReject).map(({ ties: _, ...chain }) => chain);
          expect(taken).toEqual(plainChains(runs, options, accept, onReject));
        },
      ),
      { numRuns: 200 },
    );
  });
});
