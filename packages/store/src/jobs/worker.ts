/**
 * A worker: takes alignment, re-making and verifying jobs from the shared queue and stores
 * what they come to, until told to stop. Any number of them, in any number of processes and machines, share one queue; each
 * job is done by one of them, and done again harmlessly if its worker died after storing it.
 */
import { engineVersion } from '../engine-version.js';
import { StoreError } from '../errors.js';
import { alignPair, type PairOutcome } from '../postgres/align-pair.js';
import { openPool } from '../postgres/pool.js';
import type { PgAddContext } from '../postgres/add.js';
import { remakeAlignment } from '../postgres/realign.js';
import { verifyDocument } from '../postgres/verify.js';
import { failVerification, finishVerification, storedVerification } from './verifications.js';
import type { Remade } from '../remake.js';
import { clearPending, markFailed, recordFailure } from './pending.js';
import { DEFAULT_JOB_TIMEOUT_SECONDS, QUEUES, startQueue, type AlignPairJob, type JobQueueOptions, type JobTries, type RemakeJob, type VerifyJob } from './queue.js';

export type WorkerEvent =
  | { type: 'started'; concurrency: number }
  /** `source` and `commentary` name the two documents by id. */
  | { type: 'taken'; source: string; commentary: string }
  | { type: 'aligned'; source: string; commentary: string; outcome: PairOutcome; ms: number }
  | { type: 'remade'; source: string; commentary: string; outcome: Remade; ms: number }
  /** A try failed; `reason` is the detail, for the worker's log; `final` when no try is left (the pair will be marked failed). */
  | { type: 'failed'; source: string; commentary: string; reason: string; final: boolean }
  /** The workers gave up on the pair: it is marked failed, and `reason` is what a user is shown. */
  | { type: 'gave-up'; source: string; commentary: string; reason: string }
  /** A verification of `document` against an official copy was run: `done`, or `failed` with the sentence its user is shown. */
  | { type: 'verified'; document: string; outcome: 'done' | 'failed'; reason?: string; ms: number }
  /** A try of a verification failed; `reason` is the detail, for the worker's log. */
  | { type: 'verify-failed'; document: string; reason: string; final: boolean }
  | { type: 'stopping' };

export interface WorkerOptions extends Omit<JobQueueOptions, 'onError'> {
  /** How many jobs this worker runs at once (default 1: aligning is work for one core). */
  concurrency?: number;
  /** Stops the worker: it finishes the jobs it runs (or gives them back after `stopTimeoutMs`), then resolves. */
  signal?: AbortSignal;
  /** How long a stopping worker waits for its running jobs before giving them back; 30 s by default. */
  stopTimeoutMs?: number;
  /** What the worker does, for a log. */
  onEvent?: (event: WorkerEvent) => void;
  /** What went wrong in the background (a lost connection; the worker goes on). */
  onError?: (error: Error) => void;
}

/**
 * Runs a worker until `signal` aborts. Refuses (StoreError 'open') when the database cannot
 * be reached at start; later losses of the connection are reported to `onError` and the job
 * that met one is retried.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const { signal, concurrency = 1, onEvent = () => {}, onError = () => {} } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new StoreError('invalid', `A worker runs at least one job at a time; ${concurrency} is not a number of jobs.`);
  }
  if (signal?.aborted) return;
  // A connection for each job that may run at once — aligning, re-making and verifying,
  // `concurrency` of each, and one of each dead letter queue; pg-boss has its own.
  const pool = await openPool(options.databaseUrl, { max: 3 * concurrency + 2 });
  const engine = engineVersion();
  let queue;
  try {
    queue = await startQueue({ ...options, onError });
  } catch (error) {
    await pool.end();
    throw error;
  }
  try {
    /**
     * Runs one job, saying what it took, what it came to, and how long it took; a failure is
     * said (with `onFailure` told first, on the job's last try too) and thrown, for a retry.
     */
    const run = async <T>(
      names: { source: string; commentary: string },
      tries: JobTries,
      job: () => Promise<T>,
      onFailure: (error: unknown) => Promise<void> = async () => {},
    ): Promise<{ outcome: T; ms: number }> => {
      const started = performance.now();
      onEvent({ type: 'taken', ...names });
      try {
        return { outcome: await job(), ms: Math.round(performance.now() - started) };
      } catch (error) {
        onEvent({ type: 'failed', ...names, reason: error instanceof Error ? error.message : String(error), final: tries.retryCount >= tries.retryLimit });
        await onFailure(error).catch((also: unknown) => onError(also instanceof Error ? also : new Error(String(also))));
        throw error;
      }
    };
    await queue.work<AlignPairJob>(QUEUES.alignPair, { concurrency }, async (job, tries) => {
      const names = { source: job.sourceId, commentary: job.commentaryId };
      const done = await run(
        names,
        tries,
        async () => {
          const outcome = await alignPair(pool, { sourceVid: job.sourceVid, commentaryVid: job.commentaryVid }, engine);
          // Whatever the outcome (stored, stored already, nothing linking the two, a version
          // deleted meanwhile), the pair waits no more.
          await clearPending(pool, job);
          return outcome;
        },
        (error) => recordFailure(pool, job, failureReason(error, tries)),
      );
      onEvent({ type: 'aligned', ...names, ...done });
    });
    // pg-boss gave up on a pair (its last try failed or timed out): its pair is marked failed,
    // for the API, the pages and the CLI to say so, until it is queued again.
    const timeout = options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
    await queue.work<AlignPairJob>(QUEUES.alignPairFailed, { concurrency: 1 }, async (job, tries) => {
      const unfinished = `No worker finished aligning them within the job time limit (VERBATIM_JOB_TIMEOUT, ${timeout} s) in ${tries.retryLimit + 1} tries: a worker died, or the texts take longer than that to align.`;
      // The reason as the update stored it: said at once, with no read after it for a test or a log to race.
      const reason = await markFailed(pool, job, unfinished);
      if (reason !== undefined) onEvent({ type: 'gave-up', source: job.sourceId, commentary: job.commentaryId, reason });
    });
    await queue.work<RemakeJob>(QUEUES.remake, { concurrency }, async (job, tries) => {
      const names = { source: `${job.source.id} v${job.source.version}`, commentary: `${job.commentary.id} v${job.commentary.version}` };
      const done = await run(names, tries, () => remakeAlignment(pool, engine, { source: job.source, commentary: job.commentary, engineVersion: job.engineVersion }));
      onEvent({ type: 'remade', ...names, ...done });
    });
    // Verifying: the comparison (and with `apply`, the add of the official text, aligned here).
    const verifying: PgAddContext = { pool, engine, align: { mode: 'inline' } };
    await queue.work<VerifyJob>(QUEUES.verify, { concurrency }, async (job, tries) => {
      const started = performance.now();
      const stored = await storedVerification(pool, job.verification);
      if (!stored || stored.state !== 'pending') return;
      const ms = () => Math.round(performance.now() - started);
      let result;
      try {
        result = await verifyDocument(verifying, stored.documentId, stored.input, { apply: stored.apply });
      } catch (error) {
        // A refusal (a copy of another document, a text that cannot be read) is the answer: no try would change it.
        if (!(error instanceof StoreError)) {
          const reason = error instanceof Error ? error.message : String(error);
          onEvent({ type: 'verify-failed', document: stored.documentId, reason, final: tries.retryCount >= tries.retryLimit });
          throw error;
        }
        await failVerification(pool, stored.id, error.message);
        onEvent({ type: 'verified', document: stored.documentId, outcome: 'failed', reason: error.message, ms: ms() });
        return;
      }
      if (!result) {
        const reason = `There is no document "${stored.documentId}" to verify any more: it was deleted.`;
        await failVerification(pool, stored.id, reason);
        onEvent({ type: 'verified', document: stored.documentId, outcome: 'failed', reason, ms: ms() });
        return;
      }
      await finishVerification(pool, stored.id, result);
      onEvent({ type: 'verified', document: stored.documentId, outcome: 'done', ms: ms() });
    });
    await queue.work<VerifyJob>(QUEUES.verifyFailed, { concurrency: 1 }, async (job, tries) => {
      const reason = `The workers could not verify "${job.documentId}" in ${tries.retryLimit + 1} tries and gave up (the worker's log says why).`;
      await failVerification(pool, job.verification, reason);
      onEvent({ type: 'verified', document: job.documentId, outcome: 'failed', reason, ms: 0 });
    });
    onEvent({ type: 'started', concurrency });
    await aborted(signal);
    onEvent({ type: 'stopping' });
  } finally {
    await queue.stop(options.stopTimeoutMs === undefined ? {} : { timeoutMs: options.stopTimeoutMs });
    await pool.end();
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * What a failed try tells a user, in one sentence: a refusal of the store says it in its own
 * words; anything else (a database error, a fault of the engine) is the worker's to log, not
 * to show, so the user is told where to look.
 */
export function failureReason(error: unknown, tries: JobTries): string {
  if (error instanceof StoreError) return error.message;
  return `The workers met an error aligning them in ${tries.retryCount + 1} ${tries.retryCount === 0 ? 'try' : 'tries'} and gave up (the worker's log says which error).`;
}
