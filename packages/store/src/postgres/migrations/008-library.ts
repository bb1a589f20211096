import type { PgMigration } from './migration.js';

/**
 * The library a page at a time (list-page.ts), as SQLite's migrations 5 and 7 have it.
 *
 * Its two orders as indexes: a page is read from one of them as far as it reaches, instead of
 * every latest version being sorted for each page. The expressions are list-page.ts's sort
 * keys as PostgreSQL reads them (in the "C" collation, SQLite's byte order); a test asks the
 * planner whether a page still uses them. Titles are at most 500 characters (add.ts), so an
 * entry stays within what a b-tree holds.
 *
 * How many documents of each kind there are, kept by triggers as versions are added and
 * deleted, so that a page says the listing's size without counting it (that count was most
 * of a page's cost at 10,000 documents). A document counts under the kind of its latest
 * version. Each trigger runs before its row's change and sees the rows changed before it in
 * the same statement, so a delete of every version of a document counts it out once. Every
 * write of documents holds the store's write lock (pool.ts), so no two count at once.
 */
export const library: PgMigration = {
  version: 8,
  name: 'the library by date both ways, and counted by kind',
  async up(client) {
    await client.query(`
      CREATE INDEX documents_by_date ON documents
        ((kind COLLATE "C") DESC, (CASE WHEN date IS NULL THEN 1 ELSE 0 END), (coalesce(date, '') COLLATE "C"),
         (title COLLATE "C"), (id COLLATE "C"), version, vid);
      CREATE INDEX documents_by_date_desc ON documents
        ((kind COLLATE "C") DESC, (CASE WHEN date IS NULL THEN 1 ELSE 0 END), (coalesce(date, '') COLLATE "C") DESC,
         (title COLLATE "C"), (id COLLATE "C"), version, vid);

      CREATE TABLE library_counts (
        kind      text PRIMARY KEY CHECK (kind IN ('source', 'commentary')),
        documents bigint NOT NULL
      );
      INSERT INTO library_counts (kind, documents)
        SELECT k.kind, (SELECT count(*) FROM latest_documents d WHERE d.kind = k.kind)
        FROM (VALUES ('source'), ('commentary')) AS k (kind);

      CREATE FUNCTION library_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        before_kind text;
      BEGIN
        IF EXISTS (SELECT 1 FROM documents WHERE id = NEW.id AND version >= NEW.version) THEN
          RETURN NEW;
        END IF;
        SELECT kind INTO before_kind FROM documents WHERE id = NEW.id ORDER BY version DESC LIMIT 1;
        UPDATE library_counts
          SET documents = documents + (CASE WHEN kind = NEW.kind THEN 1 ELSE 0 END) - (CASE WHEN kind = before_kind THEN 1 ELSE 0 END)
          WHERE kind IN (NEW.kind, before_kind);
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER library_counts_insert BEFORE INSERT ON documents
        FOR EACH ROW EXECUTE FUNCTION library_count_insert();

      CREATE FUNCTION library_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        after_kind text;
      BEGIN
        IF EXISTS (SELECT 1 FROM documents WHERE id = OLD.id AND version > OLD.version) THEN
          RETURN OLD;
        END IF;
        SELECT kind INTO after_kind FROM documents WHERE id = OLD.id AND version < OLD.version ORDER BY version DESC LIMIT 1;
        UPDATE library_counts
          SET documents = documents + (CASE WHEN kind = after_kind THEN 1 ELSE 0 END) - (CASE WHEN kind = OLD.kind THEN 1 ELSE 0 END)
          WHERE kind IN (OLD.kind, after_kind);
        RETURN OLD;
      END
      $$;
      CREATE TRIGGER library_counts_delete BEFORE DELETE ON documents
        FOR EACH ROW EXECUTE FUNCTION library_count_delete();

      CREATE FUNCTION library_count_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a stored version keeps its id, number and kind';
      END
      $$;
      CREATE TRIGGER library_counts_fixed BEFORE UPDATE OF id, version, kind ON documents
        FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.version IS DISTINCT FROM OLD.version OR NEW.kind IS DISTINCT FROM OLD.kind)
        EXECUTE FUNCTION library_count_fixed();

      ANALYZE documents;
    `);
  },
};
