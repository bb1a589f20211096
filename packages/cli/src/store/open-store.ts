import { openStore, type ProgressEvent, type Store } from '@verbatim/store';
import type { CommandContext } from '../command.js';
import { createProgress, type Progress } from '../progress.js';
import { storeLocations } from './locations.js';
import { fromStoreError } from './store-error.js';
import { inputError } from '../cli-error.js';

/** What the store is doing while it opens, as the progress line says it. */
const PHASE_LABELS: Record<ProgressEvent['phase'], string> = {
  migrate: 'Updating the database',
  corpus: 'Loading the corpus',
  reindex: 'Indexing',
  realign: 'Aligning',
  remake: 'Re-making reports of older versions',
};

export type StoreTask<T> = (store: Store, progress: Progress) => T | Promise<T>;

/**
 * Opens the store where the environment says (loading the corpus, with progress on a
 * terminal), runs `task`, and closes it whatever happens. Store errors become one-sentence
 * CLI errors. The store writes each change in a transaction, so a failure here leaves
 * nothing half-written.
 */
export async function withStore<T>(context: CommandContext, task: StoreTask<T>, options: StoreUse = {}): Promise<T> {
  const { database, corpus, databaseUrl } = storeLocations(context.env, context.cwd);
  const progress = createProgress(context.stderr, { env: context.env });
  let store: Store;
  try {
    store = await openStore({
      path: database,
      corpusDir: corpus,
      ...(databaseUrl !== undefined ? { databaseUrl, ...(options.queued ? await queuedAlignment(context.env) : {}) } : {}),
      onProgress: (event) => showProgress(progress, event),
      ...busyTimeout(context.env),
    });
  } catch (error) {
    throw fromStoreError(error);
  } finally {
    progress.clear();
  }
  try {
    reportCorpusWarnings(store, context);
    return await task(store, progress);
  } catch (error) {
    throw fromStoreError(error);
  } finally {
    progress.clear();
    await store.close();
  }
}

export interface StoreUse {
  /**
   * On PostgreSQL, leave the aligning to the team server's workers (jobs on its queue), as a
   * server does; on SQLite nothing changes. Commands align inline otherwise.
   */
  queued?: boolean;
}

/** A store that sends its aligning to the workers, its jobs with the time limit the workers are told (VERBATIM_JOB_TIMEOUT). */
async function queuedAlignment(env: Readonly<Record<string, string | undefined>>): Promise<{ align: 'queued'; jobTimeoutSeconds: number }> {
  // Loaded only for a team server's corpus: an SQLite user never loads pg-boss.
  const { jobTimeoutSeconds } = await import('@verbatim/store/jobs');
  return { align: 'queued', jobTimeoutSeconds: jobTimeoutSeconds(env.VERBATIM_JOB_TIMEOUT) };
}

export function showProgress(progress: Progress, event: ProgressEvent): void {
  // Warnings are printed once the store is open, on a line of their own.
  if (event.warning) return;
  progress.update(PHASE_LABELS[event.phase], event.done, event.total, event.documentId);
}

/** A corpus file that disagrees with its metadata is worth telling, but not worth failing for. */
function reportCorpusWarnings(store: Store, context: CommandContext): void {
  for (const warning of store.corpus?.warnings ?? []) context.stderr.write(`verbatim: warning: ${warning}\n`);
}

/** `VERBATIM_BUSY_TIMEOUT_MS`: how long a write waits for another process's before saying the corpus is busy. */
function busyTimeout(env: Readonly<Record<string, string | undefined>>): { busyTimeoutMs?: number } {
  const value = env.VERBATIM_BUSY_TIMEOUT_MS;
  if (value === undefined || value === '') return {};
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw inputError(`VERBATIM_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not ${JSON.stringify(value)}.`);
  }
  return { busyTimeoutMs: ms };
}
