import type { DocumentKind, DocumentOrder, ListPosition } from '@verbatim/store';

/**
 * Where the next page of a listing starts, as the API writes it in a page's `next` link: the
 * listing (its order and kind) and the last document of the page, in base64url JSON. Opaque
 * to clients — they follow the link —, read back strictly: anything else is not a cursor.
 */
export interface ListCursor {
  order: DocumentOrder;
  kind: DocumentKind | null;
  after: ListPosition;
}

const FORMAT = 1;
const KINDS: readonly unknown[] = ['source', 'commentary'];
const ORDERS: readonly unknown[] = ['date', '-date'];
/** Longer than any cursor of a title and id the store accepts. */
const MAX_CURSOR_CHARS = 8192;

export function encodeCursor({ order, kind, after }: ListCursor): string {
  return Buffer.from(JSON.stringify([FORMAT, order, kind, after.kind, after.date, after.title, after.id])).toString('base64url');
}

/** The cursor a string is, or undefined for one this API did not write. */
export function decodeCursor(text: string): ListCursor | undefined {
  if (text.length === 0 || text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 7) return undefined;
  const [format, order, kind, afterKind, date, title, id] = value as unknown[];
  if (format !== FORMAT || !ORDERS.includes(order) || !(kind === null || KINDS.includes(kind)) || !KINDS.includes(afterKind)) return undefined;
  if (!(date === null || typeof date === 'string') || typeof title !== 'string' || typeof id !== 'string' || id === '') return undefined;
  // A cursor of one kind's listing ends at a document of that kind.
  if (kind !== null && afterKind !== kind) return undefined;
  return {
    order: order as DocumentOrder,
    kind: kind as DocumentKind | null,
    after: { kind: afterKind as DocumentKind, date: date as string | null, title, id },
  };
}
