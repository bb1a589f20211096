import { METADATA_COLUMNS, type Metadata, type VersionRow } from '../documents.js';
import {
  corpusMetaFiles,
  emptyCorpusReport,
  entryRequest,
  inCorpusFile,
  metadataChanged,
  metadataOf,
  readEntry,
  recordOutcome,
  reportEntry,
  unknownLocatorWarnings,
  type CorpusEntry,
} from '../corpus.js';
import type { CorpusReport, ProgressListener } from '../types.js';
import { addDocument, type PgAddContext } from './add.js';
import { latestVersion } from './documents.js';
import { editedFields } from './edit.js';
import { LOCKS, row, transaction, type Queryable } from './pool.js';
import { applyVerification, verificationMatches } from './verification.js';

/**
 * Loads the corpus folder as the SQLite store does (see `loadCorpus` there: idempotent, a
 * deleted document stays deleted), with the reading of the folder shared. The whole load
 * holds a session-level advisory lock, so that two servers starting together load it once:
 * the second waits, then finds every file already stored.
 */
export async function loadCorpus(ctx: PgAddContext, dir: string, onProgress?: ProgressListener): Promise<CorpusReport> {
  const lock = await ctx.pool.connect();
  try {
    // However long the other's load takes (not the pool's lock_timeout), this connection's only.
    await lock.query("SELECT set_config('lock_timeout', '0', false), pg_advisory_lock($1)", [LOCKS.corpus]);
    try {
      return await loadAll(ctx, dir, onProgress);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [LOCKS.corpus]);
      await lock.query('RESET lock_timeout');
    }
  } finally {
    lock.release();
  }
}

async function loadAll(ctx: PgAddContext, dir: string, onProgress?: ProgressListener): Promise<CorpusReport> {
  const report = emptyCorpusReport();
  const metaFiles = corpusMetaFiles(dir);
  for (const [i, metaFile] of metaFiles.entries()) {
    const entry = readEntry(dir, metaFile);
    const warnings: string[] = [];
    if (await row(ctx.pool, 'SELECT 1 FROM deleted_documents WHERE id = $1', [entry.id])) report.skipped.push(entry.id);
    else await loadEntry(ctx, dir, entry, report, warnings);
    reportEntry(report, warnings, { done: i + 1, total: metaFiles.length, id: entry.id }, onProgress);
  }
  return report;
}

async function loadEntry(ctx: PgAddContext, dir: string, entry: CorpusEntry, report: CorpusReport, warnings: string[]): Promise<void> {
  const add = entryRequest(dir, entry, warnings);
  let result;
  try {
    result = await addDocument(ctx, add);
  } catch (error) {
    throw inCorpusFile(error, entry);
  }
  const after = recordOutcome(report, warnings, entry, result);
  if (after === 'refresh') await refreshMetadata(ctx, result.row, entry, warnings);
  if (after === 'keep-edits') await keepEdits(ctx, result.row);
}

/** A version just made from a corpus file, given the fields a curator edited by hand. */
async function keepEdits(ctx: PgAddContext, version: VersionRow): Promise<void> {
  const edits = await editedFields(ctx.pool, version.id);
  if (Object.keys(edits).length === 0) return;
  await updateMetadata(ctx.pool, version.vid, { ...metadataColumns(version), ...edits });
}

function metadataColumns(version: VersionRow): Metadata {
  return Object.fromEntries(METADATA_COLUMNS.map((c) => [c, version[c]])) as Metadata;
}

async function updateMetadata(db: Queryable, vid: number, metadata: Metadata): Promise<void> {
  const assignments = METADATA_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
  await db.query(`UPDATE documents SET ${assignments} WHERE vid = $1`, [vid, ...METADATA_COLUMNS.map((c) => metadata[c])]);
}

/** Same text, possibly new metadata or verification: updated in place, written only when different. */
async function refreshMetadata(ctx: PgAddContext, stored: VersionRow, entry: CorpusEntry, warnings: string[]): Promise<void> {
  if ((await latestVersion(ctx.pool, stored.id))?.vid !== stored.vid) return;
  const wanted = { ...metadataOf(entry, stored), ...(await editedFields(ctx.pool, stored.id)) };
  const changed = metadataChanged(wanted, stored);
  const verificationChanged = !(await verificationMatches(ctx.pool, stored.vid, entry.verification));
  if (!changed && !verificationChanged) return;
  await transaction(ctx.pool, async (client) => {
    if (changed) await updateMetadata(client, stored.vid, wanted);
    if (verificationChanged) warnings.push(...unknownLocatorWarnings(entry, await applyVerification(client, stored.vid, entry.verification)));
  });
}
