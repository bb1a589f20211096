import { shingles } from '@verbatim/core';
import { MIN_SHARED_SHINGLES } from '../min-shared-shingles.js';
import { ask, type Plan } from './lookups.js';
import type { QuotedStretch } from './quoted-stretches.js';

/** A source worth aligning with the checked text. */
export interface CheckCandidate {
  vid: number;
  /** Word 4-grams it shares with the whole text: ties between equally good answers go to the source that explains more of the text. */
  shared: number;
  /**
   * The quotations (indices into the stretches) it was found for. Its alignment's silence on
   * one of them says the quotation's words are there but too few to place; its silence on a
   * quotation it was not found for says nothing.
   */
  quotations: ReadonlySet<number>;
}

/** Sources aligned for each quotation: the best, and one more in case the best answers it less well. */
const PER_QUOTATION = 2;
/** Sources aligned for the text as a whole: where its unmarked borrowings may come from. */
const FOR_THE_TEXT = 3;
/** Past this, aligning costs more than a better answer is likely to be worth. */
const MAX_CANDIDATES = 12;

/**
 * Words too common to say where a reworded quotation comes from; the content words left
 * find the paragraph a quotation from another translation renders.
 */
const STOP_WORDS = new Set(
  ('a an and are as at be been but by for from has have he her his i in is it its not of on or our she that the their them ' +
    'there these they this those to was we were which will with you').split(' '),
);

/**
 * The few sources a pasted text should be aligned with, found through the indexes rather
 * than by aligning everything: for each quotation, the sources sharing most of its word
 * 4-grams; for a quotation too short to have 4-grams ("no limits"), the sources with the
 * phrase, through the full-text index; for one whose 4-grams are nowhere (reworded, or a
 * quotation from another translation), the paragraphs with most of its content words
 * (bm25); and for the text as a whole, the sources sharing most of its 4-grams, where its
 * borrowings come from. Ties go to the source sharing more of the whole text, then to
 * the one stored first.
 */
export function* candidatesPlan(text: string, stretches: readonly QuotedStretch[]): Plan<CheckCandidate[]> {
  const textHashes = shingles(text);
  const shared = new Map<number, number>();
  const perStretch = stretches.map(() => new Map<number, number>());
  const stretchesOf = new Map<number, number[]>();
  stretches.forEach((s, i) => {
    for (const hash of s.hashes) {
      const list = stretchesOf.get(hash);
      if (list) list.push(i);
      else stretchesOf.set(hash, [i]);
    }
  });
  if (textHashes.length > 0) {
    const rows = yield* ask({ ask: 'shingles', hashes: textHashes });
    for (const [hash, vid] of rows) {
      shared.set(vid, (shared.get(vid) ?? 0) + 1);
      for (const i of stretchesOf.get(hash) ?? []) perStretch[i]!.set(vid, (perStretch[i]!.get(vid) ?? 0) + 1);
    }
  }
  const sources = new SourceKinds();
  const byShared = (a: number, b: number) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || a - b;
  /** Each chosen source, with the quotations it was found for. */
  const chosen = new Map<number, Set<number>>();
  function* take(vids: Iterable<number>, n: number, better: (a: number, b: number) => number, quotation?: number): Plan<number> {
    const taken = yield* best(vids, better, sources, n);
    for (const vid of taken) {
      let quotations = chosen.get(vid);
      if (!quotations) chosen.set(vid, (quotations = new Set()));
      if (quotation !== undefined) quotations.add(quotation);
    }
    return taken.length;
  }
  for (const [i, stretch] of stretches.entries()) {
    const counts = perStretch[i]!;
    if (counts.size > 0) {
      yield* take(counts.keys(), PER_QUOTATION, (a, b) => counts.get(b)! - counts.get(a)! || byShared(a, b), i);
      continue;
    }
    if (stretch.hashes.length === 0) {
      if (stretch.words.length < 2) continue;
      // "without limits" is no source's phrase, but a source that says "no limits" is the
      // one whose alignment can tell the quotation is not made up.
      if ((yield* take(yield* ask({ ask: 'phrase', words: stretch.words }), PER_QUOTATION, byShared, i)) > 0) continue;
    }
    const content = contentWords(stretch.words);
    if (content.length > 0) yield* take(yield* ask({ ask: 'anyWords', words: content }), PER_QUOTATION, () => 0, i);
  }
  const forText = [...shared.keys()].filter((vid) => shared.get(vid)! >= MIN_SHARED_SHINGLES);
  yield* take(forText, FOR_THE_TEXT, byShared);
  return [...chosen]
    .slice(0, MAX_CANDIDATES)
    .map(([vid, quotations]) => ({ vid, shared: shared.get(vid) ?? 0, quotations }))
    .sort((a, b) => byShared(a.vid, b.vid));
}

/** A quotation's words that say what it is about, each once. */
function contentWords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.toLowerCase()).filter((w) => !STOP_WORDS.has(w)))];
}

/**
 * The `n` best of `vids` that are sources, by `better`. Commentaries share the shingle
 * and full-text indexes but are no answer; they are few, so the first `n` plus a margin
 * nearly always hold enough sources, and only then is everything sorted.
 */
function* best(vids: Iterable<number>, better: (a: number, b: number) => number, sources: SourceKinds, n: number): Plan<number[]> {
  const all = [...vids];
  const margin = n + 16;
  const top = yield* sources.filter(topOf(all, better, margin));
  if (top.length >= n || all.length <= margin) return top.slice(0, n);
  return (yield* sources.filter(all.sort(better))).slice(0, n);
}

/** The `m` smallest items by `compare`, in order, without sorting all of them. */
function topOf(items: readonly number[], compare: (a: number, b: number) => number, m: number): number[] {
  const top: number[] = [];
  for (const item of items) {
    if (top.length === m && compare(item, top[m - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1]!) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > m) top.pop();
  }
  return top;
}

/** Which versions are sources, asked once per version however often a check needs to know. */
class SourceKinds {
  readonly #known = new Map<number, boolean>();

  /** The sources among `vids`, in their order. */
  *filter(vids: readonly number[]): Plan<number[]> {
    const unknown = vids.filter((vid) => !this.#known.has(vid));
    if (unknown.length > 0) {
      const sources = yield* ask({ ask: 'sources', vids: unknown });
      for (const vid of unknown) this.#known.set(vid, sources.has(vid));
    }
    return vids.filter((vid) => this.#known.get(vid));
  }
}

/** Paragraphs read from a full-text match before ranking their documents (either engine). */
export const MAX_FULL_TEXT_ROWS = 20_000;
/** Paragraphs best ranked for a quotation none of whose 4-grams is in the corpus (either engine). */
export const MAX_RANKED_ROWS = 20;
