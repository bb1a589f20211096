import type { Context, Paragraph } from '../types.js';
import { paragraphAt } from '../text/paragraphs.js';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The source words around a passage up to the sentence boundary, so a reader sees what a
 * quotation cut off: "the quotation begins after: 'The sides believe that certain States,'".
 * Empty when the passage starts (or ends) with its sentence.
 */
export function contextOf(source: string, paragraphs: readonly Paragraph[], start: number, end: number): Context {
  const first = paragraphAt(paragraphs, start);
  const last = paragraphAt(paragraphs, Math.max(start, end - 1));
  const before = first && first.start <= start ? sentenceAround(source, first, start) : undefined;
  const after = last && last.end >= end ? sentenceAround(source, last, Math.max(start, end - 1)) : undefined;
  return {
    before: before ? clean(source.slice(before.start, start)) : '',
    after: after ? clean(source.slice(end, after.end)) : '',
  };
}

/** The sentence of a paragraph that contains an offset. */
function sentenceAround(source: string, paragraph: Paragraph, offset: number): { start: number; end: number } | undefined {
  const at = offset - paragraph.start;
  if (at < 0 || at >= paragraph.end - paragraph.start) return undefined;
  const starts = sentenceStarts(source, paragraph);
  let lo = 0;
  let hi = starts.length - 2;
  // The last sentence start at or before `at` (starts[0] is 0, the last entry the paragraph's length).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return { start: paragraph.start + starts[lo]!, end: paragraph.start + starts[lo + 1]! };
}

/**
 * Where each sentence of a paragraph starts (relative to it), then its length: segmented
 * once per paragraph of a source, however many passages ask — a source's paragraphs are
 * kept with it (prepared-source.ts), so the passages of commentary after commentary ask
 * the same objects.
 */
const segmented = new WeakMap<Paragraph, { source: string; starts: Int32Array }>();

function sentenceStarts(source: string, paragraph: Paragraph): Int32Array {
  const known = segmented.get(paragraph);
  if (known && known.source === source) return known.starts;
  const text = source.slice(paragraph.start, paragraph.end);
  const list: number[] = [];
  for (const s of sentences.segment(text)) list.push(s.index);
  list.push(text.length);
  const starts = Int32Array.from(list);
  segmented.set(paragraph, { source, starts });
  return starts;
}

/** Only a full stop or a comma left over is not context. */
function clean(x: string): string {
  return /^[\p{P}\s]*$/u.test(x) ? '' : x.trim();
}
