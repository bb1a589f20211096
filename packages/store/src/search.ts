import type { Db } from './database.js';
import type { DocumentKind, SearchHit, SearchOptions, SearchResult } from './types.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Words in a snippet, on either engine. */
export const SNIPPET_WORDS = 24;
/** Private-use characters no document contains, so the highlights can be found again exactly. */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';

/** A paragraph found, its snippet marked with OPEN and CLOSE: what either engine's query answers. */
export interface HitRow {
  document_id: string;
  title: string;
  kind: DocumentKind;
  version: number;
  locator: string;
  start: number;
  end: number;
  snippet: string;
}

/**
 * Full-text search over the paragraphs of the latest versions: the paragraphs of sources
 * first, then those of commentaries, each group best match first — a source's own words
 * come before the commentaries that quote them. The query is FTS5 syntax (words,
 * "phrases", OR, NOT, NEAR, prefix*); one FTS5 rejects (an unbalanced quotation mark, a
 * stray parenthesis, `title: limits`) is searched as the plain words it contains, and the
 * result says so. An empty query finds nothing.
 */
export function search(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  if (query.trim() === '') return { readAs: 'full-text', words: null, hits: [] };
  const { limit, highlight } = searchSettings(options);
  try {
    return { readAs: 'full-text', words: null, hits: run(db, query, limit, highlight) };
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
  }
  const words = plainWords(query);
  if (words.length === 0) return { readAs: 'words', words, hits: [] };
  // Each word quoted: FTS5 reads a quoted string as the words in it, never as an operator.
  const asWords = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
  return { readAs: 'words', words, hits: run(db, asWords, limit, highlight) };
}

/** The limit and highlight marks of a search, defaults filled in and the limit kept in bounds. */
export function searchSettings(options: SearchOptions): { limit: number; highlight: { open: string; close: string } } {
  return {
    limit: Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT),
    highlight: options.highlight ?? { open: '**', close: '**' },
  };
}

function run(db: Db, query: string, limit: number, highlight: { open: string; close: string }): SearchHit[] {
  const rows = db
    .prepare(
      `SELECT d.id AS document_id, d.title, d.kind, d.version, p.locator, p.start, p."end",
         snippet(paragraphs_fts, 0, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_WORDS}) AS snippet
       FROM paragraphs_fts
       JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
       JOIN documents d ON d.vid = p.vid
       WHERE paragraphs_fts MATCH ?
       ORDER BY CASE d.kind WHEN 'source' THEN 0 ELSE 1 END, bm25(paragraphs_fts), d.id, p.ordinal
       LIMIT ?`,
    )
    .all(query, limit) as HitRow[];
  return rows.map((r) => hitOf(r, highlight));
}

/** A hit as the store answers it, from a row whose snippet is marked with OPEN and CLOSE. */
export function hitOf(r: HitRow, { open, close }: { open: string; close: string }): SearchHit {
  // "no limits" reads as one highlight, not two adjacent ones.
  const marked = r.snippet.replace(new RegExp(`${CLOSE}(\\s+)${OPEN}`, 'g'), '$1');
  return {
    documentId: r.document_id,
    title: r.title,
    kind: r.kind,
    version: r.version,
    locator: r.locator,
    start: r.start,
    end: r.end,
    snippet: marked.replaceAll(OPEN, open).replaceAll(CLOSE, close),
    excerpt: parseSnippet(marked),
  };
}

/** FTS5's operators: in a query it rejected they were meant as operators, so they are not words to find. */
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

/**
 * The words of a query, in order, without its marks: letters and digits, joined by an
 * apostrophe or hyphen; without FTS5's operators, unless the query is nothing else.
 */
export function plainWords(query: string): string[] {
  const words = query.match(/[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu) ?? [];
  const meant = words.filter((w) => !OPERATORS.has(w));
  return meant.length > 0 ? meant : words;
}

function parseSnippet(marked: string): SearchHit['excerpt'] {
  let text = '';
  const highlights: Array<{ start: number; end: number }> = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0) highlights.push({ start, end: text.length });
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/** SQLite reports FTS5 syntax errors as plain SQLITE_ERRORs; anything else is a real failure. */
function isSyntaxError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_ERROR' && /fts5|syntax error|unterminated string|no such column|unknown special query/i.test(message);
}
