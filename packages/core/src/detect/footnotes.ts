import type { Range } from '../text/tokenize.js';

/**
 * Footnote numbers glued to the end of a sentence or clause, as text copied from a PDF or a
 * web page carries them: "strategic stability.3", "in the region,12". One to three digits
 * right after a letter and a punctuation mark, before a space, a closing mark or the end.
 * A number glued to letters ("G20") or after a digit ("5.3") is not one.
 */
const FOOTNOTE = /(?<=\p{L}[.,;:!?"'\u201D\u2019)])\d{1,3}(?=[\s"'\u201D\u2019\u00BB)]|$)/gu;

export function detectFootnoteNumbers(text: string): Range[] {
  return [...text.matchAll(FOOTNOTE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
