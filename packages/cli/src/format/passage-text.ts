import type { EmphasisMark, Mark, Paragraph, Passage } from '@verbatim/core';
import { differenceSegments, markedPassageSegments } from './differences.js';
import type { Paint } from './paint.js';
import { STATUS_STYLE, statusWord } from './status-words.js';
import { displayWidth } from './text-width.js';
import { firstColumns, lastColumns } from './truncate.js';
import { wrapSegments, wrapText, type Segment } from './wrap.js';

export interface PassageTextOptions {
  /** The commentary's paragraphs, to say where in the commentary the passage is. */
  commentaryParagraphs?: readonly Paragraph[] | undefined;
  paint: Paint;
  width: number;
}

const PASSAGE_INDENT = '     ';
/** Context wider than this many columns keeps only the words nearest the passage. */
const CONTEXT_COLUMNS = 120;

/**
 * One passage: its number, kind, status and locators; its words with the differences
 * marked; the differences listed; its marks; and the source words it cut off.
 */
export function formatPassage(passage: Passage, number: number, options: PassageTextOptions): string {
  const { paint, width } = options;
  const lines = [passageHeading(passage, number, options)];
  // A bar, not quotation marks, sets the words apart: a borrowing has none, and a
  // quotation's own marks are part of what is being compared.
  const bar = `${PASSAGE_INDENT}${paint('│', 'dim')} `;
  const wrapped = wrapSegments(markedPassageSegments(passage), paint, width, `${PASSAGE_INDENT}│ `);
  lines.push(wrapped.split('\n').map((l) => bar + l.slice(PASSAGE_INDENT.length + 2)).join('\n'));
  lines.push(...candidateLines(passage, width));
  lines.push(...differenceLines(passage, paint, width));
  lines.push(...markLines(passage.marks, paint, width));
  lines.push(...contextLines(passage, width));
  return lines.join('\n');
}

function passageHeading(passage: Passage, number: number, { commentaryParagraphs, paint, width }: PassageTextOptions): string {
  const where = commentaryParagraphs ? commentaryLocator(passage, commentaryParagraphs) : undefined;
  const from = where ? `commentary ${where} → ` : '';
  // Places the evidence cannot tell apart: the reader is told, not given one of them as the answer.
  const places = candidateLocators(passage);
  const parts: Segment[][] = [
    [{ text: passage.kind }],
    [{ text: statusWord(passage.status), styles: STATUS_STYLE[passage.status] }],
    places
      ? [{ text: `${from}source ` }, { text: places, styles: ['bold'] }, { text: ', equally' }]
      : passage.source
        ? [{ text: `${from}source ` }, { text: passage.source.locator, styles: ['bold'] }]
        : [{ text: `${from}not in the source` }],
  ];
  if (passage.source) parts.push([{ text: `similarity ${similarity(passage.similarity)}` }]);
  const marksNote = quotationMarksNote(passage);
  if (marksNote) parts.push([{ text: marksNote }]);
  const segments = parts.flatMap((part, i) => (i === 0 ? part : [{ text: ' · ' }, ...part]));
  const numbered = `${String(number).padStart(3)}. `;
  // Wrapped behind a plain number so widths are measured right, then the number is painted.
  return paint(numbered, 'bold') + wrapSegments(segments, paint, width, PASSAGE_INDENT, numbered).slice(numbered.length);
}

/** "0.3, III.5 or III.21" when the passage fits several places equally. */
function candidateLocators(passage: Passage): string | undefined {
  if (!('candidates' in passage) || !passage.candidates || passage.candidates.length < 2) return undefined;
  const locators = passage.candidates.map((c) => c.locator);
  return `${locators.slice(0, -1).join(', ')} or ${locators.at(-1)}`;
}

/** What the words, differences and context below are compared with, when several places fit. */
function candidateLines(passage: Passage, width: number): string[] {
  if (!candidateLocators(passage) || !passage.source) return [];
  const n = 'candidates' in passage && passage.candidates ? passage.candidates.length : 0;
  // The first in source order stands for them, unless another has the quoted words letter for letter.
  const first = 'candidates' in passage && passage.candidates ? passage.candidates[0] : undefined;
  const which = first?.start === passage.source.start ? 'the first, ' : '';
  const note = `fits ${n} places of the source equally; compared below with ${which}${passage.source.locator}`;
  return [wrapText(note, width, PASSAGE_INDENT + '  ', PASSAGE_INDENT)];
}

function quotationMarksNote(passage: Passage): string | undefined {
  switch (passage.quotationMarks) {
    case 'opening-missing':
      return '(opening quotation mark missing)';
    case 'closing-missing':
      return '(closing quotation mark missing)';
    case 'block':
      return '(block quotation)';
    default:
      return undefined;
  }
}

function commentaryLocator(passage: Passage, paragraphs: readonly Paragraph[]): string | undefined {
  const { start, end } = passage.commentary;
  const touched = paragraphs.filter((p) => p.start < end && p.end > start).map((p) => p.locator);
  if (touched.length === 0) return undefined;
  return touched.length === 1 ? touched[0] : `${touched[0]}–${touched[touched.length - 1]}`;
}

/** Typographic differences only get counted, with an example or two. */
function differenceLines(passage: Passage, paint: Paint, width: number): string[] {
  const listed = passage.differences.filter((d) => d.category !== 'typography');
  const typographic = passage.differences.filter((d) => d.category === 'typography');
  const lines: string[] = [];
  for (const d of listed) {
    const note: Segment[] = d.editorial ? [{ text: ' (accounted for by an editorial mark)', styles: ['dim'] }] : [];
    const segments: Segment[] = [{ text: `${d.category}:` }, { text: ' ' }, ...differenceSegments(d), ...note];
    lines.push(wrapSegments(segments, paint, width, PASSAGE_INDENT + '    ', PASSAGE_INDENT + '  '));
  }
  if (typographic.length > 0) {
    const examples = typographic.slice(0, 2).flatMap((d, i) => [...(i > 0 ? [{ text: ', ' }] : []), ...differenceSegments(d)]);
    const more = typographic.length > 2 ? [{ text: ', …' }] : [];
    const segments: Segment[] = [
      { text: `typography: ${typographic.length} (quote marks, dashes, spacing; not counted as changes), e.g. ` },
      ...examples,
      ...more,
    ];
    lines.push(wrapSegments(segments, paint, width, PASSAGE_INDENT + '    ', PASSAGE_INDENT + '  '));
  }
  return lines.length > 0 ? [`${PASSAGE_INDENT}differences (source → commentary):`, ...lines] : [];
}

function markLines(marks: readonly Mark[], paint: Paint, width: number): string[] {
  return marks.map((mark) =>
    wrapSegments([{ text: 'mark:', styles: ['magenta'] }, { text: ` ${describeMark(mark)}` }], paint, width, PASSAGE_INDENT + '  ', PASSAGE_INDENT),
  );
}

function describeMark(mark: Mark): string {
  const shown = `“${mark.commentary.text.trim()}”`;
  switch (mark.type) {
    case 'ellipsis':
      return `ellipsis ${shown}: source words left out`;
    case 'bracket':
      return `bracket ${shown}: the commentary's own letter or word`;
    case 'sic':
      return `sic ${shown}: the error is the source's`;
    case 'emphasis-added':
      return `emphasis added ${shown}${emphasizedWords(mark as EmphasisMark)}`;
    case 'emphasis-original':
      return `emphasis in the original ${shown}${emphasizedWords(mark as EmphasisMark)}`;
  }
}

function emphasizedWords(mark: EmphasisMark): string {
  if (mark.emphasized === null) return ' — the emphasized words are unknown: the commentary is plain text';
  if (mark.emphasized.length === 0) return ' — but no words of the passage are emphasized';
  return ` — emphasized: ${mark.emphasized.map((s) => `“${s.text}”`).join(', ')}`;
}

function contextLines(passage: Passage, width: number): string[] {
  const lines: string[] = [];
  const before = passage.context.before.trim();
  const after = passage.context.after.trim();
  if (before) lines.push(wrapText(`begins after: '${keepEnd(before)}'`, width, PASSAGE_INDENT + '  ', PASSAGE_INDENT));
  if (after) lines.push(wrapText(`ends before: '${keepStart(after)}'`, width, PASSAGE_INDENT + '  ', PASSAGE_INDENT));
  return lines;
}

// Cut at a word where there are spaces; text written without them is cut between characters.
function keepEnd(text: string): string {
  return displayWidth(text) <= CONTEXT_COLUMNS ? text : `…${lastColumns(text, CONTEXT_COLUMNS).replace(/^\S*\s/, '')}`;
}

function keepStart(text: string): string {
  return displayWidth(text) <= CONTEXT_COLUMNS ? text : `${firstColumns(text, CONTEXT_COLUMNS).replace(/\s\S*$/, '')}…`;
}

/** Two decimals, rounded down: a passage that is not identical never shows 1.00. */
function similarity(value: number): string {
  // The epsilon keeps binary rounding (0.29 * 100 = 28.999…) from costing a point.
  return (Math.floor(value * 100 + 1e-9) / 100).toFixed(2);
}

