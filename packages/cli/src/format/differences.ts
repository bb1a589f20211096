import type { Difference, Passage } from '@verbatim/core';
import type { Segment } from './wrap.js';

/** Deleted or inserted runs longer than this are shown by their ends. */
const MAX_MARKED_WORDS = 12;

/**
 * A difference a reader should see inside the quoted words: typography (quote styles,
 * dashes, spacing) and changes an accurate editorial mark accounts for are visible in the
 * text already or do not matter, so they are listed, not marked.
 */
export function isMarkedInline(d: Difference): boolean {
  return !d.editorial && d.category !== 'typography';
}

/** One difference in wdiff style: `[-by-]`, `{+two+}`, `[-Russia→+Russian]` (source → commentary). */
export function differenceSegments(d: Difference): Segment[] {
  const removed = abbreviate(visible(d.source.text));
  const added = abbreviate(visible(d.commentary.text));
  switch (d.type) {
    case 'delete':
      return [{ text: `[-${removed}-]`, styles: ['red'] }];
    case 'insert':
      return [{ text: `{+${added}+}`, styles: ['green'] }];
    case 'replace':
      return [
        { text: `[-${removed}`, styles: ['red'] },
        { text: `→+${added}]`, styles: ['green'] },
      ];
  }
}

/** The passage's commentary text, its line breaks shown as ¶, with differences marked inline. */
export function markedPassageSegments(passage: Passage): Segment[] {
  const { text, start: base } = passage.commentary;
  const marked = passage.differences
    .filter(isMarkedInline)
    .sort((a, b) => a.commentary.start - b.commentary.start || a.commentary.end - b.commentary.end);
  const out: Segment[] = [];
  let at = 0;
  for (const d of marked) {
    const start = clamp(d.commentary.start - base, 0, text.length);
    const end = clamp(d.commentary.end - base, start, text.length);
    if (start < at) continue; // overlapping differences: the first one wins
    out.push({ text: showLineBreaks(text.slice(at, start)) });
    // A deletion occupies no commentary text: keep it apart from the words on either side.
    const pad = d.type === 'delete';
    if (pad && start > 0 && !/\s/.test(text[start - 1]!)) out.push({ text: ' ' });
    out.push(...differenceSegments(d));
    if (pad && end < text.length && !/\s/.test(text[end]!)) out.push({ text: ' ' });
    at = end;
  }
  out.push({ text: showLineBreaks(text.slice(at)) });
  return out.filter((s) => s.text !== '');
}

/** Long runs keep their first and last words: `a b c d e f … x y z (40 words)`. */
export function abbreviate(text: string, maxWords = MAX_MARKED_WORDS): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(' ') || text;
  return `${words.slice(0, 6).join(' ')} … ${words.slice(-3).join(' ')} (${words.length} words)`;
}

/** White space that is the whole difference would print as nothing: name it. */
export function visible(text: string): string {
  if (text === '' || /\S/.test(text)) return text;
  return [...text].map((c) => (c === '\n' || c === '\r' ? '⏎' : c === '\t' ? '⇥' : '␣')).join('');
}

function showLineBreaks(text: string): string {
  return text.replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/g, ' ¶ ');
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(Math.max(n, low), high);
}
