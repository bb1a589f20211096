import type { Migration } from './migration.js';

/**
 * The library in its two orders (list-page.ts): a page is read from one of these indexes, as
 * far as it reaches, instead of every document's row — texts and all — being read and sorted
 * for each page. The expressions are list-page.ts's sort keys, written as it writes them; a
 * test asks SQLite's plan whether a page still uses them.
 */
export const libraryOrder: Migration = {
  version: 5,
  name: 'the library by date, both ways',
  up(db) {
    db.exec(`
      CREATE INDEX documents_by_date ON documents
        (kind DESC, (CASE WHEN date IS NULL THEN 1 ELSE 0 END), coalesce(date, ''), title, id, version);
      CREATE INDEX documents_by_date_desc ON documents
        (kind DESC, (CASE WHEN date IS NULL THEN 1 ELSE 0 END), coalesce(date, '') DESC, title, id, version);
    `);
  },
};
