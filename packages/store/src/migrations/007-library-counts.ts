import type { Migration } from './migration.js';

/**
 * How many documents the library holds of each kind, kept as documents are added and deleted,
 * so that a page of the list says the listing's size (X-Total-Count) without counting every
 * latest version again: that count was most of a page's cost at 10,000 documents.
 *
 * A document counts under the kind of its latest version. The triggers run before each row's
 * change and see the rows changed before it in the same statement, so a delete of every
 * version of a document counts it out once, whatever order the rows go in. A version that
 * is not the newest (one copied after a later one) changes nothing. A version's id, number
 * and kind are never updated, which would put the count wrong: that is refused.
 */
export const libraryCounts: Migration = {
  version: 7,
  name: 'the library counted by kind',
  up(db) {
    db.exec(`
      CREATE TABLE library_counts (
        kind      TEXT PRIMARY KEY CHECK (kind IN ('source', 'commentary')),
        documents INTEGER NOT NULL
      );
      INSERT INTO library_counts (kind, documents)
        SELECT k.kind, (SELECT count(*) FROM latest_documents d WHERE d.kind = k.kind)
        FROM (SELECT 'source' AS kind UNION ALL SELECT 'commentary') k;

      CREATE TRIGGER library_counts_insert BEFORE INSERT ON documents
        WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.id AND version >= NEW.version)
      BEGIN
        UPDATE library_counts SET documents = documents - 1
          WHERE kind = (SELECT kind FROM documents WHERE id = NEW.id ORDER BY version DESC LIMIT 1);
        UPDATE library_counts SET documents = documents + 1 WHERE kind = NEW.kind;
      END;

      CREATE TRIGGER library_counts_delete BEFORE DELETE ON documents
        WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = OLD.id AND version > OLD.version)
      BEGIN
        UPDATE library_counts SET documents = documents - 1 WHERE kind = OLD.kind;
        UPDATE library_counts SET documents = documents + 1
          WHERE kind = (SELECT kind FROM documents WHERE id = OLD.id AND version < OLD.version ORDER BY version DESC LIMIT 1);
      END;

      CREATE TRIGGER library_counts_fixed BEFORE UPDATE OF id, version, kind ON documents
        WHEN NEW.id IS NOT OLD.id OR NEW.version IS NOT OLD.version OR NEW.kind IS NOT OLD.kind
      BEGIN
        SELECT RAISE(ABORT, 'a stored version keeps its id, number and kind');
      END;
    `);
  },
};
