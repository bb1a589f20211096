import { shingles } from '@verbatim/core';
import { currentReport, reportOf } from '../alignments.js';
import { engineVersion } from '../engine-version.js';
import { StoreError } from '../errors.js';
import type { Store, StoreOptions } from '../store.js';
import type { CorpusReport } from '../types.js';
import type { QueuedAlignment } from '../jobs/queued.js';
import { alignmentStateOf, failedCount, failedPairs, pendingCount, pendingOf, remakingCount, waitingOf } from '../jobs/pending.js';
import { addBatch, addDocument, type AlignMode, type PgAddContext } from './add.js';
import { alignmentOfPassage, alignmentRow, alignmentsOfVersion, latestAlignments, summarize } from './alignments.js';
import { findCandidates, unindexShingles } from './candidates.js';
import { editMetadata } from './edit.js';
import { check } from './check.js';
import { loadCorpus } from './corpus.js';
import { latestVersion, listPage, listVersions, loadDocument, versionByVid, versionRow } from './documents.js';
import { everyPage } from '../list-page.js';
import { migratePostgres, PG_LATEST_SCHEMA_VERSION } from './migrations/index.js';
import { connectionFailure, LOCKS, openPool, redactUrl, rows, transaction } from './pool.js';
import { outdatedAlignments, queueRealign, realign, remakeOutdated } from './realign.js';
import { search } from './search.js';
import { verifyDocument } from './verify.js';
import { verificationState } from '../jobs/verifications.js';
import { isFormat, refuseFormat } from '../ingest/convert.js';
import { decodeInput } from '../ingest/decode.js';
import { exportPostgres, importPostgres } from './transfer.js';
import { sayingFailures } from '../failures.js';

export interface PostgresStoreOptions extends Omit<StoreOptions, 'align'> {
  /** `postgres://user:password@host:port/database`. */
  databaseUrl: string;
  /**
   * `inline` (the default) or `queued` (jobs on the queue the workers share, see jobs/), or
   * an AlignMode of the caller's: its `enqueue` is handed each add's pairs in the add's transaction.
   */
  align?: StoreOptions['align'] | AlignMode;
  /** Connections this process keeps open to the database (10 by default). */
  poolSize?: number;
}

/**
 * The corpus store on PostgreSQL: the same answers as the SQLite store, shared by any number
 * of servers and workers. Opening connects (a server that is not there is said in one
 * sentence), migrates under an advisory lock and loads the corpus folder under another, so
 * that servers starting together do each once.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const location = redactUrl(options.databaseUrl);
  const pool = await openPool(options.databaseUrl, {
    max: options.poolSize ?? 10,
    ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
  });
  const engine = engineVersion();
  const ctx: PgAddContext = { pool, engine, align: typeof options.align === 'object' ? options.align : { mode: 'inline' } };
  let corpus: CorpusReport | undefined;
  let queued: QueuedAlignment | undefined;
  try {
    await migratePostgres(pool, {
      location,
      onMigrated: (m) => options.onProgress?.({ phase: 'migrate', done: m.version, total: PG_LATEST_SCHEMA_VERSION }),
    });
    if (options.align === 'queued') {
      // Loaded only here: an inline store (the CLI) never starts pg-boss.
      const { startQueuedAlignment } = await import('../jobs/queued.js');
      queued = await startQueuedAlignment(
        { databaseUrl: options.databaseUrl, ...(options.jobTimeoutSeconds !== undefined && { jobTimeoutSeconds: options.jobTimeoutSeconds }) },
        engine,
      );
      ctx.align = queued.align;
    }
    if (options.corpusDir !== undefined) corpus = await loadCorpus(ctx, options.corpusDir, options.onProgress);
  } catch (error) {
    await queued?.stop().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw connectionFailure(error) ?? error;
  }

  /** Queues again the pairs the workers gave up on, of one version or of all; how many. */
  const requeueFailed = async (vid?: number): Promise<number> => {
    const align = ctx.align;
    if (align.mode !== 'queued') return 0;
    return transaction(pool, async (client) => {
      const pairs = await failedPairs(client, vid);
      await align.enqueue(client, pairs);
      return pairs.length;
    });
  };

  return sayingFailures({
    engine: 'postgres',
    location,
    path: location,
    get corpus() {
      return corpus;
    },

    async add(input) {
      const { row, outcome } = await addDocument(ctx, input);
      // The same text added again: the pairs of it the workers gave up on are tried anew.
      if (outcome === 'existing') await requeueFailed(row.vid);
      return { ...(await loadDocument(pool, row)), outcome, pending: await pendingOf(pool, row.vid) };
    },

    addBatch: (inputs) => addBatch(ctx, inputs),

    listPage: (listOptions) => listPage(pool, listOptions),

    list: () => everyPage((listOptions) => listPage(pool, listOptions)),

    async get(id, { version } = {}) {
      const row = version === undefined ? await latestVersion(pool, id) : await versionRow(pool, id, version);
      return row && loadDocument(pool, row);
    },

    versions: (id) => listVersions(pool, id),

    async alignment(sourceId, commentaryId) {
      const source = await latestVersion(pool, sourceId);
      const commentary = await latestVersion(pool, commentaryId);
      if (!source || !commentary) return undefined;
      const row = await alignmentRow(pool, source.vid, commentary.vid);
      return row && currentReport(row, { source: source.title, commentary: commentary.title });
    },

    async alignmentState(sourceId, commentaryId) {
      const source = await latestVersion(pool, sourceId);
      const commentary = await latestVersion(pool, commentaryId);
      return source && commentary ? alignmentStateOf(pool, source.vid, commentary.vid) : { state: 'none' };
    },

    pending: () => pendingCount(pool),

    failed: () => failedCount(pool),

    async waiting(documentId) {
      const row = await latestVersion(pool, documentId);
      return row ? waitingOf(pool, row.vid) : [];
    },

    remaking: () => remakingCount(pool),

    async alignmentsOf(documentId) {
      const row = await latestVersion(pool, documentId);
      return row ? alignmentsOfVersion(pool, row.vid) : [];
    },

    alignments: () => latestAlignments(pool),

    async passage(passageId) {
      const row = await alignmentOfPassage(pool, passageId);
      if (!row) return undefined;
      const passage = reportOf(row).passages.find((p) => p.id === passageId);
      const source = await versionByVid(pool, row.source_vid);
      const commentary = await versionByVid(pool, row.commentary_vid);
      if (!passage || !source || !commentary) return undefined;
      return {
        passage,
        alignment: await summarize(pool, row),
        source: await loadDocument(pool, source),
        commentary: await loadDocument(pool, commentary),
      };
    },

    search: (query, searchOptions) => search(pool, query, searchOptions),

    async candidates(text, { kind }) {
      const found = await findCandidates(pool, shingles(text), kind);
      const out = [];
      for (const c of found) {
        const row = await versionByVid(pool, c.vid);
        if (row) out.push({ id: row.id, version: row.version, title: row.title, kind: row.kind, shared: c.shared });
      }
      return out;
    },

    check: (text) => check(pool, text, ctx.engine),

    realign({ onProgress } = {}) {
      const align = ctx.align;
      if (!queued || align.mode !== 'queued') return realign(pool, ctx.engine, onProgress);
      return queueRealign(pool, ctx.engine, { enqueue: align.enqueue, remake: queued.remake }, onProgress);
    },

    outdated: () => outdatedAlignments(pool, ctx.engine),

    async remakeOutdated(remakeOptions) {
      if (!queued) return remakeOutdated(pool, ctx.engine, remakeOptions);
      // The workers make them again, off every server's thread; many servers sending the same
      // jobs at start send each once.
      const outdated = await outdatedAlignments(pool, ctx.engine);
      await queued.remake(outdated);
      return { outdated: outdated.length, remade: 0, unlinked: 0, queued: outdated.length };
    },

    async verify(id, input, verifyOptions = {}) {
      if (!queued) return verifyDocument(ctx, id, input, verifyOptions);
      if (!(await latestVersion(pool, id))) return undefined;
      // Refused here what can be refused without comparing: the workers get a copy they can read.
      if (!isFormat(input.format)) refuseFormat(input.format);
      const text = decodeInput(input);
      const request = { documentId: id, text, format: input.format, apply: verifyOptions.apply === true };
      return { queued: await transaction(pool, (client) => queued!.verify(client, request)) };
    },

    verification: (id) => verificationState(pool, id),

    async backup() {
      throw new StoreError('invalid', `A corpus on PostgreSQL is backed up with PostgreSQL's own tools: run pg_dump against ${location}.`);
    },

    async edit(id, changes) {
      if (!(await editMetadata(pool, id, changes))) return undefined;
      const row = await latestVersion(pool, id);
      return row && loadDocument(pool, row);
    },

    delete(id) {
      return transaction(
        pool,
        async (client) => {
          const vids = await rows<{ vid: number }>(client, 'DELETE FROM documents WHERE id = $1 RETURNING vid', [id]);
          if (vids.length === 0) return false;
          // The shingle table has no foreign key to cascade (see migration 6): its rows go here.
          await unindexShingles(client, vids.map((v) => v.vid));
          await client.query('DELETE FROM edited_metadata WHERE id = $1', [id]);
          // Remembered so that reloading the corpus does not bring the document back.
          await client.query(
            'INSERT INTO deleted_documents (id, deleted) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET deleted = excluded.deleted',
            [id, new Date().toISOString()],
          );
          return true;
        },
        { lock: LOCKS.write },
      );
    },

    exportCorpus: () => exportPostgres(pool),

    importCorpus: (records) => importPostgres(pool, records, location),

    async close() {
      await queued?.stop();
      await pool.end();
    },
  }, connectionFailure);
}
