import { shingles, splitParagraphs, type AlignmentReport, type Paragraph } from '@verbatim/core';
import { sha256Hex } from './sha256.js';
import { computeReport, storeReport, type AlignSide } from './alignments.js';
import { findCandidates } from './candidates.js';
import { cached, writeTransaction, type Db } from './database.js';
import {
  emphasisOf,
  insertEmphasis,
  insertParagraphs,
  insertVersion,
  latestVersion,
  versionByVid,
  versionsWithSha,
  type NewVersion,
  type VersionRow,
} from './documents.js';
import { StoreError } from './errors.js';
import { checkId, newId } from './ids.js';
import { isFormat, refuseFormat, toPlainText } from './ingest/convert.js';
import { decodeInput } from './ingest/decode.js';
import { htmlMetadata, type PageMetadata } from './ingest/html-metadata.js';
import { mergeSegments } from './shingle-index.js';
import { indexVersion, ShingleBatch, sortedShingleKeys, unindexVersion, type HeldIn } from './text-index.js';
import type { AddInput, AddOutcome, DocumentFormat, DocumentKind, DocumentPreview, EmphasisSpan } from './types.js';
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
/**
 * The longest title a caller may give (the API's limit too): a title is a key of the library's
 * order, and PostgreSQL's index of it holds entries of at most some 2,700 bytes.
 */
export const MAX_GIVEN_TITLE = 500;

export interface Prepared {
  /** For HTML, what the page's metadata says; empty otherwise. */
  page: PageMetadata;
  text: string;
  emphasis: EmphasisSpan[];
  sha256: string;
  paragraphs: Paragraph[];
  hashes: number[];
}

/** How often an add re-aligns outside the lock what changed meanwhile before doing it inside. */
const MAX_ATTEMPTS = 3;

/**
 * Stores a document and its alignments, or returns the stored one with the same text.
 * Decoding, conversion, hashing and aligning happen before the write lock is taken, so a
 * long text holds up no other writer while the engine runs. Inside the lock the add checks
 * that what it aligned against is still what the corpus holds (the same id, the same
 * candidate versions) and aligns what changed meanwhile. Everything written — the version,
 * its paragraphs, indexes and alignments — is one transaction, so a crash leaves either all
 * of it or none.
 */
export function addDocument(ctx: AddContext, request: AddRequest): AddOutput {
  const checked = checkRequest(request);
  const { db } = ctx;

  // Looked up before taking the write lock too: reloading an unchanged corpus writes nothing.
  const known = findExisting(db, checked.prepared.sha256, checked.givenId, checked.fromFile);
  if (known) return { row: known, outcome: 'existing', unknownLocators: [] };

  const reports = new Reports();
  let plan = planAdd(db, checked.prepared, checked);
  reports.alignAll(db, plan);

  for (let attempt = 1; ; attempt++) {
    const outcome = writeTransaction(db, (): AddOutput | Plan => {
      const existing = findExisting(db, checked.prepared.sha256, checked.givenId, checked.fromFile);
      if (existing) return { row: existing, outcome: 'existing', unknownLocators: [] };
      const now = planAdd(db, checked.prepared, checked);
      if (now.id !== plan.id) reports.clear();
      const missing = now.candidates.filter((vid) => !reports.has(vid));
      // Another writer changed the candidates meanwhile: align those outside the lock
      // again, unless that keeps happening, when waiting for the lock is the smaller cost.
      if (missing.length > 0 && attempt < MAX_ATTEMPTS) return now;
      reports.alignAll(db, now);
      return writeVersion(ctx, request, checked, now, reports);
    });
    if ('row' in outcome) {
      if (outcome.outcome !== 'existing') mergeSegments(db);
      return outcome;
    }
    plan = outcome;
    reports.alignAll(db, plan);
  }
}

/** A request checked and its text prepared: everything an add needs before it writes. */
export interface Checked {
  kind: DocumentKind;
  date: string | null;
  givenId: string | undefined;
  title: string;
  format: DocumentFormat;
  fromFile: boolean;
  prepared: Prepared;
}

/** Refuses (StoreError) what cannot be stored; decodes, converts and hashes the rest. */
export function checkRequest(request: AddRequest): Checked {
  const kind = checkKind(request.kind);
  if (!isFormat(request.format)) refuseFormat(request.format);
  const date = checkDate(request.date);
  const givenId = request.id === undefined ? undefined : checkId(request.id);
  const prepared = prepare(request);
  // What the page says of itself fills what the caller left empty, never what it gave.
  const page = prepared.page;
  const title = checkTitle(clean(request.title)) ?? (page.title ? clip(page.title) : titleFrom(prepared.text));
  return { kind, date, givenId, title, format: request.format, fromFile: request.fromFile === true, prepared };
}

/**
 * Writes the version, its paragraphs, indexes and alignments; inside the caller's transaction.
 * In a bulk load's batch its shingle rows are held in `batch`, written with the batch's.
 */
function writeVersion(ctx: AddContext, request: AddRequest, checked: Checked, plan: Plan, reports: Reports, batch?: HeldIn): AddOutput {
  const { db } = ctx;
  const { kind, prepared } = checked;
  const previous = latestVersion(db, plan.id);
  const vid = insertVersion(db, newVersionOf(request, checked, plan.id, (previous?.version ?? 0) + 1));
  insertParagraphs(db, vid, prepared.text, prepared.paragraphs);
  insertEmphasis(db, vid, prepared.emphasis);
  const unknownLocators = request.verification ? applyVerification(db, vid, request.verification) : [];
  if (previous) {
    // Its old version's rows may be among those held back: written first, so they are removed.
    batch?.shingles.write();
    unindexVersion(db, previous.vid);
  }
  indexVersion(db, vid, prepared.text, prepared.hashes, batch);
  cached(db, 'DELETE FROM deleted_documents WHERE id = ?').run(plan.id);
  for (const other of plan.candidates) {
    const report = reports.get(other)!;
    if (kind === 'source') storeReport(db, vid, other, report, ctx.engine);
    else storeReport(db, other, vid, report, ctx.engine);
  }
  return { row: versionByVid(db, vid)!, outcome: previous ? 'new-version' : 'added', unknownLocators };
}

/**
 * The row of a new version: what the caller gave, and what an HTML page says of itself for
 * what the caller left empty (never instead of what it gave).
 */
export function newVersionOf(request: AddRequest, checked: Checked, id: string, version: number): NewVersion {
  const { page } = checked.prepared;
  return {
    id,
    version,
    kind: checked.kind,
    format: checked.format,
    title: checked.title,
    date: checked.date ?? page.date ?? null,
    author: clean(request.author) ?? page.author ?? null,
    issuer: clean(request.issuer) ?? page.site ?? null,
    url: clean(request.url) ?? page.url ?? clean(request.pageUrl),
    language: clean(request.language) ?? page.language ?? null,
    licence: clean(request.licence),
    provenance: clean(request.provenance),
    meta: JSON.stringify(request.meta ?? {}),
    sha256: checked.prepared.sha256,
    text: checked.prepared.text,
  };
}

/**
 * What adding a document would store, without storing anything or reading the corpus: its
 * metadata (the fields given, else what an HTML page says of itself) and the start of its
 * text. Refuses what `add` refuses, in the same words. For a form that shows a curator what a
 * fetched page gives before it is added, so that they can correct it first.
 */
export function describeDocument(input: Omit<AddInput, 'kind'>): DocumentPreview {
  // The kind changes nothing of what is read from the text: any will do.
  const checked = checkRequest({ ...input, kind: 'commentary' });
  const { title, date, author, issuer, url, language, licence, provenance } = newVersionOf({ ...input, kind: 'commentary' }, checked, '', 0);
  const { text, paragraphs, sha256 } = checked.prepared;
  return {
    format: checked.format,
    title,
    date,
    author,
    issuer,
    url,
    language,
    licence,
    provenance,
    sha256,
    length: text.length,
    paragraphs: paragraphs.length,
    excerpt: excerptOf(text, paragraphs),
  };
}

const EXCERPT_CHARS = 600;

/** The text from its first paragraph after the title line, cut at a word near EXCERPT_CHARS. */
function excerptOf(text: string, paragraphs: readonly Paragraph[]): string {
  const start = (paragraphs.find((p) => !p.title) ?? paragraphs[0])?.start ?? 0;
  // A few times the excerpt's length is enough, however long the text: white space runs shrink it.
  const end = start + EXCERPT_CHARS * 4;
  const rest = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (rest.length <= EXCERPT_CHARS) return end < text.length ? `${rest}…` : rest;
  const cut = rest.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}

/** What became of one document of a batch: stored (or found already stored), or refused and why. */
export type BatchItem =
  | { ok: true; id: string; version: number; outcome: AddOutcome }
  | { ok: false; reason: string };

/**
 * A batch ready to be written: each request checked and its text prepared (decoded, converted,
 * split, hashed), or the one sentence that refuses it. The requests keep their metadata but
 * not their text, which their prepared text stands for: it is what the writer thread is sent.
 */
export interface PreparedBatch {
  requests: AddRequest[];
  checked: Array<Checked | { reason: string }>;
  /** The batch's shingle rows, sorted (`sortedShingleKeys`). */
  shingleKeys: Float64Array | undefined;
}

/**
 * Everything of a batch that reads no database: on the caller's thread, so that a bulk load
 * prepares its next batch while the writer thread writes this one.
 */
export function prepareBatch(requests: readonly AddRequest[]): PreparedBatch {
  const checked = checkEach(requests);
  return {
    requests: requests.map(({ text: _text, bytes: _bytes, ...rest }) => rest),
    checked,
    shingleKeys: sortedShingleKeys(checked.map((c) => ('reason' in c ? undefined : c.prepared.hashes))),
  };
}

/**
 * Adds a prepared batch of documents in one transaction: what a bulk load does per batch, so
 * that a thousand documents cost one commit (one fsync) instead of a thousand. A document the
 * store refuses (empty, binary, a bad date, an alignment that fails) is that item's answer and
 * the others go on: every refusal comes before the document writes a row, so none leaves a
 * part of one behind, and a failure while writing rolls the whole batch back.
 * Alignments with the corpus are made as `add` makes them, inside the lock: a bulk load is
 * the one writer that matters while it runs.
 */
export function writePreparedBatch(ctx: AddContext, batch: PreparedBatch): BatchItem[] {
  const { db } = ctx;
  // The shingle index takes a batch's rows at random places: a page cache that holds it saves
  // reading the same pages again for every document.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    const items = writeBatch(ctx, batch);
    mergeSegments(db);
    return items;
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

/** Each request of a batch checked and prepared, or the one sentence that refuses it. */
export function checkEach(requests: readonly AddRequest[]): Array<Checked | { reason: string }> {
  return requests.map((request) => {
    try {
      return checkRequest(request);
    } catch (error) {
      if (error instanceof StoreError) return { reason: error.message };
      throw error;
    }
  });
}

/** 256 MB while a batch is written. */
const BULK_CACHE_KIB = 256 * 1024;

function writeBatch(ctx: AddContext, { requests, checked, shingleKeys }: PreparedBatch): BatchItem[] {
  const { db } = ctx;
  return writeTransaction(db, () => {
    const shingles = new ShingleBatch(db, shingleKeys);
    // The kinds of the documents whose shingle rows are held back: a document of the other
    // kind looks for its candidates among them, so they are written before it does.
    const held = new Set<DocumentKind>();
    const items = checked.map((c, i): BatchItem => {
      if ('reason' in c) return { ok: false, reason: c.reason };
      if (held.has(c.kind === 'source' ? 'commentary' : 'source')) {
        shingles.write();
        held.clear();
      }
      // What may refuse a document (an alignment that fails) happens before it writes a row,
      // so a refusal needs no savepoint to undo: a savepoint per document made SQLite copy
      // every page its shingles touched into a sub-journal, two thirds of a bulk load's time.
      // Anything failing while the rows are written aborts the batch, which rolls back whole.
      let plan: Plan;
      const reports = new Reports();
      try {
        const existing = findExisting(db, c.prepared.sha256, c.givenId, c.fromFile);
        if (existing) return { ok: true, id: existing.id, version: existing.version, outcome: 'existing' };
        plan = planAdd(db, c.prepared, c);
        reports.alignAll(db, plan);
      } catch (error) {
        if (error instanceof StoreError) return { ok: false, reason: error.message };
        throw error;
      }
      const { row, outcome } = writeVersion(ctx, requests[i]!, c, plan, reports, { shingles, place: i });
      held.add(c.kind);
      return { ok: true, id: row.id, version: row.version, outcome };
    });
    shingles.write();
    return items;
  });
}

/** What an add will link to: the id it gets and the stored versions of the other kind it aligns with. */
interface Plan {
  id: string;
  kind: DocumentKind;
  self: AlignSide;
  candidates: number[];
}

/**
 * A commentary is aligned against the sources it shares enough shingles with, a source
 * against such commentaries: never against every document, which would not scale. Reads
 * only ids and version numbers, so checking the plan again inside the lock is cheap.
 */
function planAdd(
  db: Db,
  prepared: Prepared,
  { kind, title, givenId, format }: { kind: DocumentKind; title: string; givenId: string | undefined; format: DocumentFormat },
): Plan {
  const id = givenId ?? newId(db, title, kind, prepared.sha256);
  const otherKind: DocumentKind = kind === 'source' ? 'commentary' : 'source';
  // The document's own previous version is replaced in the index, so it is no candidate.
  const candidates = findCandidates(db, prepared.hashes, otherKind)
    .filter((c) => c.id !== id)
    .map((c) => c.vid);
  return { id, kind, self: { id, title, text: prepared.text, format, emphasis: prepared.emphasis }, candidates };
}

/** Reports made for an add, by the candidate's version: versions never change, so a report stays right for it. */
class Reports {
  readonly #byVid = new Map<number, AlignmentReport>();

  has(vid: number): boolean {
    return this.#byVid.has(vid);
  }

  get(vid: number): AlignmentReport | undefined {
    return this.#byVid.get(vid);
  }

  /** The new document's id is in its reports: another id means aligning again. */
  clear(): void {
    this.#byVid.clear();
  }

  alignAll(db: Db, plan: Plan): void {
    for (const vid of plan.candidates) {
      if (this.#byVid.has(vid)) continue;
      const row = versionByVid(db, vid);
      // Deleted since it was found: the plan made inside the lock will not name it.
      if (!row) continue;
      const other = { ...row, emphasis: emphasisOf(db, vid) };
      const report = plan.kind === 'source' ? computeReport(plan.self, other) : computeReport(other, plan.self);
      this.#byVid.set(vid, report);
    }
  }
}

function prepare(request: AddRequest): Prepared {
  const input = decodeInput({ text: request.text, bytes: request.bytes });
  const { text, emphasis } = toPlainText(input, request.format);
  // After the conversion, which refuses a page nested too deep to parse in reasonable time.
  const page = request.format === 'html' ? htmlMetadata(input, { baseUrl: request.pageUrl }) : {};
  if (page.date !== undefined && !DATE.test(page.date)) delete page.date;
  return {
    page,
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
  return chooseExisting(versionsWithSha(db, sha256), id === undefined ? undefined : latestVersion(db, id), { sha256, id, fromFile });
}

/**
 * Of the versions holding a text (latest versions first) and the latest version of the id
 * given, the one an add of that text finds already stored; undefined when it is new.
 */
export function chooseExisting<R extends { id: string; sha256: string }>(
  withSha: readonly R[],
  latestOfId: R | undefined,
  { sha256, id, fromFile }: { sha256: string; id: string | undefined; fromFile: boolean },
): R | undefined {
  if (id === undefined) return withSha[0];
  if (fromFile) {
    const own = withSha.find((r) => r.id === id);
    if (own) return own;
  }
  if (latestOfId?.sha256 === sha256) return latestOfId;
  return withSha.find((r) => r.id !== id);
}

function checkKind(kind: unknown): DocumentKind {
  if (kind === 'source' || kind === 'commentary') return kind;
  throw new StoreError('invalid', `The kind ${JSON.stringify(kind)} is not one Verbatim knows; give source or commentary.`);
}

/** A date as `add` takes it (and `edit`, with the same sentence): YYYY, YYYY-MM or YYYY-MM-DD, or none. */
export function checkDate(date: string | undefined): string | null {
  const value = clean(date);
  if (value === null || DATE.test(value)) return value;
  throw new StoreError('invalid', `The date ${JSON.stringify(date)} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.`);
}

/** A title given by the caller, refused when longer than MAX_GIVEN_TITLE characters. */
export function checkTitle<T extends string | null>(title: T): T {
  if (title !== null && title.length > MAX_GIVEN_TITLE) {
    throw new StoreError('invalid', `The title is ${title.length.toLocaleString('en-US')} characters long; a title has at most ${MAX_GIVEN_TITLE}.`);
  }
  return title;
}

/** A field as stored: trimmed, and null when nothing is left. */
export function clean(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** A document added without a title is known by its first line. */
function titleFrom(text: string): string {
  return clip(text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')!.trim());
}

/** A title of at most MAX_TITLE characters, cut at a word. */
function clip(first: string): string {
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_TITLE / 2))}…`;
}
