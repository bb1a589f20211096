import type { Run } from './runs.js';

/** Runs in the same order in both texts, close enough to be one passage; token indices. */
export interface Chain {
  runs: Run[];
  cStart: number;
  cEnd: number;
  sStart: number;
  sEnd: number;
  /** Words matched exactly (after normalization). */
  matched: number;
  /** The longest run of consecutive words in common. */
  longest: number;
  score: number;
}

export interface ChainOptions {
  /** Most words either text may have between two runs of one chain. */
  maxGap: number;
  /** Most source words an ellipsis may stand for between two runs of one chain. */
  maxEllipsisGap: number;
  /** Whether the commentary has an ellipsis between token `from - 1` and token `to` (token indices, not offsets). */
  ellipsisBetweenWords: (from: number, to: number) => boolean;
  /** Most source words a bracket may stand for, or cut silently, between two runs (0: none). */
  maxBracketGap?: number;
  /** Whether the commentary words from `from` to `to` (token indices) are all inside editorial brackets. */
  bracketedWords?: (from: number, to: number) => boolean;
}

/** How far back the chaining looks for a predecessor; bounds the cost on repetitive sources. */
const MAX_PREDECESSORS = 400;

/**
 * Co-linear chaining: the best-scoring chains of runs, best first, none overlapping
 * another in the commentary. Each chain is a candidate passage. One dynamic programme
 * scores every run as the end of a chain; chains are then taken greedily from the best
 * end down, each cut where it would reuse a run already taken. `accept` judges each
 * chain; `onReject` says whether a rejected chain ends the search ('stop': what follows
 * scores lower still) or is passed over ('skip').
 */
export function bestChains(
  runs: readonly Run[],
  options: ChainOptions,
  accept: (chain: Chain, accepted: number) => boolean,
  onReject: 'stop' | 'skip' = 'stop',
): Chain[] {
  const n = runs.length;
  const { score, prev, trim } = chainScores(runs, options);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
  const used = new Uint8Array(n);
  const chains: Chain[] = [];
  for (const end of order) {
    if (used[end]) continue;
    const path: number[] = [];
    for (let i = end; i >= 0 && !used[i]; i = prev[i]!) path.unshift(i);
    // The first run of a cut path keeps its own start, not the trim its old predecessor needed.
    const chosen = path.map((i, k) => {
      const r = runs[i]!;
      const d = k === 0 ? 0 : trim[i]!;
      return { c: r.c + d, s: r.s + d, length: r.length - d };
    });
    const chain = toChain(chosen, options);
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

function chainScores(runs: readonly Run[], options: ChainOptions) {
  const n = runs.length;
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const trim = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    score[i] = r.length;
    for (let k = i - 1; k >= 0 && k >= i - MAX_PREDECESSORS; k--) {
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
  return { score, prev, trim };
}

/** Whether run `r` may follow run `p` in one chain, and at what cost: gaps cost, an ellipsis bridges. */
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

function toChain(chosen: Run[], options: ChainOptions): Chain {
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;
  let score = 0;
  chosen.forEach((r, k) => {
    score += r.length;
    if (k > 0) score -= linkCost(chosen[k - 1]!, r, options)?.penalty ?? 0;
  });
  return {
    runs: chosen,
    cStart: first.c,
    cEnd: last.c + last.length,
    sStart: first.s,
    sEnd: last.s + last.length,
    matched: chosen.reduce((sum, r) => sum + r.length, 0),
    longest: Math.max(...chosen.map((r) => r.length)),
    score,
  };
}
