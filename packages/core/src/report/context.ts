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
  const s = sentencesOf(source, paragraph).containing(offset - paragraph.start);
  return s ? { start: paragraph.start + s.index, end: paragraph.start + s.index + s.segment.length } : undefined;
}

/**
 * A paragraph's sentences, segmented once however many passages ask (Intl finds the one
 * asked for when asked): a source's paragraphs are kept with it (prepared-source.ts), so
 * the passages of commentary after commentary ask the same objects. A Paragraph is made
 * for one text (splitParagraphs), so the object alone says which text it is part of.
 */
const segmented = new WeakMap<Paragraph, Intl.Segments>();

function sentencesOf(source: string, paragraph: Paragraph): Intl.Segments {
  let found = segmented.get(paragraph);
  if (!found) {
    sentences ??= new Intl.Segmenter('en', { granularity: 'sentence' });
    segmented.set(paragraph, (found = sentences.segment(source.slice(paragraph.start, paragraph.end))));
  }
  return found;
}

/** Only a full stop or a comma left over is not context. */
function clean(x: string): string {
  return /^[\p{P}\s]*$/u.test(x) ? '' : x.trim();
}
