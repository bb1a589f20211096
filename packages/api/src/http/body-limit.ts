import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../problem.js';

/** Room for a 5 MB document (the store's limit) with JSON escaping or multipart framing. */
export const DEFAULT_BODY_LIMIT = 6 * 1024 * 1024;

const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Hono's body limit, refusing with a problem that says what the limit is. Requests that
 * carry no body skip it: merely looking for a body makes the Node adapter build a full
 * `Request` (with an AbortSignal), a tenth of the cost of serving a cached report.
 */
export function limitBody(maxSize: number, allowance = 'a document may be at most 5 MB of text'): MiddlewareHandler {
  const size = maxSize >= 1024 * 1024 ? `${Number((maxSize / (1024 * 1024)).toFixed(1))} MB` : `${Math.ceil(maxSize / 1024)} KB`;
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError(413, `The request body is over the ${size} limit of this server; ${allowance}.`);
    },
  });
  return (c, next) => (BODILESS.has(c.req.method) ? next() : limit(c, next));
}
