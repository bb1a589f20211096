import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { addDocument, type AddContext, type AddOutput, type AddRequest } from './add.js';
import { writeTransaction } from './database.js';
import { editedFields } from './edit.js';
import { isLatest, METADATA_COLUMNS, updateMetadata, type Metadata, type VersionRow } from './documents.js';
import { StoreError } from './errors.js';
import { formatOf } from './ingest/format.js';
import type { CorpusReport, DocumentFormat, DocumentKind, ProgressListener } from './types.js';
import { applyVerification, parseVerification, verificationMatches, type Verification } from './verification.js';

/** Keys of a `*.meta.json` with a column or a role of their own; any other key is kept in `meta`. */
const KNOWN_KEYS = new Set([
  'id', 'file', 'format', 'title', 'kind', 'date', 'author', 'issuer', 'language', 'url',
  'licence', 'provenance', 'sha256', 'verification',
]);

export interface CorpusEntry {
  metaFile: string;
  file: string;
  id: string;
  kind: DocumentKind;
  format: DocumentFormat;
  fields: Record<string, unknown>;
  verification: Verification;
}

/**
 * Loads the documents that ship with the product: each `*.meta.json` beside its text
 * file. Run at every open and idempotent: an unchanged file costs a hash, a changed one
 * becomes a new version, changed metadata is updated in place, and a document the user
 * deleted stays deleted. A field a curator corrected by hand (`Store.edit`) keeps their
 * value over the metadata file's: the file is what shipped, the edit what the curator decided
 * after, and a correction that came back at every start would be no correction at all. A
 * malformed corpus is a packaging mistake and stops the open.
 */
export function loadCorpus(ctx: AddContext, dir: string, onProgress?: ProgressListener): CorpusReport {
  const report = emptyCorpusReport();
  const metaFiles = corpusMetaFiles(dir);
  metaFiles.forEach((metaFile, i) => {
    const entry = readEntry(dir, metaFile);
    const warnings: string[] = [];
    if (isDeleted(ctx, entry.id)) report.skipped.push(entry.id);
    else loadEntry(ctx, dir, entry, report, warnings);
    reportEntry(report, warnings, { done: i + 1, total: metaFiles.length, id: entry.id }, onProgress);
  });
  return report;
}

export function emptyCorpusReport(): CorpusReport {
  return { added: [], newVersions: [], unchanged: [], skipped: [], warnings: [] };
}

/** The corpus folder's metadata files, in the order they are loaded. */
export function corpusMetaFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.meta.json')).sort();
}

/** An entry's warnings into the report, and its progress (with each warning) to the listener. */
export function reportEntry(
  report: CorpusReport,
  warnings: readonly string[],
  { done, total, id }: { done: number; total: number; id: string },
  onProgress?: ProgressListener,
): void {
  report.warnings.push(...warnings);
  onProgress?.({ phase: 'corpus', done, total, documentId: id });
  for (const warning of warnings) onProgress?.({ phase: 'corpus', done, total, documentId: id, warning });
}

function loadEntry(ctx: AddContext, dir: string, entry: CorpusEntry, report: CorpusReport, warnings: string[]): void {
  const add = entryRequest(dir, entry, warnings);
  let result;
  try {
    result = addDocument(ctx, add);
  } catch (error) {
    throw inCorpusFile(error, entry);
  }
  const after = recordOutcome(report, warnings, entry, result);
  if (after === 'refresh') refreshMetadata(ctx, result.row, entry, warnings);
  if (after === 'keep-edits') keepEdits(ctx, result.row);
}

/** What adding a corpus file asks of the store: its bytes and metadata; warns of a changed checksum. */
export function entryRequest(dir: string, entry: CorpusEntry, warnings: string[]): AddRequest {
  const bytes = readBytes(dir, entry);
  const recorded = entry.fields.sha256;
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (typeof recorded === 'string' && recorded !== actual) {
    warnings.push(`${entry.file} has changed since its metadata was written: its SHA-256 is ${actual}, not ${recorded}.`);
  }
  return { ...request(entry), bytes, fromFile: true };
}

/** A store's refusal of a corpus file, naming the file (a packaging mistake: it stops the open). */
export function inCorpusFile(error: unknown, entry: CorpusEntry): unknown {
  if (!(error instanceof StoreError)) return error;
  return new StoreError(error.code, `${error.message.replace(/\.$/, '')} (corpus file ${entry.file}).`, { cause: error });
}

/**
 * What loading a corpus file leaves to do once it is added: `refresh` the stored document's
 * metadata and verification (the same text was stored under the entry's id), or `keep-edits`,
 * give the version the file just made the fields a curator edited by hand.
 */
export type AfterAdd = 'refresh' | 'keep-edits' | 'nothing';

/** Files what an add of a corpus file did into the report, and says what is left to do. */
export function recordOutcome(report: CorpusReport, warnings: string[], entry: CorpusEntry, result: AddOutput): AfterAdd {
  const { row, outcome, unknownLocators } = result;
  warnings.push(...unknownLocatorWarnings(entry, unknownLocators));
  if (outcome === 'added') report.added.push(row.id);
  else if (outcome === 'new-version') {
    report.newVersions.push(row.id);
    // A new text of the file: the curator's corrections carry over to the version it makes.
    return 'keep-edits';
  } else if (row.id !== entry.id) {
    warnings.push(`${entry.file} has the same text as the stored document "${row.id}", so it was not added again as "${entry.id}".`);
    report.unchanged.push(row.id);
  } else {
    report.unchanged.push(row.id);
    return 'refresh';
  }
  return 'nothing';
}

export function unknownLocatorWarnings(entry: CorpusEntry, locators: readonly string[]): string[] {
  return locators.map((locator) => `${entry.metaFile} verifies paragraph ${locator}, which ${entry.file} does not have.`);
}

/** Whether a stored version's metadata columns differ from what its corpus entry wants. */
export function metadataChanged(wanted: Metadata, row: VersionRow): boolean {
  return METADATA_COLUMNS.some((c) => wanted[c] !== row[c]);
}

/** Same text, possibly new metadata or verification: updated in place, written only when different. */
function refreshMetadata(ctx: AddContext, row: VersionRow, entry: CorpusEntry, warnings: string[]): void {
  const { db } = ctx;
  if (!isLatest(db, row)) return;
  const wanted = { ...metadataOf(entry, row), ...editedFields(db, row.id) };
  const changed = metadataChanged(wanted, row);
  const verificationChanged = !verificationMatches(db, row.vid, entry.verification);
  if (!changed && !verificationChanged) return;
  writeTransaction(db, () => {
    if (changed) updateMetadata(db, row.vid, wanted);
    if (verificationChanged) warnings.push(...unknownLocatorWarnings(entry, applyVerification(db, row.vid, entry.verification)));
  });
}

/** A version just made from a corpus file, given the fields a curator edited by hand. */
function keepEdits(ctx: AddContext, row: VersionRow): void {
  const edits = editedFields(ctx.db, row.id);
  if (Object.keys(edits).length === 0) return;
  const { kind, title, date, author, issuer, url, language, licence, provenance, meta } = row;
  updateMetadata(ctx.db, row.vid, { kind, title, date, author, issuer, url, language, licence, provenance, meta, ...edits });
}

function request(entry: CorpusEntry) {
  const f = entry.fields;
  return {
    id: entry.id,
    kind: entry.kind,
    format: entry.format,
    title: text(f.title),
    date: text(f.date),
    author: text(f.author),
    issuer: text(f.issuer),
    url: text(f.url),
    language: text(f.language),
    licence: text(f.licence),
    provenance: text(f.provenance),
    meta: extraFields(f),
    verification: entry.verification,
  };
}

export function metadataOf(entry: CorpusEntry, row: VersionRow): Metadata {
  const r = request(entry);
  const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
  return {
    kind: r.kind,
    title: orNull(r.title) ?? row.title,
    date: orNull(r.date),
    author: orNull(r.author),
    issuer: orNull(r.issuer),
    url: orNull(r.url),
    language: orNull(r.language),
    licence: orNull(r.licence),
    provenance: orNull(r.provenance),
    meta: JSON.stringify(r.meta),
  };
}

export function readEntry(dir: string, metaFile: string): CorpusEntry {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(fs.readFileSync(path.join(dir, metaFile), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError('corpus', `The corpus metadata ${metaFile} cannot be read: ${reason}.`, { cause: error });
  }
  const { id, file, kind } = fields;
  if (typeof id !== 'string' || typeof file !== 'string' || (kind !== 'source' && kind !== 'commentary')) {
    throw new StoreError('corpus', `The corpus metadata ${metaFile} needs an "id", a "file" and a "kind" (source or commentary).`);
  }
  return {
    metaFile,
    file,
    id,
    kind,
    format: corpusFormat(file, fields.format),
    fields,
    verification: parseVerification(fields.verification, metaFile),
  };
}

function readBytes(dir: string, entry: CorpusEntry): Buffer {
  try {
    return fs.readFileSync(path.join(dir, entry.file));
  } catch (error) {
    throw new StoreError('corpus', `The corpus file ${entry.file} named in ${entry.metaFile} cannot be read.`, { cause: error });
  }
}

/** The format the metadata declares, else the file's (a corpus file of no known extension is text). */
function corpusFormat(file: string, declared: unknown): DocumentFormat {
  if (declared === 'text' || declared === 'markdown' || declared === 'html') return declared;
  return formatOf({ fileName: file }) ?? 'text';
}

function extraFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !KNOWN_KEYS.has(k)));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isDeleted(ctx: AddContext, id: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM deleted_documents WHERE id = ?').get(id) !== undefined;
}
