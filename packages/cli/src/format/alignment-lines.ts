import type { AlignmentView } from '../store/alignment-view.js';
import type { Paint } from './paint.js';
import { STATUSES, STATUS_STYLE, countedStatuses, statusWord } from './status-words.js';
import { wrapSegments, type Segment } from './wrap.js';

export interface AlignmentLinesOptions {
  paint: Paint;
  width: number;
  /** Leading spaces of the first line; the counts are indented two more. */
  indent?: string;
}

/**
 * One alignment in two lines: who quotes whom, then the passages by status and the
 * coverage. Colour only emphasizes: each status is written out.
 */
export function formatAlignment(view: AlignmentView, options: AlignmentLinesOptions): string {
  const { paint, width, indent = '  ' } = options;
  const total = STATUSES.reduce((n, s) => n + view.statuses[s], 0);
  const counts = countedStatuses((s) => view.statuses[s]).flatMap((s, i): Segment[] => [
    { text: `${i > 0 ? ' · ' : ''}${view.statuses[s]} ` },
    { text: statusWord(s), styles: STATUS_STYLE[s] },
  ]);
  const coverage = `; ${percent(view.coverage.source)} of the source quoted, ${percent(view.coverage.commentary)} of the commentary is source words`;
  const heading = `${indent}${paint(view.source.id, 'bold')} ↔ ${paint(view.commentary.id, 'bold')}`;
  const details = wrapSegments(
    [{ text: `${total} ${total === 1 ? 'passage' : 'passages'}: ` }, ...counts, { text: coverage }],
    paint,
    width,
    `${indent}  `,
  );
  return `${heading}\n${details}`;
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
