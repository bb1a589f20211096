import type { Quotation } from '../detect/quotations.js';
import { isInterruption, isPresentedAsWords, isTitleOfAWork } from '../detect/attribution.js';
import { bestChains, type Chain } from './chain.js';
import { placeOf } from './places.js';
import { oneSentenceHoldsItsWords, shortPlaces } from './short-quotations.js';
import type { Run } from './runs.js';
import { SEED_LENGTH } from './source-index.js';
import { extendChain, quotedInSource, runsIn, trimmed, wordsIn, type Located, type LocateState, type Offsets, type WordRange } from './state.js';
import type { QuotationMarks } from '../types.js';
import { isQuotationMark } from '../detect/quotation-marks.js';

/**
 * Pass 1: quotations whose marks give their extent (paired marks, block quotes). Each is
 * aligned within its marks; a quotation inside a quotation may be the only part from the
 * source ("He said: 'the sides oppose…'"), and is then the passage.
 */
export function delimitedQuotations(state: LocateState, located: Located[], taken: Offsets[]): void {
  const isTaken = (r: Offsets) => taken.some((t) => t.start <= r.start && r.end <= t.end);
  const quotations = state.quotations;
  for (let k = 0; k < quotations.length; k++) {
    const q = quotations[k]!;
    if (q.depth > 0 || (q.marks !== 'paired' && q.marks !== 'block')) continue;
    if (isTaken(q.content)) continue;
    let found = byParagraph(state, q) ?? delimitedQuotation(state, q);
    // The source's words may be a quotation inside a quotation inside this one, as deep as
    // the marks go ("she said 'the note reads \"The sides …\"'"): the innermost that holds
    // them all is the passage.
    for (let outer = q, at = k; found.length > 0; ) {
      const inner = innerHolding(state, quotations, outer, at, found);
      if (!inner) break;
      const own = delimitedQuotation(state, inner.quotation);
      if (own.length === 0) break;
      found = own;
      outer = inner.quotation;
      at = inner.index;
    }
    // The first part of a quotation an attribution breaks ("The sides," it said, "oppose …")
    // lies where the second part does, just before it: too short or too common to be placed
    // alone, it is placed by what follows it.
    if (found.length === 0 || found.some((l) => l.alternatives.length > 0)) found = beforeItsSecondPart(state, quotations, k) ?? found;
    if (found.length === 0) continue;
    // The title of a work ("the book 'The Sides Oppose …'") is no quotation of the source, unless
    // it is a title the source names, as the source writes it.
    if (isTitleOfAWork(state.commentary, q) && !asTheSourceWritesIt(state, found)) {
      taken.push({ start: q.open?.start ?? q.content.start, end: q.close?.end ?? q.content.end });
      continue;
    }
    located.push(...found);
    taken.push({ start: q.open?.start ?? q.content.start, end: q.close?.end ?? q.content.end });
  }
}

/**
 * The quotation right inside `outer` (at `index` in `quotations`) whose words hold every
 * word `found` matched, if one does. Quotations are sorted by where their content starts:
 * those inside `outer` follow it, up to the first that starts after it ends (a text of
 * nothing but marks has thousands).
 */
function innerHolding(state: LocateState, quotations: readonly Quotation[], outer: Quotation, index: number, found: readonly Located[]): { quotation: Quotation; index: number } | undefined {
  for (let j = index + 1; j < quotations.length && quotations[j]!.content.start <= outer.content.end; j++) {
    const inner = quotations[j]!;
    if (inner.depth !== outer.depth + 1 || inner.marks !== 'paired' || !within(inner.content, outer.content)) continue;
    const words = wordsIn(state, inner.content);
    if (found.every((l) => l.anchors.every((a) => a.c >= words.start && a.c + a.length <= words.end))) return { quotation: inner, index: j };
  }
  return undefined;
}

/** A quotation between two marks (or a block quote): its extent is given. */
export function delimitedQuotation(state: LocateState, q: Quotation): Located[] {
  const words = wordsIn(state, q.content);
  const n = words.end - words.start;
  const marks = q.marks;
  const content = trimmed(state.commentary, q.content);
  if (n < 2) return [];
  // The whole quotation word for word, at its one place in the source.
  const exact = (at: number): Located =>
    quotation(marks, content, words, { start: at, end: at + n }, [{ c: words.start, s: at, length: n }], []);
  if (n < SEED_LENGTH + 1) {
    // Too short for its words to tell one place from another: at a few places it is
    // verbatim, each place a candidate; at many, a stock phrase (see short-quotations.ts).
    const places = shortPlaces(state, words);
    if (places.some((p) => quotedInSource(state, p))) return [];
    if (places.length > 0) return [quotation(marks, content, words, places[0]!, [{ c: words.start, s: places[0]!.start, length: n }], places.slice(1))];
    if (state.index.occurrences(state.ids.subarray(words.start, words.end), 1).length > 0) return [];
    // Not there word for word: a word changed at its edge ("support colour revolutions"
    // for "oppose colour revolutions") is a change of that word, at the one place that has
    // the others.
    const edge = shortWithChangedEdge(state, words);
    if (edge) return quotedInSource(state, edge.source) ? [] : [quotation(marks, content, words, edge.source, edge.anchors, [])];
    // Words the source does not have: a scare quote of the commentary's own ("the 'new
    // normal'") is no passage, but words presented as someone's ("pledged to 'step up
    // cooperation'", "claimed that they 'support …'") are not found, whatever their length:
    // silence would read as "fine".
    // Unless the words but one at an edge are the source's, at one place, with too little
    // evidence to pin them there ("with no limits", where the source has "has no limits"),
    // or one sentence of the source holds all its content words ("build trust" beside "to
    // build dialogue and mutual trust"): "not found" would call made up what the source may
    // well say in other words. The engine is unsure, and says nothing.
    if (isPresentedAsWords(state.commentary, q, state.quotations) && !edgeAside(state, words) && !oneSentenceHoldsItsWords(state, words)) {
      return [quotation(marks, content, words, null, [], [])];
    }
    return [];
  }
  const runs = runsIn(state, words);
  // The first chain has half the quotation's words, or most of its content words ("the
  // sides are opposed to the further enlargement of NATO": four words of ten, three content
  // words of five) — the quotation is then this place's, its other words changed. Half of
  // them is not enough: "a polycentric world order of lasting peace in Eurasia" is not IV.13.
  //
  // A quotation spliced from two places without a mark ("… of the Convention, including by
  // institutionalizing it …", two paragraphs joined) has half its words at neither: there,
  // the chains taken together must hold that half, each of them a passage of its own.
  const contentWords = state.weights.contentWordsIn(words);
  const holdsHalf = (chains: readonly Chain[]) => {
    const matched = chains.reduce((sum, c) => sum + c.matched, 0);
    return matched >= n / 2 || 2 * state.weights.count(chains.flatMap((c) => c.runs)).content > contentWords;
  };
  const ranked = bestChains(runs, state.chainOptions, (chain, accepted) => (accepted === 0 ? chain.matched >= SEED_LENGTH : chain.matched >= 5));
  // Each piece of a splice is as long as a borrowing, with evidence of its own: a name and
  // a stock phrase ("the People's Republic of China … human rights") are not two places.
  const pieces = ranked.filter((c) => c.matched >= state.minBorrowingWords && state.weights.isEnough({ start: c.cStart, end: c.cEnd }, c.runs));
  const spliced = pieces.length > 1 && pieces.length === ranked.length && holdsHalf(pieces);
  const found = (ranked.length > 0 && (holdsHalf(ranked.slice(0, 1)) || spliced) ? ranked : []).sort((a, b) => a.cStart - b.cStart);
  // Evidence beyond a name or a stock phrase: at least half the quotation's content words,
  // and one that is not part of a name. Less is not this place; the paraphrase pass may
  // still find the quotation's place in other words.
  const enough = state.weights.isEnough(words, found.flatMap((c) => c.runs));
  // A quotation that is all there, word for word, and still has no evidence is a name or a
  // title the source has ("the UN Committee on the Peaceful Uses of Outer Space"): quoting
  // it is not quoting the source, and calling it not found would call it made up.
  if (!enough && found.length === 1 && found[0]!.matched === n) return [];
  const chains = enough ? found : [];
  if (chains.length === 0) {
    // No chain when every seed is too common (a source of one repeated phrase): the first
    // place that has the whole quotation is still an answer.
    const at = found.length === 0 ? state.index.occurrences(state.ids.subarray(words.start, words.end), 1) : [];
    if (at.length === 1) return [exact(at[0]!)];
    if (n < state.minNotFoundWords) return [];
    return [quotation(marks, content, words, null, [], [])];
  }
  const out = chains.map((chain, i): Located => {
    const isFirst = i === 0;
    const isLast = i === chains.length - 1;
    const wordsFrom = isFirst ? words.start : chain.cStart;
    const wordsTo = isLast ? words.end : (chains[i + 1]?.cStart ?? words.end);
    const place = placeOf(state, chain, { start: wordsFrom, end: wordsTo }, isFirst, true);
    const commentary = {
      start: isFirst ? content.start : state.commentaryTokens[place.words.start]!.start,
      end: isLast ? content.end : state.commentaryTokens[place.words.end - 1]!.end,
    };
    return quotation(marks, commentary, place.words, place.source, place.anchors, place.alternatives);
  });
  // Marks around words the source itself puts in quotation marks belong to the source's
  // text ("democratic standards"), not to the commentary: leave them to the borrowings.
  if (out.length === 1 && quotedInSource(state, out[0]!.sourceWords)) return [];
  return out;
}

/**
 * The first part of a quotation broken by an attribution, at the source words just before
 * where its second part (the next quotation) begins, when they are its words; undefined
 * when the quotation is not broken so, or the words before the second part are not its own.
 */
function beforeItsSecondPart(state: LocateState, quotations: readonly Quotation[], k: number): Located[] | undefined {
  const q = quotations[k]!;
  let next = k + 1;
  while (next < quotations.length && quotations[next]!.depth > q.depth) next++;
  const second = quotations[next];
  if (!second || second.depth !== q.depth || second.marks !== 'paired' || !isInterruption(state.commentary, q, second)) return undefined;
  const [after] = delimitedQuotation(state, second);
  const words = wordsIn(state, q.content);
  const n = words.end - words.start;
  if (!after?.sourceWords || after.alternatives.length > 0 || n === 0 || after.sourceWords.start < n) return undefined;
  const at = after.sourceWords.start - n;
  for (let i = 0; i < n; i++) if (state.ids[words.start + i] !== state.index.ids[at + i]) return undefined;
  const place = { start: at, end: at + n };
  return [quotation(q.marks, trimmed(state.commentary, q.content), words, place, [{ c: words.start, s: at, length: n }], [])];
}

const PARAGRAPH_BREAK = /\n[ \t>]*\n/gu;

/**
 * A quotation over paragraphs, aligned a paragraph at a time: a quoter who takes two
 * paragraphs that are not neighbours in the source (II.11 and IV.9) quotes each whole, and
 * aligned as one run of words the first would grow over the second's words as a rewording.
 * Paragraphs whose places follow each other in the source are one passage again (III.16–III.17).
 * Undefined for a quotation of one paragraph.
 */
function byParagraph(state: LocateState, q: Quotation): Located[] | undefined {
  const text = state.commentary.slice(q.content.start, q.content.end);
  const pieces: Offsets[] = [];
  let from = q.content.start;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    pieces.push({ start: from, end: q.content.start + m.index });
    from = q.content.start + m.index + m[0].length;
    // The mark that reopens the quotation at the paragraph's head is no word of it.
    while (from < q.content.end && isQuotationMark(state.commentary[from])) from++;
  }
  if (pieces.length === 0) return undefined;
  pieces.push({ start: from, end: q.content.end });
  const out: Located[] = [];
  for (const piece of pieces) {
    for (const l of delimitedQuotation(state, { ...q, content: piece })) {
      const last = out.at(-1);
      if (last && follows(last, l)) out[out.length - 1] = joined(last, l);
      else out.push(l);
    }
  }
  return out;
}

/** Whether `b` takes up the source where `a` ends, both found at one place. */
function follows(a: Located, b: Located): boolean {
  return a.evidence === 'exact' && b.evidence === 'exact' && a.sourceWords !== null && b.sourceWords !== null && a.alternatives.length === 0 && b.alternatives.length === 0 && a.sourceWords.end === b.sourceWords.start;
}

function joined(a: Located, b: Located): Located {
  return {
    ...a,
    commentary: { start: a.commentary.start, end: b.commentary.end },
    words: { start: a.words.start, end: b.words.end },
    sourceWords: { start: a.sourceWords!.start, end: b.sourceWords!.end },
    anchors: [...a.anchors, ...b.anchors],
  };
}

/** Whether the passages are one, every word of it the source's, letter for letter and capital for capital. */
function asTheSourceWritesIt(state: LocateState, found: readonly Located[]): boolean {
  const [only] = found;
  if (found.length !== 1 || !only!.sourceWords) return false;
  const matched = only!.anchors.reduce((sum, a) => sum + a.length, 0);
  if (matched !== only!.words.end - only!.words.start) return false;
  return only!.anchors.every((a) => {
    for (let k = 0; k < a.length; k++) if (state.commentaryTokens[a.c + k]!.forms.fold !== state.sourceTokens[a.s + k]!.forms.fold) return false;
    return true;
  });
}

/** A quotation found word for word (or not found, with no source words). */
function quotation(marks: QuotationMarks, commentary: Offsets, words: WordRange, sourceWords: WordRange | null, anchors: Run[], alternatives: WordRange[]): Located {
  return { kind: 'quotation', quotationMarks: marks, evidence: 'exact', commentary, words, sourceWords, anchors, alternatives };
}

const MIN_EDGE_CONTENT = 2;

/**
 * A short quotation (three words) whose words but one at an edge occur together at exactly
 * one place of the source, two content words among them and evidence beyond a name (see
 * MatchWeights.isEnough): its place, the edge word standing for the source word next to the
 * others in the same sentence. Undefined when no edge or both edges fit, since then nothing tells the place.
 */
function shortWithChangedEdge(state: LocateState, words: WordRange): { source: WordRange; anchors: Run[] } | undefined {
  const n = words.end - words.start;
  if (n < 3) return undefined;
  const found: Run[] = [];
  for (const start of [words.start + 1, words.start]) {
    const ids = state.ids.subarray(start, start + n - 1);
    const at = state.index.occurrences(ids, 2);
    if (at.length !== 1) continue;
    const run = { c: start, s: at[0]!, length: n - 1 };
    // Two content words at least: "of convenience" is a stock phrase, not a place.
    if (state.weights.isEnough(words, [run]) && state.weights.count([run]).content >= MIN_EDGE_CONTENT) found.push(run);
  }
  if (found.length !== 1) return undefined;
  const run = found[0]!;
  const chain: Chain = { runs: [run], cStart: run.c, cEnd: run.c + run.length, sStart: run.s, sEnd: run.s + run.length, matched: run.length, longest: run.length, score: run.length, evidence: run.length };
  const grown = extendChain(state, chain, words, true, true);
  return { source: grown.source, anchors: [run] };
}

/** Whether the words of a short quotation but its first or its last occur together, once, in the source. */
function edgeAside(state: LocateState, words: WordRange): boolean {
  const n = words.end - words.start;
  if (n < 3) return false;
  return [words.start + 1, words.start].some((start) => state.index.occurrences(state.ids.subarray(start, start + n - 1), 2).length === 1);
}

function within(inner: Offsets, outer: Offsets): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
