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

/** Made on first use: loading ICU's word rules costs milliseconds, and most texts never need them. */
let segmenter: Intl.Segmenter | undefined;
/** Scripts written without spaces between words: only a dictionary (ICU's, through Intl.Segmenter) finds their words. */
const NEEDS_DICTIONARY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
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
function wordSegments(text: string): Range[] {
  const out: Range[] = [];
  if (!NEEDS_DICTIONARY.test(text)) return scanSpacedWords(text, 0, text.length, out);
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      WHITE_SPACE.lastIndex = to;
      const space = WHITE_SPACE.exec(text);
      to = Math.min(space ? space.index + 1 : text.length, from + CHUNK * 8);
    }
    const piece = text.slice(from, to);
    if (NEEDS_DICTIONARY.test(piece)) {
      for (const s of (segmenter ??= new Intl.Segmenter('en', { granularity: 'word' })).segment(piece)) if (s.isWordLike) out.push({ start: from + s.index, end: from + s.index + s.segment.length });
    } else scanSpacedWords(text, from, to, out);
    from = to;
  }
  return out;
}

/**
 * UAX #29 words for scripts that separate words with spaces — what Intl.Segmenter finds
 * in such text (a property test holds the two to each other), found by a scanner because
 * a regular expression's match objects cost more than the words themselves. Letters,
 * digits and connectors join; marks and format characters cling to what precedes them;
 * a MidLetter or MidNumLet character joins two letters (don't, U.S, a:b), a MidNum or
 * MidNumLet character two digits (1,000.5).
 */
function scanSpacedWords(text: string, from: number, to: number, out: Range[]): Range[] {
  let i = from;
  while (i < to) {
    let kind = classAt(text, i);
    if (kind === NONE || kind === EXTEND) {
      i += widthAt(text, i);
      continue;
    }
    const start = i;
    let wordLike = kind !== CONNECTOR;
    let last = kind;
    i += widthAt(text, i);
    while (i < to) {
      kind = classAt(text, i);
      if (kind === EXTEND) {
        i += widthAt(text, i);
        continue;
      }
      if (kind !== NONE) {
        last = kind;
        wordLike ||= kind !== CONNECTOR;
        i += widthAt(text, i);
        continue;
      }
      const joiner = text.charCodeAt(i);
      const next = i + 1 < to ? classAt(text, i + 1) : NONE;
      const hebrew = last === LETTER && HEBREW.test(text[i - 1]!);
      // WB7b/c: a double quote between Hebrew letters (gershayim) is inside the word.
      if (hebrew && joiner === 0x22 && next === LETTER && HEBREW.test(text[i + 1]!)) {
        i += 1;
        continue;
      }
      // WB7a: a Hebrew letter keeps an apostrophe after it (geresh); the word ends there
      // unless a letter follows.
      if (hebrew && joiner === 0x27 && next !== LETTER) {
        i += 1;
        break;
      }
      if ((last === LETTER && next === LETTER && (MID_LETTER.has(joiner) || MID_NUM_LET.has(joiner))) ||
          (last === DIGIT && next === DIGIT && (MID_NUM.has(joiner) || MID_NUM_LET.has(joiner)))) {
        i += 1;
        continue;
      }
      break;
    }
    if (wordLike) out.push({ start, end: i });
  }
  return out;
}

const NONE = 0;
const LETTER = 1;
const DIGIT = 2;
const CONNECTOR = 3;
const EXTEND = 4;
const MID_LETTER = new Set([0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2027, 0xfe13, 0xfe55, 0xff1a]);
const MID_NUM_LET = new Set([0x2e, 0x27, 0x2018, 0x2019, 0x2024, 0xfe52, 0xff07, 0xff0e]);
const MID_NUM = new Set([0x2c, 0x3b, 0x37e, 0x589, 0x60c, 0x60d, 0x66c, 0x7f8, 0x2044, 0xfe10, 0xfe14, 0xfe50, 0xfe54, 0xff0c, 0xff1b]);
const IS_LETTER = /[\p{L}\p{Nl}]/u;
const IS_DIGIT = /\p{Nd}/u;
const IS_CONNECTOR = /\p{Pc}/u;
const IS_EXTEND = /[\p{M}\p{Cf}]/u;
const HEBREW = /\p{Script=Hebrew}/u;

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    return code === 0x5f ? CONNECTOR : NONE;
  }
  if (code === 0x200b) return NONE;
  const ch = text.slice(i, i + widthAt(text, i));
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_DIGIT.test(ch)) return DIGIT;
  if (IS_EXTEND.test(ch)) return EXTEND;
  return IS_CONNECTOR.test(ch) ? CONNECTOR : NONE;
}

function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
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
