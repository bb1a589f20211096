import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '@verbatim/api';
import { openStore, type ProgressListener, type RemakeResult, type Store } from '@verbatim/store';
import type { WorkerThread } from '@verbatim/store/jobs';
import { createWebHandler } from '@verbatim/web/server';
import { InFlight } from './in-flight.js';

export interface ServerOptions {
  /** The SQLite file (created when missing). */
  dbPath: string;
  /** A PostgreSQL URL (VERBATIM_DATABASE_URL): the corpus lives there instead of the SQLite file. */
  databaseUrl?: string;
  /**
   * On PostgreSQL, whether this process also runs a worker, in a thread of its own (default
   * true; VERBATIM_WORKER=off when separate `verbatim worker` processes do the aligning).
   */
  worker?: boolean;
  /** On PostgreSQL, how long a job may run before it is given to another worker, in seconds (VERBATIM_JOB_TIMEOUT). */
  jobTimeoutSeconds?: number;
  /** The corpus folder loaded at start, idempotently. */
  corpusDir?: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  token?: string;
  /** No limit on checks per client (benchmarks): VERBATIM_CHECK_LIMIT=off. */
  unlimitedChecks?: boolean;
  corsOrigins?: string[];
  /** The public origin behind a proxy, for the IRIs the API mints. */
  publicUrl?: string;
  /** Let POST /api/documents/fetch read loopback and private addresses (VERBATIM_FETCH_PRIVATE=1). */
  fetchPrivate?: boolean;
  onProgress?: ProgressListener;
  /**
   * Re-make, in the background once listening, the reports another engine made (default
   * true); until each is made again the API serves it as it was, said stale.
   */
  remakeOutdated?: boolean;
  /** Where the background work says what it does (default: nowhere). */
  log?: (line: string) => void;
  /** How long a write waits for another process's before answering 503 (the store's default: 5 s). */
  busyTimeoutMs?: number;
}

export interface RunningServer {
  /** Where to reach it: `http://localhost:3000` when listening on all interfaces. */
  url: string;
  port: number;
  store: Store;
  /** The background re-making of outdated reports: settles when every one is made again. */
  remaking: Promise<RemakeResult>;
  /** Stops accepting connections and the background work, ends open connections, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store, loads the corpus and serves the workbench on one port: the API under
 * /api, the web app (apps/web) beside it. Resolves once the port is listening.
 */
export async function start(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore({
    path: options.dbPath,
    // A server answers once a document is stored; the workers (its own, or others) align it.
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl, align: 'queued' as const } : {}),
    ...(options.jobTimeoutSeconds !== undefined ? { jobTimeoutSeconds: options.jobTimeoutSeconds } : {}),
    ...(options.corpusDir !== undefined ? { corpusDir: options.corpusDir } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  const api = createApp({
    store,
    ...(options.token ? { token: options.token } : {}),
    ...(options.unlimitedChecks ? { checkRate: false as const } : {}),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.fetchPrivate ? { fetchPrivate: true } : {}),
  });
  // Every response until it is sent, and every call into the API (from a client, or from the
  // web app's pages in process) until it settles, is counted: `close` waits for them before
  // it closes the store. Both: a client that hangs up ends its response, not the work for it.
  const inFlight = new InFlight();
  const fetchApi = (request: Request, env?: object) => inFlight.track(() => api.fetch(request, env));
  // The node server's env (its socket: the client's address, for the rate limit) passed on.
  const handleApi = getRequestListener(fetchApi);

  let server: Server;
  let worker: WorkerThread | undefined;
  try {
    if (options.databaseUrl && options.worker !== false) worker = await startWorker(options.databaseUrl, options);
    // The web app takes every path outside /api, reading and writing through this same API
    // in process; what it does not serve goes on to the API, whose 404 is a problem+json.
    const web = await createWebHandler({ api: (request) => fetchApi(request) });
    server = await listen(
      (req, res) => {
        res.once('close', inFlight.begin());
        return isApi(req.url) ? handleApi(req, res) : web(req, res, () => void handleApi(req, res));
      },
      options.port,
      options.host,
    );
  } catch (error) {
    await worker?.stop();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const stop = new AbortController();
  const remaking =
    options.remakeOutdated === false
      ? store.outdated().then((outdated) => ({ outdated: outdated.length, remade: 0, unlinked: 0 }))
      : remakeInBackground(store, stop.signal, options.log);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    remaking,
    close: async () => {
      stop.abort();
      // The job stops between two alignments; the store is closed only once it has.
      await remaking.catch(() => {});
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The requests being answered finish first (then their connections close); idle
      // keep-alive connections would hold `close` open until they time out.
      server.closeIdleConnections();
      await inFlight.idle(CLOSE_WAIT_MS);
      server.closeAllConnections();
      await closed;
      // Its running job finished, or given back to the queue for another worker.
      await worker?.stop();
      await store.close();
    },
  };
}

/** How long closing waits for the requests being answered (an add of a large document, a check) before it cuts them off. */
const CLOSE_WAIT_MS = 10_000;

/**
 * The worker `npm start` runs beside the server on PostgreSQL, in a thread of its own so that
 * aligning never holds up a request. Its failures go to the log; a job that failed is retried,
 * and a pair whose every try failed is marked failed.
 */
/** A failed try of a job, with its detail, as a worker's log says it. */
function triedAndFailed(event: { source: string; commentary: string; reason: string; final: boolean }): string {
  return `aligning ${event.source} with ${event.commentary} failed (${event.reason}); ${event.final ? 'that was its last try.' : 'it will be tried again.'}`;
}

async function startWorker(databaseUrl: string, options: ServerOptions): Promise<WorkerThread> {
  const { startWorkerThread } = await import('@verbatim/store/jobs');
  const log = options.log ?? (() => {});
  const thread = startWorkerThread({
    databaseUrl,
    ...(options.jobTimeoutSeconds !== undefined ? { jobTimeoutSeconds: options.jobTimeoutSeconds } : {}),
    onEvent: (event) => {
      if (event.type === 'failed') log(`verbatim: ${triedAndFailed(event)}`);
      if (event.type === 'verify-failed') log(`verbatim: verifying ${event.document} failed (${event.reason}); ${event.final ? 'that was its last try.' : 'it will be tried again.'}`);
      if (event.type === 'gave-up') log(`verbatim: gave up aligning ${event.source} with ${event.commentary}, now marked failed: ${event.reason}`);
    },
    onError: (message) => log(`verbatim: the job queue met a problem (${message}); trying again.`),
  });
  try {
    await thread.started;
  } catch (error) {
    await thread.stop();
    throw error;
  }
  return thread;
}

/** At most one progress line a second in the log: a big corpus has thousands of reports. */
const LOG_EVERY_MS = 1000;

/**
 * Makes again, one at a time in the store's writer thread, the reports another engine made —
 * a database written by an older Verbatim — while this thread answers requests. A failure is
 * logged, never fatal (nor an unhandled rejection): the old reports stay, served as stale,
 * and `verbatim realign` can be run by hand.
 */
async function remakeInBackground(store: Store, signal: AbortSignal, log: (line: string) => void = () => {}): Promise<RemakeResult> {
  const outdated = await store.outdated();
  if (outdated.length === 0) return { outdated: 0, remade: 0, unlinked: 0 };
  const engines = [...new Set(outdated.map((a) => a.engineVersion))].join(', ');
  log(`verbatim: ${outdated.length} ${outdated.length === 1 ? 'report was' : 'reports were'} made by another engine (${engines}); making ${outdated.length === 1 ? 'it' : 'them'} again in the background, served as stale meanwhile.`);
  let last = 0;
  try {
    const result = await store.remakeOutdated({
      signal,
      onProgress: ({ done, total, documentId }) => {
        if (done < total && performance.now() - last < LOG_EVERY_MS) return;
        last = performance.now();
        log(`verbatim: re-made ${done}/${total} reports${documentId ? ` (${documentId})` : ''}`);
      },
    });
    if (result.queued !== undefined) log(`verbatim: ${result.queued} ${result.queued === 1 ? 'report is' : 'reports are'} queued for the workers to make again.`);
    else if (!signal.aborted) log(`verbatim: every report is now this engine's (${result.remade} made again, ${result.unlinked} no longer linking).`);
    return result;
  } catch (error) {
    const left = (await store.outdated()).length;
    log(`verbatim: re-making the outdated reports stopped (${error instanceof Error ? error.message : String(error)}); ${left} left, served as stale: run "verbatim realign" to finish.`);
    return { outdated: outdated.length, remade: outdated.length - left, unlinked: 0 };
  }
}

function isApi(url = '/'): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function listen(listener: RequestListener, port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.listen(port, hostname);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${hostname} is already in use; stop what uses it or set PORT to another port.`, { cause: error })
          : error,
      );
    });
  });
}
