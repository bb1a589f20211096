import type { Offsets } from '../text/tokenize.js';
import { CLOSING_MARKS } from './quotation-marks.js';

/**
 * Footnote numbers glued to the end of a sentence or clause, as text copied from a PDF or a
 * web page carries them: "strategic stability.3", "in the region,12". One to three digits
 * right after a letter and a punctuation mark, before a space, a closing mark or the end.
 * A number glued to letters ("G20") or after a digit ("5.3") is not one.
 */
export const FOOTNOTE = new RegExp(`(?<=\\p{L}[.,;:!?${CLOSING_MARKS})])\\d{1,3}(?=[\\s${CLOSING_MARKS})]|$)`, 'gu');

/** A punctuation mark and a digit: where FOOTNOTE may match (after the mark). */
const CANDIDATE = new RegExp(`[.,;:!?${CLOSING_MARKS})][0-9]`, 'g');
const LETTER = /^\p{L}$/u;
const AFTER = new RegExp(`[\\s${CLOSING_MARKS})]`, 'u');

/**
 * What `text.matchAll(FOOTNOTE)` finds, without trying its look-behind at every offset: only
 * where a punctuation mark precedes a digit, which a regular expression without a
 * look-behind finds quickly. (A test holds the two to each other.)
 */
export function detectFootnoteNumbers(text: string): Offsets[] {
  const out: Offsets[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index + 1;
    if (!letterEndsAt(text, m.index)) continue;
    let end = at;
    while (end < text.length && end - at <= 3 && isDigit(text.charCodeAt(end))) end++;
    // \d{1,3} then the look-ahead: only the whole run of digits can be followed by what it wants.
    if (end - at > 3 || (end < text.length && !AFTER.test(text[end]!))) continue;
    out.push({ start: at, end });
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether the code point just before offset `at` is a letter (\p{L}). */
function letterEndsAt(text: string, at: number): boolean {
  if (at < 1) return false;
  const c = text.charCodeAt(at - 1);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0x80) return false;
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const pair = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return LETTER.test(pair ? text.slice(at - 2, at) : text[at - 1]!);
}
