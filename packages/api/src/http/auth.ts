import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes (anything but GET, HEAD and OPTIONS) need `Authorization: Bearer <token>` when a
 * token is configured; without one, everyone may write (a workbench on a researcher's own
 * machine). Paths in `changesNothing` take a POST that stores nothing (a check) and
 * need no token either. Tokens are compared through their hashes in constant time, so neither the
 * content nor the length of the token leaks through timing.
 */
export function requireTokenForWrites(token: string | undefined, options: { changesNothing?: readonly string[] } = {}): MiddlewareHandler {
  if (!token) return async (_c, next) => next();
  const expected = digest(token);
  const open = new Set(options.changesNothing ?? []);
  return async (c, next) => {
    if (READS.has(c.req.method) || open.has(c.req.path)) return next();
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw unauthorized('This server only accepts changes with a token: send the header "Authorization: Bearer <token>".');
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      throw unauthorized('The bearer token is not the one this server was given (VERBATIM_TOKEN); nothing was changed.', 'invalid_token');
    }
    return next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function unauthorized(detail: string, error?: string): ProblemError {
  // RFC 6750 §3: the challenge names the scheme, and the error when a token was given.
  const challenge = `Bearer realm="verbatim"${error ? `, error="${error}"` : ''}`;
  return new ProblemError(401, detail, { headers: { 'WWW-Authenticate': challenge } });
}
