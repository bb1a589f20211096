import type { AlignmentReport } from '@verbatim/core';
import { shingles } from '@verbatim/core';
import { computeReport } from '../alignments.js';
import { outdatedOf, remakeEach, type OutdatedRow, type Remade } from '../remake.js';
import type { OutdatedAlignment, ProgressListener, RealignResult, RemakeResult } from '../types.js';
import { storeReport } from './alignments.js';
import { findCandidates, indexShingles, storedShingles, unindexShingles } from './candidates.js';
import { emphasisOf, versionByVid } from './documents.js';
import { row, rows, transaction, type Queryable } from './pool.js';
import type pg from 'pg';
import { failedPairs } from '../jobs/pending.js';
import type { Pair } from './align-pair.js';

/** The stored alignments another engine made, every version's (see the SQLite store's). */
export async function outdatedAlignments(db: Queryable, engine: string): Promise<OutdatedAlignment[]> {
  return outdatedOf(
    await rows<OutdatedRow>(
      db,
      `SELECT s.id AS source_id, s.version AS source_version, c.id AS commentary_id, c.version AS commentary_version, a.engine_version
       FROM alignments a JOIN documents s ON s.vid = a.source_vid JOIN documents c ON c.vid = a.commentary_vid
       WHERE a.engine_version <> $1
       ORDER BY s.id COLLATE "C", s.version, c.id COLLATE "C", c.version`,
      [engine],
    ),
  );
}

async function pairVids(db: Queryable, a: OutdatedAlignment): Promise<{ source: number; commentary: number } | undefined> {
  const vidOf = async (side: { id: string; version: number }) =>
    (await row<{ vid: number }>(db, 'SELECT vid FROM documents WHERE id = $1 AND version = $2', [side.id, side.version]))?.vid;
  const source = await vidOf(a.source);
  const commentary = await vidOf(a.commentary);
  return source === undefined || commentary === undefined ? undefined : { source, commentary };
}

async function engineOf(db: Queryable, v: { source: number; commentary: number }): Promise<string | undefined> {
  return (
    await row<{ engine_version: string }>(db, 'SELECT engine_version FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [v.source, v.commentary])
  )?.engine_version;
}

/**
 * Makes one outdated alignment again with this engine: aligned with nothing locked, written
 * only if, by then, the row is still the outdated one (another server may have re-made it, or
 * a document been deleted, meanwhile). The row is locked while that is checked and written.
 */
export async function remakeAlignment(pool: pg.Pool, engine: string, a: OutdatedAlignment): Promise<Remade> {
  const before = await pairVids(pool, a);
  if (!before) return 'gone';
  const was = await engineOf(pool, before);
  if (was === undefined) return 'gone';
  if (was === engine) return 'current';
  const source = (await versionByVid(pool, before.source))!;
  const commentary = (await versionByVid(pool, before.commentary))!;
  const report = computeReport({ ...source, emphasis: [] }, { ...commentary, emphasis: await emphasisOf(pool, commentary.vid) });
  return transaction(pool, async (client): Promise<Remade> => {
    const locked = await row<{ engine_version: string }>(
      client,
      'SELECT engine_version FROM alignments WHERE source_vid = $1 AND commentary_vid = $2 FOR UPDATE',
      [before.source, before.commentary],
    );
    if (!locked) return 'gone';
    if (locked.engine_version !== was) return 'current';
    return (await storeReport(client, before.source, before.commentary, report, engine)) === 'linked' ? 'remade' : 'unlinked';
  });
}

export function remakeOutdated(
  pool: pg.Pool,
  engine: string,
  options: { onProgress?: ProgressListener; signal?: AbortSignal } = {},
): Promise<RemakeResult> {
  return outdatedAlignments(pool, engine).then((outdated) => remakeEach(outdated, (a) => remakeAlignment(pool, engine, a), options));
}

/**
 * Recomputes the alignments between latest versions, for after an engine change, as the
 * SQLite store's `realign` does: the shingles first, then each commentary against its
 * candidate sources (dropping alignments that no longer link), one transaction per
 * document, the engine run before it; last, the outdated alignments of older versions.
 */
export async function realign(pool: pg.Pool, engine: string, onProgress?: ProgressListener): Promise<RealignResult> {
  await reindexLatest(pool, onProgress);

  const commentaries = (
    await rows<{ vid: number }>(pool, "SELECT vid FROM latest_documents WHERE kind = 'commentary' ORDER BY id COLLATE \"C\"")
  ).map((r) => r.vid);
  let alignments = 0;
  for (const [i, vid] of commentaries.entries()) {
    const commentary = await versionByVid(pool, vid);
    if (commentary) {
      const candidates = await findCandidates(pool, await storedShingles(pool, vid), 'source');
      const emphasis = await emphasisOf(pool, vid);
      const reports: Array<{ vid: number; report: AlignmentReport }> = [];
      for (const candidate of candidates) {
        const source = await versionByVid(pool, candidate.vid);
        if (source) reports.push({ vid: source.vid, report: computeReport({ ...source, emphasis: [] }, { ...commentary, emphasis }) });
      }
      alignments += await transaction(pool, async (client) => {
        const keep = new Set(reports.map((r) => r.vid));
        const stale = await rows<{ source_vid: number }>(
          client,
          'SELECT source_vid FROM alignments WHERE commentary_vid = $1 AND source_vid IN (SELECT vid FROM latest_documents)',
          [vid],
        );
        for (const { source_vid } of stale) {
          if (!keep.has(source_vid)) await client.query('DELETE FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [source_vid, vid]);
        }
        let linked = 0;
        for (const r of reports) if ((await storeReport(client, r.vid, vid, r.report, engine)) === 'linked') linked += 1;
        return linked;
      });
    }
    onProgress?.({ phase: 'realign', done: i + 1, total: commentaries.length, ...(commentary ? { documentId: commentary.id } : {}) });
  }

  const outdated = await outdatedAlignments(pool, engine);
  let remade = 0;
  for (const [i, a] of outdated.entries()) {
    if ((await remakeAlignment(pool, engine, a)) === 'remade') remade += 1;
    onProgress?.({ phase: 'remake', done: i + 1, total: outdated.length, documentId: a.commentary.id });
  }
  return { commentaries: commentaries.length, alignments, remade };
}

/** Indexes the shingles of every latest version again, one transaction per document: the candidates a new engine finds. */
async function reindexLatest(pool: pg.Pool, onProgress?: ProgressListener): Promise<void> {
  const latest = (await rows<{ vid: number }>(pool, 'SELECT vid FROM latest_documents ORDER BY id COLLATE "C"')).map((r) => r.vid);
  for (const [i, vid] of latest.entries()) {
    await transaction(pool, async (client) => {
      const version = await versionByVid(client, vid);
      if (!version) return;
      await unindexShingles(client, [vid]);
      await indexShingles(client, [{ vid, kind: version.kind, hashes: shingles(version.text) }]);
    });
    onProgress?.({ phase: 'reindex', done: i + 1, total: latest.length });
  }
}

/** How a team server's realign hands its work to the workers (see jobs/queued.ts). */
export interface RealignQueue {
  /** Marks the pairs pending and sends their jobs, in the caller's transaction. */
  enqueue(client: pg.PoolClient, pairs: readonly Pair[]): Promise<void>;
  remake(outdated: readonly OutdatedAlignment[]): Promise<void>;
}

/**
 * `realign` on a team server: the same work as `realign`, but the aligning is left to the
 * workers. The shingles are indexed again here (database work), and each commentary's
 * alignments that no longer link are dropped; then every candidate pair without a report is
 * queued, and so is every pair the workers gave up on, and every report another engine made
 * is sent to be made again. A report this engine made is left as it is: a job is keyed by
 * both texts and the engine, so making it again would give the same report.
 */
export async function queueRealign(pool: pg.Pool, engine: string, queue: RealignQueue, onProgress?: ProgressListener): Promise<RealignResult> {
  await reindexLatest(pool, onProgress);
  const commentaries = (
    await rows<{ vid: number }>(pool, "SELECT vid FROM latest_documents WHERE kind = 'commentary' ORDER BY id COLLATE \"C\"")
  ).map((r) => r.vid);
  let alignments = 0;
  let queuedPairs = 0;
  for (const [i, vid] of commentaries.entries()) {
    const candidates = await findCandidates(pool, await storedShingles(pool, vid), 'source');
    const commentary = await versionByVid(pool, vid);
    await transaction(pool, async (client) => {
      const keep = new Set(candidates.map((c) => c.vid));
      const stored = await rows<{ source_vid: number }>(
        client,
        'SELECT source_vid FROM alignments WHERE commentary_vid = $1 AND source_vid IN (SELECT vid FROM latest_documents)',
        [vid],
      );
      for (const { source_vid } of stored) {
        if (!keep.has(source_vid)) await client.query('DELETE FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [source_vid, vid]);
      }
      const made = new Set(stored.map((r) => r.source_vid));
      alignments += candidates.filter((c) => made.has(c.vid)).length;
      const missing = candidates.filter((c) => !made.has(c.vid)).map((c) => ({ sourceVid: c.vid, commentaryVid: vid }));
      await queue.enqueue(client, missing);
      queuedPairs += missing.length;
    });
    onProgress?.({ phase: 'realign', done: i + 1, total: commentaries.length, ...(commentary ? { documentId: commentary.id } : {}) });
  }
  // The pairs the workers gave up on, whatever their versions: tried anew (a candidate pair queued above is not queued twice).
  const failed = await transaction(pool, async (client) => {
    const pairs = await failedPairs(client);
    await queue.enqueue(client, pairs);
    return pairs.length;
  });
  const outdated = await outdatedAlignments(pool, engine);
  await queue.remake(outdated);
  return { commentaries: commentaries.length, alignments, remade: 0, queued: { alignments: queuedPairs + failed, remakes: outdated.length } };
}
