import { bestChains } from './chain.js';
import { placeOf } from './places.js';
import { findRuns } from './runs.js';
import { withTrailingPunctuation, wordsIn, type Located, type LocateState, type Offsets } from './state.js';

/** Ordinary content words (not names, not function words) a borrowing needs. */
const MIN_PLAIN_WORDS = 2;

/**
 * Pass 3: unmarked borrowings in what the quotations left of the commentary — stretches of
 * at least `minBorrowingWords` consecutive source words.
 */
export function borrowings(state: LocateState, located: Located[], taken: readonly Offsets[]): void {
  for (const segment of freeSegments(state, taken)) located.push(...borrowingsIn(state, segment));
}

function borrowingsIn(state: LocateState, segment: Offsets): Located[] {
  const words = wordsIn(state, segment);
  if (words.end - words.start < state.minBorrowingWords) return [];
  const runs = findRuns(state.index, state.ids, words);
  // Eight words in common are not a borrowing when they are a name or a title ("the Treaty
  // on the Non-Proliferation of Nuclear Weapons"): it needs ordinary content words too.
  const chains = bestChains(
    runs,
    state.chainOptions,
    (c) => c.longest >= state.minBorrowingWords && state.weights.count(c.runs).plain >= MIN_PLAIN_WORDS,
    'skip',
  );
  const tokens = state.commentaryTokens;
  chains.sort((a, b) => a.cStart - b.cStart);
  let taken = words.start;
  const out: Located[] = [];
  chains.forEach((chain, i) => {
    // Chains of one segment grow towards each other, never into each other.
    const limit = { start: taken, end: chains[i + 1]?.cStart ?? words.end };
    const place = placeOf(state, chain, limit, false, false);
    if (!state.weights.isEnough(place.words, place.anchors)) return;
    taken = place.words.end;
    out.push({
      kind: 'borrowing',
      quotationMarks: null,
      evidence: 'exact',
      commentary: { start: tokens[place.words.start]!.start, end: withTrailingPunctuation(state, tokens[place.words.end - 1]!.end, place.source) },
      words: place.words,
      sourceWords: place.source,
      anchors: place.anchors,
      alternatives: place.alternatives,
    });
  });
  return out;
}

/** The commentary outside quotations, cut at paragraph ends and at sentence-final emphasis markers. */
function freeSegments(state: LocateState, taken: readonly Offsets[]): Offsets[] {
  const cuts = [...taken, ...state.breaks].sort((a, b) => a.start - b.start);
  const out: Offsets[] = [];
  let first = 0;
  for (const para of state.commentaryBlocks) {
    while (first < cuts.length && cuts[first]!.end <= para.start) first++;
    let from = para.start;
    for (let k = first; k < cuts.length && cuts[k]!.start < para.end; k++) {
      const cut = cuts[k]!;
      if (cut.end <= para.start) continue;
      if (cut.start > from) out.push({ start: from, end: cut.start });
      from = Math.max(from, cut.end);
    }
    if (from < para.end) out.push({ start: from, end: para.end });
  }
  return out;
}
