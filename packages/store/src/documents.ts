import type { Paragraph } from '@verbatim/core';
import { cached, type Db } from './database.js';
import type {
  DocumentFields,
  DocumentKind,
  DocumentSummary,
  DocumentVersion,
  EmphasisSpan,
  StoredDocument,
  StoredParagraph,
  VerificationStatus,
} from './types.js';

/** A row of `documents`: one version of a document. */
export interface VersionRow extends DocumentFields {
  vid: number;
  id: string;
  version: number;
  kind: DocumentKind;
  provenance: string | null;
  meta: string;
  sha256: string;
  text: string;
  created: string;
}

/** The metadata columns, the part of a version a corpus file may change without changing its text. */
export type Metadata = Pick<
  VersionRow,
  'kind' | 'title' | 'date' | 'author' | 'issuer' | 'url' | 'language' | 'licence' | 'provenance' | 'meta'
>;

export const METADATA_COLUMNS = [
  'kind', 'title', 'date', 'author', 'issuer', 'url', 'language', 'licence', 'provenance', 'meta',
] as const satisfies ReadonlyArray<keyof Metadata>;

export function latestVersion(db: Db, id: string): VersionRow | undefined {
  return cached(db, 'SELECT * FROM latest_documents WHERE id = ?').get(id) as VersionRow | undefined;
}

export function versionRow(db: Db, id: string, version: number): VersionRow | undefined {
  return db.prepare('SELECT * FROM documents WHERE id = ? AND version = ?').get(id, version) as VersionRow | undefined;
}

export function versionByVid(db: Db, vid: number): VersionRow | undefined {
  return cached(db, 'SELECT * FROM documents WHERE vid = ?').get(vid) as VersionRow | undefined;
}

export function isLatest(db: Db, row: VersionRow): boolean {
  return latestVersion(db, row.id)?.vid === row.vid;
}

/** Versions holding exactly this text, latest versions first. */
export function versionsWithSha(db: Db, sha256: string): VersionRow[] {
  return cached(db, 
      `SELECT d.*, d.vid IN (SELECT vid FROM latest_documents WHERE sha256 = ?) AS is_latest
       FROM documents d WHERE d.sha256 = ? ORDER BY is_latest DESC, d.vid`,
    )
    .all(sha256, sha256) as VersionRow[];
}

export function idExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ? LIMIT 1').get(id) !== undefined;
}

export type NewVersion = Omit<VersionRow, 'vid' | 'created'>;

/** `created` is now, but for a corpus copied from another store, whose versions keep theirs. */
export function insertVersion(db: Db, row: NewVersion, created = new Date().toISOString()): number {
  const info = cached(db, 
      `INSERT INTO documents (id, version, kind, format, title, date, author, issuer, url, language,
         licence, provenance, meta, sha256, text, created)
       VALUES (@id, @version, @kind, @format, @title, @date, @author, @issuer, @url, @language,
         @licence, @provenance, @meta, @sha256, @text, @created)`,
    )
    .run({ ...row, created });
  return Number(info.lastInsertRowid);
}

export function updateMetadata(db: Db, vid: number, metadata: Metadata): void {
  const assignments = METADATA_COLUMNS.map((c) => `${c} = @${c}`).join(', ');
  db.prepare(`UPDATE documents SET ${assignments} WHERE vid = @vid`).run({ ...metadata, vid });
}

export function insertParagraphs(db: Db, vid: number, paragraphs: readonly Paragraph[]): void {
  const insert = cached(db, 
    `INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  paragraphs.forEach((p, i) => insert.run(vid, i + 1, p.start, p.end, p.locator, p.section, p.title ? 1 : 0));
}

export function insertEmphasis(db: Db, vid: number, spans: readonly EmphasisSpan[]): void {
  const insert = cached(db, 'INSERT OR IGNORE INTO emphasis (vid, start, "end", kind) VALUES (?, ?, ?, ?)');
  for (const s of spans) insert.run(vid, s.start, s.end, s.kind);
}

export function emphasisOf(db: Db, vid: number): EmphasisSpan[] {
  return db
    .prepare('SELECT start, "end", kind FROM emphasis WHERE vid = ? ORDER BY start, "end", kind')
    .all(vid) as EmphasisSpan[];
}

/** A row of `paragraphs` as either engine answers it (SQLite has no booleans). */
export interface ParagraphRow {
  ordinal: number;
  start: number;
  end: number;
  locator: string;
  section: string | null;
  is_title: number | boolean;
  verification: VerificationStatus | null;
  verification_note: string | null;
}

export function paragraphsOf(db: Db, vid: number, text: string): StoredParagraph[] {
  const rows = db
    .prepare(
      `SELECT ordinal, start, "end", locator, section, is_title, verification, verification_note
       FROM paragraphs WHERE vid = ? ORDER BY ordinal`,
    )
    .all(vid) as ParagraphRow[];
  return rows.map((r) => storedParagraph(r, text));
}

/** A paragraph as the store answers it, its text sliced from the document's. */
export function storedParagraph(r: ParagraphRow, text: string): StoredParagraph {
  return {
    ordinal: r.ordinal,
    start: r.start,
    end: r.end,
    locator: r.locator,
    section: r.section,
    title: r.is_title === 1 || r.is_title === true,
    text: text.slice(r.start, r.end),
    verification: r.verification,
    verificationNote: r.verification_note,
  };
}

/** How a version is linked: what the library shows beside each title. */
export interface LinkCounts {
  versions: number;
  alignments: number;
  passages: number;
}

/**
 * How many versions each document has, and how it is linked to the latest versions of
 * other documents: what the library page shows beside each title.
 */
function linkCounts(db: Db, vid?: number): Map<number, LinkCounts> {
  const rows = db
    .prepare(linkCountsSql(vid === undefined ? '' : 'WHERE d.vid = @vid'))
    .all(vid === undefined ? {} : { vid }) as Array<LinkCounts & { vid: number }>;
  return new Map(rows.map((r) => [r.vid, r]));
}

/** The query of `linkCounts`, in SQL both engines read; `where` narrows it to one version. */
export function linkCountsSql(where: string): string {
  return `WITH links AS (
       SELECT a.source_vid AS vid, a.id AS aid FROM alignments a
         JOIN latest_documents c ON c.vid = a.commentary_vid
       UNION ALL
       SELECT a.commentary_vid AS vid, a.id AS aid FROM alignments a
         JOIN latest_documents s ON s.vid = a.source_vid
     ),
     found AS (
       SELECT alignment_id, count(*) AS n FROM passages WHERE status <> 'not_found' GROUP BY alignment_id
     ),
     per_version AS (
       SELECT l.vid, count(*) AS alignments, coalesce(sum(f.n), 0) AS passages
       FROM links l LEFT JOIN found f ON f.alignment_id = l.aid GROUP BY l.vid
     ),
     per_document AS (SELECT id, count(*) AS versions FROM documents GROUP BY id)
     SELECT d.vid, v.versions, coalesce(p.alignments, 0) AS alignments, coalesce(p.passages, 0) AS passages
     FROM documents d JOIN per_document v ON v.id = d.id LEFT JOIN per_version p ON p.vid = d.vid
     ${where}`;
}

export function toSummary(row: VersionRow, counts: LinkCounts | undefined): DocumentSummary {
  return {
    id: row.id,
    version: row.version,
    versions: counts?.versions ?? 1,
    kind: row.kind,
    format: row.format,
    title: row.title,
    date: row.date,
    author: row.author,
    issuer: row.issuer,
    url: row.url,
    language: row.language,
    licence: row.licence,
    sha256: row.sha256,
    length: row.text.length,
    created: row.created,
    alignments: counts?.alignments ?? 0,
    passages: counts?.passages ?? 0,
  };
}

/** The library: the latest version of every document, sources first, then by date and title. */
export function listDocuments(db: Db): DocumentSummary[] {
  const rows = db
    .prepare('SELECT * FROM latest_documents ORDER BY kind DESC, date IS NULL, date, title, id')
    .all() as VersionRow[];
  const counts = linkCounts(db);
  return rows.map((r) => toSummary(r, counts.get(r.vid)));
}

export function loadDocument(db: Db, row: VersionRow): StoredDocument {
  return storedDocument(row, linkCounts(db, row.vid).get(row.vid), paragraphsOf(db, row.vid, row.text), emphasisOf(db, row.vid));
}

/** A version as the store answers it, from its row and what was read beside it. */
export function storedDocument(
  row: VersionRow,
  counts: LinkCounts | undefined,
  paragraphs: StoredParagraph[],
  emphasis: EmphasisSpan[],
): StoredDocument {
  return {
    ...toSummary(row, counts),
    text: row.text,
    provenance: row.provenance,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    paragraphs,
    emphasis,
  };
}

export function listVersions(db: Db, id: string): DocumentVersion[] {
  return db
    .prepare('SELECT version, sha256, title, length(text) AS length, created FROM documents WHERE id = ? ORDER BY version')
    .all(id) as DocumentVersion[];
}
