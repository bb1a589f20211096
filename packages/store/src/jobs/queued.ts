/**
 * The PostgreSQL store's `queued` alignment: an add stores its document and, in the same
 * transaction, marks its pairs pending and sends their jobs; the workers align them. A
 * verification is stored with its job likewise, for the workers to run.
 */
import type { AlignMode } from '../postgres/add.js';
import type { OutdatedAlignment } from '../types.js';
import { enqueueAlignments } from './pending.js';
import { startQueue, type JobQueueOptions, type SqlClient } from './queue.js';
import { queueVerification } from './verifications.js';

export interface QueuedAlignment {
  align: AlignMode;
  /** Sends a job for each report another engine made, for the workers to make again. */
  remake(outdated: readonly OutdatedAlignment[]): Promise<void>;
  /** Stores a verification and sends its job, in the caller's transaction; its id. */
  verify(client: SqlClient, request: { documentId: string; text: string; format: string; apply: boolean }): Promise<string>;
  /** Stops this process's connections to the queue (the jobs stay, for the workers). */
  stop(): Promise<void>;
}

export async function startQueuedAlignment(options: JobQueueOptions, engine: string): Promise<QueuedAlignment> {
  const queue = await startQueue(options);
  return {
    align: { mode: 'queued', enqueue: (client, pairs) => enqueueAlignments(client, queue, pairs, engine) },
    async remake(outdated) {
      for (const a of outdated) await queue.sendRemake({ source: a.source, commentary: a.commentary, engineVersion: a.engineVersion, engine });
    },
    verify: (client, request) => queueVerification(client, queue, request),
    stop: () => queue.stop(),
  };
}
