/**
 * W3C selectors count Unicode code points; JavaScript strings index UTF-16 code units.
 * The two differ by one for every character outside the Basic Multilingual Plane (an
 * emoji, a rare CJK ideograph) before the offset.
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: skip its second half.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < utf16Offset) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of a code-point offset: the inverse of `codePointOffset`. */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const unit = text.charCodeAt(i);
    i += unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** Up to `count` code points of `text` ending at `end` (UTF-16), never splitting a pair. */
export function codePointsBefore(text: string, end: number, count: number): string {
  let start = end;
  for (let n = 0; n < count && start > 0; n++) {
    start -= 1;
    if (start > 0 && (text.charCodeAt(start) & 0xfc00) === 0xdc00 && (text.charCodeAt(start - 1) & 0xfc00) === 0xd800) start -= 1;
  }
  return text.slice(start, end);
}

/** Up to `count` code points of `text` starting at `start` (UTF-16), never splitting a pair. */
export function codePointsAfter(text: string, start: number, count: number): string {
  let end = start;
  for (let n = 0; n < count && end < text.length; n++) {
    end += (text.charCodeAt(end) & 0xfc00) === 0xd800 && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return text.slice(start, end);
}
