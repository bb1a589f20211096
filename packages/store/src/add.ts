import { sha256Hex, shingles, splitParagraphs, type Paragraph } from '@verbatim/core';
import { alignPair } from './alignments.js';
import { findCandidates } from './candidates.js';
import { writeTransaction, type Db } from './database.js';
import {
  insertEmphasis,
  insertParagraphs,
  insertVersion,
  latestVersion,
  versionByVid,
  versionsWithSha,
  type VersionRow,
} from './documents.js';
import { StoreError } from './errors.js';
import { checkId, newId } from './ids.js';
import { isFormat, refuseFormat, toPlainText } from './ingest/convert.js';
import { decodeInput } from './ingest/decode.js';
import { indexVersion, unindexVersion } from './text-index.js';
import type { AddInput, AddOutcome, DocumentKind, EmphasisSpan } from './types.js';
import { applyVerification, type Verification } from './verification.js';

/** What the corpus loader adds to a user's input: metadata without columns, verification. */
export interface AddRequest extends AddInput {
  meta?: Record<string, unknown>;
  verification?: Verification;
  /**
   * The text is a file that holds one version of the document (the corpus): if any version
   * already has this text, the file has not changed, even if a later version (an official
   * copy applied by `verify`) has since replaced it.
   */
  fromFile?: boolean;
}

export interface AddContext {
  db: Db;
  engine: string;
}

export interface AddOutput {
  row: VersionRow;
  outcome: AddOutcome;
  /** Locators named by the verification that the text does not have. */
  unknownLocators: string[];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MAX_TITLE = 200;

interface Prepared {
  text: string;
  emphasis: EmphasisSpan[];
  sha256: string;
  paragraphs: Paragraph[];
  hashes: number[];
}

/**
 * Stores a document and its alignments, or returns the stored one with the same text.
 * Decoding, conversion and hashing happen before the transaction; everything written —
 * the version, its paragraphs, indexes and alignments — is one transaction, so a crash
 * leaves either all of it or none.
 */
export function addDocument(ctx: AddContext, request: AddRequest): AddOutput {
  const kind = checkKind(request.kind);
  if (!isFormat(request.format)) refuseFormat(request.format);
  const date = checkDate(request.date);
  const givenId = request.id === undefined ? undefined : checkId(request.id);
  const prepared = prepare(request);
  const title = clean(request.title) ?? titleFrom(prepared.text);

  // Looked up before taking the write lock too: reloading an unchanged corpus writes nothing.
  const known = findExisting(ctx.db, prepared.sha256, givenId, request.fromFile === true);
  if (known) return { row: known, outcome: 'existing', unknownLocators: [] };

  return writeTransaction(ctx.db, () => {
    const { db } = ctx;
    const existing = findExisting(db, prepared.sha256, givenId, request.fromFile === true);
    if (existing) return { row: existing, outcome: 'existing', unknownLocators: [] };
    const id = givenId ?? newId(db, title, kind, prepared.sha256);
    const previous = latestVersion(db, id);
    const vid = insertVersion(db, {
      id,
      version: (previous?.version ?? 0) + 1,
      kind,
      format: request.format,
      title,
      date,
      author: clean(request.author),
      issuer: clean(request.issuer),
      url: clean(request.url),
      language: clean(request.language),
      licence: clean(request.licence),
      provenance: clean(request.provenance),
      meta: JSON.stringify(request.meta ?? {}),
      sha256: prepared.sha256,
      text: prepared.text,
    });
    insertParagraphs(db, vid, prepared.paragraphs);
    insertEmphasis(db, vid, prepared.emphasis);
    const unknownLocators = request.verification ? applyVerification(db, vid, request.verification) : [];
    if (previous) unindexVersion(db, previous.vid);
    indexVersion(db, vid, id, prepared.text, prepared.hashes);
    db.prepare('DELETE FROM deleted_documents WHERE id = ?').run(id);
    const row = versionByVid(db, vid)!;
    alignWithCorpus(db, row, prepared.hashes, ctx.engine);
    return { row, outcome: previous ? 'new-version' : 'added', unknownLocators };
  });
}

function prepare(request: AddRequest): Prepared {
  const input = decodeInput({ text: request.text, bytes: request.bytes });
  const { text, emphasis } = toPlainText(input, request.format);
  return {
    text,
    emphasis,
    sha256: sha256Hex(text),
    paragraphs: splitParagraphs(text),
    hashes: shingles(text),
  };
}

/**
 * Content is identified by its SHA-256: the same text is never stored twice. The one
 * exception is a document going back to the text of one of its own older versions, which
 * is a change like any other and becomes a new version.
 */
function findExisting(db: Db, sha256: string, id: string | undefined, fromFile: boolean): VersionRow | undefined {
  const rows = versionsWithSha(db, sha256);
  if (id === undefined) return rows[0];
  if (fromFile) {
    const own = rows.find((r) => r.id === id);
    if (own) return own;
  }
  const latestOfId = latestVersion(db, id);
  if (latestOfId?.sha256 === sha256) return latestOfId;
  return rows.find((r) => r.id !== id);
}

/**
 * A commentary is aligned against the sources it shares enough shingles with, a source
 * against such commentaries: never against every document, which would not scale.
 */
export function alignWithCorpus(db: Db, row: VersionRow, hashes: readonly number[], engine: string): number {
  const otherKind: DocumentKind = row.kind === 'source' ? 'commentary' : 'source';
  let linked = 0;
  for (const candidate of findCandidates(db, hashes, otherKind)) {
    const other = versionByVid(db, candidate.vid)!;
    const outcome = row.kind === 'source' ? alignPair(db, row, other, engine) : alignPair(db, other, row, engine);
    if (outcome === 'linked') linked += 1;
  }
  return linked;
}

function checkKind(kind: unknown): DocumentKind {
  if (kind === 'source' || kind === 'commentary') return kind;
  throw new StoreError('invalid', `The kind ${JSON.stringify(kind)} is not one Verbatim knows; give source or commentary.`);
}

function checkDate(date: string | undefined): string | null {
  const value = clean(date);
  if (value === null || DATE.test(value)) return value;
  throw new StoreError('invalid', `The date ${JSON.stringify(date)} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.`);
}

function clean(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** A document added without a title is known by its first line. */
function titleFrom(text: string): string {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')!.trim();
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2))}…`;
}
