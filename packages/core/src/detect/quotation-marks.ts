/**
 * The quotation marks the whole core knows, in one place: detection pairs them, the
 * aligner tells a phrase the source itself quotes, the report tells what may stand between
 * a passage and the marker after it. Straight and curly, single and double, low-9,
 * reversed-9 and guillemets.
 */
export const DOUBLE_MARKS = '"\u201C\u201D\u201E\u201F\u00AB\u00BB';
export const SINGLE_MARKS = "'\u2018\u2019\u201A\u201B\u2039\u203A";
export const QUOTATION_MARKS = DOUBLE_MARKS + SINGLE_MARKS;

/** Marks that can only close a quotation or stand after its last word, for patterns. */
export const CLOSING_MARKS = '"\'\u2019\u201D\u00BB\u203A';

const SET = new Set(QUOTATION_MARKS);

export function isQuotationMark(char: string | undefined): boolean {
  return char !== undefined && SET.has(char);
}

/** A character class of every quotation mark, for regular expressions. */
export function quotationMarkClass(): string {
  return `[${[...QUOTATION_MARKS].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}
