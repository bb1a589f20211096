/**
 * Cuts text to at most `width` characters, ending in `…` when something was cut. Counts
 * code points, not UTF-16 units, so a title with an emoji or an astral character is not
 * cut in the middle of one.
 */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('').trimEnd()}…`;
}

/** Display length in code points: what `truncate` and `padEnd` agree on. */
export function displayLength(text: string): number {
  return [...text].length;
}

export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayLength(text)));
}
