import type { Paint } from './paint.js';
import { padDisplay } from './truncate.js';
import { wrapSegments, type Segment } from './wrap.js';

/** Labels stand in a column this wide; values wrap under themselves. */
export const LABEL_WIDTH = 13;

/** `Label        value`, the value wrapped under itself. */
export function labelled(label: string, value: string | Segment[], paint: Paint, width: number): string {
  const indent = ' '.repeat(LABEL_WIDTH);
  const segments = typeof value === 'string' ? [{ text: value }] : value;
  // Wrapped with a plain label so widths are measured right, then the label is painted.
  const wrapped = wrapSegments(segments, paint, width, indent);
  return (label ? paint(padDisplay(label, LABEL_WIDTH), 'bold') : indent) + wrapped.slice(indent.length);
}
