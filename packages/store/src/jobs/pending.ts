/**
 * What the workers have yet to align: one row per pair in `pending_alignments`, written in
 * the add's own transaction together with its job, removed once the report is stored. A pair
 * is ready when its report exists, whatever the row says: a worker that died between storing
 * the report and removing the row leaves nothing wrong, only a row the next one removes.
 */
import type { Pair } from '../postgres/align-pair.js';
import type { AlignmentState, PendingAlignment } from '../types.js';
import type { JobQueue, SqlClient } from './queue.js';

/**
 * Marks each pair pending and sends its job, on `client` inside the caller's open
 * transaction: the rows and the jobs are committed, or rolled back, with the document.
 */
export async function enqueueAlignments(client: SqlClient, queue: JobQueue, pairs: readonly Pair[], engine: string): Promise<void> {
  if (pairs.length === 0) return;
  const vids = [...new Set(pairs.flatMap((p) => [p.sourceVid, p.commentaryVid]))];
  const { rows } = await client.query('SELECT vid, id, sha256 FROM documents WHERE vid = ANY($1::bigint[])', [vids]);
  const byVid = new Map((rows as { vid: number | string; id: string; sha256: string }[]).map((r) => [Number(r.vid), r]));
  for (const pair of pairs) {
    const source = byVid.get(pair.sourceVid);
    const commentary = byVid.get(pair.commentaryVid);
    // Both were read in this transaction, under the add's lock: they are there.
    if (!source || !commentary) throw new Error(`The versions ${pair.sourceVid} and ${pair.commentaryVid} to align are not stored.`);
    await client.query(
      'INSERT INTO pending_alignments (source_vid, commentary_vid) VALUES ($1, $2) ON CONFLICT (source_vid, commentary_vid) DO NOTHING',
      [pair.sourceVid, pair.commentaryVid],
    );
    await queue.sendAlignPair(
      { ...pair, sourceId: source.id, commentaryId: commentary.id, sourceSha256: source.sha256, commentarySha256: commentary.sha256, engine },
      { client },
    );
  }
}

/** The pairs of a version still waiting for a worker, by document id. */
export async function pendingOf(db: SqlClient, vid: number): Promise<PendingAlignment[]> {
  const { rows } = await db.query(
    `SELECT s.id AS "sourceId", c.id AS "commentaryId"
       FROM pending_alignments p JOIN documents s ON s.vid = p.source_vid JOIN documents c ON c.vid = p.commentary_vid
      WHERE (p.source_vid = $1 OR p.commentary_vid = $1)
        AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)
      ORDER BY s.id, c.id`,
    [vid],
  );
  return rows as PendingAlignment[];
}

/** The pair's report is stored: it waits no more. */
export async function clearPending(db: SqlClient, pair: Pair): Promise<void> {
  await db.query('DELETE FROM pending_alignments WHERE source_vid = $1 AND commentary_vid = $2', [pair.sourceVid, pair.commentaryVid]);
}

/** Where the alignment of two stored versions stands. */
export async function alignmentStateOf(db: SqlClient, sourceVid: number, commentaryVid: number): Promise<AlignmentState> {
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM alignments WHERE source_vid = $1 AND commentary_vid = $2) AS ready,
            EXISTS (SELECT 1 FROM pending_alignments WHERE source_vid = $1 AND commentary_vid = $2) AS pending`,
    [sourceVid, commentaryVid],
  );
  const row = rows[0] as { ready: boolean; pending: boolean };
  return row.ready ? 'ready' : row.pending ? 'pending' : 'none';
}

/** How many pairs wait for a worker. */
export async function pendingCount(db: SqlClient): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM pending_alignments p
      WHERE NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)`,
  );
  return (rows[0] as { n: number }).n;
}
