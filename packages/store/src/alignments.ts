import type { AlignmentReport, Passage } from '@verbatim/core';
import { alignDocuments } from './align-documents.js';
import type { Db } from './database.js';
import { emphasisOf, type VersionRow } from './documents.js';
import { StoreError } from './errors.js';
import type { AlignmentSummary, DocumentFormat, DocumentRef, EmphasisSpan } from './types.js';

export type AlignOutcome = 'linked' | 'unlinked';

/** One side of an alignment: what the engine needs of a document, stored or about to be. */
export interface AlignSide {
  id: string;
  title: string;
  text: string;
  format: DocumentFormat;
  emphasis: EmphasisSpan[];
}

/**
 * Aligns one commentary version against one source version and keeps the report when it
 * links them. Runs inside the caller's transaction; `addDocument` instead computes the
 * report before taking the write lock and stores it with `storeReport`.
 */
export function alignPair(db: Db, source: VersionRow, commentary: VersionRow, engine: string): AlignOutcome {
  const report = computeReport({ ...source, emphasis: [] }, { ...commentary, emphasis: emphasisOf(db, commentary.vid) });
  return storeReport(db, source.vid, commentary.vid, report, engine);
}

/**
 * Keeps a report when it links the two versions: at least one passage found in the source.
 * A report of quotations only "not found" says nothing about this source (they may come
 * from any other), so none is kept, and an older one between the two is dropped.
 */
export function storeReport(db: Db, sourceVid: number, commentaryVid: number, report: AlignmentReport, engine: string): AlignOutcome {
  const linked = links(report);
  db.prepare('DELETE FROM alignments WHERE source_vid = ? AND commentary_vid = ?').run(sourceVid, commentaryVid);
  if (!linked) return 'unlinked';
  const info = db
    .prepare(
      `INSERT INTO alignments (source_vid, commentary_vid, engine_version, report, created)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(sourceVid, commentaryVid, engine, JSON.stringify(report), new Date().toISOString());
  insertPassages(db, Number(info.lastInsertRowid), report.passages);
  return 'linked';
}

/** The engine's report for two texts; touches no database, so it can run outside any lock. */
export function computeReport(source: AlignSide, commentary: AlignSide): AlignmentReport {
  try {
    return alignDocuments(
      { text: source.text, format: source.format, emphasis: [], id: source.id, title: source.title },
      { text: commentary.text, format: commentary.format, emphasis: commentary.emphasis, id: commentary.id, title: commentary.title },
    );
  } catch (error) {
    // The engine's own message names its internals; the user gets what failed, the log the cause.
    throw new StoreError('align', `Aligning "${commentary.id}" against "${source.id}" failed, so nothing was stored.`, {
      cause: error,
    });
  }
}

/** Whether a report links its two versions: at least one passage found in the source. */
export function links(report: AlignmentReport): boolean {
  return report.passages.some((p) => p.status !== 'not_found');
}

/** The `passages` rows of a report, in the columns' order after `alignment_id`. */
export function passageRows(passages: readonly Passage[]): unknown[][] {
  return passages.map((p, i) => [
    p.id,
    i + 1,
    p.kind,
    p.status,
    p.commentary.start,
    p.commentary.end,
    p.source?.start ?? null,
    p.source?.end ?? null,
    p.source?.locator ?? null,
    p.similarity,
  ]);
}

/** A report's passages as rows of their own, found by passage id (`passage(id)`). */
export function insertPassages(db: Db, alignmentId: number, passages: readonly Passage[]): void {
  const insert = db.prepare(
    `INSERT INTO passages (alignment_id, id, ordinal, kind, status, commentary_start, commentary_end,
       source_start, source_end, locator, similarity)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const values of passageRows(passages)) insert.run(alignmentId, ...values);
}

/** A row of `alignments`. */
export interface AlignmentRow {
  id: number;
  source_vid: number;
  commentary_vid: number;
  engine_version: string;
  report: string;
  created: string;
}

export function alignmentRow(db: Db, sourceVid: number, commentaryVid: number): AlignmentRow | undefined {
  return db
    .prepare('SELECT * FROM alignments WHERE source_vid = ? AND commentary_vid = ?')
    .get(sourceVid, commentaryVid) as AlignmentRow | undefined;
}

export function reportOf(row: AlignmentRow): AlignmentReport {
  return JSON.parse(row.report) as AlignmentReport;
}

/**
 * A stored report as of now: its documents named by their titles today. A report is made
 * once per pair of texts, and an edit of a document's metadata changes no text, so the
 * title the report was made with may since have been corrected by hand.
 */
export function currentReport(row: AlignmentRow, titles: { source: string; commentary: string }): AlignmentReport {
  const report = reportOf(row);
  return { ...report, source: { ...report.source, title: titles.source }, commentary: { ...report.commentary, title: titles.commentary } };
}

/**
 * Whether the version `vid` names is its document's latest, as SQL: looked up by that one
 * version. (`vid IN (SELECT vid FROM latest_documents)` would have SQLite list every latest
 * version first — the whole corpus, for each alignment of the library.)
 */
export function isLatest(vid: string): string {
  return `NOT EXISTS (SELECT 1 FROM documents v JOIN documents n ON n.id = v.id AND n.version > v.version WHERE v.vid = ${vid})`;
}

/** Alignments of a version with the latest versions of the documents on the other side. */
export function alignmentsOfVersion(db: Db, vid: number): AlignmentSummary[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM alignments a
       WHERE (a.source_vid = @vid AND ${isLatest('a.commentary_vid')})
          OR (a.commentary_vid = @vid AND ${isLatest('a.source_vid')})
       ORDER BY a.id`,
    )
    .all({ vid }) as AlignmentRow[];
  return rows.map((r) => summarize(db, r));
}

/** Every alignment between latest versions: the links of the library, sources first by id. */
export function latestAlignments(db: Db): AlignmentSummary[] {
  const rows = db
    .prepare(
      `SELECT a.* FROM alignments a
       JOIN latest_documents s ON s.vid = a.source_vid
       JOIN latest_documents c ON c.vid = a.commentary_vid
       ORDER BY s.id, c.id`,
    )
    .all() as AlignmentRow[];
  return rows.map((r) => summarize(db, r));
}

export function summarize(db: Db, row: AlignmentRow): AlignmentSummary {
  return summaryOf(row, documentRef(db, row.source_vid), documentRef(db, row.commentary_vid));
}

/** An alignment as the store lists it, from its row and the two versions it links. */
export function summaryOf(row: AlignmentRow, source: DocumentRef, commentary: DocumentRef): AlignmentSummary {
  const report = reportOf(row);
  const found = report.passages.filter((p) => p.status !== 'not_found').length;
  return {
    source,
    commentary,
    engineVersion: row.engine_version,
    created: row.created,
    passages: found,
    notFound: report.passages.length - found,
    coverage: report.coverage,
  };
}

function documentRef(db: Db, vid: number): DocumentRef {
  const row = db
    .prepare(
      `SELECT d.id, d.version, d.title, d.sha256, ${isLatest('d.vid')} AS latest
       FROM documents d WHERE d.vid = ?`,
    )
    .get(vid) as Omit<DocumentRef, 'latest'> & { latest: number };
  return { ...row, latest: row.latest === 1 };
}

/**
 * The alignment holding a passage id. Ids are deterministic per pair of texts; should two
 * alignments ever hold the same id, the one between latest versions, then the newest, wins.
 */
export function alignmentOfPassage(db: Db, passageId: string): AlignmentRow | undefined {
  return db
    .prepare(
      `SELECT a.* FROM passages p JOIN alignments a ON a.id = p.alignment_id
       WHERE p.id = ?
       ORDER BY (${isLatest('a.source_vid')} AND ${isLatest('a.commentary_vid')}) DESC, a.id DESC
       LIMIT 1`,
    )
    .get(passageId) as AlignmentRow | undefined;
}
