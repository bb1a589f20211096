/**
 * The library's order, for tests on either side of the API (`@verbatim/store/test-support`,
 * never imported by the store's runtime entry): a small library with what makes an order
 * hard, and the order the store and the API promise, written out independently of the SQL.
 */
import type { AddInput, DocumentOrder, DocumentSummary } from '../types.js';

/**
 * Sources and commentaries (every third one) with equal dates, equal titles, undated
 * documents, and titles that sort differently by locale than by byte ('Zeta' before 'apple',
 * 'Été' after both): 31 documents, 11 of them commentaries.
 */
export function library(): AddInput[] {
  const titles = ['Communiqué', 'Zeta', 'apple', 'Été', 'Communiqué'];
  const dates = ['2022-02-04', null, '2021-06-28', '2022-02-04', null, '2023-03-21'];
  return Array.from({ length: 31 }, (_, n) => ({
    id: `doc-${String(n).padStart(2, '0')}`,
    kind: n % 3 === 0 ? 'commentary' : 'source',
    title: titles[n % titles.length]!,
    ...(dates[n % dates.length] ? { date: dates[n % dates.length]! } : {}),
    format: 'text',
    text: `${titles[n % titles.length]} number ${n}\n\nThe parties met for the ${n}th time and agreed on nothing of note.`,
  }));
}

/**
 * The order promised, as a comparator: sources first, dated before undated, then date
 * (`date` oldest first, `-date` newest first), title and id, each compared by UTF-8 bytes.
 */
export function inOrder(order: DocumentOrder): (a: DocumentSummary, b: DocumentSummary) => number {
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  return (a, b) =>
    (a.kind === b.kind ? 0 : a.kind === 'source' ? -1 : 1) ||
    (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
    (a.date !== null && b.date !== null ? (order === 'date' ? 1 : -1) * bytes(a.date, b.date) : 0) ||
    bytes(a.title, b.title) ||
    bytes(a.id, b.id);
}
