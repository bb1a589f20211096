import type { Context, Paragraph } from '../types.js';
import { paragraphAt } from '../text/paragraphs.js';

/**
 * Made when a passage first needs its context: the first Intl object a process makes loads
 * ICU (milliseconds), and a check that finds no quotation, or a command that aligns nothing,
 * should not pay for it.
 */
let sentences: Intl.Segmenter | undefined;

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
  const starts = sentenceStartsOf(source, paragraph);
  const at = offset - paragraph.start;
  // As Intl's `containing`: nothing outside the paragraph's text.
  if (at < 0 || at >= starts[starts.length - 1]!) return undefined;
  let lo = 0;
  let hi = starts.length - 1;
  // The last sentence starting at or before the offset: starts[lo] <= at < starts[hi].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid;
  }
  return { start: paragraph.start + starts[lo]!, end: paragraph.start + starts[hi]! };
}

/**
 * Where a paragraph's sentences start, relative to it, and its length last: segmented once
 * however many passages ask, found by a binary search rather than by asking ICU again. A
 * source's paragraphs are kept with it (prepared-source.ts), so the passages of commentary
 * after commentary ask the same objects. A Paragraph is made for one text
 * (splitParagraphs), so the object alone says which text it is part of.
 */
const segmented = new WeakMap<Paragraph, Int32Array>();

function sentenceStartsOf(source: string, paragraph: Paragraph): Int32Array {
  let found = segmented.get(paragraph);
  if (!found) {
    sentences ??= new Intl.Segmenter('en', { granularity: 'sentence' });
    const starts: number[] = [];
    for (const s of sentences.segment(source.slice(paragraph.start, paragraph.end))) starts.push(s.index);
    starts.push(paragraph.end - paragraph.start);
    segmented.set(paragraph, (found = Int32Array.from(starts)));
  }
  return found;
}

/** Only a full stop or a comma left over is not context. */
function clean(x: string): string {
  return /^[\p{P}\s]*$/u.test(x) ? '' : x.trim();
}
