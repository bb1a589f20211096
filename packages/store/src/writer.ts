import { Worker } from 'node:worker_threads';
import { addDocument, type AddContext } from './add.js';
import { StoreError, type StoreErrorCode } from './errors.js';
import type { AddInput, AddOutcome } from './types.js';

/** What the writer thread is started with. */
export interface WriterData {
  path: string;
  engine: string;
  busyTimeoutMs: number;
}

export type WriterRequest = { seq: number; op: 'add'; input: AddInput };

export type WriterReply =
  | { seq: number; ok: true; vid: number; outcome: AddOutcome }
  | { seq: number; ok: false; error: { code?: StoreErrorCode; message: string; stack?: string } };

/** What the store gets back from an add: the stored version, read again on its own connection. */
export interface Written {
  vid: number;
  outcome: AddOutcome;
}

/**
 * Adds documents off the caller's thread. Aligning a long text takes seconds and writing it
 * takes more than a request may wait, so both happen in a worker thread with its own
 * connection to the same file: the process goes on answering reads meanwhile (WAL lets them
 * read the last committed state), and the lock is held only while the rows are written.
 * One thread for all writes of a store: SQLite takes one writer at a time anyway.
 */
export class Writer {
  readonly #data: WriterData;
  readonly #pending = new Map<number, { resolve: (w: Written) => void; reject: (e: Error) => void }>();
  #worker: Worker | undefined;
  #seq = 0;

  constructor(data: WriterData) {
    this.#data = data;
  }

  add(input: AddInput): Promise<Written> {
    const worker = this.#start();
    const seq = ++this.#seq;
    const request: WriterRequest = { seq, op: 'add', input };
    return new Promise<Written>((resolve, reject) => {
      this.#pending.set(seq, { resolve, reject });
      // A thread with work keeps the process alive; an idle one must not (the CLI exits when done).
      worker.ref();
      worker.postMessage(request);
    });
  }

  /**
   * Ends the thread. An add still running is refused: it may or may not have committed, and
   * adding the same text again is safe (it is stored once).
   */
  close(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    this.#fail(new StoreError('busy', 'The corpus was closed while the document was being added; add it again (it is never stored twice).'));
    void worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(workerUrl(), { workerData: this.#data });
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.#settle(reply));
    worker.on('error', (error) => {
      if (this.#worker === worker) this.#worker = undefined;
      this.#fail(error);
    });
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      this.#fail(new Error(`The store's writer thread stopped (exit code ${code}).`));
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: WriterReply): void {
    const waiting = this.#pending.get(reply.seq);
    if (!waiting) return;
    this.#pending.delete(reply.seq);
    if (this.#pending.size === 0) this.#worker?.unref();
    if (reply.ok) waiting.resolve({ vid: reply.vid, outcome: reply.outcome });
    else waiting.reject(errorOf(reply.error));
  }

  #fail(error: Error): void {
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const w of waiting) w.reject(error);
  }
}

/** Runs a request on a connection: in the writer thread, or in the caller's for an in-memory store. */
export function runRequest(ctx: AddContext, request: WriterRequest): WriterReply {
  try {
    const { row, outcome } = addDocument(ctx, request.input);
    return { seq: request.seq, ok: true, vid: row.vid, outcome };
  } catch (error) {
    if (error instanceof StoreError) return { seq: request.seq, ok: false, error: { code: error.code, message: error.message } };
    const e = error instanceof Error ? error : new Error(String(error));
    return { seq: request.seq, ok: false, error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
}

/** The error of a reply, of the same type it had in the thread: callers tell refusals by their code. */
export function errorOf(error: { code?: StoreErrorCode; message: string; stack?: string }): Error {
  if (error.code) return new StoreError(error.code, error.message);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}

/**
 * The thread's script. Compiled, it sits beside this module; the store's tests run this
 * module from its TypeScript source, and the thread from the build (vitest builds it first).
 */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../dist/writer-thread.js', here) : new URL('./writer-thread.js', here);
}
