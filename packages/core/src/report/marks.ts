import type { DetectedMark } from '../detect/marks.js';
import { isEmphasis } from '../detect/marks.js';
import { CLOSING_MARKS } from '../detect/quotation-marks.js';
import { lowerBound } from '../text/token-ranges.js';
import type { Offsets } from '../text/tokenize.js';
import type { EditorialMark, EmphasisMark, Mark, Span } from '../types.js';

/** Between a passage and a marker that follows it: nothing but spaces, punctuation and closing marks. */
const FOLLOWS = new RegExp(`^[\\s.,;:!?${CLOSING_MARKS})\\]]*$`, 'u');

/**
 * The marks that belong to a passage: editorial marks inside it, and an emphasis marker
 * that interrupts it or follows it with nothing but punctuation between. `emphasis` is
 * what the commentary itself set in italics, when known.
 */
export function marksOf(
  commentary: string,
  passage: Offsets,
  marks: readonly DetectedMark[],
  emphasis: ReadonlyArray<Offsets> | undefined,
): Mark[] {
  const out: Mark[] = [];
  // Marks are sorted by start: only those from the passage to the end of its paragraph matter.
  for (let k = lowerBound(marks, passage.start, (m) => m.start); k < marks.length; k++) {
    const m = marks[k]!;
    if (m.start > passage.end && !FOLLOWS.test(commentary.slice(passage.end, m.start))) break;
    const span: Span = { start: m.start, end: m.end, text: commentary.slice(m.start, m.end) };
    const inside = m.start >= passage.start && m.end <= passage.end;
    if (!isEmphasis(m)) {
      if (inside) out.push({ type: m.type, commentary: span } as EditorialMark);
      continue;
    }
    const follows = m.start >= passage.end && FOLLOWS.test(commentary.slice(passage.end, m.start));
    if (!inside && !follows) continue;
    const emphasized = emphasis
      ? emphasis
          .filter((e) => e.start < passage.end && passage.start < e.end)
          .map((e) => {
            const start = Math.max(e.start, passage.start);
            const end = Math.min(e.end, passage.end);
            return { start, end, text: commentary.slice(start, end) };
          })
      : null;
    out.push({ type: m.type, commentary: span, emphasized } as EmphasisMark);
  }
  return out;
}
