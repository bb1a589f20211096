/**
 * What the workers have yet to align: one row per pair in `pending_alignments`, written in
 * the add's own transaction together with its job, removed once the report is stored. A pair
 * is ready when its report exists, whatever the row says: a worker that died between storing
 * the report and removing the row leaves nothing wrong, only a row the next one removes.
 */
import type { Pair } from '../postgres/align-pair.js';
import type { AlignmentState, PendingAlignment, WaitingAlignment } from '../types.js';
import type { AlignPairJob, JobQueue, SqlClient } from './queue.js';

/**
 * Marks each pair pending and sends its job, on `client` inside the caller's open
 * transaction: the rows and the jobs are committed, or rolled back, with the document. A
 * pair the workers gave up on is queued again, as a new attempt; one still waiting keeps its
 * attempt (its job, waiting under the same key, is not sent twice).
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
    const queued = await client.query(
      `INSERT INTO pending_alignments AS p (source_vid, commentary_vid) VALUES ($1, $2)
       ON CONFLICT (source_vid, commentary_vid) DO UPDATE
         SET attempt = CASE WHEN p.failed IS NULL THEN p.attempt ELSE gen_random_uuid() END,
             queued  = CASE WHEN p.failed IS NULL THEN p.queued ELSE now() END,
             reason  = CASE WHEN p.failed IS NULL THEN p.reason END,
             failed  = NULL
       RETURNING attempt`,
      [pair.sourceVid, pair.commentaryVid],
    );
    const { attempt } = queued.rows[0] as { attempt: string };
    await queue.sendAlignPair(
      { ...pair, sourceId: source.id, commentaryId: commentary.id, sourceSha256: source.sha256, commentarySha256: commentary.sha256, engine, attempt },
      { client },
    );
  }
}

/** The pairs the workers gave up on, of one version or of all: what an add of it, or a realign, queues again. */
export async function failedPairs(db: SqlClient, vid?: number): Promise<Pair[]> {
  const { rows } = await db.query(
    `SELECT source_vid AS "sourceVid", commentary_vid AS "commentaryVid" FROM pending_alignments p
      WHERE failed IS NOT NULL AND ($1::bigint IS NULL OR source_vid = $1 OR commentary_vid = $1)
        AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)
      ORDER BY source_vid, commentary_vid`,
    [vid ?? null],
  );
  return (rows as { sourceVid: number | string; commentaryVid: number | string }[]).map((r) => ({ sourceVid: Number(r.sourceVid), commentaryVid: Number(r.commentaryVid) }));
}

/** The pairs of a version still waiting for a worker, by document id. */
export async function pendingOf(db: SqlClient, vid: number): Promise<PendingAlignment[]> {
  const { rows } = await db.query(
    `SELECT s.id AS "sourceId", c.id AS "commentaryId"
       FROM pending_alignments p JOIN documents s ON s.vid = p.source_vid JOIN documents c ON c.vid = p.commentary_vid
      WHERE (p.source_vid = $1 OR p.commentary_vid = $1) AND p.failed IS NULL
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

/**
 * What the last failed try of this attempt met, in one sentence for a user: kept on the
 * pending pair, shown only once the workers give up on it (see `markFailed`).
 */
export async function recordFailure(db: SqlClient, job: AlignPairJob, reason: string): Promise<void> {
  await db.query(
    `UPDATE pending_alignments SET reason = $3
      WHERE source_vid = $1 AND commentary_vid = $2 AND failed IS NULL AND ($4::uuid IS NULL OR attempt = $4)`,
    [job.sourceVid, job.commentaryVid, reason, job.attempt ?? null],
  );
}

/**
 * The workers gave up on this attempt: its pair is failed, with the reason its last failed
 * try recorded, or `otherwise` when none did (every try timed out: its worker died or took
 * too long). A pair queued again since, aligned since, or deleted is left alone. Answers the
 * reason the pair is now failed with, or undefined when it was left alone.
 */
export async function markFailed(db: SqlClient, job: AlignPairJob, otherwise: string): Promise<string | undefined> {
  const { rows } = await db.query(
    `UPDATE pending_alignments p SET failed = now(), reason = COALESCE(reason, $3)
      WHERE source_vid = $1 AND commentary_vid = $2 AND failed IS NULL AND ($4::uuid IS NULL OR attempt = $4)
        AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)
      RETURNING reason`,
    [job.sourceVid, job.commentaryVid, otherwise, job.attempt ?? null],
  );
  return (rows[0] as { reason: string } | undefined)?.reason;
}

/** Where the alignment of two stored versions stands. */
export async function alignmentStateOf(db: SqlClient, sourceVid: number, commentaryVid: number): Promise<AlignmentState> {
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM alignments WHERE source_vid = $1 AND commentary_vid = $2) AS ready,
            (SELECT json_build_object('failed', failed IS NOT NULL, 'reason', reason) FROM pending_alignments
              WHERE source_vid = $1 AND commentary_vid = $2) AS pending`,
    [sourceVid, commentaryVid],
  );
  const row = rows[0] as { ready: boolean; pending: { failed: boolean; reason: string | null } | null };
  if (row.ready) return { state: 'ready' };
  if (!row.pending) return { state: 'none' };
  return row.pending.failed ? { state: 'failed', reason: row.pending.reason ?? GAVE_UP } : { state: 'pending' };
}

/** A failed pair's reason when none was recorded (a row another Verbatim marked). */
const GAVE_UP = 'The workers tried to align them several times and failed every time.';

/** How many pairs wait for a worker. */
export async function pendingCount(db: SqlClient): Promise<number> {
  return countOf(db, 'p.failed IS NULL');
}

/** How many pairs the workers gave up on. */
export async function failedCount(db: SqlClient): Promise<number> {
  return countOf(db, 'p.failed IS NOT NULL');
}

async function countOf(db: SqlClient, where: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM pending_alignments p
      WHERE ${where} AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)`,
  );
  return (rows[0] as { n: number }).n;
}

/** The pairs of a version with no report yet: waiting for a worker, or given up on, with why; by document id. */
export async function waitingOf(db: SqlClient, vid: number): Promise<WaitingAlignment[]> {
  const { rows } = await db.query(
    `SELECT s.id AS "sourceId", c.id AS "commentaryId", p.failed IS NOT NULL AS failed, p.reason
       FROM pending_alignments p JOIN documents s ON s.vid = p.source_vid JOIN documents c ON c.vid = p.commentary_vid
      WHERE (p.source_vid = $1 OR p.commentary_vid = $1)
        AND NOT EXISTS (SELECT 1 FROM alignments a WHERE a.source_vid = p.source_vid AND a.commentary_vid = p.commentary_vid)
      ORDER BY s.id, c.id`,
    [vid],
  );
  return (rows as { sourceId: string; commentaryId: string; failed: boolean; reason: string | null }[]).map(({ sourceId, commentaryId, failed, reason }) =>
    failed ? { sourceId, commentaryId, state: 'failed', reason: reason ?? GAVE_UP } : { sourceId, commentaryId, state: 'pending' },
  );
}

/**
 * How many reports another engine made are still to be made again by the workers: their jobs
 * waiting, running or to be tried again. 0 where no queue was ever set up.
 */
export async function remakingCount(db: SqlClient): Promise<number> {
  // Two questions: a query naming a table that is not there fails, whichever branch would run.
  const { rows: schema } = await db.query("SELECT to_regclass('pgboss.job') IS NOT NULL AS present");
  if (!(schema[0] as { present: boolean }).present) return 0;
  const { rows } = await db.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'remake' AND state IN ('created', 'retry', 'active')");
  return (rows[0] as { n: number }).n;
}
