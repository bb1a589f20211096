import { wordForms, type WordForms } from './normalize.js';

/** A half-open range of offsets into a text. */
export interface Range {
  start: number;
  end: number;
}

/** A word of a text: where it is, and the forms it is compared by. */
export interface Token extends WordForms, Range {
  /** The word is, or contains, an editorial insertion in square brackets ([t]he, [Russia]). */
  bracketed: boolean;
}

export interface TokenizeOptions {
  /** Ranges whose words are not part of the text proper (markers such as "(Italics added)"). */
  exclude?: readonly Range[];
  /** Editorial bracket spans, `[` to `]` inclusive. */
  brackets?: readonly Range[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
/** Scripts written without spaces between words: only a dictionary (ICU's, through Intl.Segmenter) finds their words. */
const NEEDS_DICTIONARY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
/**
 * UAX #29 words for scripts that separate words with spaces: letters, marks and digits,
 * joined by an apostrophe or a full stop between letters (don't, U.S) or by a comma or full
 * stop between digits (1,000.5) — what Intl.Segmenter finds in such text.
 */
const SPACED_WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}\p{Pc}]+(?:['\u2019.\u00B7][\p{L}\p{M}\p{N}\p{Pc}]+)*/gu;
/** Intl.Segmenter slows down on long strings (V8 20 is quadratic there): feed it pieces of this size. */
const CHUNK = 512;
const WHITE_SPACE = /\s/gu;

const COMPOUND_GAP = /^[-\u2010\u2011]$/;
const LINE_BREAK_HYPHEN_GAP = /^[-\u2010\u2011\u00AD][ \t]*(?:\r\n|\r|\n)[ \t>]*$/;
const INVISIBLE_GAP = /^[\u00AD\u200B-\u200D\u2060\uFEFF]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/**
 * The words of a text, segmented with Intl.Segmenter so that any script works.
 * Hyphenated compounds (well-being), words broken across a line with a hyphen, words
 * split by invisible characters and words with a bracketed letter ([t]he) are one token
 * each, so that they compare as one word.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const exclude = options.exclude ?? [];
  const brackets = options.brackets ?? [];
  const words: Range[] = [];
  let ex = 0;
  for (const w of wordSegments(text)) {
    while (ex < exclude.length && exclude[ex]!.end <= w.start) ex++;
    if (ex < exclude.length && exclude[ex]!.start <= w.start) continue;
    words.push(w);
  }
  const merged = mergeWords(text, words, intraWordBrackets(text, brackets));
  let b = 0;
  // Words recur: compute each distinct spelling's forms once per text.
  const forms = new Map<string, ReturnType<typeof wordForms>>();
  return merged.map((w) => {
    while (b < brackets.length && brackets[b]!.end <= w.start) b++;
    const bracketed = b < brackets.length && brackets[b]!.start < w.end;
    const raw = text.slice(w.start, w.end);
    let f = forms.get(raw);
    if (!f) forms.set(raw, (f = wordForms(raw)));
    return { start: w.start, end: w.end, bracketed, fold: f.fold, lower: f.lower, key: f.key, stem: f.stem };
  });
}

/**
 * The word segments of a text, in order. Pieces of text in a script written without spaces
 * go through Intl.Segmenter; the rest through SPACED_WORD, which finds the same words
 * there a hundred times faster.
 */
function* wordSegments(text: string): Generator<Range> {
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      WHITE_SPACE.lastIndex = to;
      const space = WHITE_SPACE.exec(text);
      to = Math.min(space ? space.index + 1 : text.length, from + CHUNK * 8);
    }
    const piece = text.slice(from, to);
    if (NEEDS_DICTIONARY.test(piece)) {
      for (const s of segmenter.segment(piece)) if (s.isWordLike) yield { start: from + s.index, end: from + s.index + s.segment.length };
    } else {
      for (const m of piece.matchAll(SPACED_WORD)) yield { start: from + m.index, end: from + m.index + m[0].length };
    }
    from = to;
  }
}

/** Bracket spans glued to a letter on either side ([t]he, democrac[y]), widened to the whole word. */
function intraWordBrackets(text: string, brackets: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const br of brackets) {
    let start = br.start;
    let end = br.end;
    while (start > 0 && LETTER_OR_DIGIT.test(text[start - 1]!)) start--;
    while (end < text.length && LETTER_OR_DIGIT.test(text[end]!)) end++;
    if (start < br.start || end > br.end) out.push({ start, end });
  }
  return out;
}

function mergeWords(text: string, words: Range[], glued: Range[]): Range[] {
  const out: Range[] = [];
  let g = 0;
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev) {
      while (g < glued.length && glued[g]!.end <= prev.start) g++;
      const gap = w.start - prev.end === 1 && text[prev.end] === ' ' ? ' ' : text.slice(prev.end, w.start);
      const inGlued = g < glued.length && glued[g]!.start <= prev.start && w.end <= glued[g]!.end;
      if (
        gap !== ' ' && (inGlued ||
        COMPOUND_GAP.test(gap) ||
        INVISIBLE_GAP.test(gap) ||
        (LINE_BREAK_HYPHEN_GAP.test(gap) && LETTER_OR_DIGIT.test(text[w.start]!)))
      ) {
        prev.end = w.end;
        continue;
      }
    }
    out.push({ start: w.start, end: w.end });
  }
  // A glued bracket belongs to its word: "[t]he" starts at the bracket.
  let k = 0;
  for (const w of out) {
    while (k < glued.length && glued[k]!.end < w.start) k++;
    const g = glued[k];
    if (g && g.start <= w.end && w.start <= g.end) {
      w.start = Math.min(w.start, g.start);
      w.end = Math.max(w.end, g.end);
    }
  }
  return out;
}
