import { Worker } from 'node:worker_threads';
import { addDocument, writePreparedBatch, type AddContext, type BatchItem, type PreparedBatch } from './add.js';
import { StoreError, type StoreErrorCode } from './errors.js';
import { remakeAlignment, type Remade } from './remake.js';
import type { AddInput, AddOutcome, OutdatedAlignment } from './types.js';
import { verifyDocument, type VerifyInput, type VerifyOptions, type VerifyResult } from './verify.js';

/** What the writer thread is started with. */
export interface WriterData {
  path: string;
  engine: string;
  busyTimeoutMs: number;
}

/** What the store gets back from an add: the stored version, read again on its own connection. */
export interface Written {
  vid: number;
  outcome: AddOutcome;
}

/** Each write the thread does: what it is given, and what it answers. */
interface Ops {
  add: { args: { input: AddInput }; answer: Written };
  /** A bulk load's batch, prepared on the caller's thread: one transaction. */
  addBatch: { args: { batch: PreparedBatch }; answer: BatchItem[] };
  /** One outdated alignment made again (the caller loops, for progress and to stop between two). */
  remake: { args: { alignment: OutdatedAlignment }; answer: Remade };
  /** `verify`, with or without `apply`: both align the official copy with the stored text. */
  verify: { args: { id: string; input: VerifyInput; options: VerifyOptions }; answer: VerifyResult | undefined };
}
export type WriterOp = keyof Ops;
export type WriterArgs<K extends WriterOp> = Ops[K]['args'];
export type WriterAnswer<K extends WriterOp> = Ops[K]['answer'];

export type WriterRequest = { [K in WriterOp]: { seq: number; op: K } & WriterArgs<K> }[WriterOp];

export type WriterReply =
  | { seq: number; ok: true; answer: WriterAnswer<WriterOp> }
  | { seq: number; ok: false; error: { code?: StoreErrorCode; message: string; stack?: string } };

/**
 * Does the long writes off the caller's thread: adding a document or a bulk load's batch,
 * re-making an outdated report, verifying (and applying) an official copy. Aligning a long text takes seconds and
 * writing it takes more than a request may wait, so both happen in a worker thread with its
 * own connection to the same file: the process goes on answering reads meanwhile (WAL lets
 * them read the last committed state), and the lock is held only while the rows are written.
 * One thread for all writes of a store: SQLite takes one writer at a time anyway.
 */
export class Writer {
  readonly #data: WriterData;
  readonly #pending = new Map<number, { resolve: (answer: never) => void; reject: (e: Error) => void }>();
  #worker: Worker | undefined;
  #seq = 0;

  constructor(data: WriterData) {
    this.#data = data;
  }

  run<K extends WriterOp>(op: K, args: WriterArgs<K>): Promise<WriterAnswer<K>> {
    const worker = this.#start();
    const seq = ++this.#seq;
    const request = { seq, op, ...args } as WriterRequest;
    return new Promise<WriterAnswer<K>>((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (answer: never) => void, reject });
      // A thread with work keeps the process alive; an idle one must not (the CLI exits when done).
      worker.ref();
      worker.postMessage(request);
    });
  }

  /**
   * Ends the thread. A write still running is refused: it may or may not have committed, and
   * doing it again is safe (a text is stored once; a report already re-made is left alone).
   */
  close(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    this.#fail(new StoreError('busy', 'The corpus was closed while it was being written; do it again (a document is never stored twice).'));
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
    if (reply.ok) waiting.resolve(reply.answer as never);
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
    return { seq: request.seq, ok: true, answer: perform(ctx, request) };
  } catch (error) {
    if (error instanceof StoreError) return { seq: request.seq, ok: false, error: { code: error.code, message: error.message } };
    const e = error instanceof Error ? error : new Error(String(error));
    return { seq: request.seq, ok: false, error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
}

function perform(ctx: AddContext, request: WriterRequest): WriterAnswer<WriterOp> {
  switch (request.op) {
    case 'add': {
      const { row, outcome } = addDocument(ctx, request.input);
      return { vid: row.vid, outcome };
    }
    case 'addBatch':
      return writePreparedBatch(ctx, request.batch);
    case 'remake':
      return remakeAlignment(ctx.db, ctx.engine, request.alignment);
    case 'verify':
      return verifyDocument(ctx, request.id, request.input, request.options);
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
