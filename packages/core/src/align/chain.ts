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
  /** What its matched words prove about the place (their content words, weighed); `matched` when the options weigh nothing. */
  evidence: number;
}

/** A chain taken, and the chains over the same commentary words at other source places that are as strong on every count. */
export interface RankedChain extends Chain {
  ties: Chain[];
}

export interface ChainOptions {
  /** Most words either text may have between two runs of one chain. */
  maxGap: number;
  /** Most source words an ellipsis may stand for between two runs of one chain. */
  maxEllipsisGap: number;
  /**
   * Whether the commentary has an ellipsis between token `from - 1` and token `to` (token
   * indices, not offsets). An ellipsis between two words is between any two around them.
   */
  ellipsisBetweenWords: (from: number, to: number) => boolean;
  /** Most source words a bracket may stand for, or cut silently, between two runs (0: none). */
  maxBracketGap?: number;
  /** Whether the commentary words from `from` to `to` (token indices) are all inside editorial brackets. */
  bracketedWords?: (from: number, to: number) => boolean;
  /**
   * The evidence of `length` commentary words from word `c` on, matched (token indices):
   * chains that compete for the same commentary words are ranked by it before their length,
   * so a place that shares the quotation's content words beats one that shares more "of the"
   * and names. Without it, every word weighs one.
   */
  weigh?: (c: number, length: number) => number;
}

/** How far back the chaining looks for a predecessor; bounds the cost on repetitive sources. */
const MAX_PREDECESSORS = 400;
/** Most ties kept for one chain: enough to show a reader that a formula recurs. */
const MAX_TIES = 8;

/**
 * Co-linear chaining: the best chains of runs, best first, none overlapping another in the
 * commentary. Each chain is a candidate passage. One dynamic programme scores every run
 * as the end of a chain; chains are then taken greedily from the best end down — the most
 * evidence first, then the highest score — each cut where it would reuse a run already
 * taken. `accept` judges each chain; `onReject` says whether a rejected chain ends the
 * search ('stop': what follows is weaker still) or is passed over ('skip'). A chain passed
 * over because it covers the commentary words of one taken, at another source place, with
 * the same evidence and score, is kept as one of that chain's `ties`: nothing in the runs
 * can tell the two places apart.
 */
export function bestChains(
  runs: readonly Run[],
  options: ChainOptions,
  accept: (chain: Chain, accepted: number) => boolean,
  onReject: 'stop' | 'skip' = 'stop',
): RankedChain[] {
  const n = runs.length;
  const work = scratchFor(n);
  try {
    return chainsFrom(runs, options, accept, onReject, work);
  } finally {
    release(work);
  }
}

function chainsFrom(
  runs: readonly Run[],
  options: ChainOptions,
  accept: (chain: Chain, accepted: number) => boolean,
  onReject: 'stop' | 'skip',
  work: Scratch,
): RankedChain[] {
  const n = runs.length;
  const { score, prev, trim, evidence, used } = work;
  chainScores(runs, options, score, prev, trim);
  chainEvidence(runs, options, prev, trim, evidence);
  const order = rankedEnds(evidence, score, n);
  used.fill(0, 0, n);
  const chains: RankedChain[] = [];
  /** The end each chain was built from, to compare a later end with. */
  const ends: number[] = [];
  const build = (end: number): RankedChain => toChain(chosenRuns(runs, end, prev, trim, used), options);
  // Loops written out, with no callback: this runs for every run of every chaining.
  for (let x = 0; x < order.length; x++) {
    const end = order[x]!;
    if (used[end]) continue;
    // The chain's extent in the commentary is known before it is built: its first run keeps
    // its own start, its last run ends where it ends. One overlapping a chain already taken
    // is passed over without building it, unless it ties with that chain.
    let first = end;
    while (prev[first]! >= 0 && !used[prev[first]!]) first = prev[first]!;
    const cStart = runs[first]!.c;
    const cEnd = runs[end]!.c + runs[end]!.length;
    let overlapped = -1;
    for (let k = 0; k < chains.length && overlapped < 0; k++) if (chains[k]!.cStart < cEnd && cStart < chains[k]!.cEnd) overlapped = k;
    if (overlapped >= 0) {
      const taken = chains[overlapped]!;
      const at = ends[overlapped]!;
      if (taken.ties.length < MAX_TIES && evidence[end] === evidence[at] && score[end] === score[at]) {
        const tie = build(end);
        const same = tie.evidence === taken.evidence && tie.score === taken.score;
        const elsewhere = tie.sEnd <= taken.sStart || taken.sEnd <= tie.sStart;
        if (same && elsewhere && apartInSource(tie, taken.ties) && accept(tie, overlapped)) taken.ties.push(tie);
      }
      continue;
    }
    const chain = build(end);
    if (!accept(chain, chains.length)) {
      if (onReject === 'stop') break;
      continue;
    }
    for (let i = end; i >= 0 && !used[i]; i = prev[i]!) used[i] = 1;
    chains.push(chain);
    ends.push(end);
  }
  // A tie that reaches into another chain taken is not the same passage.
  for (const chain of chains) {
    if (chain.ties.length === 0) continue;
    chain.ties = chain.ties.filter((t) => chains.every((c) => c === chain || t.cEnd <= c.cStart || c.cEnd <= t.cStart));
  }
  return chains;
}

/**
 * The runs of the chain that ends with run `end`, first to last, up to one already taken,
 * each trimmed as it follows its predecessor. The first run of a cut path keeps its own
 * start, not the trim its old predecessor needed.
 */
function chosenRuns(runs: readonly Run[], end: number, prev: Int32Array, trim: Int32Array, used: Uint8Array): Run[] {
  const chosen: Run[] = [];
  for (let i = end; i >= 0 && !used[i]; i = prev[i]!) {
    const r = runs[i]!;
    const first = prev[i]! < 0 || used[prev[i]!] === 1;
    const d = first ? 0 : trim[i]!;
    chosen.push({ c: r.c + d, s: r.s + d, length: r.length - d });
  }
  return chosen.reverse();
}

/** Whether a chain lies apart, in the source, from each of some others. */
function apartInSource(chain: Chain, others: readonly Chain[]): boolean {
  for (const t of others) if (!(chain.sEnd <= t.sStart || t.sEnd <= chain.sStart)) return false;
  return true;
}

/**
 * The evidence of the best chain ending with each run, along the predecessors the scores
 * chose (a predecessor always comes first in the list, so one pass suffices).
 */
function chainEvidence(runs: readonly Run[], options: ChainOptions, prev: Int32Array, trim: Int32Array, evidence: Float64Array): void {
  const weigh = options.weigh ?? ((_c: number, length: number) => length);
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    const t = prev[i]! >= 0 ? trim[i]! : 0;
    evidence[i] = (prev[i]! >= 0 ? evidence[prev[i]!]! : 0) + weigh(r.c + t, r.length - t);
  }
}

/**
 * The best score of a chain ending with each run, its predecessor there and the words
 * the run gives up to follow it: every run up to MAX_PREDECESSORS before is a candidate
 * predecessor. When there are many runs, only those close enough in the source to link
 * are tried.
 */
function chainScores(runs: readonly Run[], options: ChainOptions, score: Float64Array, prev: Int32Array, trim: Int32Array): void {
  const n = runs.length;
  prev.fill(-1, 0, n);
  trim.fill(0, 0, n);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, runs[i]!.length);
  // A predecessor links only if it starts in this window of the source before the run's
  // own start (see linkPenalty: a source gap of at most one of these, and its words before the
  // run's end). Without an ellipsis anywhere among the runs, an ellipsis bridges nothing.
  const ellipsis = n > BY_SOURCE_FROM && options.ellipsisBetweenWords(commentaryStart(runs), commentaryEnd(runs));
  const sourceReach = Math.max(options.maxGap, ellipsis ? options.maxEllipsisGap : 0, options.maxBracketGap ?? 0) + longest;
  // Many runs (a passage that fits many places of a repetitive source): the predecessors
  // are looked for among the runs near in the source, found through an order by source
  // position, rather than among all MAX_PREDECESSORS before.
  const bySource = n > BY_SOURCE_FROM ? sourceOrder(runs) : undefined;
  const sources = bySource ? Int32Array.from(bySource, (k) => runs[k]!.s) : undefined;
  for (let i = 0; i < n; i++) {
    const r = runs[i]!;
    const rs = r.s;
    const length = r.length;
    score[i] = length;
    // Every candidate predecessor k (i - MAX_PREDECESSORS <= k < i), in whichever order.
    if (bySource && sources) {
      // Runs starting in [rs - sourceReach, rs + length): a predecessor starting later gives
      // up all its words. Taken when there are fewer of them than runs to try otherwise.
      const from = lowerBound(sources, rs - sourceReach);
      const to = lowerBound(sources, rs + length);
      if (to - from < Math.min(i, MAX_PREDECESSORS)) {
        for (let x = from; x < to; x++) {
          const k = bySource[x]!;
          if (k < i && k >= i - MAX_PREDECESSORS) link(runs, options, i, k, score, prev, trim);
        }
        continue;
      }
    }
    for (let k = i - 1; k >= 0 && k >= i - MAX_PREDECESSORS; k--) link(runs, options, i, k, score, prev, trim);
  }
}

/**
 * Run `k` as the predecessor of run `i`, if it may precede it (linkPenalty, written out: this
 * is the engine's inner loop on repetitive sources) and gives a better score; on a tie the
 * nearer predecessor, so the answer does not depend on the order candidates come in.
 */
function link(runs: readonly Run[], options: ChainOptions, i: number, k: number, score: Float64Array, prev: Int32Array, trim: Int32Array): void {
  const r = runs[i]!;
  const p = runs[k]!;
  const pcEnd = p.c + p.length;
  const psEnd = p.s + p.length;
  let t = pcEnd - r.c > psEnd - r.s ? pcEnd - r.c : psEnd - r.s;
  if (t < 0) t = 0;
  if (t >= r.length) return;
  const gc = r.c + t - pcEnd;
  const gs = r.s + t - psEnd;
  let penalty: number;
  if (gc <= options.maxGap && gs <= options.maxGap) penalty = 0.5 * (gc + gs);
  else if (gc <= ELLIPSIS_COMMENTARY_GAP && gs <= options.maxEllipsisGap && options.ellipsisBetweenWords(pcEnd, r.c + t)) penalty = 1;
  else if (gc >= 1 && gs <= (options.maxBracketGap ?? 0) && options.bracketedWords?.(pcEnd, r.c + t)) penalty = 1;
  else return;
  const candidate = score[k]! + (r.length - t) - penalty;
  if (candidate > score[i]! || (candidate === score[i]! && prev[i]! >= 0 && k > prev[i]!)) {
    score[i] = candidate;
    prev[i] = k;
    trim[i] = t;
  }
}

/** The indices of runs in order of source position (then index), by a numeric sort of packed keys. */
function sourceOrder(runs: readonly Run[]): Int32Array {
  const n = runs.length;
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = runs[k]!.s * n + k;
  keys.sort();
  const order = new Int32Array(n);
  for (let x = 0; x < n; x++) order[x] = keys[x]! % n;
  return order;
}

/** Where the first run starts in the commentary, and where the last one ends. */
function commentaryStart(runs: readonly Run[]): number {
  let start = Infinity;
  for (const r of runs) start = Math.min(start, r.c);
  return start;
}

function commentaryEnd(runs: readonly Run[]): number {
  let end = 0;
  for (const r of runs) end = Math.max(end, r.c + r.length);
  return end;
}

/** From how many runs chainScores looks for predecessors by source position. */
const BY_SOURCE_FROM = 64;

/**
 * The per-run numbers of one chaining (score, predecessor, trim, evidence, taken), in typed
 * arrays kept from call to call: an alignment chains a few dozen times, a few dozen runs
 * each, and making five arrays each time cost more than filling them. Kept only up to
 * KEPT_RUNS runs, so a long-running process holds little; a call while one is under way
 * (none does so today) gets arrays of its own.
 */
interface Scratch {
  score: Float64Array;
  prev: Int32Array;
  trim: Int32Array;
  evidence: Float64Array;
  used: Uint8Array;
}

const KEPT_RUNS = 4096;
let kept: Scratch | undefined;
/** Whether `kept` is lent out. */
let lent = false;

function scratchOf(n: number): Scratch {
  return { score: new Float64Array(n), prev: new Int32Array(n), trim: new Int32Array(n), evidence: new Float64Array(n), used: new Uint8Array(n) };
}

function scratchFor(n: number): Scratch {
  if (lent || n > KEPT_RUNS) return scratchOf(n);
  if (!kept || kept.score.length < n) kept = scratchOf(Math.min(KEPT_RUNS, Math.max(n, 2 * (kept?.score.length ?? 0))));
  lent = true;
  return kept;
}

function release(work: Scratch): void {
  if (work === kept) lent = false;
}

/** Below this many runs the ends are ranked by insertion, which beats a sort call on a few dozen. */
const INSERTION_RANK_UNTIL = 64;

/**
 * The runs' indices in the order chains are taken from them: the most evidence first, then
 * the highest score, then the earlier run.
 */
function rankedEnds(evidence: Float64Array, score: Float64Array, n: number): number[] {
  const order: number[] = [];
  if (n > INSERTION_RANK_UNTIL) {
    for (let i = 0; i < n; i++) order.push(i);
    return order.sort((a, b) => evidence[b]! - evidence[a]! || score[b]! - score[a]! || a - b);
  }
  for (let i = 0; i < n; i++) {
    // Each run goes after every earlier one that ranks before it or equal (it is later).
    let j = i;
    while (j > 0) {
      const p = order[j - 1]!;
      if (evidence[i]! > evidence[p]! || (evidence[i] === evidence[p] && score[i]! > score[p]!)) {
        order[j] = p;
        j--;
      } else break;
    }
    order[j] = i;
  }
  return order;
}

/** The first index whose value is at least `value` in an ascending array. */
function lowerBound(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Most commentary words between two runs an ellipsis joins. */
const ELLIPSIS_COMMENTARY_GAP = 3;

/** What it costs run `r` to follow run `p` in one chain (gaps cost, an ellipsis bridges); 0 when it may not follow it. */
function linkPenalty(p: Run, r: Run, options: ChainOptions): number {
  const pcEnd = p.c + p.length;
  const psEnd = p.s + p.length;
  const trim = Math.max(0, pcEnd - r.c, psEnd - r.s);
  if (trim >= r.length) return 0;
  const gc = r.c + trim - pcEnd;
  const gs = r.s + trim - psEnd;
  if (gc <= options.maxGap && gs <= options.maxGap) return 0.5 * (gc + gs);
  if (gc <= ELLIPSIS_COMMENTARY_GAP && gs <= options.maxEllipsisGap && options.ellipsisBetweenWords(pcEnd, r.c + trim)) return 1;
  if (gc >= 1 && gs <= (options.maxBracketGap ?? 0) && options.bracketedWords?.(pcEnd, r.c + trim)) return 1;
  return 0;
}

function toChain(chosen: Run[], options: ChainOptions): RankedChain {
  const first = chosen[0]!;
  const last = chosen[chosen.length - 1]!;
  let score = 0;
  let matched = 0;
  let longest = -Infinity;
  let evidence = 0;
  for (let k = 0; k < chosen.length; k++) {
    const r = chosen[k]!;
    score += r.length;
    if (k > 0) score -= linkPenalty(chosen[k - 1]!, r, options);
    matched += r.length;
    longest = Math.max(longest, r.length);
    evidence += options.weigh ? options.weigh(r.c, r.length) : r.length;
  }
  return { runs: chosen, cStart: first.c, cEnd: last.c + last.length, sStart: first.s, sEnd: last.s + last.length, matched, longest, score, evidence, ties: [] };
}
