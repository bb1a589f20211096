import type { Db } from './database.js';
import { StoreError } from './errors.js';
import type { DocumentKind, SearchHit, SearchOptions } from './types.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
const SNIPPET_TOKENS = 24;
/** Private-use characters no document contains, so the highlights can be found again exactly. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

interface HitRow {
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
 * Full-text search over the paragraphs of the latest versions, best matches first. The
 * query is FTS5 syntax (words, "phrases", OR, NOT, NEAR, prefix*); a malformed one is the
 * user's mistake to correct, reported as such. An empty query finds nothing.
 */
export function search(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  if (query.trim() === '') return [];
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const { open, close } = options.highlight ?? { open: '**', close: '**' };
  let rows: HitRow[];
  try {
    rows = db
      .prepare(
        `SELECT d.id AS document_id, d.title, d.kind, d.version, p.locator, p.start, p."end",
           snippet(paragraphs_fts, 2, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
         FROM paragraphs_fts
         JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
         JOIN documents d ON d.vid = p.vid
         WHERE paragraphs_fts MATCH ?
         ORDER BY bm25(paragraphs_fts), d.id, p.ordinal
         LIMIT ?`,
      )
      .all(query, limit) as HitRow[];
  } catch (error) {
    throw syntaxError(query, error);
  }
  return rows.map((r) => {
    // "no limits" reads as one highlight, not two adjacent ones.
    const marked = r.snippet.replace(new RegExp(`${CLOSE}(\\s+)${OPEN}`, 'g'), '$1');
    const excerpt = parseSnippet(marked);
    return {
      documentId: r.document_id,
      title: r.title,
      kind: r.kind,
      version: r.version,
      locator: r.locator,
      start: r.start,
      end: r.end,
      snippet: marked.replaceAll(OPEN, open).replaceAll(CLOSE, close),
      excerpt,
    };
  });
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
function syntaxError(query: string, error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: unknown } | null)?.code;
  const isSyntax =
    code === 'SQLITE_ERROR' &&
    /fts5|syntax error|unterminated string|no such column|unknown special query/i.test(message);
  if (!isSyntax) return error;
  const reason = message.replace(/^fts5:\s*/, '');
  return new StoreError(
    'search-syntax',
    `The search ${JSON.stringify(query)} is not valid full-text syntax (${reason}); put words in double quotes to search for them as written.`,
    { cause: error },
  );
}
