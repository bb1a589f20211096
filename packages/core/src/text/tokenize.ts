import { formsOf, nextSpellingHash, SPELLING_HASH_SEED, spellingHash, type KnownForms } from './spellings.js';

/** A half-open range, `end` exclusive: of offsets, or of token indices. */
export interface Range {
  start: number;
  end: number;
}

/**
 * The two kinds of range the engine handles, named apart: a stretch of a text in UTF-16
 * offsets (what a report's spans are), and a stretch of its words as token indices (what
 * the aligner counts in). Both are half-open.
 */
export type Offsets = Range;
export type WordRange = Range;

/**
 * A word of a text: where it is, its key (what most comparisons read), and all its forms.
 * The forms are the table's one object for the spelling (spellings.ts), shared by every
 * token of that spelling in every text, not copied into each token: a source's tokens are
 * kept for the commentaries aligned against it, and every field a token carries is memory
 * the garbage collector copies and scans for each of its thousands of words.
 */
export interface Token extends Offsets {
  /** The word is, or contains, an editorial insertion in square brackets ([t]he, [Russia]). */
  bracketed: boolean;
  /** The spelling-insensitive key, `forms.key`, at hand: most comparisons read only it. */
  key: string;
  /** Its fold, lower case, key and stem, and the number of its key in this process (spellings.ts). */
  forms: KnownForms;
}

export interface TokenizeOptions {
  /** Ranges whose words are not part of the text proper (markers such as "(Italics added)"). */
  exclude?: readonly Offsets[];
  /** Editorial bracket spans, `[` to `]` inclusive. */
  brackets?: readonly Offsets[];
  /**
   * Tokens nothing refers to any more (a forgotten source's: prepared-source.ts), overwritten
   * one by one for this text's words rather than new ones made. A source's tokens are kept
   * for the commentaries aligned against it, so new ones live long enough for the garbage
   * collector to copy each twice on its way to the old generation: for a source not seen
   * before, that copying cost more than tokenizing it. The array returned is always new.
   */
  recycle?: readonly Token[];
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
 * Word boundaries as parallel lists of offsets in typed arrays, so that no object is made
 * per word before its token is, and the lists do not grow a word at a time; with each
 * word's spellingHash, which the scanner computes as it reads the word, so that finding its
 * forms does not read it again for that.
 */
class Bounds {
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  length = 0;

  /** `expected`: about how many words there will be (more only costs a copy). */
  constructor(expected: number) {
    this.starts = new Int32Array(Math.max(16, expected));
    this.ends = new Int32Array(Math.max(16, expected));
    this.hashes = new Int32Array(Math.max(16, expected));
  }

  /** Empty, with room for about `expected` words, and not much more than `most`. */
  reset(expected: number, most = Infinity): this {
    this.length = 0;
    if (this.starts.length < expected || this.starts.length > most) {
      this.starts = new Int32Array(expected);
      this.ends = new Int32Array(expected);
      this.hashes = new Int32Array(expected);
    }
    return this;
  }

  push(start: number, end: number, hash: number): void {
    if (this.length === this.starts.length) {
      this.starts = wider(this.starts);
      this.ends = wider(this.ends);
      this.hashes = wider(this.hashes);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.hashes[this.length++] = hash;
  }
}

function wider(list: Int32Array): Int32Array {
  const out = new Int32Array(list.length * 2);
  out.set(list);
  return out;
}

/** Characters per word in running prose, spaces and punctuation included, about: a first guess of how many words a text has. */
const CHARACTERS_PER_WORD = 6;

/**
 * The boundaries of the text being tokenized, one set of arrays for every call: they live
 * only until its tokens are made, and making them afresh for each text was a tenth of what
 * a source's preparation allocates. Past this many words a text's arrays are its own, so
 * one long text does not leave megabytes held for the rest of the process.
 */
const SCRATCH_WORDS = 1 << 16;
const scratch = new Bounds(8192);

/**
 * The words of a text, segmented with Intl.Segmenter so that any script works.
 * Hyphenated compounds (well-being), words broken across a line with a hyphen, words
 * split by invisible characters and words with a bracketed letter ([t]he) are one token
 * each, so that they compare as one word.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const exclude = options.exclude ?? [];
  const brackets = options.brackets ?? [];
  const words = wordSegments(text);
  if (exclude.length > 0) withoutExcluded(words, exclude);
  mergeWords(text, words, intraWordBrackets(text, brackets));
  const { starts, ends, hashes } = words;
  const tokens: Token[] = new Array(words.length);
  const recycle = options.recycle ?? [];
  let b = 0;
  for (let k = 0; k < words.length; k++) {
    const start = starts[k]!;
    const end = ends[k]!;
    while (b < brackets.length && brackets[b]!.end <= start) b++;
    const bracketed = b < brackets.length && brackets[b]!.start < end;
    const f = formsOf(text, start, end, hashes[k]!);
    if (k < recycle.length) {
      const t = recycle[k]!;
      t.start = start;
      t.end = end;
      t.bracketed = bracketed;
      t.key = f.key;
      t.forms = f;
      tokens[k] = t;
    } else tokens[k] = { start, end, bracketed, key: f.key, forms: f };
  }
  return tokens;
}

/** Drops the words that start inside an excluded range (ranges sorted by start). */
function withoutExcluded(words: Bounds, exclude: readonly Offsets[]): void {
  const { starts, ends, hashes } = words;
  let kept = 0;
  let ex = 0;
  for (let k = 0; k < words.length; k++) {
    const start = starts[k]!;
    while (ex < exclude.length && exclude[ex]!.end <= start) ex++;
    if (ex < exclude.length && exclude[ex]!.start <= start) continue;
    starts[kept] = start;
    ends[kept] = ends[k]!;
    hashes[kept++] = hashes[k]!;
  }
  words.length = kept;
}

/**
 * The word segments of a text, in order. Pieces of text in a script written without spaces
 * go through Intl.Segmenter; the rest through the scanner below, which finds the same words
 * there a hundred times faster.
 */
function wordSegments(text: string): Bounds {
  const expected = Math.ceil(text.length / CHARACTERS_PER_WORD);
  // A text of many short words grows the scratch arrays past SCRATCH_WORDS: the next text gets smaller ones.
  const out = expected <= SCRATCH_WORDS ? scratch.reset(expected, 2 * SCRATCH_WORDS) : new Bounds(expected);
  if (scanSpacedWords(text, 0, text.length, out, true)) return out;
  out.length = 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      WHITE_SPACE.lastIndex = to;
      const space = WHITE_SPACE.exec(text);
      to = Math.min(space ? space.index + 1 : text.length, from + CHUNK * 8);
    }
    if (needsDictionary(text, from, to)) {
      const piece = text.slice(from, to);
      for (const s of (segmenter ??= new Intl.Segmenter('en', { granularity: 'word' })).segment(piece)) {
        if (!s.isWordLike) continue;
        out.push(from + s.index, from + s.index + s.segment.length, spellingHash(piece, s.index, s.index + s.segment.length));
      }
    } else scanSpacedWords(text, from, to, out, false);
    from = to;
  }
  return out;
}

/**
 * Whether NEEDS_DICTIONARY matches in `text[from, to)`. Those scripts lie between U+0E00
 * and U+1FFF or from U+2E80 up (a test holds this): only characters there are tested.
 */
function needsDictionary(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (needsDictionaryAt(text, i, to)) return true;
  return false;
}

/** needsDictionaryAt for the one or two code units the scanner steps over from `i`. */
function needsDictionaryFrom(text: string, i: number, to: number): boolean {
  const code = text.charCodeAt(i);
  return needsDictionaryAt(text, i, to) || (code >= 0xd800 && code <= 0xdbff && needsDictionaryAt(text, i + 1, to));
}

function needsDictionaryAt(text: string, i: number, to: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x0e00 || (code >= 0x2000 && code < 0x2e80)) return false;
  return NEEDS_DICTIONARY.test(text.slice(i, Math.min(i + 2, to)));
}

/**
 * UAX #29 words for scripts that separate words with spaces — what Intl.Segmenter finds
 * in such text (a property test holds the two to each other), found by a scanner because
 * a regular expression's match objects cost more than the words themselves. Letters,
 * digits and connectors join; marks and format characters cling to what precedes them;
 * a MidLetter or MidNumLet character joins two letters (don't, U.S, a:b), a MidNum or
 * MidNumLet character two digits (1,000.5).
 */
function scanSpacedWords(text: string, from: number, to: number, out: Bounds, stopAtDictionary: boolean): boolean {
  let i = from;
  while (i < to) {
    let code = text.charCodeAt(i);
    let kind: number;
    if (code < 0x800) kind = LOW_CLASSES[code]!;
    else {
      // Text that needs a dictionary is segmented otherwise: the caller starts again.
      if (stopAtDictionary && needsDictionaryFrom(text, i, to)) return false;
      kind = classAt(text, i);
    }
    if (kind === NONE || kind === EXTEND) {
      i += code < 0xd800 ? 1 : widthAt(text, i);
      continue;
    }
    const start = i;
    let wordLike = kind !== CONNECTOR;
    let last = kind;
    // The word's spellingHash, folded code unit by code unit as the scanner steps over them.
    let h = nextSpellingHash(SPELLING_HASH_SEED, code);
    if (code < 0xd800 || widthAt(text, i) === 1) i += 1;
    else {
      h = nextSpellingHash(h, text.charCodeAt(i + 1));
      i += 2;
    }
    while (i < to) {
      code = text.charCodeAt(i);
      if (code < 0x800) kind = LOW_CLASSES[code]!;
      else {
        if (stopAtDictionary && needsDictionaryFrom(text, i, to)) return false;
        kind = classAt(text, i);
      }
      if (kind !== NONE) {
        if (kind !== EXTEND) {
          last = kind;
          wordLike ||= kind !== CONNECTOR;
        }
        h = nextSpellingHash(h, code);
        if (code < 0xd800 || widthAt(text, i) === 1) i += 1;
        else {
          h = nextSpellingHash(h, text.charCodeAt(i + 1));
          i += 2;
        }
        continue;
      }
      const joiner = code;
      // Most words end at a space or a mark that joins nothing: only a character that may
      // join two words is looked at further, with the character after it.
      if (!mayJoinWords(joiner)) break;
      const next = i + 1 < to ? classAt(text, i + 1) : NONE;
      const hebrew = last === LETTER && isHebrew(text, i - 1);
      // WB7b/c: a double quote between Hebrew letters (gershayim) is inside the word.
      if (hebrew && joiner === 0x22 && next === LETTER && isHebrew(text, i + 1)) {
        h = nextSpellingHash(h, joiner);
        i += 1;
        continue;
      }
      // WB7a: a Hebrew letter keeps an apostrophe after it (geresh); the word ends there
      // unless a letter follows.
      if (hebrew && joiner === 0x27 && next !== LETTER) {
        h = nextSpellingHash(h, joiner);
        i += 1;
        break;
      }
      if ((last === LETTER && next === LETTER && joinsLetters(joiner)) || (last === DIGIT && next === DIGIT && joinsDigits(joiner))) {
        h = nextSpellingHash(h, joiner);
        i += 1;
        continue;
      }
      break;
    }
    if (wordLike) out.push(start, i, h);
  }
  return true;
}

const NONE = 0;
const LETTER = 1;
const DIGIT = 2;
const CONNECTOR = 3;
const EXTEND = 4;
const MID_LETTER = new Set([0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2027, 0xfe13, 0xfe55, 0xff1a]);
const MID_NUM_LET = new Set([0x2e, 0x27, 0x2018, 0x2019, 0x2024, 0xfe52, 0xff07, 0xff0e]);
const MID_NUM = new Set([0x2c, 0x3b, 0x37e, 0x589, 0x60c, 0x60d, 0x66c, 0x7f8, 0x2044, 0xfe10, 0xfe14, 0xfe50, 0xfe54, 0xff0c, 0xff1b]);
/** The ASCII joiners, as flags: a space after every word would otherwise cost two set lookups. */
const ASCII_JOINS = new Uint8Array(0x80);
const JOINS_LETTERS = 1;
const JOINS_DIGITS = 2;
/** The double quote, which joins Hebrew letters (gershayim, WB7b/c). */
const JOINS_HEBREW = 4;
for (let code = 0; code < 0x80; code++) {
  if (MID_LETTER.has(code) || MID_NUM_LET.has(code)) ASCII_JOINS[code]! |= JOINS_LETTERS;
  if (MID_NUM.has(code) || MID_NUM_LET.has(code)) ASCII_JOINS[code]! |= JOINS_DIGITS;
}
ASCII_JOINS[0x22]! |= JOINS_HEBREW;

/** Whether a character can keep the words on either side of it one word, by any rule the scanner applies. */
function mayJoinWords(code: number): boolean {
  return code < 0x80 ? ASCII_JOINS[code] !== 0 : MID_LETTER.has(code) || MID_NUM_LET.has(code) || MID_NUM.has(code);
}

/** Whether a character between two letters keeps them in one word (MidLetter, MidNumLet). */
function joinsLetters(code: number): boolean {
  return code < 0x80 ? (ASCII_JOINS[code]! & JOINS_LETTERS) !== 0 : MID_LETTER.has(code) || MID_NUM_LET.has(code);
}

/** Whether a character between two digits keeps them in one number (MidNum, MidNumLet). */
function joinsDigits(code: number): boolean {
  return code < 0x80 ? (ASCII_JOINS[code]! & JOINS_DIGITS) !== 0 : MID_NUM.has(code) || MID_NUM_LET.has(code);
}

const IS_LETTER = /[\p{L}\p{Nl}]/u;
const IS_DIGIT = /\p{Nd}/u;
const IS_CONNECTOR = /\p{Pc}/u;
const IS_EXTEND = /[\p{M}\p{Cf}]/u;
const HEBREW = /\p{Script=Hebrew}/u;

/** The word class of one character (a code point, as a string). */
function classOf(ch: string): number {
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_DIGIT.test(ch)) return DIGIT;
  if (IS_EXTEND.test(ch)) return EXTEND;
  return IS_CONNECTOR.test(ch) ? CONNECTOR : NONE;
}

/**
 * classOf for every character of the most used blocks — ASCII up to U+07FF (Latin, Greek,
 * Cyrillic, Hebrew, Arabic…) and General Punctuation (U+2000–U+206F: dashes, curly quotes)
 * — computed once when the module loads; the rest is tested as it comes.
 */
const LOW_CLASSES = new Uint8Array(0x800);
const PUNCTUATION_CLASSES = new Uint8Array(0x70);
for (let code = 0; code < LOW_CLASSES.length; code++) LOW_CLASSES[code] = classOf(String.fromCharCode(code));
for (let k = 0; k < PUNCTUATION_CLASSES.length; k++) PUNCTUATION_CLASSES[k] = classOf(String.fromCharCode(0x2000 + k));
// A zero-width space separates words, though Unicode files it with the format characters.
PUNCTUATION_CLASSES[0x200b - 0x2000] = NONE;

function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return LETTER;
    if (code >= 0x30 && code <= 0x39) return DIGIT;
    return code === 0x5f ? CONNECTOR : NONE;
  }
  if (code < 0x800) return LOW_CLASSES[code]!;
  if (code >= 0x2000 && code < 0x2070) return PUNCTUATION_CLASSES[code - 0x2000]!;
  return classOf(text.slice(i, i + widthAt(text, i)));
}

function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Whether the code unit at `i` is a Hebrew character (all are in U+0591–U+05F4 and U+FB1D–U+FB4F). */
function isHebrew(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return ((code >= 0x0591 && code <= 0x05f4) || (code >= 0xfb1d && code <= 0xfb4f)) && HEBREW.test(text[i]!);
}

/** Bracket spans glued to a letter on either side ([t]he, democrac[y]), widened to the whole word. */
function intraWordBrackets(text: string, brackets: readonly Offsets[]): Offsets[] {
  const out: Offsets[] = [];
  for (const br of brackets) {
    let start = br.start;
    let end = br.end;
    while (start > 0 && LETTER_OR_DIGIT.test(text[start - 1]!)) start--;
    while (end < text.length && LETTER_OR_DIGIT.test(text[end]!)) end++;
    if (start < br.start || end > br.end) out.push({ start, end });
  }
  return out;
}

/** Characters that can begin a gap joining two words (a hyphen, a soft hyphen, an invisible character). */
function mayJoin(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** Joins words across the gaps that do not separate words, in place. */
function mergeWords(text: string, words: Bounds, glued: Offsets[]): void {
  const { starts, ends, hashes } = words;
  let n = 0;
  let g = 0;
  for (let k = 0; k < words.length; k++) {
    const start = starts[k]!;
    const end = ends[k]!;
    if (n > 0) {
      const prevStart = starts[n - 1]!;
      const prevEnd = ends[n - 1]!;
      while (g < glued.length && glued[g]!.end <= prevStart) g++;
      const inGlued = g < glued.length && glued[g]!.start <= prevStart && end <= glued[g]!.end;
      const single = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 0x20;
      // Most gaps are a space or punctuation: only one that starts with a joining character is examined.
      if (!single && (inGlued || (start > prevEnd && mayJoin(text.charCodeAt(prevEnd)) && joins(text, prevEnd, start)))) {
        ends[n - 1] = end;
        hashes[n - 1] = spellingHash(text, prevStart, end);
        continue;
      }
    }
    starts[n] = start;
    ends[n] = end;
    hashes[n++] = hashes[k]!;
  }
  words.length = n;
  // A glued bracket belongs to its word: "[t]he" starts at the bracket.
  let k = 0;
  for (let w = 0; w < n && glued.length > 0; w++) {
    while (k < glued.length && glued[k]!.end < starts[w]!) k++;
    const br = glued[k];
    if (br && br.start <= ends[w]! && starts[w]! <= br.end) {
      starts[w] = Math.min(starts[w]!, br.start);
      ends[w] = Math.max(ends[w]!, br.end);
      hashes[w] = spellingHash(text, starts[w]!, ends[w]!);
    }
  }
}

/** Whether the gap `text[from, to)` joins the words around it: a hyphen, a line-end hyphen, invisible characters. */
function joins(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return COMPOUND_GAP.test(gap) || INVISIBLE_GAP.test(gap) || (LINE_BREAK_HYPHEN_GAP.test(gap) && LETTER_OR_DIGIT.test(text[to]!));
}
