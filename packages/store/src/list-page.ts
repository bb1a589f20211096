/**
 * The library a page at a time, on both engines: the order of the documents, and where a page
 * starts — after the last document of the one before (keyset paging), never at an offset, so
 * a page costs the same at the end of a large corpus as at its start, and a document added
 * or deleted meanwhile neither repeats nor skips one on the pages after.
 */
import { StoreError } from './errors.js';
import type { DocumentKind, DocumentListOptions, DocumentOrder, DocumentPage, DocumentSummary, ListPosition } from './types.js';

/** Documents a page holds unless asked otherwise. */
export const DEFAULT_LIST_LIMIT = 100;
/** The most a page may hold: a page of a large corpus stays a fraction of a second's work. */
export const MAX_LIST_LIMIT = 1000;

export const DOCUMENT_ORDERS = ['date', '-date'] as const satisfies readonly DocumentOrder[];

/** One column of the order: its SQL, and whether it ascends. */
interface SortKey {
  sql: string;
  ascending: boolean;
  value: (p: ListPosition) => string | number;
}

/**
 * The order, as SQL each engine reads (`collate` is PostgreSQL's `COLLATE "C"`, the byte order
 * SQLite sorts in): sources first, then dated documents by date (`date` oldest first, `-date`
 * newest first), undated ones after them, then title and id. An undated document's date sorts
 * as '' so that every key compares as a value, never as NULL.
 */
function sortKeys(order: DocumentOrder, collate: string): SortKey[] {
  return [
    { sql: `kind${collate}`, ascending: false, value: (p) => p.kind },
    { sql: 'CASE WHEN date IS NULL THEN 1 ELSE 0 END', ascending: true, value: (p) => (p.date === null ? 1 : 0) },
    { sql: `coalesce(date, '')${collate}`, ascending: order === 'date', value: (p) => p.date ?? '' },
    { sql: `title${collate}`, ascending: true, value: (p) => p.title },
    { sql: `id${collate}`, ascending: true, value: (p) => p.id },
  ];
}

export interface PageQuery {
  /** `WHERE …` of latest_documents (or '' for every document). */
  where: string;
  /** `ORDER BY …`. */
  orderBy: string;
  /** The values of the placeholders of `where`, in order. */
  params: Array<string | number>;
}

/**
 * The conditions and order of one page: its kind, and the documents after `after` in the
 * order. `placeholder(n)` writes the engine's n-th parameter (`?`, or `$n`), counted from `first`.
 */
export function pageQuery(
  { kind, order = 'date', after }: Pick<DocumentListOptions, 'kind' | 'order' | 'after'>,
  { collate, placeholder, first = 1 }: { collate: string; placeholder: (n: number) => string; first?: number },
): PageQuery {
  const keys = sortKeys(order, collate);
  const params: Array<string | number> = [];
  const param = (value: string | number) => {
    params.push(value);
    return placeholder(first + params.length - 1);
  };
  const conditions: string[] = [];
  if (kind !== undefined) conditions.push(`kind = ${param(kind)}`);
  if (after !== undefined) {
    // (k1 > c1) OR (k1 = c1 AND k2 > c2) OR …, each comparison in its key's direction.
    const alternatives = keys.map((key, i) => {
      const equal = keys.slice(0, i).map((k) => `${k.sql} = ${param(k.value(after))}`);
      return `(${[...equal, `${key.sql} ${key.ascending ? '>' : '<'} ${param(key.value(after))}`].join(' AND ')})`;
    });
    conditions.push(`(${alternatives.join(' OR ')})`);
  }
  return {
    where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '',
    orderBy: `ORDER BY ${keys.map((k) => `${k.sql}${k.ascending ? '' : ' DESC'}`).join(', ')}`,
    params,
  };
}

/** Where the page after this document starts. */
export function positionOf(doc: { kind: DocumentKind; date: string | null; title: string; id: string }): ListPosition {
  return { kind: doc.kind, date: doc.date, title: doc.title, id: doc.id };
}

/** A page's limit: the default when none is given; one out of range is refused. */
export function limitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new StoreError('invalid', `A page holds from 1 to ${MAX_LIST_LIMIT} documents, not ${limit}.`);
  }
  return limit;
}

/** Every document, a page of the most a page holds at a time. */
export async function everyPage(page: (options: DocumentListOptions) => DocumentPage | Promise<DocumentPage>): Promise<DocumentSummary[]> {
  const documents: DocumentSummary[] = [];
  let after: ListPosition | null | undefined;
  do {
    const got = await page({ limit: MAX_LIST_LIMIT, ...(after ? { after } : {}) });
    documents.push(...got.documents);
    after = got.next;
  } while (after);
  return documents;
}
