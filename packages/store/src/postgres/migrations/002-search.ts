import type { PgMigration } from './migration.js';

/**
 * What finding things needs. Full-text search: a text search configuration that stems
 * English words as SQLite's porter tokenizer does but, like it, drops no stop word (so "no
 * limits" is a phrase of two words, not one), and a generated tsvector on each paragraph with
 * a GIN index. Candidates: the shingle table, a latest version's word 4-gram hashes.
 */
export const search: PgMigration = {
  version: 2,
  name: 'full-text search, shingles',
  async up(client) {
    await client.query(`
      CREATE TEXT SEARCH DICTIONARY verbatim_english_stem (TEMPLATE = snowball, LANGUAGE = english);
      CREATE TEXT SEARCH CONFIGURATION verbatim_english (COPY = english);
      ALTER TEXT SEARCH CONFIGURATION verbatim_english
        ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
        WITH verbatim_english_stem;

      ALTER TABLE paragraphs
        ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('verbatim_english', text)) STORED;
      CREATE INDEX paragraphs_tsv ON paragraphs USING gin (tsv);

      -- Only latest versions are here: a new version takes the place of the old one.
      CREATE TABLE shingles (
        hash bigint NOT NULL,
        vid  bigint NOT NULL REFERENCES documents (vid) ON DELETE CASCADE,
        PRIMARY KEY (hash, vid)
      );
      CREATE INDEX shingles_vid ON shingles (vid);
    `);
  },
};
