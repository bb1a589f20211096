// The web app as a Node request handler, for a host that serves it beside the API on one
// port (apps/server, the end-to-end tests). It wraps adapter-node's build/handler.js with what
// such a host needs and adapter-node cannot guess:
//  - the pages read and write through the host's API (its Hono app's `fetch`, carried by each
//    request) instead of opening an API, and a connection to the same database, of their own;
//  - adapter-node takes a request without ORIGIN or PROTOCOL_HEADER to have come over HTTPS,
//    so every form post over plain http://localhost would fail its cross-site check; the
//    handler tells it the protocol the connection really used (set ORIGIN, or PROTOCOL_HEADER
//    behind a proxy, to decide otherwise);
//  - bodies of any size reach the app (adapter-node's default limit is 512 KB, and a body over
//    its limit is refused before any route sees a field): the add form reads an upload as it
//    streams, keeping up to 5 MB of it, so that one over the limit gets the form back as it
//    was typed; every other form post is held to 6 MB by the app's hooks (hooks.server.ts);
//  - a rebuild under a running server does not bring it down: adapter-node's static files
//    are listed once at start, and a file deleted since then (an asset of the previous build)
//    raises an error nothing catches. Such requests get a 404 instead.
// Environment variables are read when build/handler.js is imported, hence set first.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PROTOCOL_HEADER = 'x-verbatim-protocol';
const CLIENT_DIR = fileURLToPath(new URL('./build/client', import.meta.url));
const IMMUTABLE = '/_app/immutable/';
/** The key src/lib/server/host-api.ts reads the API from, on the request adapter-node passes on. */
const API_KEY = Symbol.for('verbatim.api');

/**
 * @param {{ api?: (request: Request) => Response | Promise<Response> }} [options]
 * @returns {Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => void>}
 */
export async function createWebHandler(options = {}) {
  process.env.BODY_SIZE_LIMIT ??= 'Infinity';
  const tellProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
  if (tellProtocol) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
  let handler;
  try {
    ({ handler } = await import('./build/handler.js'));
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/handler.js')) {
      throw new Error('the web app is not built; run "npm run build" in the repository (npm start does it).', { cause: error });
    }
    throw error;
  }
  const api = options.api;
  return (req, res, next) => {
    if (isStaleAsset(req.url ?? '/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: an asset of an earlier build.\n');
      return;
    }
    if (api) Object.defineProperty(req, API_KEY, { value: api });
    // Set from the socket, never taken from the client.
    if (tellProtocol) req.headers[PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
    handler(req, res, next);
  };
}

/** An immutable asset the running build does not have (requested by a page of an earlier build). */
function isStaleAsset(url) {
  const path = url.split('?')[0] ?? '/';
  if (!path.startsWith(IMMUTABLE)) return false;
  try {
    const file = decodeURIComponent(path);
    return !file.includes('..') && !existsSync(CLIENT_DIR + file);
  } catch {
    return false; // not a path sirv would serve either
  }
}
