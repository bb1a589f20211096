import { computeReport } from '../alignments.js';
import type pg from 'pg';
import { storeReportOnce } from './alignments.js';
import { emphasisOf, versionByVid } from './documents.js';
import { row, transaction } from './pool.js';

/**
 * What aligning one pair came to. `stored`: this call stored the report; `unlinked`: the
 * engine finds no passage linking the two, so nothing is kept; `exists`: a report between the
 * two versions was already stored (by an earlier try, or another worker) and was left alone;
 * `gone`: one of the versions was deleted meanwhile.
 */
export type PairOutcome = 'stored' | 'unlinked' | 'exists' | 'gone';

/** A pair of versions to align: a source's and a commentary's. */
export interface Pair {
  sourceVid: number;
  commentaryVid: number;
}

/**
 * Aligns one source version with one commentary version and stores the report, idempotently:
 * a pair already aligned is not aligned again, and two callers racing store one report (the
 * insert is ON CONFLICT DO NOTHING). Holds no lock and no transaction while the engine runs,
 * so it is what an add does after its write, and what a queued job does in a worker.
 */
export async function alignPair(db: pg.Pool, pair: Pair, engine: string): Promise<PairOutcome> {
  if (await row(db, 'SELECT 1 FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [pair.sourceVid, pair.commentaryVid])) {
    return 'exists';
  }
  const source = await versionByVid(db, pair.sourceVid);
  const commentary = await versionByVid(db, pair.commentaryVid);
  if (!source || !commentary) return 'gone';
  const report = computeReport({ ...source, emphasis: [] }, { ...commentary, emphasis: await emphasisOf(db, commentary.vid) });
  if (!report.passages.some((p) => p.status !== 'not_found')) return 'unlinked';
  try {
    // The report and its passages together or not at all.
    const stored = await transaction(db, (client) => storeReportOnce(client, source.vid, commentary.vid, report, engine));
    return stored ? 'stored' : 'exists';
  } catch (error) {
    // A version deleted while the engine ran: its rows are gone, and so is the pair.
    if ((error as { code?: string } | null)?.code === '23503') return 'gone';
    throw error;
  }
}
