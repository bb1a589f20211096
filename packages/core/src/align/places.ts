import type { Chain, RankedChain } from './chain.js';
import type { Run } from './runs.js';
import { extendChain, type LocateState, type WordRange } from './state.js';

/** Most places reported as candidates for one passage. */
const MAX_CANDIDATES = 8;

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
 * as far as the chains can tell: the chain's ties and the places where all its runs recur
 * at the same distances (a formula the source repeats: "the sides call on the international
 * community to"). Each is grown over its edges within `limit`; the one whose matched words,
 * edges included, carry more content-word evidence wins ("… to take practical steps" is
 * the paragraph that has "practical steps"), then the one with more words in common. Places
 * equal on both are the passage's candidates: the first in source order stands for them,
 * rather than one picked by the order the search happened to meet them in.
 */
export function placeOf(state: LocateState, chain: RankedChain, limit: WordRange, wholeLeft: boolean, wholeRight: boolean): Place {
  const chains = [chain, ...chain.ties, ...recurrences(state, chain)].filter(
    (c, i, all) => c.cStart >= limit.start && c.cEnd <= limit.end && all.findIndex((o) => o.sStart === c.sStart) === i,
  );
  const grown = chains.map((c) => ({ chain: c, span: extendChain(state, c, limit, wholeLeft, wholeRight) }));
  if (grown.length === 1) return { ...grown[0]!.span, anchors: chain.runs, alternatives: [] };
  const scored = grown.map((g) => ({ ...g, ...evidenceOfPlace(state, g.chain, g.span) }));
  let best = scored[0]!;
  for (const s of scored) if (s.evidence > best.evidence || (s.evidence === best.evidence && s.matched > best.matched)) best = s;
  const tied = scored
    .filter((s) => s.evidence === best.evidence && s.matched === best.matched)
    .sort((a, b) => a.span.source.start - b.span.source.start)
    .slice(0, MAX_CANDIDATES);
  const [lead, ...rest] = tied;
  return { ...lead!.span, anchors: lead!.chain.runs, alternatives: rest.map((s) => s.span.source) };
}

/**
 * The other source places where all of a chain's runs recur in the same order at the same
 * distances — found from the source index, so a seed too common to be searched (a source
 * that repeats itself) still yields them.
 */
function recurrences(state: LocateState, chain: Chain): Chain[] {
  const [first, ...rest] = chain.runs;
  if (!first) return [];
  const ids = state.index.ids;
  const out: Chain[] = [];
  for (const at of state.index.occurrences(state.ids.subarray(first.c, first.c + first.length), MAX_CANDIDATES + 1)) {
    const shift = at - first.s;
    if (shift === 0) continue;
    const same = rest.every((r) => {
      const s = r.s + shift;
      if (s < 0 || s + r.length > ids.length) return false;
      for (let k = 0; k < r.length; k++) if (ids[s + k] !== state.ids[r.c + k]) return false;
      return true;
    });
    if (!same) continue;
    out.push({ ...chain, runs: chain.runs.map((r) => ({ ...r, s: r.s + shift })), sStart: chain.sStart + shift, sEnd: chain.sEnd + shift });
  }
  return out;
}

/**
 * What a place's matched words prove: the chain's runs, and the words its edges share with
 * the commentary's (as a multiset: each word once), weighed on the source's
 * side. And how many words that is.
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
      if (id >= 0) wanted.set(id, [...(wanted.get(id) ?? []), i]);
    }
    for (let j = s.start; j < s.end; j++) {
      const id = state.index.ids[j]!;
      const left = wanted.get(id);
      const c = left?.shift();
      if (c === undefined) continue;
      evidence += state.weights.of(j, c, 1);
      matched++;
    }
  }
  return { evidence, matched };
}
