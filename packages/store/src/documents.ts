import type { Paragraph } from '@verbatim/core';
import { cached, type Db } from './database.js';
import { limitOf, pageQuery, positionOf } from './list-page.js';
import type {
  DocumentFields,
  DocumentListOptions,
  DocumentPage,
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

export function insertParagraphs(db: Db, vid: number, text: string, paragraphs: readonly Paragraph[]): void {
  const insert = cached(db, 
    `INSERT INTO paragraphs (vid, ordinal, start, "end", locator, section, is_title, text_offset, text_bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bytes = utf8Ranges(text, paragraphs);
  paragraphs.forEach((p, i) => insert.run(vid, i + 1, p.start, p.end, p.locator, p.section, p.title ? 1 : 0, bytes[i]!.offset, bytes[i]!.bytes));
}

/**
 * Where each range of a text lies in its UTF-8 bytes, as SQLite stores it: the full-text
 * index reads a paragraph's text back from its document by them (the view paragraph_texts,
 * migration 8), since `start` and `end` count UTF-16 code units, which no SQL function does.
 * One pass over the text for ranges in order.
 */
export function utf8Ranges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ offset: number; bytes: number }> {
  let at = 0;
  let bytesAt = 0;
  return ranges.map(({ start, end }) => {
    if (start < at) {
      at = 0;
      bytesAt = 0;
    }
    bytesAt += Buffer.byteLength(text.slice(at, start), 'utf8');
    at = start;
    return { offset: bytesAt, bytes: Buffer.byteLength(text.slice(start, end), 'utf8') };
  });
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
 * How many versions each of these versions' documents has, and how it is linked to the latest
 * versions of other documents: what the library page shows beside each title.
 */
function linkCounts(db: Db, vids: readonly number[]): Map<number, LinkCounts> {
  if (vids.length === 0) return new Map();
  const rows = cached(db, linkCountsSql('(SELECT value FROM json_each(?))')).all(JSON.stringify(vids)) as Array<LinkCounts & { vid: number }>;
  return new Map(rows.map((r) => [r.vid, r]));
}

/**
 * The query of `linkCounts`, in SQL both engines read, for the versions `vids` names (a
 * parenthesised set, `IN ${vids}`): only their alignments and passages are read, so a page of
 * the library costs the same in a corpus of ten documents as of a hundred thousand.
 */
export function linkCountsSql(vids: string): string {
  return `WITH page AS (SELECT vid, id FROM documents WHERE vid IN ${vids}),
     links AS (
       SELECT a.source_vid AS vid, a.id AS aid FROM alignments a
         JOIN latest_documents c ON c.vid = a.commentary_vid
         WHERE a.source_vid IN (SELECT vid FROM page)
       UNION ALL
       SELECT a.commentary_vid AS vid, a.id AS aid FROM alignments a
         JOIN latest_documents s ON s.vid = a.source_vid
         WHERE a.commentary_vid IN (SELECT vid FROM page)
     ),
     found AS (
       SELECT alignment_id, count(*) AS n FROM passages
       WHERE alignment_id IN (SELECT aid FROM links) AND status <> 'not_found' GROUP BY alignment_id
     ),
     per_version AS (
       SELECT l.vid, count(*) AS alignments, coalesce(sum(f.n), 0) AS passages
       FROM links l LEFT JOIN found f ON f.alignment_id = l.aid GROUP BY l.vid
     )
     SELECT p.vid, (SELECT count(*) FROM documents o WHERE o.id = p.id) AS versions,
       coalesce(v.alignments, 0) AS alignments, coalesce(v.passages, 0) AS passages
     FROM page p LEFT JOIN per_version v ON v.vid = p.vid`;
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

/**
 * A page of the library (see list-page.ts): the latest versions in the order asked for, after
 * the position given. Its queries read one snapshot, whatever the writer commits meanwhile.
 */
export function listPage(db: Db, options: DocumentListOptions = {}): DocumentPage {
  const limit = limitOf(options.limit);
  const page = pageQuery(options, { collate: '', placeholder: () => '?' });
  return db.transaction((): DocumentPage => {
    // The keys alone are sorted; the rows, texts and all, are read for this page only.
    const vids = cached(db, `SELECT vid FROM latest_documents ${page.where} ${page.orderBy} LIMIT ?`).pluck().all(...page.params, limit + 1) as number[];
    const more = vids.length > limit;
    if (more) vids.pop();
    const rows = new Map(
      (cached(db, 'SELECT * FROM documents WHERE vid IN (SELECT value FROM json_each(?))').all(JSON.stringify(vids)) as VersionRow[]).map((r) => [r.vid, r]),
    );
    const counts = linkCounts(db, vids);
    const documents = vids.map((vid) => toSummary(rows.get(vid)!, counts.get(vid)));
    // Kept by the documents' triggers (migration 7): the listing's size without counting it.
    const total = cached(db, 'SELECT coalesce(sum(documents), 0) FROM library_counts WHERE ? IS NULL OR kind = ?').pluck().get(options.kind ?? null, options.kind ?? null) as number;
    return { documents, next: more ? positionOf(documents.at(-1)!) : null, total };
  }).deferred();
}

export function loadDocument(db: Db, row: VersionRow): StoredDocument {
  return storedDocument(row, linkCounts(db, [row.vid]).get(row.vid), paragraphsOf(db, row.vid, row.text), emphasisOf(db, row.vid));
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
