import type { Run } from './runs.js';
import { SEED_LENGTH } from './source-index.js';

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
  /** Whether the commentary has an ellipsis between token `from - 1` and token `to`. */
  ellipsisBetween: (from: number, to: number) => boolean;
}

/** How far back the chaining looks for a predecessor; bounds the cost on repetitive sources. */
const MAX_PREDECESSORS = 400;

/**
 * Co-linear chaining: the best-scoring chains of runs, best first, none overlapping
 * another in the commentary. Each chain is a candidate passage; `accept` decides when to
 * stop (the next best chain is not worth reporting).
 */
export function bestChains(runs: readonly Run[], options: ChainOptions, accept: (chain: Chain) => boolean): Chain[] {
  const chains: Chain[] = [];
  let remaining = [...runs];
  while (remaining.length > 0) {
    const chain = bestChain(remaining, options);
    if (!chain || !accept(chain)) break;
    chains.push(chain);
    remaining = remaining.flatMap((r) => outside(r, chain.cStart, chain.cEnd));
  }
  return chains;
}

function bestChain(runs: readonly Run[], options: ChainOptions): Chain | undefined {
  const n = runs.length;
  const score = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  const trim = new Int32Array(n);
  let bestEnd = -1;
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    score[i] = r.length;
    for (let k = i - 1; k >= 0 && k >= i - MAX_PREDECESSORS; k--) {
      const p = runs[k]!;
      const pcEnd = p.c + p.length;
      const psEnd = p.s + p.length;
      const d = Math.max(0, pcEnd - r.c, psEnd - r.s);
      if (d >= r.length) continue;
      const gc = r.c + d - pcEnd;
      const gs = r.s + d - psEnd;
      let penalty: number;
      if (gc <= options.maxGap && gs <= options.maxGap) penalty = 0.5 * (gc + gs);
      else if (gc <= 3 && gs <= options.maxEllipsisGap && options.ellipsisBetween(pcEnd, r.c + d)) penalty = 1;
      else continue;
      const candidate = score[k]! + (r.length - d) - penalty;
      if (candidate > score[i]!) {
        score[i] = candidate;
        prev[i] = k;
        trim[i] = d;
      }
    }
    if (bestEnd < 0 || score[i]! > score[bestEnd]!) bestEnd = i;
  }
  if (bestEnd < 0) return undefined;
  const chosen: Run[] = [];
  for (let i = bestEnd; i >= 0; i = prev[i]!) {
    const r = runs[i]!;
    const d = trim[i]!;
    chosen.unshift({ c: r.c + d, s: r.s + d, length: r.length - d });
  }
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;
  return {
    runs: chosen,
    cStart: first.c,
    cEnd: last.c + last.length,
    sStart: first.s,
    sEnd: last.s + last.length,
    matched: chosen.reduce((sum, r) => sum + r.length, 0),
    longest: Math.max(...chosen.map((r) => r.length)),
    score: score[bestEnd]!,
  };
}

/** The parts of a run outside a commentary range, if still long enough to be a run. */
function outside(r: Run, start: number, end: number): Run[] {
  const out: Run[] = [];
  const rEnd = r.c + r.length;
  if (r.c < start) out.push({ c: r.c, s: r.s, length: Math.min(rEnd, start) - r.c });
  if (rEnd > end) {
    const from = Math.max(r.c, end);
    out.push({ c: from, s: r.s + (from - r.c), length: rEnd - from });
  }
  return out.filter((x) => x.length >= SEED_LENGTH);
}
