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
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const start = s.index;
    while (ex < exclude.length && exclude[ex]!.end <= start) ex++;
    if (ex < exclude.length && exclude[ex]!.start <= start) continue;
    words.push({ start, end: start + s.segment.length });
  }
  const merged = mergeWords(text, words, intraWordBrackets(text, brackets));
  let b = 0;
  return merged.map((w) => {
    while (b < brackets.length && brackets[b]!.end <= w.start) b++;
    const bracketed = b < brackets.length && brackets[b]!.start < w.end;
    return { start: w.start, end: w.end, bracketed, ...wordForms(text.slice(w.start, w.end)) };
  });
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
      const gap = text.slice(prev.end, w.start);
      const inGlued = g < glued.length && glued[g]!.start <= prev.start && w.end <= glued[g]!.end;
      if (
        inGlued ||
        COMPOUND_GAP.test(gap) ||
        INVISIBLE_GAP.test(gap) ||
        (LINE_BREAK_HYPHEN_GAP.test(gap) && LETTER_OR_DIGIT.test(text[w.start]!))
      ) {
        prev.end = w.end;
        continue;
      }
    }
    out.push({ start: w.start, end: w.end });
  }
  return out;
}
