import { displayWidth, graphemes } from './text-width.js';

/**
 * Cuts text to at most `width` terminal columns, ending in `…` when something was cut.
 * Cuts between user-perceived characters — never inside an emoji sequence or between a
 * letter and its combining accent — and counts a Chinese character as two columns.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  return `${firstColumns(text, width - 1).trimEnd()}…`;
}

/** The last graphemes of the text that fit in `width` columns. */
export function lastColumns(text: string, width: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const g of graphemes(text).reverse()) {
    used += displayWidth(g);
    if (used > width) break;
    kept.push(g);
  }
  return kept.reverse().join('');
}

/** The first graphemes of the text that fit in `width` columns. */
export function firstColumns(text: string, width: number): string {
  let kept = '';
  let used = 0;
  for (const g of graphemes(text)) {
    used += displayWidth(g);
    if (used > width) break;
    kept += g;
  }
  return kept;
}

/** The text followed by spaces up to `width` columns. */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
