import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.js';

export interface RateLimitOptions {
  /** Requests a client may make at once, after a pause (the bucket's size). */
  burst: number;
  /** Requests per second a client may keep making (the bucket's refill). */
  perSecond: number;
  /** Who is asking: the peer's address by default (see `clientAddress`). */
  clientOf?: (c: Context) => string;
  /** The clock, in milliseconds (tests move it by hand). */
  now?: () => number;
  /** What the limited route does, for the refusal: "checks". */
  what: string;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Clients remembered at most; past this the idle ones (full buckets) are forgotten. */
const MAX_CLIENTS = 10_000;

/**
 * A token bucket per client: `burst` requests at once, then `perSecond`. A refused request
 * is a 429 problem with `Retry-After`, before the body is read. For routes that cost
 * computation but change nothing, so need no token: someone typing gets every answer,
 * a script hammering the route gets slowed down.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { burst, perSecond, what } = options;
  const clientOf = options.clientOf ?? clientAddress;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const t = now();
    const client = clientOf(c);
    const bucket = buckets.get(client) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) {
      const wait = Math.ceil((1 - bucket.tokens) / perSecond);
      throw new ProblemError(429, `Too many ${what} from this client in a short time; wait ${wait} second${wait === 1 ? '' : 's'} and try again.`, {
        headers: { 'Retry-After': String(wait) },
      });
    }
    bucket.tokens -= 1;
    buckets.set(client, bucket);
    if (buckets.size > MAX_CLIENTS) forgetIdle(buckets, t, burst, perSecond);
    return next();
  };
}

function forgetIdle(buckets: Map<string, Bucket>, t: number, burst: number, perSecond: number): void {
  for (const [client, b] of buckets) {
    if (b.tokens + ((t - b.at) / 1000) * perSecond >= burst) buckets.delete(client);
  }
  // Every one of them busy: start afresh rather than grow without bound.
  if (buckets.size > MAX_CLIENTS) buckets.clear();
}

/** Set by a host calling the app in process on behalf of a client (the web app's server-side load). */
export const CLIENT_HEADER = 'x-verbatim-client';

/**
 * The address of the peer, as the Node adapter (@hono/node-server) gives it. A request made
 * in process (`app.request`) has no peer: the host that made it names its client in
 * CLIENT_HEADER, else it is "local". The header counts only then — a request from the
 * network always has its peer's address, so it cannot pose as another client.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  if (env?.incoming) return env.incoming.socket?.remoteAddress ?? 'unknown';
  return c.req.header(CLIENT_HEADER) ?? 'local';
}
