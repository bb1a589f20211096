import type { Range } from '../text/tokenize.js';

/** Editorial marks and emphasis markers found anywhere in the commentary. */
export interface DetectedMark extends Range {
  type: 'ellipsis' | 'bracket' | 'sic' | 'emphasis-added' | 'emphasis-original';
}

// "(Italics added)", "[emphasis mine]", "(my emphasis)", "(emphasis added by the author)"…
const EMPHASIS_WORD = String.raw`(?:italics?|italicized|italicised|emphas[ie]s|underlining|underlined|bold(?:face)?|highlighting)`;
const ADDED = String.raw`(?:${EMPHASIS_WORD}\s+(?:added|mine|ours|supplied|by\s+(?:the\s+)?(?:author|writer|editors?))|(?:my|our)\s+${EMPHASIS_WORD}|added\s+${EMPHASIS_WORD})(?:\s+by\s+[^()\[\]\n]{1,40})?`;
const ORIGINAL = String.raw`(?:${EMPHASIS_WORD}\s+(?:(?:is|are)\s+)?(?:in\s+(?:the\s+)?)?original|original\s+${EMPHASIS_WORD}|${EMPHASIS_WORD}\s+as\s+in\s+(?:the\s+)?original)`;
const BRACKETED_MARKER = new RegExp(String.raw`[(\[]\s*(?:(${ADDED})|(${ORIGINAL}))\s*\.?\s*[)\]]`, 'giu');
// Unbracketed, after a comma or dash: "…other States, emphasis ours."
const TRAILING_MARKER = new RegExp(String.raw`(?<=[,;\u2013\u2014]\s*)(?:(${ADDED})|(${ORIGINAL}))(?=\s*[.;,)\]]|\s*$)`, 'giu');
/**
 * A piece of every EMPHASIS_WORD, under the same flags: a text without any has no marker,
 * and finding that out is far cheaper than trying the markers' look-behind at every offset.
 */
const EMPHASIS_HINT = /italic|emphas|underlin|bold|highlighting/iu;

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
  for (const pattern of EMPHASIS_HINT.test(text) ? [BRACKETED_MARKER, TRAILING_MARKER] : []) {
    for (const m of text.matchAll(pattern)) {
      marks.push({ type: m[1] ? 'emphasis-added' : 'emphasis-original', start: m.index, end: m.index + m[0].length });
    }
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

export function isEmphasis(mark: DetectedMark): boolean {
  return mark.type === 'emphasis-added' || mark.type === 'emphasis-original';
}
