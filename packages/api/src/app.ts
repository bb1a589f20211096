import { OpenAPIHono } from '@hono/zod-openapi';
import { StoreError, type Store } from '@verbatim/store';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { requireTokenForWrites } from './http/auth.js';
import { requireSameOriginForWrites } from './http/origin.js';
import { DEFAULT_BODY_LIMIT, limitBody } from './http/body-limit.js';
import { ProblemError, problemResponse, toProblemError } from './problem.js';
import { ReportCache } from './reports.js';
import { router, type RouteDeps } from './router.js';
import { alignmentRoutes } from './routes/alignments.js';
import { documentPassageRoutes } from './routes/document-passages.js';
import { citationRoutes } from './routes/citations.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { passageRoutes } from './routes/passages.js';
import { referenceRoutes } from './routes/reference.js';
import { rateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { CHECK_PATH, checkRoutes } from './routes/check.js';
import { searchRoutes } from './routes/search.js';
import { verifyRoutes } from './routes/verify.js';
import { problemOfStoreError } from './store-errors.js';

const DEFAULT_CHECK_RATE = { burst: 30, perSecond: 5 };
/** 100 KB of text, with room for JSON escapes. */
const CHECK_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  /** The open store; the app never opens or closes it. */
  store: Store;
  /** When set, writes need `Authorization: Bearer <token>`. */
  token?: string;
  /** Origins allowed to call the API from a browser; CORS is off without them. */
  corsOrigins?: string[];
  /** Largest request body in bytes (default 6 MB: a 5 MB document with room for JSON escapes). */
  bodyLimit?: number;
  /** The public origin (`https://verbatim.example.org`) for IRIs the API mints; the request's by default. */
  publicUrl?: string;
  /**
   * How many checks (POST /api/check) a client may make: `burst` at once, then `perSecond`
   * (default 30, then 5 a second); false for no limit (benchmarks).
   */
  checkRate?: Pick<RateLimitOptions, 'burst' | 'perSecond' | 'clientOf' | 'now'> | false;
  /**
   * Whether POST /api/documents/fetch may read pages on loopback and private addresses
   * (default false: a server would otherwise fetch its own network for whoever asks).
   */
  fetchPrivate?: boolean;
  /** Where unexpected errors are reported (default: console.error). */
  logError?: (error: unknown, request: Request) => void;
}

/**
 * The HTTP API as a Hono app, every route under /api, so a host (the Node entry, or the web
 * app's server) can hand it any request whose path starts with /api. Creates no globals and
 * opens nothing: the store comes in, and it is the caller's to close.
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const deps: RouteDeps = {
    store: options.store,
    reports: new ReportCache(options.store),
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    fetchPrivate: options.fetchPrivate === true,
  };
  const logError = options.logError ?? logToConsole;
  const app = router();

  app.onError((error, c) => {
    const problem = toProblemError(error, problemOfStoreError);
    if (problem.status >= 500) logError(error, c.req.raw);
    return problemResponse(c, problem);
  });
  app.notFound((c) =>
    problemResponse(c, new ProblemError(404, `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API; the routes are listed at /api/docs.`)),
  );

  app.use('/api/*', secureHeaders());
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use('/api/*', cors({ origin: options.corsOrigins, allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'], exposeHeaders: ['ETag', 'Location', 'Link', 'X-Total-Count'] }));
  }
  // A check changes nothing, so it needs no token; but it costs an alignment per candidate
  // source, so each client gets so many, and the body is what a few pages of text need.
  if (options.checkRate !== false) {
    app.use(CHECK_PATH, rateLimit({ ...DEFAULT_CHECK_RATE, ...options.checkRate, what: 'checks' }));
  }
  app.use(CHECK_PATH, limitBody(CHECK_BODY_LIMIT, 'a text to check may be at most 100 KB'));
  // Origin and token are checked before the body is read: a refused upload costs nothing.
  app.use('/api/*', requireSameOriginForWrites([...(options.corsOrigins ?? []), ...(options.publicUrl ? [new URL(options.publicUrl).origin] : [])]));
  app.use('/api/*', requireTokenForWrites(options.token, { changesNothing: [CHECK_PATH] }));
  app.use('/api/*', limitBody(options.bodyLimit ?? DEFAULT_BODY_LIMIT));

  app
    .route('/api', healthRoutes({ tokenRequired: Boolean(options.token), database: options.store.engine }))
    .route('/api', documentRoutes(deps))
    .route('/api', documentPassageRoutes(deps))
    .route('/api', alignmentRoutes(deps))
    .route('/api', citationRoutes(deps))
    .route('/api', passageRoutes(deps))
    .route('/api', searchRoutes(deps))
    .route('/api', verifyRoutes(deps))
    .route('/api', checkRoutes(deps));
  // Last: the OpenAPI document describes the routes mounted before it.
  app.route('/api', referenceRoutes(app));
  return app;
}

/**
 * The default log of a failed request: the error with its stack and causes, but one line for
 * a busy or unreachable database, whose sentence says all there is (and a down database
 * fails every request).
 */
function logToConsole(error: unknown, request: Request): void {
  const what = `${request.method} ${new URL(request.url).pathname} failed:`;
  if (error instanceof StoreError && (error.code === 'busy' || error.code === 'unavailable')) console.error(`${what} ${error.message}`);
  else console.error(what, error);
}
