import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.js';
import { drainBody } from './drain-body.js';

/** Room for a 5 MB document (the store's limit) with JSON escaping or multipart framing. */
export const DEFAULT_BODY_LIMIT = 6 * 1024 * 1024;

export interface BodyLimitOptions {
  /**
   * How much of an over-limit body is read and thrown away before the 413 is sent (64 MB).
   * A client that writes its whole request before reading the answer (Python's urllib,
   * `requests` with a file) gets a broken pipe instead of the answer when the server
   * closes with the body unread; past this bound the connection is closed all the same.
   */
  discardUpTo?: number;
  /** How long the server goes on reading an over-limit body before answering anyway (10 s). */
  discardForMs?: number;
}

const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a request body over `maxSize` bytes with a 413 problem that says what the limit
 * is, answered once the body has been read to its end (up to a bound) so every client can
 * read it. A body under the limit is read here and handed on as bytes, whether or not it
 * said its length. Requests that carry no body skip it: merely looking for a body makes the
 * Node adapter build a full `Request` (with an AbortSignal), a tenth of the cost of serving
 * a cached report.
 */
export function limitBody(
  maxSize: number,
  allowance = 'a document may be at most 5 MB of text',
  options: BodyLimitOptions = {},
): MiddlewareHandler {
  const { discardUpTo = 64 * 1024 * 1024, discardForMs = 10_000 } = options;
  const size = maxSize >= 1024 * 1024 ? `${Number((maxSize / (1024 * 1024)).toFixed(1))} MB` : `${Math.ceil(maxSize / 1024)} KB`;
  const refusal = () => new ProblemError(413, `The request body is over the ${size} limit of this server; ${allowance}.`);

  return async (c, next) => {
    if (BODILESS.has(c.req.method)) return next();
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = Number(c.req.header('Content-Length'));
    const reader = raw.body.getReader();
    // A declared length over the limit is refused without keeping a byte of it.
    if (Number.isFinite(declared) && declared > maxSize && !c.req.header('Transfer-Encoding')) {
      await drainBody(reader, discardUpTo, discardForMs);
      throw refusal();
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxSize) {
        await drainBody(reader, discardUpTo - received, discardForMs);
        throw refusal();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(raw, { body: concat(chunks, received) });
    return next();
  };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
