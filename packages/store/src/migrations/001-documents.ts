import type { Migration } from './migration.js';

/**
 * Documents and what alignment produces. A document is all rows sharing an `id`; each
 * row is one version (`vid` is the row's own key), so an old text stays citable after
 * the document changes.
 */
export const documents: Migration = {
  version: 1,
  name: 'documents, paragraphs, emphasis, alignments, passages',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        vid        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL,
        version    INTEGER NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('source', 'commentary')),
        format     TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
        title      TEXT NOT NULL,
        date       TEXT,
        author     TEXT,
        issuer     TEXT,
        url        TEXT,
        language   TEXT,
        licence    TEXT,
        provenance TEXT,
        meta       TEXT NOT NULL DEFAULT '{}',
        sha256     TEXT NOT NULL,
        text       TEXT NOT NULL,
        created    TEXT NOT NULL,
        UNIQUE (id, version)
      );
      CREATE INDEX documents_sha256 ON documents (sha256);
      -- "The document" is its latest version.
      CREATE VIEW latest_documents AS
        SELECT * FROM documents d
        WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.id = d.id AND n.version > d.version);

      CREATE TABLE paragraphs (
        rowid    INTEGER PRIMARY KEY,
        vid      INTEGER NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        ordinal  INTEGER NOT NULL,
        start    INTEGER NOT NULL,
        "end"    INTEGER NOT NULL,
        locator  TEXT NOT NULL,
        section  TEXT,
        is_title INTEGER NOT NULL DEFAULT 0,
        UNIQUE (vid, ordinal)
      );

      CREATE TABLE emphasis (
        vid   INTEGER NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind  TEXT NOT NULL CHECK (kind IN ('emphasis', 'strong')),
        PRIMARY KEY (vid, start, "end", kind)
      ) WITHOUT ROWID;

      CREATE TABLE alignments (
        id             INTEGER PRIMARY KEY,
        source_vid     INTEGER NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        commentary_vid INTEGER NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        engine_version TEXT NOT NULL,
        report         TEXT NOT NULL,
        created        TEXT NOT NULL,
        UNIQUE (source_vid, commentary_vid)
      );
      CREATE INDEX alignments_commentary ON alignments (commentary_vid);

      CREATE TABLE passages (
        alignment_id     INTEGER NOT NULL REFERENCES alignments (id) ON DELETE CASCADE,
        id               TEXT NOT NULL,
        ordinal          INTEGER NOT NULL,
        kind             TEXT NOT NULL,
        status           TEXT NOT NULL,
        commentary_start INTEGER NOT NULL,
        commentary_end   INTEGER NOT NULL,
        source_start     INTEGER,
        source_end       INTEGER,
        locator          TEXT,
        similarity       REAL NOT NULL,
        PRIMARY KEY (alignment_id, id)
      );
      CREATE INDEX passages_id ON passages (id);
    `);
  },
};
