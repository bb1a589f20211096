// The store's writer thread (see writer.ts): one connection, one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database.js';
import { runRequest, type WriterData, type WriterRequest } from './writer.js';

const data = workerData as WriterData;
const db = openDatabase(data.path, { busyTimeoutMs: data.busyTimeoutMs });
const ctx = { db, engine: data.engine };

parentPort!.on('message', (request: WriterRequest) => {
  parentPort!.postMessage(runRequest(ctx, request));
});
