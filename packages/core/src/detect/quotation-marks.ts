/**
 * The quotation marks the whole core knows, in one table: detection pairs them, attribution
 * and the aligner tell where a sentence ends after one, the report tells what may stand
 * between a passage and the marker after it, footnote detection what a footnote number may
 * follow. Straight and curly, single and double, low-9, reversed-9 and guillemets.
 */

export type MarkFamily = 'double' | 'single';

/**
 * How a mark behaves on its own, before what stands around it decides:
 * - `low`: „ ‚ « ‹ open (German, French), and close only a quotation they match (»…«);
 * - `closing-first`: » › close what they match, else open (German »…«);
 * - `left`: “ ‘ open, and close after a word (German „…“, a PDF's "…“);
 * - `right`: ” closes, or opens before a word (reversed marks, Swedish ”…”);
 * - `straight`: " is told by its flanks alone;
 * - `apostrophe`: ’ ' are apostrophes unless they close, or (') open, at a word's edge;
 * - `inert`: ‟ ‛ are known marks that pair with nothing.
 */
export type MarkShape = 'low' | 'closing-first' | 'left' | 'right' | 'straight' | 'apostrophe' | 'inert';

export interface QuotationMark {
  family: MarkFamily;
  shape: MarkShape;
  /** The marks that close a quotation this one opens. */
  closers: readonly string[];
  /** After a digit it is a unit sign (12″, 5′30″, a 12" screen) unless it closes a quotation. */
  unitAfterDigit?: true;
}

/**
 * Every mark, by its characters. Two single marks side by side ('' ‘‘ ’’) are one double
 * mark, as a typewriter or a word processor's autocorrection leaves them, two commas (,,)
 * a German typewriter's low-9 mark, and a typewriter's double prime ″ stands for a straight
 * double mark.
 */
const TABLE: Readonly<Record<string, QuotationMark>> = {
  '\u201C': { family: 'double', shape: 'left', closers: ['\u201D', '"', '\u201C'] },
  // Reversed marks, as a PDF or a bad keyboard layout leaves them: ”color revolutions“.
  '\u201D': { family: 'double', shape: 'right', closers: ['\u201C', '\u201D', '"'] },
  '\u201E': { family: 'double', shape: 'low', closers: ['\u201C', '\u201D'] },
  '"': { family: 'double', shape: 'straight', closers: ['"', '\u201D', '\u201C'], unitAfterDigit: true },
  '\u2033': { family: 'double', shape: 'straight', closers: ['\u2033', '"', '\u201D'], unitAfterDigit: true },
  '\u201F': { family: 'double', shape: 'inert', closers: [] },
  '\u00AB': { family: 'double', shape: 'low', closers: ['\u00BB'] },
  '\u00BB': { family: 'double', shape: 'closing-first', closers: ['\u00AB'] },
  "''": { family: 'double', shape: 'straight', closers: ["''", '\u2019\u2019'] },
  // A German typewriter's low mark: two commas, closed by two apostrophes (,,…'') or a curly mark.
  ',,': { family: 'double', shape: 'low', closers: ["''", '\u2019\u2019', '\u201C', '\u201D', '"'] },
  '\u2018\u2018': { family: 'double', shape: 'left', closers: ['\u2019\u2019', "''"] },
  '\u2019\u2019': { family: 'double', shape: 'right', closers: ['\u2019\u2019', '\u2018\u2018'] },
  '\u2018': { family: 'single', shape: 'left', closers: ['\u2019', "'"] },
  '\u201A': { family: 'single', shape: 'low', closers: ['\u2018', '\u2019'] },
  "'": { family: 'single', shape: 'apostrophe', closers: ["'", '\u2019'] },
  '\u2019': { family: 'single', shape: 'apostrophe', closers: [] },
  '\u201B': { family: 'single', shape: 'inert', closers: [] },
  '\u2039': { family: 'single', shape: 'low', closers: ['\u203A'] },
  '\u203A': { family: 'single', shape: 'closing-first', closers: ['\u2039'] },
};

const SINGLE_CHARACTERS = Object.keys(TABLE).filter((k) => k.length === 1);
const DOUBLED = Object.keys(TABLE).filter((k) => k.length === 2);

export const DOUBLE_MARKS = SINGLE_CHARACTERS.filter((c) => TABLE[c]!.family === 'double').join('');
export const SINGLE_MARKS = SINGLE_CHARACTERS.filter((c) => TABLE[c]!.family === 'single').join('');
export const QUOTATION_MARKS = DOUBLE_MARKS + SINGLE_MARKS;

/** Marks that can close a quotation or stand after its last word, for patterns. */
export const CLOSING_MARKS = '"\'\u2019\u201D\u2033\u00BB\u203A';

/** A quotation mark's behaviour; undefined for any other character. */
export function quotationMark(char: string | undefined): QuotationMark | undefined {
  return char === undefined ? undefined : TABLE[char];
}

export function isQuotationMark(char: string | undefined): boolean {
  return quotationMark(char) !== undefined;
}

/** A character class of every quotation mark, for regular expressions. */
export function quotationMarkClass(): string {
  return `[${[...QUOTATION_MARKS].map(escaped).join('')}]`;
}

/** A pattern of every quotation mark, the doubled ones ('' ‘‘ ’’) first, for regular expressions. */
export function quotationMarkPattern(): string {
  return `${DOUBLED.map((d) => [...d].map(escaped).join('')).join('|')}|${quotationMarkClass()}`;
}

function escaped(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

