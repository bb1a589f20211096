import { MIN_SHARED_SHINGLES, type CandidateRow } from '../candidates.js';
import type { DocumentKind } from '../types.js';
import { row, rows, type Queryable } from './pool.js';

/**
 * The latest versions of the given kind sharing at least `minShared` word 4-grams with the
 * hashes, most shared first: the SQLite store's `findCandidates`, on PostgreSQL's shingle
 * table (only latest versions are in it).
 */
export async function findCandidates(
  db: Queryable,
  hashes: readonly number[],
  kind: DocumentKind,
  minShared = MIN_SHARED_SHINGLES,
): Promise<CandidateRow[]> {
  if (hashes.length === 0) return [];
  if (!(await row(db, 'SELECT 1 FROM documents WHERE kind = $1 LIMIT 1', [kind]))) return [];
  return rows<CandidateRow>(
    db,
    `SELECT s.vid, d.id, count(*) AS shared
     FROM shingles s JOIN documents d ON d.vid = s.vid AND d.kind = $2
     WHERE s.hash = ANY($1::bigint[])
     GROUP BY s.vid, d.id
     HAVING count(*) >= $3
     ORDER BY shared DESC, s.vid`,
    [[...new Set(hashes)], kind, minShared],
  );
}

/** Makes a version a candidate: its shingles in the table. Only latest versions are in it. */
export async function indexShingles(db: Queryable, vid: number, hashes: readonly number[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.query('INSERT INTO shingles (hash, vid) SELECT DISTINCT h, $1::bigint FROM unnest($2::bigint[]) AS h ON CONFLICT DO NOTHING', [vid, hashes]);
}

export async function unindexShingles(db: Queryable, vid: number): Promise<void> {
  await db.query('DELETE FROM shingles WHERE vid = $1', [vid]);
}

/** The shingles a version was indexed with (not recomputed: the engine may have changed since). */
export async function storedShingles(db: Queryable, vid: number): Promise<number[]> {
  return (await rows<{ hash: number }>(db, 'SELECT hash FROM shingles WHERE vid = $1', [vid])).map((r) => r.hash);
}
