import { shingles } from '@verbatim/core';
import type { AddContext } from './add.js';
import { alignPair, isLatest } from './alignments.js';
import { findCandidates } from './candidates.js';
import { writeTransaction } from './database.js';
import { versionByVid } from './documents.js';
import { outdatedAlignments, remakeAlignment } from './remake.js';
import { mergeSegments } from './shingle-index.js';
import { indexVersion, storedShingles, unindexVersion } from './text-index.js';
import type { ProgressListener, RealignResult } from './types.js';

/**
 * Recomputes the alignments between latest versions, for after an engine change: first
 * the shingles (the engine computes them too), then each commentary against its candidate
 * sources, dropping alignments that no longer link. One transaction per document, so an
 * interrupted realign leaves every commentary either realigned or as it was. Last, the
 * alignments of older versions that another engine made are made again, so that afterwards
 * no stored report is outdated.
 */
export function realign(ctx: AddContext, onProgress?: ProgressListener): RealignResult {
  const { db } = ctx;
  const latest = db.prepare('SELECT vid FROM latest_documents ORDER BY id').pluck().all() as number[];
  latest.forEach((vid, i) => {
    writeTransaction(db, () => {
      const row = versionByVid(db, vid);
      if (!row) return;
      unindexVersion(db, vid);
      indexVersion(db, vid, row.text, shingles(row.text));
    });
    mergeSegments(db);
    onProgress?.({ phase: 'reindex', done: i + 1, total: latest.length });
  });

  const commentaries = db
    .prepare("SELECT vid FROM latest_documents WHERE kind = 'commentary' ORDER BY id")
    .pluck()
    .all() as number[];
  let alignments = 0;
  commentaries.forEach((vid, i) => {
    const id = writeTransaction(db, () => {
      const commentary = versionByVid(db, vid);
      if (!commentary) return undefined;
      const candidates = findCandidates(db, storedShingles(db, vid), 'source');
      const keep = new Set(candidates.map((c) => c.vid));
      const stale = db
        .prepare(
          `SELECT source_vid FROM alignments
           WHERE commentary_vid = ? AND ${isLatest('source_vid')}`,
        )
        .pluck()
        .all(vid) as number[];
      const drop = db.prepare('DELETE FROM alignments WHERE source_vid = ? AND commentary_vid = ?');
      for (const sourceVid of stale) if (!keep.has(sourceVid)) drop.run(sourceVid, vid);
      for (const candidate of candidates) {
        if (alignPair(db, versionByVid(db, candidate.vid)!, commentary, ctx.engine) === 'linked') alignments += 1;
      }
      return commentary.id;
    });
    onProgress?.({ phase: 'realign', done: i + 1, total: commentaries.length, ...(id ? { documentId: id } : {}) });
  });
  const outdated = outdatedAlignments(db, ctx.engine);
  let remade = 0;
  outdated.forEach((a, i) => {
    if (remakeAlignment(db, ctx.engine, a) === 'remade') remade += 1;
    onProgress?.({ phase: 'remake', done: i + 1, total: outdated.length, documentId: a.commentary.id });
  });
  return { commentaries: commentaries.length, alignments, remade };
}
