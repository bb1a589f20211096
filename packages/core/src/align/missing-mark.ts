import type { Quotation } from '../detect/quotations.js';
import { bestChains } from './chain.js';
import { placeOf } from './places.js';
import { SEED_LENGTH } from './source-index.js';
import { runsIn, trimmed, withTrailingPunctuation, wordsIn, type Located, type LocateState, type Offsets } from './state.js';

/** How many words a quotation with a missing mark may have before its agreement with the source starts. */
const MISSING_MARK_SLACK = 3;

/**
 * Pass 2: quotations missing their opening or closing mark. Their extent is where the
 * agreement with the source ends, bounded by the quotations pass 1 took and by
 * sentence-final emphasis markers.
 */
export function quotationsMissingAMark(state: LocateState, located: Located[], taken: Offsets[]): void {
  const isTaken = (r: Offsets) => taken.some((t) => t.start <= r.start && r.end <= t.end);
  for (const q of state.quotations) {
    if (q.depth > 0 || (q.marks !== 'opening-missing' && q.marks !== 'closing-missing')) continue;
    const mark = (q.open ?? q.close)!;
    if (isTaken(mark)) continue;
    const found = quotationMissingMark(state, q, taken);
    if (!found) continue;
    located.push(found);
    taken.push({
      start: q.open ? q.open.start : found.commentary.start,
      end: q.close ? q.close.end : found.commentary.end,
    });
  }
}

function quotationMissingMark(state: LocateState, q: Quotation, taken: readonly Offsets[]): Located | undefined {
  const text = state.commentary;
  let window = q.content;
  const bounds = [...state.breaks, ...taken];
  if (q.marks === 'closing-missing') {
    const end = bounds.reduce((min, r) => (r.start >= window.start && r.start < min ? r.start : min), window.end);
    window = { start: window.start, end };
  } else {
    const start = bounds.reduce((max, r) => (r.end <= window.end && r.end > max ? r.end : max), window.start);
    window = { start, end: window.end };
  }
  const words = wordsIn(state, window);
  if (words.end - words.start < SEED_LENGTH) return undefined;
  const runs = runsIn(state, words);
  const chains = bestChains(runs, state.chainOptions, (c) => c.matched >= SEED_LENGTH + 1);
  const opening = q.marks === 'closing-missing';
  const chain = opening
    ? chains.filter((c) => c.cStart - words.start <= MISSING_MARK_SLACK).sort((a, b) => a.cStart - b.cStart)[0]
    : chains.filter((c) => words.end - c.cEnd <= MISSING_MARK_SLACK).sort((a, b) => b.cEnd - a.cEnd)[0];
  if (!chain) return undefined;
  const place = placeOf(state, chain, words, opening, !opening);
  // The same evidence as a quotation within its marks: a name and a stock phrase after an
  // opening mark ("the People's Republic of China has never …") are not this place.
  if (!state.weights.isEnough(place.words, place.anchors)) return undefined;
  const tokens = state.commentaryTokens;
  const commentary = opening
    ? { start: trimmed(text, window).start, end: withTrailingPunctuation(state, tokens[place.words.end - 1]!.end, place.source) }
    : { start: tokens[place.words.start]!.start, end: trimmed(text, window).end };
  return {
    kind: 'quotation',
    quotationMarks: q.marks,
    evidence: 'exact',
    commentary,
    words: place.words,
    sourceWords: place.source,
    anchors: place.anchors,
    alternatives: place.alternatives,
  };
}
