import type { Offsets } from '../text/tokenize.js';

/** Editorial marks and emphasis markers found anywhere in the commentary. */
export interface DetectedMark extends Offsets {
  type: 'ellipsis' | 'bracket' | 'sic' | 'emphasis-added' | 'emphasis-original';
}

// "(Italics added)", "[emphasis mine]", "(my emphasis)", "(emphasis added by the author)"…
const EMPHASIS_WORD = String.raw`(?:italics?|italicized|italicised|emphas[ie]s|underlining|underlined|bold(?:face)?|highlighting)`;
const ADDED = String.raw`(?:${EMPHASIS_WORD}\s+(?:added|mine|ours|supplied|by\s+(?:the\s+)?(?:author|writer|editors?))|(?:my|our)\s+${EMPHASIS_WORD}|added\s+${EMPHASIS_WORD})(?:\s+by\s+[^()\[\]\n]{1,40})?`;
const ORIGINAL = String.raw`(?:${EMPHASIS_WORD}\s+(?:(?:is|are)\s+)?(?:in\s+(?:the\s+)?)?original|original\s+${EMPHASIS_WORD}|${EMPHASIS_WORD}\s+as\s+in\s+(?:the\s+)?original)`;
const BRACKETED_MARKER = new RegExp(String.raw`[(\[]\s*(?:(${ADDED})|(${ORIGINAL}))\s*\.?\s*[)\]]`, 'giu');
// Unbracketed, after a comma or dash: "…other States, emphasis ours."
const TRAILING = String.raw`(?<=[,;\u2013\u2014]\s*)(?:(${ADDED})|(${ORIGINAL}))(?=\s*[.;,)\]]|\s*$)`;
/** TRAILING wherever it matches; trailingMarkers finds the same matches, faster. */
export const TRAILING_MARKER = new RegExp(TRAILING, 'giu');
/** TRAILING where it is tried, and only there. */
const TRAILING_AT = new RegExp(TRAILING, 'iuy');
/** The start of every EMPHASIS_WORD, under the same flags: each marker holds one. */
const EMPHASIS_HINT = /italic|emphas|underlin|bold|highlighting/giu;
/** The words a marker may start with before its EMPHASIS_WORD ("my emphasis", "added italics", "original emphasis"), by length. */
const LEADING_WORD_LENGTHS = [2, 3, 5, 8];
const SPACE = /\s/;

const SIC = /[[(]\s*sic\s*!?\s*[\])]/giu;
// […], [...], (…), ". . .", "...", "…"
const ELLIPSIS = /\[\s*(?:…|\.\s?\.\s?\.)\s*\]|\(\s*(?:…|\.\s?\.\s?\.)\s*\)|\.(?: \.){2,3}|\.{3,}|…/gu;
const BRACKET = /\[[^[\]\r\n]{1,80}\]/gu;

/**
 * Finds every mark in a text, sorted by position. Brackets that are [sic] or an ellipsis
 * are reported as such, not as bracketed insertions.
 */
export function detectMarks(text: string): DetectedMark[] {
  const marks: DetectedMark[] = [];
  for (const m of [...text.matchAll(BRACKETED_MARKER), ...trailingMarkers(text)]) {
    marks.push({ type: m[1] ? 'emphasis-added' : 'emphasis-original', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SIC)) marks.push({ type: 'sic', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ELLIPSIS)) marks.push({ type: 'ellipsis', start: m.index, end: m.index + m[0].length });
  const taken = [...marks];
  for (const m of text.matchAll(BRACKET)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!taken.some((t) => t.start < end && start < t.end)) marks.push({ type: 'bracket', start, end });
  }
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * What `text.matchAll(TRAILING_MARKER)` finds, without trying its look-behind at every
 * offset of the text: a marker starts at one of its EMPHASIS_WORDs, or at the word before
 * one and the white space between them, so it is tried only there, in order, past the end
 * of the last marker found.
 */
export function trailingMarkers(text: string): RegExpExecArray[] {
  const starts: number[] = [];
  for (const hint of text.matchAll(EMPHASIS_HINT)) {
    let space = hint.index;
    while (space > 0 && SPACE.test(text[space - 1]!)) space--;
    if (space < hint.index) for (const n of LEADING_WORD_LENGTHS) if (space - n >= 0) starts.push(space - n);
    starts.push(hint.index);
  }
  starts.sort((a, b) => a - b);
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    TRAILING_AT.lastIndex = start;
    const m = TRAILING_AT.exec(text);
    if (!m) continue;
    out.push(m);
    from = m.index + m[0].length;
  }
  return out;
}

export function isEmphasis(mark: DetectedMark): boolean {
  return mark.type === 'emphasis-added' || mark.type === 'emphasis-original';
}
