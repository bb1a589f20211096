import type { DocumentSummary } from '@verbatim/store';
import type { Paint } from './paint.js';
import { displayWidth } from './text-width.js';
import { padDisplay, truncate } from './truncate.js';

export interface DocumentTableOptions {
  paint: Paint;
  /** The terminal's width: titles are cut to fit it. Undefined off a terminal: nothing is cut. */
  width?: number;
}

const HEADINGS = { id: 'ID', kind: 'KIND', date: 'DATE', passages: 'PASSAGES', title: 'TITLE' } as const;
const GAP = '  ';
/** A title is never cut shorter than this, even if the line then wraps. */
const MIN_TITLE = 12;

/**
 * `verbatim list`: one row per document with its id, kind, date, the passages linking it
 * and its title. The title comes last because it is the one column that can be cut.
 */
export function formatDocumentTable(documents: readonly DocumentSummary[], options: DocumentTableOptions): string {
  const { paint, width } = options;
  const rows = documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    date: d.date ?? '—',
    passages: String(d.passages),
    title: d.title,
  }));
  const columnWidth = (key: 'id' | 'kind' | 'date' | 'passages') =>
    Math.max(displayWidth(HEADINGS[key]), ...rows.map((r) => displayWidth(r[key])));
  const widths = { id: columnWidth('id'), kind: columnWidth('kind'), date: columnWidth('date'), passages: columnWidth('passages') };
  const titleStart = widths.id + widths.kind + widths.date + widths.passages + GAP.length * 4;
  const titleWidth = width === undefined ? Infinity : Math.max(width - titleStart - 1, MIN_TITLE);

  const line = (cells: { id: string; kind: string; date: string; passages: string; title: string }, style?: 'bold') => {
    const text = [
      padDisplay(cells.id, widths.id),
      padDisplay(cells.kind, widths.kind),
      padDisplay(cells.date, widths.date),
      // Counts align right, as numbers in a column do.
      cells.passages.padStart(widths.passages),
      truncate(cells.title, titleWidth),
    ].join(GAP);
    return style ? paint(text, style) : text;
  };
  return [line(HEADINGS, 'bold'), ...rows.map((r) => line(r))].join('\n') + '\n';
}
