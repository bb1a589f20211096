import type { Offsets, Token, WordRange } from './tokenize.js';

/** The index of the first item whose key is at least `value`; items are sorted by that key. */
export function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token indices of the words lying wholly inside a range of offsets. */
export function tokensIn(tokens: readonly Token[], r: Offsets): WordRange {
  const start = lowerBound(tokens, r.start, (t) => t.start);
  return { start, end: Math.max(start, lowerBound(tokens, r.end + 1, (t) => t.end)) };
}
