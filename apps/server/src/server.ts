import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '@verbatim/api';
import { openStore, type ProgressListener, type Store } from '@verbatim/store';
import { createWebHandler } from '@verbatim/web/server';

export interface ServerOptions {
  /** The SQLite file (created when missing). */
  dbPath: string;
  /** The corpus folder loaded at start, idempotently. */
  corpusDir?: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  token?: string;
  corsOrigins?: string[];
  /** The public origin behind a proxy, for the IRIs the API mints. */
  publicUrl?: string;
  onProgress?: ProgressListener;
}

export interface RunningServer {
  /** Where to reach it: `http://localhost:3000` when listening on all interfaces. */
  url: string;
  port: number;
  store: Store;
  /** Stops accepting connections, ends open ones, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the store, loads the corpus and serves the workbench on one port: the API under
 * /api, the web app (apps/web) beside it. Resolves once the port is listening.
 */
export async function start(options: ServerOptions): Promise<RunningServer> {
  const store = openStore({
    path: options.dbPath,
    ...(options.corpusDir !== undefined ? { corpusDir: options.corpusDir } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const api = createApp({
    store,
    ...(options.token ? { token: options.token } : {}),
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
  });
  const handleApi = getRequestListener(api.fetch);

  let server: Server;
  try {
    // The web app takes every path outside /api, reading and writing through this same API
    // in process; what it does not serve goes on to the API, whose 404 is a problem+json.
    const web = await createWebHandler({ api: (request) => api.fetch(request) });
    server = await listen(
      (req, res) => (isApi(req.url) ? handleApi(req, res) : web(req, res, () => void handleApi(req, res))),
      options.port,
      options.host,
    );
  } catch (error) {
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        // Keep-alive connections would hold `close` open until they time out.
        server.closeAllConnections();
      }),
  };
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
