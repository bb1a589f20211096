import type { Migration } from './migration.js';

/**
 * Documents by kind: "is there any commentary at all?" (asked by every add of a source, and
 * answered "no" throughout a bulk load of sources) and counting the sources a check searched
 * then read an index instead of every document's row, text included.
 */
export const kindIndex: Migration = {
  version: 3,
  name: 'documents by kind',
  up(db) {
    db.exec('CREATE INDEX documents_kind ON documents (kind, id, version)');
  },
};
