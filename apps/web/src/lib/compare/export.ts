/**
 * What the comparison page downloads: the passages as CSV (one row per passage, in
 * commentary order), and the names and addresses of the other downloads.
 */
import { CATEGORY_LABEL, STATUS_LABEL } from '../labels';
import type { PassageView } from './model';

const COLUMNS = [
  'n',
  'id',
  'kind',
  'status',
  'locator',
  // Every place the passage fits equally ("I.5; II.4; II.5"), `locator` the first; empty when it fits one.
  'candidates',
  'similarity',
  'commentary_start',
  'commentary_end',
  'commentary_text',
  'source_start',
  'source_end',
  'source_text',
  'differences',
  'marks',
  'context_before',
  'context_after',
] as const;

/**
 * RFC 4180: fields separated by commas, records by CRLF, a field with a comma, quote or line
 * break quoted and its quotes doubled. A field with a semicolon or a tab is quoted too: a
 * spreadsheet told to split on those as well (LibreOffice's import with both ticked, Excel
 * where the list separator is ";") would otherwise cut the several places of a tie, or the
 * several differences of a passage, into columns of their own, and shift the rest of the row.
 * A byte order mark first, so that spreadsheets read the curly quotes as UTF-8 rather than as
 * three letters each.
 */
export function passagesCsv(passages: readonly PassageView[]): string {
  const rows = passages.map((p) => [
    String(p.n),
    p.id,
    p.kind,
    STATUS_LABEL[p.status],
    p.locator ?? '',
    p.candidates.join('; '),
    p.similarity.toFixed(3),
    String(p.commentary.start),
    String(p.commentary.end),
    p.commentary.text,
    p.source ? String(p.source.start) : '',
    p.source ? String(p.source.end) : '',
    p.source?.text ?? '',
    differencesCell(p),
    marksCell(p),
    p.context.before,
    p.context.after,
  ]);
  return `\uFEFF${[[...COLUMNS], ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** `inflection: “Russia” → “Russian”; wording: left out “by”; wording: added “two”` (source → commentary). */
function differencesCell(p: PassageView): string {
  return p.differences
    .map((d) => {
      const what =
        d.type === 'insert' ? `added “${flat(d.commentary.text)}”`
        : d.type === 'delete' ? `left out “${flat(d.source.text)}”`
        : `“${flat(d.source.text)}” → “${flat(d.commentary.text)}”`;
      return `${CATEGORY_LABEL[d.category]}${d.editorial ? ' (editorial)' : ''}: ${what}`;
    })
    .join('; ');
}

function marksCell(p: PassageView): string {
  return [
    ...p.editorialMarks.map((m) => `${m.type}: ${m.text}`),
    ...p.emphasis.map((e) => `${e.marker}${e.emphasized ? `: ${e.emphasized.map((w) => `“${w}”`).join(', ')}` : ''}`),
  ].join('; ');
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function field(value: string): string {
  return /[",;\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type BibliographicFormat = 'bibtex' | 'ris' | 'csl-json';

export interface Download {
  label: string;
  href: string;
  filename: string;
}

/** The files the API serves for a comparison, named after the commentary. */
export function apiDownloads(sourceId: string, commentaryId: string): Download[] {
  const base = `/api/alignments/${encodeURIComponent(sourceId)}/${encodeURIComponent(commentaryId)}`;
  return [
    { label: 'Report (JSON)', href: base, filename: `${commentaryId}-report.json` },
    { label: 'Citations (BibTeX)', href: `${base}/citations?format=bibtex`, filename: `${commentaryId}-citations.bib` },
    { label: 'Citations (RIS)', href: `${base}/citations?format=ris`, filename: `${commentaryId}-citations.ris` },
    { label: 'Citations (CSL-JSON)', href: `${base}/citations?format=csl-json`, filename: `${commentaryId}-citations.json` },
  ];
}
