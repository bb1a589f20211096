// A worker in a thread of the server's process (see in-process.ts): it aligns off the thread
// that answers requests, as SQLite's writer thread does.
import { parentPort, workerData } from 'node:worker_threads';
import { runWorker, type WorkerOptions } from './worker.js';

const stop = new AbortController();
parentPort!.on('message', (message: unknown) => {
  if (message === 'stop') stop.abort();
});

runWorker({
  ...(workerData as Omit<WorkerOptions, 'signal' | 'onEvent' | 'onError'>),
  signal: stop.signal,
  onEvent: (event) => parentPort!.postMessage({ event }),
  onError: (error) => parentPort!.postMessage({ error: error.message }),
}).then(
  () => parentPort!.postMessage({ stopped: true }),
  (error: unknown) => parentPort!.postMessage({ stopped: true, failed: error instanceof Error ? error.message : String(error) }),
);
