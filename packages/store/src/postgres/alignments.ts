import type { AlignmentReport } from '@verbatim/core';
import { links, passageRows, summaryOf, type AlignmentRow, type AlignOutcome } from '../alignments.js';
import type { AlignmentSummary, DocumentRef } from '../types.js';
import { row, rows, type Queryable } from './pool.js';

/**
 * Keeps a report when it links the two versions, replacing what was stored between them; a
 * report that links nothing drops the older one (as on SQLite: see `storeReport` there).
 */
export async function storeReport(db: Queryable, sourceVid: number, commentaryVid: number, report: AlignmentReport, engine: string): Promise<AlignOutcome> {
  await db.query('DELETE FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [sourceVid, commentaryVid]);
  if (!links(report)) return 'unlinked';
  const inserted = await row<{ id: number }>(
    db,
    `INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [sourceVid, commentaryVid, engine, JSON.stringify(report), new Date().toISOString()],
  );
  await insertPassages(db, inserted!.id, report);
  return 'linked';
}

/**
 * Keeps a report unless one is already stored between the two versions: what a job does, so
 * that the same pair aligned twice (a retried job, two workers) is stored once. Answers
 * whether this call stored it.
 */
export async function storeReportOnce(db: Queryable, sourceVid: number, commentaryVid: number, report: AlignmentReport, engine: string): Promise<boolean> {
  if (!links(report)) return false;
  const inserted = await row<{ id: number }>(
    db,
    `INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source_vid, commentary_vid) DO NOTHING RETURNING id`,
    [sourceVid, commentaryVid, engine, JSON.stringify(report), new Date().toISOString()],
  );
  if (!inserted) return false;
  await insertPassages(db, inserted.id, report);
  return true;
}

/** A report's passages as rows of their own, found by passage id (`passage(id)`). */
export async function insertPassages(db: Queryable, alignmentId: number, report: AlignmentReport): Promise<void> {
  const values = passageRows(report.passages);
  if (values.length === 0) return;
  const column = (i: number) => values.map((v) => v[i]);
  await db.query(
    `INSERT INTO passages (alignment_id, id, ordinal, kind, status, commentary_start, commentary_end,
       source_start, source_end, locator, similarity)
     SELECT $1::bigint, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[],
       $8::int[], $9::int[], $10::text[], $11::float8[])`,
    [alignmentId, ...Array.from({ length: 10 }, (_, i) => column(i))],
  );
}

export function alignmentRow(db: Queryable, sourceVid: number, commentaryVid: number): Promise<AlignmentRow | undefined> {
  return row<AlignmentRow>(db, 'SELECT * FROM alignments WHERE source_vid = $1 AND commentary_vid = $2', [sourceVid, commentaryVid]);
}

/** Alignments of a version with the latest versions of the documents on the other side. */
export async function alignmentsOfVersion(db: Queryable, vid: number): Promise<AlignmentSummary[]> {
  const found = await rows<AlignmentRow>(
    db,
    `SELECT a.* FROM alignments a
     WHERE (a.source_vid = $1 AND a.commentary_vid IN (SELECT vid FROM latest_documents))
        OR (a.commentary_vid = $1 AND a.source_vid IN (SELECT vid FROM latest_documents))
     ORDER BY a.id`,
    [vid],
  );
  return summarizeAll(db, found);
}

/** Every alignment between latest versions: the links of the library, sources first by id. */
export async function latestAlignments(db: Queryable): Promise<AlignmentSummary[]> {
  const found = await rows<AlignmentRow>(
    db,
    `SELECT a.* FROM alignments a
     JOIN latest_documents s ON s.vid = a.source_vid
     JOIN latest_documents c ON c.vid = a.commentary_vid
     ORDER BY s.id COLLATE "C", c.id COLLATE "C"`,
  );
  return summarizeAll(db, found);
}

export async function summarize(db: Queryable, alignment: AlignmentRow): Promise<AlignmentSummary> {
  return (await summarizeAll(db, [alignment]))[0]!;
}

/** Summaries of many alignments, the versions they link read in one query. */
async function summarizeAll(db: Queryable, alignments: readonly AlignmentRow[]): Promise<AlignmentSummary[]> {
  if (alignments.length === 0) return [];
  const vids = [...new Set(alignments.flatMap((a) => [a.source_vid, a.commentary_vid]))];
  const refs = await rows<DocumentRef & { vid: number }>(
    db,
    `SELECT vid, id, version, title, sha256, vid IN (SELECT vid FROM latest_documents) AS latest
     FROM documents WHERE vid = ANY($1::bigint[])`,
    [vids],
  );
  const byVid = new Map(refs.map(({ vid, ...ref }) => [vid, ref]));
  return alignments.map((a) => summaryOf(a, byVid.get(a.source_vid)!, byVid.get(a.commentary_vid)!));
}

/** The alignment holding a passage id; between latest versions first, then the newest. */
export function alignmentOfPassage(db: Queryable, passageId: string): Promise<AlignmentRow | undefined> {
  return row<AlignmentRow>(
    db,
    `SELECT a.* FROM passages p JOIN alignments a ON a.id = p.alignment_id
     WHERE p.id = $1
     ORDER BY (a.source_vid IN (SELECT vid FROM latest_documents)
               AND a.commentary_vid IN (SELECT vid FROM latest_documents)) DESC, a.id DESC
     LIMIT 1`,
    [passageId],
  );
}
