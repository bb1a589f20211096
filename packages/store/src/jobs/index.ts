// `@verbatim/store/jobs`: the team server's workers, loaded only by what runs one (a SQLite
// user never loads pg-boss).
export { runWorker, type WorkerEvent, type WorkerOptions } from './worker.js';
export { startWorkerThread, type WorkerThread, type WorkerThreadOptions } from './in-process.js';
export { DEFAULT_JOB_TIMEOUT_SECONDS, jobTimeoutSeconds } from './queue.js';
export { redactUrl } from '../postgres/pool.js';
