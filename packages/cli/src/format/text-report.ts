import type { AlignmentReport, DocumentInfo, Paragraph, Passage } from '@verbatim/core';
import { labelled } from './labelled.js';
import { compactLocators } from './locator-ranges.js';
import { createPaint, type Paint } from './paint.js';
import { formatPassage } from './passage-text.js';
import { STATUS_STYLE, countedStatuses, statusWord } from './status-words.js';
import { wrapText, type Segment } from './wrap.js';

export interface TextReportOptions {
  /** The file names as the user gave them. */
  sourceName: string;
  commentaryName: string;
  /** The source's paragraphs, to write omitted ones as ranges (`II.1–II.12`). */
  sourceParagraphs: readonly Paragraph[];
  /** The commentary's paragraphs, to say where in the commentary each passage is. */
  commentaryParagraphs?: readonly Paragraph[];
  color?: boolean;
  /** Line width in columns (default 80). */
  width?: number;
}

/**
 * The report as a person reads it in a terminal: the two documents and the counts, each
 * passage in commentary order with its differences, marks and cut-off context, then what
 * the source has that the commentary left out. Colour only adds emphasis: every status is
 * also written out.
 */
export function formatTextReport(report: AlignmentReport, options: TextReportOptions): string {
  const paint = createPaint(options.color ?? false);
  const width = options.width ?? 80;
  const passages = [...report.passages].sort((a, b) => a.commentary.start - b.commentary.start);
  const sections = [
    header(report, passages, options, paint, width),
    passages.length === 0
      ? 'No passage of the commentary comes from the source.'
      : passages.map((p, i) => formatPassage(p, i + 1, { commentaryParagraphs: options.commentaryParagraphs, paint, width })).join('\n\n'),
    omissionsBlock(report, options, paint, width),
  ];
  return sections.join('\n\n') + '\n';
}

function header(report: AlignmentReport, passages: readonly Passage[], options: TextReportOptions, paint: Paint, width: number): string {
  const quotations = passages.filter((p) => p.kind === 'quotation').length;
  const borrowings = passages.length - quotations;
  const count = (s: Passage['status']) => passages.filter((p) => p.status === s).length;
  const statusCounts = countedStatuses(count).flatMap((s, i): Segment[] => [
    { text: `${i > 0 ? ' · ' : ''}${count(s)} ` },
    { text: statusWord(s), styles: STATUS_STYLE[s] },
  ]);
  const lines = [
    paint('Verbatim alignment report', 'bold'),
    '',
    ...documentLines('Source', options.sourceName, report.source, paint, width),
    ...documentLines('Commentary', options.commentaryName, report.commentary, paint, width),
    labelled('Passages', `${passages.length}: ${plural(quotations, 'quotation')}, ${plural(borrowings, 'borrowing')}`, paint, width),
    labelled('Status', statusCounts, paint, width),
    labelled(
      'Coverage',
      `${percent(report.coverage.source)} of the source is quoted · ${percent(report.coverage.commentary)} of the commentary is source words`,
      paint,
      width,
    ),
  ];
  return lines.join('\n');
}

function documentLines(label: string, name: string, info: DocumentInfo, paint: Paint, width: number): string[] {
  const facts = `${info.length.toLocaleString('en-US')} characters · sha256 ${info.sha256.slice(0, 12)}…`;
  return [
    labelled(label, name, paint, width),
    ...(info.title ? [labelled('', info.title, paint, width)] : []),
    labelled('', [{ text: facts, styles: ['dim'] }], paint, width),
  ];
}

function omissionsBlock(report: AlignmentReport, options: TextReportOptions, paint: Paint, width: number): string {
  const whole = report.omissions.filter((o) => o.whole).map((o) => o.locator);
  const partial = report.omissions.filter((o) => !o.whole).map((o) => o.locator);
  const unquoted = compactLocators(whole, options.sourceParagraphs);
  const partly = compactLocators(partial, options.sourceParagraphs);
  const lines = [paint('Left out of the commentary', 'bold')];
  if (unquoted.length === 0 && partly.length === 0) lines.push('Nothing: every source paragraph is quoted in full.');
  const total = options.sourceParagraphs.length;
  const wholeCount = new Set(whole).size;
  if (unquoted.length > 0) {
    const label = `Not quoted at all (${wholeCount}${total > 0 ? ` of ${total}` : ''} paragraphs): `;
    lines.push(wrapText(label + unquoted.join(', '), width, '    ', '  '));
  }
  if (partly.length > 0) {
    lines.push(wrapText(`Partly quoted (the rest left out): ${partly.join(', ')}`, width, '    ', '  '));
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
