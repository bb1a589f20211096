/**
 * The worker `npm start` runs beside the server on PostgreSQL (unless VERBATIM_WORKER=off):
 * in a thread of its own, so that aligning a long text never holds up the requests the
 * server's thread answers.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerEvent, WorkerOptions } from './worker.js';

export interface WorkerThreadOptions extends Omit<WorkerOptions, 'signal' | 'onEvent' | 'onError'> {
  onEvent?: (event: WorkerEvent) => void;
  onError?: (message: string) => void;
}

export interface WorkerThread {
  /** Settles once the worker has started taking jobs, or rejects with why it could not. */
  readonly started: Promise<void>;
  /** Finishes (or gives back) the running job, then ends the thread. */
  stop(): Promise<void>;
}

export function startWorkerThread(options: WorkerThreadOptions): WorkerThread {
  const { onEvent = () => {}, onError = () => {}, ...data } = options;
  const thread = new Worker(threadUrl(), { workerData: data });
  let markStarted: () => void;
  let refuseStart: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    refuseStart = reject;
  });
  const ended = new Promise<void>((resolve) => {
    thread.on('message', (message: { event?: WorkerEvent; error?: string; stopped?: boolean; failed?: string }) => {
      if (message.event) {
        if (message.event.type === 'started') markStarted();
        onEvent(message.event);
      }
      if (message.error) onError(message.error);
      if (message.stopped) {
        if (message.failed) refuseStart(new Error(message.failed));
        void thread.terminate().then(() => resolve());
      }
    });
    // A thread that dies (out of memory) takes no more jobs: said, so the server's log shows it.
    thread.on('error', (error) => {
      refuseStart(error);
      onError(`the worker thread stopped (${error.message})`);
      resolve();
    });
    thread.on('exit', () => {
      refuseStart(new Error('The worker thread ended before it started.'));
      resolve();
    });
  });
  // Who waits for `stopped` handles the rejection; nobody else must see it unhandled.
  started.catch(() => {});
  return {
    started,
    async stop() {
      thread.postMessage('stop');
      await ended;
    },
  };
}

/** The thread's entry, built: under Vitest this module is TypeScript, but a thread runs JavaScript (see writer.ts). */
function threadUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/jobs/worker-thread.js', here) : new URL('./worker-thread.js', here);
}
