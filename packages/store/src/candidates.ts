import { cached, type Db } from './database.js';
import { MIN_SHARED_SHINGLES } from './min-shared-shingles.js';
import { lookupPairs } from './shingle-index.js';
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
  const shared = new Map<number, number>();
  for (const [, vid] of lookupPairs(db, hashes)) shared.set(vid, (shared.get(vid) ?? 0) + 1);
  const documentOf = cached(db, 'SELECT id, kind FROM documents WHERE vid = ?');
  const found: CandidateRow[] = [];
  for (const [vid, count] of shared) {
    if (count < minShared) continue;
    const row = documentOf.get(vid) as { id: string; kind: DocumentKind } | undefined;
    if (row?.kind === kind) found.push({ vid, id: row.id, shared: count });
  }
  return found.sort((a, b) => b.shared - a.shared || a.vid - b.vid);
}
