/**
 * The job queue shared by every server and worker of one PostgreSQL corpus: pg-boss, in its
 * own schema (`pgboss`) of the same database. Aligning a pair and re-making an outdated
 * report are jobs; any process that starts a queue may send them, any worker may take them.
 * A job whose worker dies is given to another once its time is up.
 */
import PgBoss from 'pg-boss';
import { StoreError } from '../errors.js';

/**
 * The queues Verbatim uses; each is created (once, by whoever starts first) at start.
 * `align-pair-failed` is align-pair's dead letter queue: pg-boss puts there a copy of each
 * job it gave up on (every retry failed, or timed out), for a worker to mark its pair failed;
 * `verify-failed` is verify's, for a worker to mark its verification failed.
 */
export const QUEUES = {
  alignPair: 'align-pair',
  alignPairFailed: 'align-pair-failed',
  remake: 'remake',
  verify: 'verify',
  verifyFailed: 'verify-failed',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** One pair of stored versions to align (see postgres/align-pair.ts), and what names the job. */
export interface AlignPairJob {
  sourceVid: number;
  commentaryVid: number;
  /** The documents' ids, for what a worker says it did. */
  sourceId: string;
  commentaryId: string;
  /** Both texts' SHA-256 and the engine: the job's identity (see `alignPairKey`). */
  sourceSha256: string;
  commentarySha256: string;
  engine: string;
  /**
   * Which queuing of the pair this job is (`pending_alignments.attempt`): its failure marks
   * the pair failed only if the pair was not queued again since. Absent from the jobs an
   * older Verbatim sent.
   */
  attempt?: string;
}

/** A verification a user asked for, stored in `verifications` (see jobs/verifications.ts). */
export interface VerifyJob {
  verification: string;
  documentId: string;
}

/** Where a job stands among its tries, for a handler to say whether another will come. */
export interface JobTries {
  /** Tries before this one. */
  retryCount: number;
  /** Tries after the first that pg-boss makes before it gives up. */
  retryLimit: number;
  /** The job's time limit, in seconds. */
  expireInSeconds: number;
}

/** One report another engine made, to make again with the running one. */
export interface RemakeJob {
  source: { id: string; version: number };
  commentary: { id: string; version: number };
  /** The engine that made the report, and the one to make it again. */
  engineVersion: string;
  engine: string;
}

/** 15 minutes: far more than one pair takes, far less than a researcher waits for a dead worker. */
export const DEFAULT_JOB_TIMEOUT_SECONDS = 15 * 60;
/** A job that fails (the database went away mid-job, a worker died) is tried this many times again. */
export const DEFAULT_RETRY_LIMIT = 5;

export interface JobQueueOptions {
  databaseUrl: string;
  /**
   * How long a job may stay taken before it is held to be lost (its worker killed, its machine
   * gone) and given to another worker, in seconds. pg-boss keeps no heartbeat: this is the
   * only way a dead worker's job comes back, so it must exceed the longest alignment.
   */
  jobTimeoutSeconds?: number;
  retryLimit?: number;
  /** How often an idle worker asks for a job, in seconds (at least 0.5). */
  pollingIntervalSeconds?: number;
  /** The most connections this process's queue opens. */
  maxConnections?: number;
  /** What the queue's background upkeep met (a lost connection); it retries by itself. */
  onError?: (error: Error) => void;
}

/** Runs SQL on a caller's connection: a node-postgres client inside its open transaction. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface JobQueue {
  /**
   * Sends an alignment job. With `client`, the job is written in that client's open
   * transaction: it exists if and only if the transaction commits. A pair already waiting
   * under the same key is not queued twice.
   */
  sendAlignPair(job: AlignPairJob, options?: { client?: SqlClient }): Promise<void>;
  /** Sends a re-making job; one already waiting for the same report and engine is not sent again. */
  sendRemake(job: RemakeJob): Promise<void>;
  /** Sends a verification job, with `client` in that client's open transaction (as `sendAlignPair`). */
  sendVerify(job: VerifyJob, options?: { client?: SqlClient }): Promise<void>;
  /**
   * Takes jobs of a queue, `concurrency` at a time, until `stop`. A handler that resolves
   * completes its job; one that throws gives the job back to be retried, or, its tries
   * spent, to the queue's dead letter queue.
   */
  work<T extends object>(queue: QueueName, options: { concurrency?: number }, handler: (data: T, tries: JobTries) => Promise<void>): Promise<void>;
  /** How many jobs of a queue wait (to be taken, or tried again); not those running. */
  size(queue: QueueName): Promise<number>;
  /**
   * Stops taking jobs; waits up to `timeoutMs` for running ones, then gives them back
   * (failed, so another worker retries them) and closes its connections.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * VERBATIM_JOB_TIMEOUT as the processes read it: whole seconds, at least 1; the default
 * when unset.
 */
export function jobTimeoutSeconds(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_JOB_TIMEOUT_SECONDS;
  const seconds = Number(setting);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 24 * 3600) {
    throw new StoreError('invalid', `VERBATIM_JOB_TIMEOUT is a job's time limit in whole seconds from 1 to 86400, not ${JSON.stringify(setting)}.`);
  }
  return seconds;
}

/** A job's identity: both texts and the engine decide its report. Vids too, so two versions with one text never share a key. */
export function alignPairKey(job: AlignPairJob): string {
  return `${job.sourceSha256}:${job.commentarySha256}:${job.engine}:${job.sourceVid}-${job.commentaryVid}`;
}

/**
 * Starts pg-boss on the database (creating or upgrading its schema, which it does under its
 * own advisory lock, so many processes may start at once) and makes sure the queues exist.
 */
export async function startQueue(options: JobQueueOptions): Promise<JobQueue> {
  const timeout = options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  if (!Number.isInteger(timeout) || timeout < 1) {
    throw new StoreError('invalid', `A job's time limit is a whole number of seconds, at least 1; ${timeout} is not.`);
  }
  const retryLimit = options.retryLimit ?? DEFAULT_RETRY_LIMIT;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const settings = { retryLimit, expireInSeconds: timeout };
  let boss: PgBoss;
  try {
    boss = await startBoss(options, timeout, settings);
  } catch (error) {
    // Only PostgreSQL's own refusal is the user's to fix; anything else is said plainly, the detail kept as the cause.
    const refused = (error as { code?: string }).code === '42501';
    throw new StoreError(
      'open',
      refused
        ? 'The job queue could not be set up in the database: its user must be allowed to create the schema pgboss there.'
        : 'The job queue could not be set up in the database; set VERBATIM_DEBUG=1 to see why.',
      { cause: error },
    );
  }

  const sendOptions = { retryLimit, retryDelay: 1, expireInSeconds: timeout };
  let stopped = false;

  return {
    async sendAlignPair(job, { client } = {}) {
      await boss.send(QUEUES.alignPair, job, {
        ...sendOptions,
        deadLetter: QUEUES.alignPairFailed,
        singletonKey: alignPairKey(job),
        ...(client && { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } }),
      });
    },

    async sendVerify(job, { client } = {}) {
      await boss.send(QUEUES.verify, job, {
        ...sendOptions,
        deadLetter: QUEUES.verifyFailed,
        // A 'short' queue keeps one waiting job per key: each verification is its own.
        singletonKey: job.verification,
        ...(client && { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } }),
      });
    },

    async sendRemake(job) {
      const key = `${job.source.id}@${job.source.version}:${job.commentary.id}@${job.commentary.version}:${job.engine}`;
      await boss.send(QUEUES.remake, job, { ...sendOptions, singletonKey: key });
    },

    async work(queue, { concurrency = 1 }, handler) {
      // pg-boss 10 has no team size: each `work` call is one poller taking one job at a time.
      for (let i = 0; i < concurrency; i++) {
        let id: string | undefined;
        id = await boss.work<object>(queue, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async (jobs) => {
          for (const job of jobs) {
            await handler(job.data as never, { retryCount: job.retryCount, retryLimit: job.retryLimit, expireInSeconds: job.expireInSeconds });
          }
          // pg-boss waits its polling interval after every fetch, even one that found a job:
          // a worker with work to do asks again at once, and waits only when the queue is empty.
          if (id !== undefined) boss.notifyWorker(id);
        });
      }
    },

    size: (queue) => boss.getQueueSize(queue),

    async stop({ timeoutMs = 30_000 } = {}) {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

/**
 * Starts pg-boss and makes sure the queues exist. Two processes starting on a new database
 * at once may both find no schema and both create it; pg-boss serialises the creation but the
 * loser's CREATE TABLE still fails. So a failed start is tried again: by then the schema is
 * there, and the second start only reads it.
 */
async function startBoss(
  options: JobQueueOptions,
  timeout: number,
  settings: { retryLimit: number; expireInSeconds: number },
  attemptsLeft = 2,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 4,
    application_name: 'verbatim-jobs',
    // Expired jobs are found by the upkeep: it must run often enough for a lost job to come back
    // within about its time limit (pg-boss runs it once per interval across all processes).
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(timeout / 2))),
    // No cron jobs: no clock monitor either.
    schedule: false,
  });
  boss.on('error', (error) => options.onError?.(error));
  try {
    await boss.start();
    // The dead letter queue first: a queue names it by a foreign key.
    await ensureQueue(boss, QUEUES.alignPairFailed, settings);
    await ensureQueue(boss, QUEUES.alignPair, { ...settings, deadLetter: QUEUES.alignPairFailed });
    await ensureQueue(boss, QUEUES.remake, settings);
    await ensureQueue(boss, QUEUES.verifyFailed, settings);
    await ensureQueue(boss, QUEUES.verify, { ...settings, deadLetter: QUEUES.verifyFailed });
    return boss;
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    if (attemptsLeft <= 1 || (error as { code?: string }).code === '42501') throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    return startBoss(options, timeout, settings, attemptsLeft - 1);
  }
}

/**
 * Creates a queue unless it exists; two processes starting at once may both try, and one
 * loses the race harmlessly. A queue an older Verbatim made without its dead letter queue gets it.
 */
async function ensureQueue(
  boss: PgBoss,
  name: QueueName,
  options: { retryLimit: number; expireInSeconds: number; deadLetter?: QueueName },
): Promise<void> {
  const existing = await boss.getQueue(name);
  if (existing) {
    if (options.deadLetter && existing.deadLetter !== options.deadLetter) await boss.updateQueue(name, { name, policy: existing.policy ?? 'short', deadLetter: options.deadLetter });
    return;
  }
  try {
    // 'short': one waiting job per key, so a pair sent twice before a worker takes it is queued once.
    await boss.createQueue(name, { name, policy: 'short', ...options });
  } catch (error) {
    if (!(await boss.getQueue(name))) throw error;
  }
}
