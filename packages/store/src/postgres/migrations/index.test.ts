import { shingles } from '@verbatim/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../errors.js';
import { freshDatabaseUrl } from '../../test-support/postgres.js';
import { failedCount, pendingCount } from '../../jobs/pending.js';
import { findCandidates } from '../candidates.js';
import { openPool, redactUrl } from '../pool.js';
import { migratePostgres, PG_LATEST_SCHEMA_VERSION, pgSchemaVersion } from './index.js';

async function tables(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return result.rows.map((r: { table_name: string }) => r.table_name);
}

describe('PostgreSQL migrations', () => {
  it('build an empty database up to the latest schema, once however often they run, even from two servers at once', async () => {
    const url = await freshDatabaseUrl();
    const [one, two] = [await openPool(url), await openPool(url)];
    try {
      const location = redactUrl(url);
      // Two servers starting together on an empty database: both succeed, the schema is built once.
      expect(await Promise.all([migratePostgres(one, { location }), migratePostgres(two, { location })])).toEqual([
        PG_LATEST_SCHEMA_VERSION,
        PG_LATEST_SCHEMA_VERSION,
      ]);
      expect(await migratePostgres(one, { location })).toBe(PG_LATEST_SCHEMA_VERSION);
      expect(await pgSchemaVersion(one)).toBe(PG_LATEST_SCHEMA_VERSION);
      expect((await one.query('SELECT count(*) AS n FROM schema_version')).rows).toEqual([{ n: 1 }]);
      expect(await tables(one)).toEqual([
        'alignments', 'deleted_documents', 'documents', 'edited_metadata', 'emphasis', 'latest_documents', 'library_counts',
        'paragraphs', 'passages', 'pending_alignments', 'schema_version', 'shingles', 'verifications',
      ]);
      // The text search the paragraphs are indexed with keeps the words English drops.
      const { rows } = await one.query("SELECT to_tsvector('verbatim_english', 'Friendship has no limits') AS v");
      expect(rows[0].v).toBe("'friendship':1 'has':2 'limit':4 'no':3");
    } finally {
      await one.end();
      await two.end();
    }
  });

  it('bring a version 1 database forward', async () => {
    const url = await freshDatabaseUrl();
    const pool = await openPool(url);
    try {
      expect(await migratePostgres(pool, { location: 'test', target: 1 })).toBe(1);
      expect(await tables(pool)).not.toContain('shingles');
      expect(await migratePostgres(pool, { location: 'test' })).toBe(PG_LATEST_SCHEMA_VERSION);
      expect(await tables(pool)).toContain('shingles');
    } finally {
      await pool.end();
    }
  });

  it('bring a version 4 database\'s pending pairs forward: still pending, each its own attempt, none failed', async () => {
    const url = await freshDatabaseUrl();
    const pool = await openPool(url);
    try {
      expect(await migratePostgres(pool, { location: 'test', target: 4 })).toBe(4);
      const insert = `INSERT INTO documents (id, version, kind, format, title, meta, sha256, text, length, created)
        VALUES ($1, 1, $2, 'text', $1, '{}', $1, 'Friendship has no limits.', 25, '2022-02-04') RETURNING vid`;
      const source = (await pool.query(insert, ['statement', 'source'])).rows[0].vid as number;
      const commentaries = [];
      for (const id of ['op-ed', 'reading']) commentaries.push((await pool.query(insert, [id, 'commentary'])).rows[0].vid as number);
      for (const commentary of commentaries) await pool.query('INSERT INTO pending_alignments (source_vid, commentary_vid) VALUES ($1, $2)', [source, commentary]);

      expect(await migratePostgres(pool, { location: 'test' })).toBe(PG_LATEST_SCHEMA_VERSION);
      const pending = await pool.query('SELECT attempt, failed, reason FROM pending_alignments ORDER BY commentary_vid');
      expect(pending.rows.map((r) => [r.failed, r.reason])).toEqual([[null, null], [null, null]]);
      expect(new Set(pending.rows.map((r) => r.attempt)).size).toBe(2);
      expect(await pendingCount(pool)).toBe(2);
      expect(await failedCount(pool)).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it("bring a version 5 database's shingles forward, each row with its version's kind, so its candidates are still found", async () => {
    const url = await freshDatabaseUrl();
    const pool = await openPool(url);
    try {
      expect(await migratePostgres(pool, { location: 'test', target: 5 })).toBe(5);
      const text = 'The sides reaffirmed that their friendship has no limits and no forbidden areas of cooperation.';
      const hashes = [...new Set(shingles(text))];
      const insert = `INSERT INTO documents (id, version, kind, format, title, meta, sha256, text, length, created)
        VALUES ($1, 1, $2, 'text', $1, '{}', $1, $3, length($3), '2022-02-04') RETURNING vid`;
      const source = (await pool.query(insert, ['statement', 'source', text])).rows[0].vid as number;
      const commentary = (await pool.query(insert, ['op-ed', 'commentary', text])).rows[0].vid as number;
      for (const vid of [source, commentary]) {
        await pool.query('INSERT INTO shingles (hash, vid) SELECT unnest($1::bigint[]), $2', [hashes, vid]);
      }

      expect(await migratePostgres(pool, { location: 'test' })).toBe(PG_LATEST_SCHEMA_VERSION);
      const kinds = await pool.query('SELECT kind, count(*) AS n FROM shingles GROUP BY kind ORDER BY kind');
      expect(kinds.rows).toEqual([
        { kind: 'commentary', n: hashes.length },
        { kind: 'source', n: hashes.length },
      ]);
      expect(await findCandidates(pool, hashes, 'source')).toEqual([{ vid: source, id: 'statement', shared: hashes.length }]);
      expect(await findCandidates(pool, hashes, 'commentary')).toEqual([{ vid: commentary, id: 'op-ed', shared: hashes.length }]);
    } finally {
      await pool.end();
    }
  });

  it('bring a version 7 database forward: its library counted by kind, each document under its latest version, and kept counted', async () => {
    const url = await freshDatabaseUrl();
    const pool = await openPool(url);
    try {
      expect(await migratePostgres(pool, { location: 'test', target: 7 })).toBe(7);
      const insert = `INSERT INTO documents (id, version, kind, format, title, meta, sha256, text, length, created)
        VALUES ($1, $2::integer, $3, 'text', $1, '{}', $1 || '-' || $2::text, 'A text.', 7, '2022-02-04')`;
      // Two versions of one source, a commentary, and a document whose second version is a commentary.
      for (const values of [['statement', 1, 'source'], ['statement', 2, 'source'], ['op-ed', 1, 'commentary'], ['note', 1, 'source'], ['note', 2, 'commentary']]) {
        await pool.query(insert, values);
      }
      const counts = async () => (await pool.query('SELECT kind, documents FROM library_counts ORDER BY kind')).rows;
      expect(await migratePostgres(pool, { location: 'test' })).toBe(PG_LATEST_SCHEMA_VERSION);
      expect(await counts()).toEqual([{ kind: 'commentary', documents: 2 }, { kind: 'source', documents: 1 }]);
      // Every version of a document deleted in one statement counts it out once.
      await pool.query("DELETE FROM documents WHERE id IN ('statement', 'note')");
      expect(await counts()).toEqual([{ kind: 'commentary', documents: 1 }, { kind: 'source', documents: 0 }]);
      await pool.query(insert, ['statement', 1, 'source']);
      expect(await counts()).toEqual([{ kind: 'commentary', documents: 1 }, { kind: 'source', documents: 1 }]);
      // A version's id, number and kind stay as they were written: a change would put the count wrong.
      await expect(pool.query("UPDATE documents SET kind = 'commentary' WHERE id = 'statement'")).rejects.toThrow('a stored version keeps its id, number and kind');
    } finally {
      await pool.end();
    }
  });

  it('refuse a database newer than the code in the sentence SQLite uses, and leave it untouched', async () => {
    const url = await freshDatabaseUrl();
    const pool = await openPool(url);
    try {
      await migratePostgres(pool, { location: redactUrl(url) });
      await pool.query('UPDATE schema_version SET version = $1', [PG_LATEST_SCHEMA_VERSION + 1]);
      const refusal = await migratePostgres(pool, { location: redactUrl(url) }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StoreError);
      expect((refusal as StoreError).code).toBe('schema-newer');
      expect((refusal as StoreError).message).toBe(
        `The database ${redactUrl(url)} has schema version ${PG_LATEST_SCHEMA_VERSION + 1}, newer than the ${PG_LATEST_SCHEMA_VERSION} this version of Verbatim understands; upgrade Verbatim to open it.`,
      );
      expect(await pgSchemaVersion(pool)).toBe(PG_LATEST_SCHEMA_VERSION + 1);
    } finally {
      await pool.end();
    }
  });
});

describe('opening a PostgreSQL database', () => {
  it('says in one sentence, naming the address without its password, that nothing answers there', async () => {
    const url = new URL(await freshDatabaseUrl());
    url.port = '1';
    const refusal = await openPool(url.toString()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).code).toBe('open');
    expect((refusal as StoreError).message).toBe(
      `Cannot open the database postgres://postgres@127.0.0.1:1${url.pathname}: no PostgreSQL server answers at that address (connection refused).`,
    );
    expect((refusal as StoreError).message).not.toContain(url.password);
  });

  it('says so when the password is wrong or the database does not exist', async () => {
    const good = new URL(await freshDatabaseUrl());
    const badPassword = new URL(good);
    badPassword.password = 'wrong';
    await expect(openPool(badPassword.toString())).rejects.toThrow(/: the server refused the user name or password\.$/);
    const noDatabase = new URL(good);
    noDatabase.pathname = '/nothing_here';
    await expect(openPool(noDatabase.toString())).rejects.toThrow(/nothing_here: the server has no database of that name\.$/);
  });
});
