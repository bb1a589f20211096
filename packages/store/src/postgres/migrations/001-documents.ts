import type { PgMigration } from './migration.js';

/**
 * The tables of the SQLite store's first two migrations, in PostgreSQL's words: a document is
 * all rows sharing an `id`, each row one version (`vid`), so an old text stays citable after
 * the document changes. Offsets are UTF-16 code units, as JavaScript counts them; a
 * paragraph's text is stored beside its offsets because PostgreSQL counts characters.
 */
export const documents: PgMigration = {
  version: 1,
  name: 'documents, paragraphs, emphasis, alignments, passages, deletions',
  async up(client) {
    await client.query(`
      CREATE TABLE documents (
        vid        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id         text NOT NULL,
        version    integer NOT NULL,
        kind       text NOT NULL CHECK (kind IN ('source', 'commentary')),
        format     text NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
        title      text NOT NULL,
        date       text,
        author     text,
        issuer     text,
        url        text,
        language   text,
        licence    text,
        provenance text,
        meta       text NOT NULL DEFAULT '{}',
        sha256     text NOT NULL,
        text       text NOT NULL,
        length     integer NOT NULL,
        created    text NOT NULL,
        UNIQUE (id, version)
      );
      CREATE INDEX documents_sha256 ON documents (sha256);
      CREATE INDEX documents_kind ON documents (kind, id, version);
      -- "The document" is its latest version.
      CREATE VIEW latest_documents AS
        SELECT * FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.id = d.id AND n.version > d.version);

      CREATE TABLE paragraphs (
        pid      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        vid      bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        ordinal  integer NOT NULL,
        start    integer NOT NULL,
        "end"    integer NOT NULL,
        locator  text NOT NULL,
        section  text,
        is_title boolean NOT NULL DEFAULT false,
        text     text NOT NULL,
        verification text
          CHECK (verification IN ('confirmed', 'confirmed-in-part', 'corrected', 'unchecked')),
        verification_note text,
        UNIQUE (vid, ordinal)
      );

      CREATE TABLE emphasis (
        vid   bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        start integer NOT NULL,
        "end" integer NOT NULL,
        kind  text NOT NULL CHECK (kind IN ('emphasis', 'strong')),
        PRIMARY KEY (vid, start, "end", kind)
      );

      CREATE TABLE alignments (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_vid     bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        commentary_vid bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        engine_version text NOT NULL,
        report         text NOT NULL,
        created        text NOT NULL,
        UNIQUE (source_vid, commentary_vid)
      );
      CREATE INDEX alignments_commentary ON alignments (commentary_vid);

      CREATE TABLE passages (
        alignment_id     bigint NOT NULL REFERENCES alignments (id) ON DELETE CASCADE,
        id               text NOT NULL,
        ordinal          integer NOT NULL,
        kind             text NOT NULL,
        status           text NOT NULL,
        commentary_start integer NOT NULL,
        commentary_end   integer NOT NULL,
        source_start     integer,
        source_end       integer,
        locator          text,
        similarity       double precision NOT NULL,
        PRIMARY KEY (alignment_id, id)
      );
      CREATE INDEX passages_id ON passages (id);

      -- Remembered so that reloading the corpus does not bring a deleted document back.
      CREATE TABLE deleted_documents (
        id      text PRIMARY KEY,
        deleted text NOT NULL
      );
    `);
  },
};
