import type { Paint, Style } from './paint.js';

/** A run of text in one style. */
export interface Segment {
  text: string;
  styles?: Style[];
}

type Word = Segment[];

/**
 * Greedy word wrap of styled text: line breaks fall at white space only, widths count
 * visible characters (colour codes are added after measuring), and every line after
 * the first starts with `indent`.
 */
export function wrapSegments(segments: readonly Segment[], paint: Paint, width: number, indent: string, firstIndent = indent): string {
  const lines: string[] = [];
  let line = firstIndent;
  let lineWidth = firstIndent.length;
  let lineHasWord = false;
  for (const word of words(segments)) {
    const wordWidth = word.reduce((n, s) => n + [...s.text].length, 0);
    if (lineHasWord && lineWidth + 1 + wordWidth > width) {
      lines.push(line);
      line = indent;
      lineWidth = indent.length;
      lineHasWord = false;
    }
    if (lineHasWord) {
      line += ' ';
      lineWidth += 1;
    }
    line += word.map((s) => paint(s.text, ...(s.styles ?? []))).join('');
    lineWidth += wordWidth;
    lineHasWord = true;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Plain text wrapped the same way. */
export function wrapText(text: string, width: number, indent: string, firstIndent = indent): string {
  return wrapSegments([{ text }], (t) => t, width, indent, firstIndent);
}

/** Splits styled text at white space; a word may be made of pieces in several styles. */
function words(segments: readonly Segment[]): Word[] {
  const out: Word[] = [];
  let current: Word = [];
  for (const segment of segments) {
    for (const piece of segment.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        if (current.length > 0) out.push(current);
        current = [];
      } else {
        current.push(segment.styles ? { text: piece, styles: segment.styles } : { text: piece });
      }
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
