import { MIN_SHARED_SHINGLES, type CandidateRow } from '../candidates.js';
import type { DocumentKind } from '../types.js';
import { rows, type Queryable } from './pool.js';

/**
 * The latest versions of the given kind sharing at least `minShared` word 4-grams with the
 * hashes, most shared first: the SQLite store's `findCandidates`, on PostgreSQL's shingle
 * table (only latest versions are in it). Counted in the index alone (hash and kind are its
 * key), and only the few versions that share enough are looked up for their id: a scalar
 * subquery, which the planner cannot turn into a hash join over every document of the kind.
 */
export async function findCandidates(
  db: Queryable,
  hashes: readonly number[],
  kind: DocumentKind,
  minShared = MIN_SHARED_SHINGLES,
): Promise<CandidateRow[]> {
  if (hashes.length === 0) return [];
  return rows<CandidateRow>(
    db,
    `SELECT s.vid, (SELECT d.id FROM documents d WHERE d.vid = s.vid) AS id, s.shared
     FROM (SELECT vid, count(*) AS shared FROM shingles
           WHERE hash = ANY($1::bigint[]) AND kind = $2
           GROUP BY vid HAVING count(*) >= $3) s
     ORDER BY s.shared DESC, s.vid`,
    [[...new Set(hashes)], kind, minShared],
  );
}

/** A version to make a candidate: its shingles in the table. Only latest versions are in it. */
export interface IndexedVersion {
  vid: number;
  kind: DocumentKind;
  hashes: readonly number[];
}

/**
 * Makes versions candidates, all of them in one statement: their rows in key order, so that
 * the index takes them page after page rather than each at a random place.
 */
export async function indexShingles(db: Queryable, versions: readonly IndexedVersion[]): Promise<void> {
  for (const kind of ['source', 'commentary'] as const) {
    const rowsOfKind: Array<[hash: number, vid: number]> = [];
    for (const v of versions) if (v.kind === kind) for (const hash of new Set(v.hashes)) rowsOfKind.push([hash, v.vid]);
    if (rowsOfKind.length === 0) continue;
    rowsOfKind.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    await db.query('INSERT INTO shingles (hash, kind, vid) SELECT h, $1, v FROM unnest($2::bigint[], $3::bigint[]) AS x(h, v)', [
      kind,
      rowsOfKind.map((r) => r[0]),
      rowsOfKind.map((r) => r[1]),
    ]);
  }
}

/** Takes versions out of the candidates (a newer version replaces them, or they are deleted). */
export async function unindexShingles(db: Queryable, vids: readonly number[]): Promise<void> {
  if (vids.length === 0) return;
  await db.query('DELETE FROM shingles WHERE vid = ANY($1::bigint[])', [vids]);
}

/** The shingles a version was indexed with (not recomputed: the engine may have changed since). */
export async function storedShingles(db: Queryable, vid: number): Promise<number[]> {
  return (await rows<{ hash: number }>(db, 'SELECT hash FROM shingles WHERE vid = $1', [vid])).map((r) => r.hash);
}
