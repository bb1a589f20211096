import type { Paragraph } from '@verbatim/core';
import {
  linkCountsSql,
  storedDocument,
  storedParagraph,
  toSummary,
  type LinkCounts,
  type NewVersion,
  type ParagraphRow,
  type VersionRow,
} from '../documents.js';
import { limitOf, pageQuery, positionOf } from '../list-page.js';
import type { DocumentListOptions, DocumentPage, DocumentVersion, EmphasisSpan, StoredDocument } from '../types.js';
import { row, rows, type Queryable } from './pool.js';

/** The columns of a version row (`length` is PostgreSQL's own, kept out of the shared row). */
const VERSION = `vid, id, version, kind, format, title, date, author, issuer, url, language, licence,
  provenance, meta, sha256, text, created`;

export function latestVersion(db: Queryable, id: string): Promise<VersionRow | undefined> {
  return row<VersionRow>(db, `SELECT ${VERSION} FROM latest_documents WHERE id = $1`, [id]);
}

export function versionRow(db: Queryable, id: string, version: number): Promise<VersionRow | undefined> {
  return row<VersionRow>(db, `SELECT ${VERSION} FROM documents WHERE id = $1 AND version = $2`, [id, version]);
}

export function versionByVid(db: Queryable, vid: number): Promise<VersionRow | undefined> {
  return row<VersionRow>(db, `SELECT ${VERSION} FROM documents WHERE vid = $1`, [vid]);
}

/** Versions holding exactly this text, latest versions first. */
export function versionsWithSha(db: Queryable, sha256: string): Promise<VersionRow[]> {
  return rows<VersionRow>(
    db,
    `SELECT ${VERSION} FROM documents d WHERE d.sha256 = $1
     ORDER BY (d.vid IN (SELECT vid FROM latest_documents WHERE sha256 = $1)) DESC, d.vid`,
    [sha256],
  );
}

/**
 * What an add of a text looks for, in one query: the versions holding exactly this text
 * (latest versions first, as `versionsWithSha` answers) and the latest version of `id`.
 */
export async function versionsWithShaOrId(
  db: Queryable,
  sha256: string,
  id: string | undefined,
): Promise<{ withSha: VersionRow[]; latestOfId: VersionRow | undefined }> {
  const found = await rows<VersionRow & { with_sha: boolean; latest: boolean }>(
    db,
    `SELECT ${VERSION}, d.sha256 = $1 AS with_sha,
       NOT EXISTS (SELECT 1 FROM documents n WHERE n.id = d.id AND n.version > d.version) AS latest
     FROM documents d WHERE d.sha256 = $1 OR d.id = $2
     ORDER BY d.vid`,
    [sha256, id ?? null],
  );
  const plain = ({ with_sha: _w, latest: _l, ...version }: VersionRow & { with_sha: boolean; latest: boolean }): VersionRow => version;
  const withSha = found.filter((r) => r.with_sha);
  return {
    withSha: [...withSha.filter((r) => r.latest), ...withSha.filter((r) => !r.latest)].map(plain),
    latestOfId: found.filter((r) => r.id === id && r.latest).map(plain)[0],
  };
}

export async function idExists(db: Queryable, id: string): Promise<boolean> {
  return (await row(db, 'SELECT 1 FROM documents WHERE id = $1 LIMIT 1', [id])) !== undefined;
}

/** `created` is now, but for a corpus copied from another store, whose versions keep theirs. */
export async function insertVersion(db: Queryable, version: NewVersion, created = new Date().toISOString()): Promise<number> {
  const inserted = await row<{ vid: number }>(db, `${INSERT_VERSION} RETURNING vid`, versionValues(version, created));
  return inserted!.vid;
}

/** A version's paragraphs in one statement, each with its own text (PostgreSQL indexes that). */
export async function insertParagraphs(db: Queryable, vid: number, text: string, paragraphs: readonly Paragraph[]): Promise<void> {
  if (paragraphs.length === 0) return;
  await db.query(`INSERT INTO paragraphs ${paragraphRows('$1::bigint', 2)}`, [vid, ...paragraphColumns(text, paragraphs)]);
}

export async function insertEmphasis(db: Queryable, vid: number, spans: readonly EmphasisSpan[]): Promise<void> {
  if (spans.length === 0) return;
  await db.query(`INSERT INTO emphasis ${emphasisRows('$1::bigint', 2)}`, [vid, ...emphasisColumns(spans)]);
}

/**
 * A new version of an add with its paragraphs and emphasis, in one statement (one round trip
 * instead of four): the id no longer counts as deleted once a version of it is stored again.
 */
export async function insertNewVersion(
  db: Queryable,
  version: NewVersion,
  { paragraphs, emphasis }: { paragraphs: readonly Paragraph[]; emphasis: readonly EmphasisSpan[] },
): Promise<VersionRow> {
  const created = new Date().toISOString();
  const inserted = await row<{ vid: number }>(
    db,
    `WITH v AS (${INSERT_VERSION} RETURNING vid),
       p AS (INSERT INTO paragraphs ${paragraphRows('v.vid', 18, 'v')}),
       e AS (INSERT INTO emphasis ${emphasisRows('v.vid', 24, 'v')}),
       undeleted AS (DELETE FROM deleted_documents WHERE id = $1)
     SELECT vid FROM v`,
    [...versionValues(version, created), ...paragraphColumns(version.text, paragraphs), ...emphasisColumns(emphasis)],
  );
  return { vid: inserted!.vid, ...version, created };
}

const INSERT_VERSION = `INSERT INTO documents (id, version, kind, format, title, date, author, issuer, url, language,
    licence, provenance, meta, sha256, text, length, created)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

function versionValues(version: NewVersion, created: string): unknown[] {
  return [
    version.id, version.version, version.kind, version.format, version.title, version.date, version.author,
    version.issuer, version.url, version.language, version.licence, version.provenance, version.meta,
    version.sha256, version.text, version.text.length, created,
  ];
}

/** The rows of a version's paragraphs: six arrays from parameter `$first` on, the vid from `vid` (and `from`). */
function paragraphRows(vid: string, first: number, from?: string): string {
  const $ = (i: number) => `$${first + i}`;
  return `(vid, ordinal, start, "end", locator, section, is_title, text)
    SELECT ${vid}, ordinality, s, e, l, sec, t, txt
    FROM ${from ? `${from}, ` : ''}unnest(${$(0)}::int[], ${$(1)}::int[], ${$(2)}::text[], ${$(3)}::text[], ${$(4)}::boolean[], ${$(5)}::text[])
      WITH ORDINALITY AS p(s, e, l, sec, t, txt, ordinality)`;
}

function paragraphColumns(text: string, paragraphs: readonly Paragraph[]): unknown[] {
  return [
    paragraphs.map((p) => p.start),
    paragraphs.map((p) => p.end),
    paragraphs.map((p) => p.locator),
    paragraphs.map((p) => p.section),
    paragraphs.map((p) => p.title),
    paragraphs.map((p) => text.slice(p.start, p.end)),
  ];
}

/** The rows of emphasis spans: three arrays from parameter `$first` on. */
function emphasisRows(vid: string, first: number, from?: string): string {
  const $ = (i: number) => `$${first + i}`;
  return `(vid, start, "end", kind)
    SELECT ${vid}, s, e, k FROM ${from ? `${from}, ` : ''}unnest(${$(0)}::int[], ${$(1)}::int[], ${$(2)}::text[]) AS x(s, e, k)
    ON CONFLICT DO NOTHING`;
}

function emphasisColumns(spans: readonly EmphasisSpan[]): unknown[] {
  return [spans.map((s) => s.start), spans.map((s) => s.end), spans.map((s) => s.kind)];
}

export function emphasisOf(db: Queryable, vid: number): Promise<EmphasisSpan[]> {
  return rows<EmphasisSpan>(db, 'SELECT start, "end", kind FROM emphasis WHERE vid = $1 ORDER BY start, "end", kind', [vid]);
}

async function paragraphsOf(db: Queryable, vid: number, text: string) {
  const found = await rows<ParagraphRow>(
    db,
    `SELECT ordinal, start, "end", locator, section, is_title, verification, verification_note
     FROM paragraphs WHERE vid = $1 ORDER BY ordinal`,
    [vid],
  );
  return found.map((r) => storedParagraph(r, text));
}

/** Versions, and links to other documents' latest versions: the SQLite store's `linkCounts`. */
async function linkCounts(db: Queryable, vids: readonly number[]): Promise<Map<number, LinkCounts>> {
  if (vids.length === 0) return new Map();
  const found = await rows<LinkCounts & { vid: number }>(db, linkCountsSql('(SELECT unnest($1::bigint[]))'), [vids]);
  return new Map(found.map((r) => [r.vid, r]));
}

/**
 * A page of the library, as the SQLite store's `listPage` gives it. "C" collation: the byte
 * order SQLite sorts in, whatever the database's locale.
 */
export async function listPage(db: Queryable, options: DocumentListOptions = {}): Promise<DocumentPage> {
  const limit = limitOf(options.limit);
  const page = pageQuery(options, { collate: ' COLLATE "C"', placeholder: (n) => `$${n}` });
  // The keys alone are read in order, from the library's index (migration 8), as far as the
  // page reaches; the rows, texts and all, are read for this page only — in one statement, so
  // one snapshot.
  const latest = await rows<VersionRow>(
    db,
    `SELECT ${VERSION} FROM (SELECT vid FROM latest_documents ${page.where} ${page.orderBy} LIMIT $${page.params.length + 1}) page
       JOIN documents USING (vid) ${page.orderBy}`,
    [...page.params, limit + 1],
  );
  const more = latest.length > limit;
  if (more) latest.pop();
  const counts = await linkCounts(db, latest.map((r) => r.vid));
  // Kept by the documents' triggers (migration 8): the listing's size without counting it.
  const total = (await row<{ n: number }>(db, 'SELECT coalesce(sum(documents), 0)::integer AS n FROM library_counts WHERE $1::text IS NULL OR kind = $1', [options.kind ?? null]))!.n;
  const documents = latest.map((r) => toSummary(r, counts.get(r.vid)));
  return { documents, next: more ? positionOf(documents.at(-1)!) : null, total };
}

export async function loadDocument(db: Queryable, version: VersionRow): Promise<StoredDocument> {
  const [counts, paragraphs, emphasis] = [
    await linkCounts(db, [version.vid]),
    await paragraphsOf(db, version.vid, version.text),
    await emphasisOf(db, version.vid),
  ];
  return storedDocument(version, counts.get(version.vid), paragraphs, emphasis);
}

export function listVersions(db: Queryable, id: string): Promise<DocumentVersion[]> {
  return rows<DocumentVersion>(db, 'SELECT version, sha256, title, length, created FROM documents WHERE id = $1 ORDER BY version', [id]);
}
