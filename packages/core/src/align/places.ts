import type { Chain, RankedChain } from './chain.js';
import type { Run } from './runs.js';
import { extendChain, type LocateState, type WordRange } from './state.js';

/** Most places reported as candidates for one passage. */
const MAX_CANDIDATES = 8;
/** How many source words past the commentary's an edge alignment may look at, and one more for the gap after it. */
const EDGE_REACH = 8;

/** Where a passage lies in both texts, and the runs of words matched exactly there. */
export interface Place {
  words: WordRange;
  source: WordRange;
  anchors: Run[];
  /** Other source places that fit as well (token indices), when the evidence cannot tell them apart. */
  alternatives: WordRange[];
}

/**
 * The place of a passage whose chain the chaining took, among the places that fit as well
 * as far as the chains can tell — its ties: a formula the source repeats ("the sides call
 * on the international community to"). Each is grown over its edges within `limit`; the
 * one whose matched words, edges included, carry more content-word evidence wins ("… to
 * take practical steps" is the paragraph that goes on with "practical steps"), then the one
 * with more words in common. Places equal on both are the passage's candidates: the first
 * in source order stands for them (unless another has the quoted words letter for letter),
 * rather than one picked by the order the search happened to meet them in.
 */
export function placeOf(state: LocateState, chain: RankedChain, limit: WordRange, wholeLeft: boolean, wholeRight: boolean): Place {
  const first = extendChain(state, chain, limit, wholeLeft, wholeRight);
  const ties = chain.ties.filter((c) => c.cStart >= limit.start && c.cEnd <= limit.end);
  if (ties.length === 0) return { words: first.words, source: first.source, anchors: chain.runs, alternatives: [] };
  const grown: Grown[] = [grownPlace(state, chain, first)];
  for (const tie of ties) {
    // A place whose source reads the same, letter for letter, as far as the edges can
    // reach, grows the same way: the repeated formula of a repetitive source costs one
    // edge alignment, not one per place.
    const twin = grown.find((g) => sameSurroundings(state, g.chain, tie, limit));
    if (twin) {
      const shift = tie.sStart - twin.chain.sStart;
      const source = { start: twin.span.source.start + shift, end: twin.span.source.end + shift };
      grown.push({ chain: tie, span: { words: twin.span.words, source }, evidence: twin.evidence, matched: twin.matched });
      continue;
    }
    const span = extendChain(state, tie, limit, wholeLeft, wholeRight);
    grown.push(grownPlace(state, tie, span));
  }
  let best = grown[0]!;
  for (const g of grown) if (g.evidence > best.evidence || (g.evidence === best.evidence && g.matched > best.matched)) best = g;
  const tied = grown
    .filter((g) => g.evidence === best.evidence && g.matched === best.matched)
    .sort((a, b) => a.span.source.start - b.span.source.start)
    .slice(0, MAX_CANDIDATES);
  // The first in source order stands for them, unless another has the quoted words letter
  // for letter where it differs in case: "entering a new era" is compared with the
  // preamble's words, not called a variant of the title's "Entering a New Era". Still a tie.
  const letters = tied.map((g) => sameLetters(state, g.chain.runs, g.span.words.start));
  const lead = tied[letters.indexOf(Math.max(...letters))]!;
  const rest = tied.filter((g) => g !== lead);
  return { words: lead.span.words, source: lead.span.source, anchors: lead.chain.runs, alternatives: rest.map((g) => g.span.source) };
}

/**
 * How many of the words matched in these runs are written the same, letter for letter (the
 * case included), in both texts; the passage's first word (from `first`) is not counted,
 * since its first letter's case is the quoter's sentence's.
 */
function sameLetters(state: LocateState, runs: readonly Run[], first: number): number {
  const c = state.commentaryTokens;
  const s = state.sourceTokens;
  let same = 0;
  for (const r of runs) {
    for (let k = 0; k < r.length; k++) {
      if (r.c + k === first) continue;
      const a = c[r.c + k]!;
      const b = s[r.s + k]!;
      if (a.end - a.start === b.end - b.start && state.commentary.slice(a.start, a.end) === state.source.slice(b.start, b.end)) same++;
    }
  }
  return same;
}

/** A place grown over its edges, and what its matched words prove. */
interface Grown {
  chain: Chain;
  span: { words: WordRange; source: WordRange };
  evidence: number;
  matched: number;
}

function grownPlace(state: LocateState, chain: Chain, span: { words: WordRange; source: WordRange }): Grown {
  const { evidence, matched } = evidenceOfPlace(state, chain, span);
  return { chain, span, evidence, matched };
}

/**
 * Whether two chains have the same runs over the same commentary words, and their source
 * places read the same, as text, as far as an edge within `limit` can reach (the edge
 * alignment looks a few words past the commentary's).
 */
function sameSurroundings(state: LocateState, a: Chain, b: Chain, limit: WordRange): boolean {
  if (a.runs.length !== b.runs.length || a.cStart !== b.cStart || a.cEnd !== b.cEnd) return false;
  const shift = b.sStart - a.sStart;
  for (let k = 0; k < a.runs.length; k++) {
    const ra = a.runs[k]!;
    const rb = b.runs[k]!;
    if (ra.c !== rb.c || ra.length !== rb.length || rb.s - ra.s !== shift) return false;
  }
  const reach = limit.end - limit.start + EDGE_REACH;
  const tokens = state.sourceTokens;
  const around = (c: Chain) => {
    const from = c.sStart - reach;
    const to = c.sEnd + reach;
    if (from < 0 || to > tokens.length) return undefined;
    return state.source.slice(from === 0 ? 0 : tokens[from - 1]!.end, to === tokens.length ? state.source.length : tokens[to]!.start);
  };
  const textA = around(a);
  return textA !== undefined && textA === around(b);
}

/**
 * What a place's matched words prove: the chain's runs, and the words its edges share with
 * the commentary's (as a multiset: each word once), each weighed as the quoted word it
 * matches (see MatchWeights.of). And how many words that is.
 */
function evidenceOfPlace(state: LocateState, chain: Chain, span: { words: WordRange; source: WordRange }): { evidence: number; matched: number } {
  let evidence = state.weights.ofRuns(chain.runs);
  let matched = chain.matched;
  const edges: Array<[WordRange, WordRange]> = [
    [{ start: span.words.start, end: chain.cStart }, { start: span.source.start, end: chain.sStart }],
    [{ start: chain.cEnd, end: span.words.end }, { start: chain.sEnd, end: span.source.end }],
  ];
  for (const [c, s] of edges) {
    if (c.end <= c.start || s.end <= s.start) continue;
    // Word ids: a word the source never uses, or one the quoter wrote in brackets, is -1 and matches nothing.
    const wanted = new Map<number, number[]>();
    for (let i = c.start; i < c.end; i++) {
      const id = state.ids[i]!;
      if (id < 0) continue;
      const at = wanted.get(id);
      if (at) at.push(i);
      else wanted.set(id, [i]);
    }
    for (let j = s.start; j < s.end; j++) {
      const id = state.index.ids[j]!;
      const left = wanted.get(id);
      const c = left?.shift();
      if (c === undefined) continue;
      evidence += state.weights.of(c, 1);
      matched++;
    }
  }
  return { evidence, matched };
}
