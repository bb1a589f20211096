import { shingles, type AlignmentReport } from '@verbatim/core';
import { prepareBatch, type AddContext, type BatchItem } from './add.js';
import { alignmentOfPassage, alignmentRow, alignmentsOfVersion, latestAlignments, currentReport, reportOf, summarize } from './alignments.js';
import { findCandidates } from './candidates.js';
import { createChecker } from './check/check.js';
import { loadCorpus } from './corpus.js';
import { DEFAULT_BUSY_TIMEOUT_MS, lockFailure, openDatabase, READ_BUSY_TIMEOUT_MS, writeTransaction } from './database.js';
import { sayingFailures } from './failures.js';
import { everyPage } from './list-page.js';
import {
  latestVersion,
  listPage,
  listVersions,
  loadDocument,
  versionByVid,
  versionRow,
} from './documents.js';
import { editMetadata, forgetEdits } from './edit.js';
import { engineVersion } from './engine-version.js';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations/index.js';
import { realign } from './realign.js';
import { outdatedAlignments, remakeOutdated } from './remake.js';
import { search } from './search.js';
import { unindexVersion } from './text-index.js';
import { backupDatabase } from './backup.js';
import type { CorpusRecord } from './transfer/records.js';
import { exportSqlite, importSqlite } from './transfer/sqlite.js';
import { errorOf, runRequest, Writer, type WriterAnswer, type WriterArgs, type WriterOp, type WriterRequest } from './writer.js';
import type { VerifyInput, VerifyOptions, VerifyResult } from './verify.js';
import type {
  AddInput,
  AddResult,
  AlignmentState,
  AlignmentSummary,
  Candidate,
  CheckResult,
  CorpusReport,
  DocumentKind,
  DocumentListOptions,
  DocumentPage,
  DocumentSummary,
  DocumentVersion,
  MetadataEdit,
  PassageRecord,
  ProgressListener,
  OutdatedAlignment,
  RealignResult,
  RemakeResult,
  SearchOptions,
  SearchResult,
  QueuedVerification,
  StoredDocument,
  VerificationState,
  WaitingAlignment,
} from './types.js';

export interface StoreOptions {
  /** The SQLite file; its folder is created when missing. */
  path: string;
  /** A folder of `*.meta.json` files and their texts, loaded at every open. */
  corpusDir?: string;
  /** Progress of long work done while opening: migrations and corpus loading. */
  onProgress?: ProgressListener;
  /**
   * How long a write waits for another connection's (another process's) before it is
   * refused as busy, in milliseconds; 5 s by default. On PostgreSQL, how long a request waits
   * for a connection of the pool, or an add for another's write; 10 s by default.
   */
  busyTimeoutMs?: number;
  /**
   * A PostgreSQL connection URL (`postgres://…`): when set the corpus lives there instead of
   * in the SQLite file. The store never reads the environment; its callers pass this.
   */
  databaseUrl?: string;
  /**
   * On PostgreSQL, who makes an add's alignments: the add itself before it answers (`inline`,
   * the default, as on SQLite), or the workers sharing the job queue (`queued`: the add
   * answers once the document is stored, its pairs pending). SQLite always aligns inline.
   */
  align?: 'inline' | 'queued';
  /** With `queued`, how long a job may run before it is given to another worker (seconds). */
  jobTimeoutSeconds?: number;
}

export interface Store {
  /** Which database holds the corpus. */
  readonly engine: 'sqlite' | 'postgres';
  /** Where the corpus is: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The SQLite file (what backups and CLI messages name); on PostgreSQL, `location`. */
  readonly path: string;
  /** What loading the corpus did at open; undefined without `corpusDir`. */
  readonly corpus: CorpusReport | undefined;
  /**
   * Stores a document and aligns it, in a thread of its own: the caller's thread stays free
   * to answer reads meanwhile. Refusals are StoreErrors (`busy` when another writer held the
   * corpus too long: nothing was stored, try again).
   */
  add(input: AddInput): Promise<AddResult>;
  /**
   * Adds many documents in one transaction (one commit): what a bulk load does per batch.
   * Each document's refusal is its own item; the others are stored. A batch's texts are
   * prepared (decoded, split, hashed) at the call, on the caller's thread; on SQLite the
   * writer thread then writes the batches one after another in the order of the calls, so a
   * caller that makes its next call before the last one has answered has that batch prepared
   * while the last one is written: a bulk load on two cores instead of one.
   */
  addBatch(inputs: readonly AddInput[]): Promise<BatchItem[]>;
  /**
   * A page of the library: the latest versions, in the order asked for (sources first, by
   * date, title and id), after the position a page before ended at (its `next`). A limit out
   * of range is refused (StoreError `invalid`).
   */
  listPage(options?: DocumentListOptions): Promise<DocumentPage>;
  /** Every document of the library (its latest version), in the order `date`: every page of `listPage`. */
  list(): Promise<DocumentSummary[]>;
  get(id: string, options?: { version?: number }): Promise<StoredDocument | undefined>;
  versions(id: string): Promise<DocumentVersion[]>;
  alignment(sourceId: string, commentaryId: string): Promise<AlignmentReport | undefined>;
  /**
   * Whether the alignment of the latest versions of a source and a commentary is made, waits
   * for a worker, was given up on by the workers, with why (both PostgreSQL with queued
   * alignment only), or is none of these.
   */
  alignmentState(sourceId: string, commentaryId: string): Promise<AlignmentState>;
  /** How many pairs wait for a worker to align them; always 0 on SQLite. */
  pending(): Promise<number>;
  /**
   * How many pairs the workers gave up on (every try failed), not counted in `pending`; an
   * add of either document, or a realign, queues them again. Always 0 on SQLite.
   */
  failed(): Promise<number>;
  /**
   * A document's pairs with no report yet on a team server: waiting for a worker, or given up
   * on by the workers, with why. Always empty on SQLite, where an add aligns before it answers.
   */
  waiting(documentId: string): Promise<WaitingAlignment[]>;
  /** How many reports another engine made the team server's workers are still to make again; always 0 on SQLite. */
  remaking(): Promise<number>;
  alignmentsOf(documentId: string): Promise<AlignmentSummary[]>;
  /** Every alignment between latest versions of two documents. */
  alignments(): Promise<AlignmentSummary[]>;
  passage(passageId: string): Promise<PassageRecord | undefined>;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
  /** The stored documents of a kind a text shares enough word 4-grams with to be worth aligning. */
  candidates(text: string, options: { kind: DocumentKind }): Promise<Candidate[]>;
  /**
   * Every quotation and borrowing of a text, each with the best source passage in the whole
   * corpus and its verdict; nothing is stored. Refuses (StoreError) a text that is not a
   * string, is empty, or is over MAX_CHECK_BYTES.
   */
  check(text: string): Promise<CheckResult>;
  /**
   * Aligns every commentary again with the sources it quotes (found anew), for after an engine
   * change. On a team server with queued alignment the workers do the aligning: it returns
   * once their jobs are sent, saying how many (`queued`).
   */
  realign(options?: { onProgress?: ProgressListener }): Promise<RealignResult>;
  /** The stored alignments another engine made (their reports are stale until made again). */
  outdated(): Promise<OutdatedAlignment[]>;
  /**
   * Makes the outdated alignments again with this engine, one at a time in the writer thread,
   * so that a server goes on answering meanwhile; stops between two when `signal` aborts.
   */
  remakeOutdated(options?: { onProgress?: ProgressListener; signal?: AbortSignal }): Promise<RemakeResult>;
  /** A consistent copy of the database in `file`, safe while others write (SQLite's online backup). */
  backup(file: string): Promise<{ file: string; bytes: number }>;
  /**
   * Checks a document against an official copy (and with `apply` stores it), in the writer
   * thread as an add is; undefined when there is no such document. On a team server with
   * queued alignment the workers do it: the copy is stored with its job and the answer is
   * the verification's id (`queued`), for `verification` to say what it came to.
   */
  verify(id: string, input: VerifyInput, options?: VerifyOptions): Promise<VerifyResult | QueuedVerification | undefined>;
  /** Where a verification the workers run stands; undefined for an unknown id (always on SQLite). */
  verification(id: string): Promise<VerificationState | undefined>;
  /**
   * Corrects the metadata of a document's latest version (title, date, author, issuer, url,
   * language, licence, provenance), never its text: a new text is a new version. A field
   * left out is kept, null clears it; refusals are StoreErrors in `add`'s words. The fields
   * given are recorded as edited by hand, and loading the corpus keeps them over its
   * `*.meta.json`. Undefined when there is no such document.
   */
  edit(id: string, changes: MetadataEdit): Promise<StoredDocument | undefined>;
  /**
   * Every stored record of the corpus — versions whole, alignments, deletions; no indexes —
   * in an order both engines give alike, for a copy into another store (`importCorpus`) and
   * its digest (`digestCorpus`).
   */
  exportCorpus(): AsyncIterable<CorpusRecord>;
  /**
   * Writes another store's records into this one, which must hold nothing, all or nothing,
   * and indexes the latest versions; reports are copied, not made again.
   */
  importCorpus(records: AsyncIterable<CorpusRecord>): Promise<void>;
  /** Deletes every version of a document and its alignments; false when there was none. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Opens the corpus store: the database file (created and migrated as needed), then the
 * corpus folder. Each call returns an independent store; nothing is shared between them.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined) {
    // Loaded only here, so that a SQLite user never loads pg.
    const { openPostgresStore } = await import('./postgres/store.js');
    return openPostgresStore({ ...options, databaseUrl: options.databaseUrl });
  }
  return openSqliteStore(options);
}

/**
 * The SQLite store: better-sqlite3 answers synchronously on this thread (long writes go to
 * the writer thread); only the interface is asynchronous, so that PostgreSQL can share it.
 */
function openSqliteStore(options: StoreOptions): Store {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  // This connection answers the reads, on the caller's thread: they wait for a lock briefly.
  const db = openDatabase(options.path, { busyTimeoutMs, readBusyTimeoutMs: Math.min(busyTimeoutMs, READ_BUSY_TIMEOUT_MS) });
  let corpus: CorpusReport | undefined;
  const ctx: AddContext = { db, engine: engineVersion() };
  // An in-memory database is this connection's alone: no other thread can write to it.
  const writer = options.path === ':memory:' ? undefined : new Writer({ path: options.path, engine: ctx.engine, busyTimeoutMs });
  try {
    migrate(db, {
      file: options.path,
      onMigrated: (m) => options.onProgress?.({ phase: 'migrate', done: m.version, total: LATEST_SCHEMA_VERSION }),
    });
    if (options.corpusDir !== undefined) corpus = loadCorpus(ctx, options.corpusDir, options.onProgress);
  } catch (error) {
    db.close();
    throw error;
  }

  const check = createChecker(db, ctx.engine);
  /** A long write: in the writer thread, or on this one for an in-memory store. */
  const write = <K extends WriterOp>(op: K, args: WriterArgs<K>): Promise<WriterAnswer<K>> =>
    writer ? writer.run(op, args) : writeHere(ctx, op, args);

  // A read locked out by another process is told busy, as a write is; never a raw SqliteError.
  return sayingFailures({
    engine: 'sqlite',
    location: options.path,
    path: options.path,
    get corpus() {
      return corpus;
    },

    async add(input) {
      const { vid, outcome } = await write('add', { input });
      // Read on this connection: the writer's transaction has committed, so it sees the version.
      return { ...loadDocument(db, versionByVid(db, vid)!), outcome, pending: [] };
    },

    // Prepared at the call, before the promise: the writer may still be writing the last batch.
    addBatch: (inputs) => {
      let batch;
      try {
        batch = prepareBatch(inputs);
      } catch (error) {
        return Promise.reject(error);
      }
      return write('addBatch', { batch });
    },

    listPage: async (listOptions) => listPage(db, listOptions),

    list: async () => everyPage((listOptions) => listPage(db, listOptions)),

    async get(id, { version } = {}) {
      const row = version === undefined ? latestVersion(db, id) : versionRow(db, id, version);
      return row && loadDocument(db, row);
    },

    versions: async (id) => listVersions(db, id),

    async alignment(sourceId, commentaryId) {
      const source = latestVersion(db, sourceId);
      const commentary = latestVersion(db, commentaryId);
      if (!source || !commentary) return undefined;
      const row = alignmentRow(db, source.vid, commentary.vid);
      return row && currentReport(row, { source: source.title, commentary: commentary.title });
    },

    async alignmentState(sourceId, commentaryId) {
      const source = latestVersion(db, sourceId);
      const commentary = latestVersion(db, commentaryId);
      // An add aligns before it returns: what is stored is ready, and nothing ever waits.
      return { state: source && commentary && alignmentRow(db, source.vid, commentary.vid) ? 'ready' : 'none' };
    },

    pending: async () => 0,

    failed: async () => 0,

    waiting: async () => [],

    remaking: async () => 0,

    verification: async () => undefined,

    async alignmentsOf(documentId) {
      const row = latestVersion(db, documentId);
      return row ? alignmentsOfVersion(db, row.vid) : [];
    },

    alignments: async () => latestAlignments(db),

    async passage(passageId) {
      const row = alignmentOfPassage(db, passageId);
      if (!row) return undefined;
      const passage = reportOf(row).passages.find((p) => p.id === passageId);
      const source = versionByVid(db, row.source_vid);
      const commentary = versionByVid(db, row.commentary_vid);
      if (!passage || !source || !commentary) return undefined;
      return {
        passage,
        alignment: summarize(db, row),
        source: loadDocument(db, source),
        commentary: loadDocument(db, commentary),
      };
    },

    search: async (query, searchOptions) => search(db, query, searchOptions),

    verify: (id, input, verifyOptions = {}) => write('verify', { id, input, options: verifyOptions }),

    backup: (file) => backupDatabase(db, file),

    async candidates(text, { kind }) {
      return findCandidates(db, shingles(text), kind).map((c) => {
        const row = versionByVid(db, c.vid)!;
        return { id: row.id, version: row.version, title: row.title, kind: row.kind, shared: c.shared };
      });
    },

    check: async (text) => check(text),

    realign: async ({ onProgress } = {}) => realign(ctx, onProgress),

    outdated: async () => outdatedAlignments(db, ctx.engine),

    remakeOutdated: (remakeOptions) => remakeOutdated(db, ctx.engine, (alignment) => write('remake', { alignment }), remakeOptions),

    // A few rows of one table: on this thread, as a delete is, in a transaction of its own.
    async edit(id, changes) {
      if (!editMetadata(db, id, changes)) return undefined;
      return loadDocument(db, latestVersion(db, id)!);
    },

    exportCorpus: () => exportSqlite(db),

    importCorpus: (records) => importSqlite(db, records, options.path),

    async delete(id) {
      return writeTransaction(db, () => {
        const vids = db.prepare('SELECT vid FROM documents WHERE id = ?').pluck().all(id) as number[];
        if (vids.length === 0) return false;
        for (const vid of vids) unindexVersion(db, vid);
        db.prepare('DELETE FROM documents WHERE id = ?').run(id);
        forgetEdits(db, id);
        // Remembered so that reloading the corpus does not bring the document back.
        db.prepare('INSERT OR REPLACE INTO deleted_documents (id, deleted) VALUES (?, ?)').run(id, new Date().toISOString());
        return true;
      });
    },

    async close() {
      writer?.close();
      db.close();
    },
  }, lockFailure);
}

/** A write on the caller's thread, for an in-memory store, answered as the writer thread answers. */
async function writeHere<K extends WriterOp>(ctx: AddContext, op: K, args: WriterArgs<K>): Promise<WriterAnswer<K>> {
  const reply = runRequest(ctx, { seq: 0, op, ...args } as WriterRequest);
  if (!reply.ok) throw errorOf(reply.error);
  return reply.answer as WriterAnswer<K>;
}
