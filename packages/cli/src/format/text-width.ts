/**
 * How wide text shows in a terminal: `string-width` counts a Chinese or Japanese character as
 * two columns, a combining mark or a zero-width joiner as none, an emoji as two — where
 * counting characters lines nothing up.
 *
 * It is loaded on first use, not when the CLI starts: loading it and building its emoji
 * tables costs milliseconds that a command printing no laid-out text (`verbatim check`, which
 * must start fast) should not pay, nor one printing only ASCII. `require` loads this ES module
 * synchronously (Node 20.19 and later), so the formatters stay plain synchronous functions.
 */
import { createRequire } from 'node:module';

type StringWidth = typeof import('string-width').default;

let stringWidth: StringWidth | undefined;

/**
 * Characters that each take one column and are one UTF-16 unit: printable ASCII, the rest of
 * Latin-1 but the soft hyphen, Latin Extended-A and -B, IPA, Greek, Cyrillic without its
 * combining marks, the dashes, quotation marks and other punctuation of U+2010–U+205E, and
 * the arrows, mathematical and technical signs, box drawing and geometric shapes this CLI
 * draws with (→, │, ⏎; U+2100–U+25FC less the emoji among them). Most text is only these, and
 * is measured without the library.
 */
const ONE_COLUMN_EACH =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2100-\u2319\u232b-\u23e8\u23f4-\u25fc]*$/;

/** Whether every character of the text takes one column (then its width is its length). */
export function oneColumnEach(text: string): boolean {
  return ONE_COLUMN_EACH.test(text);
}

/** Columns the text takes in a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/** The text's user-perceived characters: a base letter with its combining marks, a whole emoji sequence. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
