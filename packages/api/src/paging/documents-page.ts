import type { DocumentKind, DocumentOrder, DocumentPage, Store } from '@verbatim/store';
import { ProblemError } from '../problem.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';

export interface ListQuery {
  kind?: DocumentKind | undefined;
  sort?: DocumentOrder | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface ListedPage extends Omit<DocumentPage, 'next'> {
  /** The query of the next page (its `kind`, `sort` and `limit` kept, its `cursor`), or null on the last. */
  next: string | null;
}

const NOT_A_CURSOR =
  'The cursor is not one this API gave: follow a page’s next link as it is, or start again from the first page, without a cursor.';

const listing = (kind: DocumentKind | null, order: DocumentOrder) =>
  `${kind === null ? 'every document' : kind === 'source' ? 'the sources' : 'the commentaries'} by ${order === 'date' ? 'date' : 'date, newest first'}`;

/**
 * The page of GET /api/documents a query asks for. A cursor continues the listing it was made
 * for: a `kind` or `sort` other than its own is refused, not silently obeyed or ignored.
 */
export async function listedPage(store: Store, query: ListQuery): Promise<ListedPage> {
  let kind = query.kind ?? null;
  let order = query.sort ?? 'date';
  let after;
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new ProblemError(400, NOT_A_CURSOR);
    if ((query.kind !== undefined && query.kind !== cursor.kind) || (query.sort !== undefined && query.sort !== cursor.order)) {
      throw new ProblemError(
        400,
        `The cursor continues the list of ${listing(cursor.kind, cursor.order)}, not of ${listing(kind, order)}: follow its next link as it is, or start again without a cursor.`,
      );
    }
    ({ kind, order, after } = cursor);
  }
  const page = await store.listPage({ order, ...(kind !== null ? { kind } : {}), ...(query.limit !== undefined ? { limit: query.limit } : {}), ...(after ? { after } : {}) });
  let next: string | null = null;
  if (page.next) {
    const params = new URLSearchParams();
    if (kind !== null) params.set('kind', kind);
    params.set('sort', order);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    params.set('cursor', encodeCursor({ order, kind, after: page.next }));
    next = params.toString();
  }
  return { documents: page.documents, total: page.total, next };
}
