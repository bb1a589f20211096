import { shingles } from '@verbatim/core';
import { MIN_SHARED_SHINGLES } from '../candidates.js';
import type { Db } from '../database.js';
import type { QuotedStretch } from './quoted-stretches.js';

/** A source worth aligning with the checked text. */
export interface CheckCandidate {
  vid: number;
  /** Word 4-grams it shares with the whole text: ties between equally good answers go to the source that explains more of the text. */
  shared: number;
}

/** Sources aligned for each quotation: the best, and one more in case the best answers it less well. */
const PER_QUOTATION = 2;
/** Sources aligned for the text as a whole: where its unmarked borrowings may come from. */
const FOR_THE_TEXT = 3;
/** Past this, aligning costs more than a better answer is likely to be worth. */
const MAX_CANDIDATES = 12;
/** Paragraphs read from a full-text match before ranking their documents. */
const MAX_FULL_TEXT_ROWS = 20_000;
/** Paragraphs best ranked by bm25 for a quotation none of whose 4-grams is in the corpus. */
const MAX_RANKED_ROWS = 20;

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
export function checkCandidates(db: Db, text: string, stretches: readonly QuotedStretch[]): CheckCandidate[] {
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
    const rows = db
      .prepare('SELECT s.hash, s.vid FROM json_each(?) AS j JOIN shingles AS s ON s.hash = j.value')
      .raw()
      .all(JSON.stringify(textHashes)) as Array<[number, number]>;
    for (const [hash, vid] of rows) {
      shared.set(vid, (shared.get(vid) ?? 0) + 1);
      for (const i of stretchesOf.get(hash) ?? []) perStretch[i]!.set(vid, (perStretch[i]!.get(vid) ?? 0) + 1);
    }
  }

  const isSource = sourceTest(db);
  const byShared = (a: number, b: number) => (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || a - b;
  const chosen = new Set<number>();
  const take = (vids: Iterable<number>, n: number, better: (a: number, b: number) => number) => {
    for (const vid of best(vids, better, isSource, n)) chosen.add(vid);
  };

  stretches.forEach((stretch, i) => {
    const counts = perStretch[i]!;
    if (counts.size > 0) {
      take(counts.keys(), PER_QUOTATION, (a, b) => counts.get(b)! - counts.get(a)! || byShared(a, b));
    } else if (stretch.hashes.length === 0) {
      if (stretch.words.length >= 2) take(phraseMatches(db, stretch.words), PER_QUOTATION, byShared);
    } else {
      take(contentWordMatches(db, stretch.words), PER_QUOTATION, () => 0);
    }
  });
  const forText = [...shared.keys()].filter((vid) => shared.get(vid)! >= MIN_SHARED_SHINGLES);
  take(forText, FOR_THE_TEXT, byShared);

  return [...chosen]
    .slice(0, MAX_CANDIDATES)
    .map((vid) => ({ vid, shared: shared.get(vid) ?? 0 }))
    .sort((a, b) => byShared(a.vid, b.vid));
}

/**
 * The `n` best of `vids` that are sources, by `better`. Commentaries share the shingle
 * and full-text indexes but are no answer; they are few, so the first `n` plus a margin
 * nearly always hold enough sources, and only then is everything sorted.
 */
function best(vids: Iterable<number>, better: (a: number, b: number) => number, isSource: (vid: number) => boolean, n: number): number[] {
  const all = [...vids];
  const margin = n + 16;
  const top = topOf(all, better, margin).filter(isSource);
  if (top.length >= n || all.length <= margin) return top.slice(0, n);
  return all.sort(better).filter(isSource).slice(0, n);
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

function sourceTest(db: Db): (vid: number) => boolean {
  const kindOf = db.prepare('SELECT kind FROM documents WHERE vid = ?').pluck();
  const known = new Map<number, boolean>();
  return (vid) => {
    let is = known.get(vid);
    if (is === undefined) known.set(vid, (is = kindOf.get(vid) === 'source'));
    return is;
  };
}

/** Documents with a paragraph holding the words as a phrase (FTS5, stemmed as the index is). */
function phraseMatches(db: Db, words: readonly string[]): number[] {
  return db
    .prepare(
      `SELECT DISTINCT p.vid FROM paragraphs_fts JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
       WHERE paragraphs_fts MATCH ? LIMIT ${MAX_FULL_TEXT_ROWS}`,
    )
    .pluck()
    .all(`"${words.join(' ')}"`) as number[];
}

/** Documents of the paragraphs best matching the content words, best first (bm25). */
function contentWordMatches(db: Db, words: readonly string[]): number[] {
  const content = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => !STOP_WORDS.has(w)))];
  if (content.length === 0) return [];
  const vids = db
    .prepare(
      `SELECT p.vid FROM paragraphs_fts JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
       WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ${MAX_RANKED_ROWS}`,
    )
    .pluck()
    .all(content.map((w) => `"${w}"`).join(' OR ')) as number[];
  return [...new Set(vids)];
}
