import { cached, type Db } from './database.js';
import { MIN_SHARED_SHINGLES } from './min-shared-shingles.js';
import type { DocumentKind } from './types.js';

export { MIN_SHARED_SHINGLES };

export interface CandidateRow {
  vid: number;
  /** The document's id, so callers can tell its own earlier version without loading it. */
  id: string;
  shared: number;
}

/**
 * The latest versions of the given kind sharing at least `minShared` shingles with the
 * hashes, most shared first. Looked up in the shingle index, so the cost grows with the
 * text's length and the matches, not with the size of the corpus.
 */
export function findCandidates(
  db: Db,
  hashes: readonly number[],
  kind: DocumentKind,
  minShared = MIN_SHARED_SHINGLES,
): CandidateRow[] {
  if (hashes.length === 0) return [];
  // A corpus of sources alone (a bulk load) has no commentary to look for: say so at once
  // rather than walk every shingle's list of documents.
  if (cached(db, 'SELECT 1 FROM documents WHERE kind = ? LIMIT 1').get(kind) === undefined) return [];
  // CROSS JOIN fixes SQLite's join order: from the text's hashes into the index, then to
  // their documents. Left to itself the planner starts from every document of the kind (its
  // index on kind) and looks each one up with every hash: 160 ms a commentary at 9,000
  // generated sources (scripts/bench/postgres.js), 0.2 ms this way.
  return cached(db, 
      `SELECT s.vid AS vid, d.id AS id, count(*) AS shared
       FROM json_each(?) AS j
       CROSS JOIN shingles AS s ON s.hash = j.value
       CROSS JOIN documents AS d ON d.vid = s.vid AND d.kind = ?
       GROUP BY s.vid
       HAVING count(*) >= ?
       ORDER BY shared DESC, s.vid`,
    )
    .all(JSON.stringify(hashes), kind, minShared) as CandidateRow[];
}
