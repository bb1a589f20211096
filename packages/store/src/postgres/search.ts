import { CLOSE, hitOf, OPEN, plainWords, searchSettings, SNIPPET_WORDS, type HitRow } from '../search.js';
import type { SearchHit, SearchOptions, SearchResult } from '../types.js';
import { rows, type Queryable } from './pool.js';
import { parseQuery, tsquerySql, type QueryNode } from './search-query.js';

/** The text search configuration of migration 2: English stems, no stop words dropped. */
export const TEXT_SEARCH_CONFIG = 'verbatim_english';

/**
 * Full-text search over the paragraphs of the latest versions, with the SQLite store's
 * answers: the same syntax, sources' paragraphs first, then commentaries', best match first
 * within each (`ts_rank`), the matched words marked in an excerpt (`ts_headline`). A query
 * that syntax does not read is searched as the plain words in it, and the result says so.
 */
export async function search(db: Queryable, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  if (query.trim() === '') return { readAs: 'full-text', words: null, hits: [] };
  const { limit, highlight } = searchSettings(options);
  const parsed = parseQuery(query);
  if (parsed) return { readAs: 'full-text', words: null, hits: await run(db, parsed, limit, highlight) };
  const words = plainWords(query);
  if (words.length === 0) return { readAs: 'words', words, hits: [] };
  const asWords: QueryNode = { type: 'and', items: words.map((text) => ({ type: 'phrase', text, prefix: false })) };
  return { readAs: 'words', words, hits: await run(db, asWords, limit, highlight) };
}

async function run(db: Queryable, node: QueryNode, limit: number, highlight: { open: string; close: string }): Promise<SearchHit[]> {
  const params: unknown[] = [];
  const tsquery = tsquerySql(node, TEXT_SEARCH_CONFIG, params);
  // One fragment around the best cover of the query, as FTS5's snippet picks one.
  params.push(`StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=${SNIPPET_WORDS}, MinWords=${SNIPPET_WORDS / 2}, ShortWord=0, MaxFragments=1`, limit);
  const headline = `$${params.length - 1}`;
  const found = await rows<HitRow & { text: string }>(
    db,
    `WITH q AS (SELECT ${tsquery} AS query)
     SELECT d.id AS document_id, d.title, d.kind, d.version, p.locator, p.start, p."end", p.text,
       ts_headline('${TEXT_SEARCH_CONFIG}', p.text, q.query, ${headline}) AS snippet
     FROM q, paragraphs p JOIN latest_documents d ON d.vid = p.vid
     WHERE p.tsv @@ q.query
     ORDER BY CASE d.kind WHEN 'source' THEN 0 ELSE 1 END, ts_rank(p.tsv, q.query) DESC, d.id COLLATE "C", p.ordinal
     LIMIT $${params.length}`,
    params,
  );
  const shortest = shortestPhrase(node);
  return found.map(({ text, ...r }) => hitOf({ ...r, snippet: withEllipses(phraseMarks(r.snippet, shortest), text) }, highlight));
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** How many words the shortest phrase (or word) of the query has. */
function shortestPhrase(node: QueryNode): number {
  switch (node.type) {
    case 'phrase':
      return Math.max(1, node.text.match(WORD)?.length ?? 0);
    case 'not':
      return shortestPhrase(node.keep);
    default:
      return Math.min(...node.items.map(shortestPhrase));
  }
}

/**
 * ts_headline marks every word of the query wherever it stands; FTS5 marks a phrase where it
 * matched, as one stretch. So: marks with only spaces and punctuation between them become one
 * (`"forbidden" areas`), and a stretch with fewer words than the query's shortest phrase (the
 * "no" of "no limits" standing alone) is no match and loses its marks.
 */
function phraseMarks(snippet: string, shortest: number): string {
  const joined = snippet.replace(new RegExp(`${CLOSE}([^\\p{L}\\p{M}\\p{N}_]*)${OPEN}`, 'gu'), '$1');
  return joined.replace(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g'), (marked: string, inner: string) =>
    (inner.match(WORD)?.length ?? 0) >= shortest ? marked : inner,
  );
}

/** An excerpt cut from its paragraph says so with '…' at the cut, as FTS5's snippets do. */
function withEllipses(snippet: string, paragraph: string): string {
  const plain = snippet.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  const head = paragraph.startsWith(plain) ? '' : '…';
  const tail = paragraph.endsWith(plain) ? '' : '…';
  return `${head}${snippet}${tail}`;
}
