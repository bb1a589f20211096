import type { Paint, Style } from './paint.js';
import { displayWidth, graphemes, oneColumnEach } from './text-width.js';

/** A run of text in one style. */
export interface Segment {
  text: string;
  styles?: Style[];
}

/**
 * Greedy word wrap of styled text to `width` terminal columns, measured with string-width (a
 * Chinese character takes two, a combining mark none): runs of white space become one space,
 * and the first line starts with `firstIndent`, every other with `indent`. Lines break at
 * spaces and, in text written without them (Chinese, Japanese), between characters — never
 * before a closing mark such as `，`, `。` or `”`, nor after an opening one; a word longer
 * than a line is cut between characters. Lines are measured plain and painted after, word by
 * word, so a colour never runs on into the indent of the next line.
 *
 * (wrap-ansi is not used: it normalizes its input to NFC, so its lines are not stretches of
 * the text, and it breaks text without spaces only as overlong words.)
 */
export function wrapSegments(segments: readonly Segment[], paint: Paint, width: number, indent: string, firstIndent = indent): string {
  const runs = collapseSpaces(segments);
  const text = runs.map((r) => r.text).join('');
  const ranges = lineRanges(text, pieces(text), width - displayWidth(firstIndent), width - displayWidth(indent));
  return ranges.map(([start, end], i) => `${i === 0 ? firstIndent : indent}${paintRange(runs, start, end, paint)}`.trimEnd()).join('\n');
}

/** Plain text wrapped the same way. */
export function wrapText(text: string, width: number, indent: string, firstIndent = indent): string {
  return wrapSegments([{ text }], (t) => t, width, indent, firstIndent);
}

/** The segments with every run of white space — across segments too — one space, none at either end. */
function collapseSpaces(segments: readonly Segment[]): Segment[] {
  const runs: Segment[] = [];
  let endsInSpace = true; // nothing yet: a leading space is dropped
  for (const segment of segments) {
    let text = segment.text.replace(/\s+/g, ' ');
    if (endsInSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    runs.push(segment.styles ? { text, styles: segment.styles } : { text });
    endsInSpace = text.endsWith(' ');
  }
  const last = runs.at(-1);
  if (last && endsInSpace) {
    last.text = last.text.slice(0, -1);
    if (last.text === '') runs.pop();
  }
  return runs;
}

/** A stretch of text no line break may fall inside (unless it is wider than a line). */
interface Piece {
  start: number;
  end: number;
  width: number;
  /** Preceded by a space, which a line break takes the place of. */
  afterSpace: boolean;
}

/** Marks a line must not start with: closing brackets and quotes, commas, full stops. */
const NO_BREAK_BEFORE = /^[\p{Pe}\p{Pf}\p{Po}]/u;
/** Marks a line must not end with: opening brackets and quotes. */
const NO_BREAK_AFTER = /^[\p{Ps}\p{Pi}]/u;

/** The text of single spaces cut where lines may break: at spaces, and beside wide characters. */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const word of text.split(' ')) {
    if (oneColumnEach(word)) {
      out.push({ start: at, end: at + word.length, width: word.length, afterSpace: at > 0 });
    } else {
      let piece: Piece = { start: at, end: at, width: 0, afterSpace: at > 0 };
      let previous = '';
      for (const g of graphemes(word)) {
        const w = displayWidth(g);
        const wide = w > 1 || displayWidth(previous) > 1;
        if (piece.end > piece.start && wide && !NO_BREAK_BEFORE.test(g) && !NO_BREAK_AFTER.test(previous)) {
          out.push(piece);
          piece = { start: piece.end, end: piece.end, width: 0, afterSpace: false };
        }
        piece.end += g.length;
        piece.width += w;
        previous = g;
      }
      out.push(piece);
    }
    at += word.length + 1;
  }
  return out;
}

/** Where each line starts and ends in the text: the first line gets `firstColumns`, the others `columns`. */
function lineRanges(text: string, all: readonly Piece[], firstColumns: number, columns: number): [number, number][] {
  const ranges: [number, number][] = [];
  let line: [number, number] | undefined;
  let used = 0;
  const room = () => (ranges.length === 0 ? firstColumns : columns);
  const fits = (piece: Piece) => line !== undefined && used + (piece.afterSpace ? 1 : 0) + piece.width <= room();
  const place = (piece: Piece) => {
    if (line && fits(piece)) {
      used += (piece.afterSpace ? 1 : 0) + piece.width;
      line[1] = piece.end;
      return;
    }
    if (line) ranges.push(line);
    line = [piece.start, piece.end];
    used = piece.width;
  };
  for (const piece of all) {
    const nextRoom = line ? columns : room();
    if (fits(piece) || piece.width <= nextRoom) place(piece);
    // Wider than any line: it fills what is left of this one, then the lines after.
    else for (const part of cut(text, piece, line ? room() - used - (piece.afterSpace ? 1 : 0) : room(), columns)) place(part);
  }
  ranges.push(line ?? [0, 0]);
  return ranges;
}

/** A piece cut between characters into parts: the first fits in `first` columns (if any does), the others in `columns`. */
function cut(text: string, piece: Piece, first: number, columns: number): Piece[] {
  const parts: Piece[] = [];
  let part: Piece = { ...piece, end: piece.start, width: 0 };
  let limit = first;
  for (const g of graphemes(text.slice(piece.start, piece.end))) {
    const w = displayWidth(g);
    if (part.end === part.start && w > limit) limit = columns; // not even one character fits here
    else if (part.width + w > limit) {
      parts.push(part);
      part = { start: part.end, end: part.end, width: 0, afterSpace: false };
      limit = columns;
    }
    part.end += g.length;
    part.width += w;
  }
  parts.push(part);
  return parts;
}

/** The text in [start, end), each word painted in its run's styles, the spaces between left plain. */
function paintRange(runs: readonly Segment[], start: number, end: number, paint: Paint): string {
  let out = '';
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from < to) {
      const piece = run.text.slice(from - at, to - at);
      out += run.styles ? piece.split(/( )/).map((w) => (w === '' || w === ' ' ? w : paint(w, ...run.styles!))).join('') : piece;
    }
    at += run.text.length;
    if (at >= end) break;
  }
  return out;
}
