import { StoreError, type StoreErrorCode } from '@verbatim/store';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError, SERVER_FAILURE_DETAIL } from './problem.js';

/**
 * The status of each refusal of the store. Its messages are already one sentence a user
 * can act on, so a refusal's becomes the problem's detail unchanged; a failure of the
 * server's own (its database, its corpus folder) names paths and SQLite's words, so its
 * detail is a sentence that names nothing, and the message goes to the log.
 */
const STATUS: Record<StoreErrorCode, ContentfulStatusCode> = {
  empty: 400,
  invalid: 400,
  'fetch-refused': 400,
  'fetch-failed': 502,
  'too-large': 413,
  binary: 415,
  encoding: 415,
  format: 415,
  busy: 503,
  unavailable: 503,
  'schema-newer': 500,
  open: 500,
  corpus: 500,
  align: 500,
};

/**
 * Failures whose message a client may read: a busy corpus or a database that does not answer
 * (sentences that name no address), the ids of the documents that failed to align, or what
 * the server of a page to fetch answered (its address and status).
 */
const SAFE_FAILURES = new Set<StoreErrorCode>(['busy', 'unavailable', 'align', 'fetch-failed']);

/** When to try again, in seconds: a busy database frees itself within moments, one restarting takes longer. */
const RETRY_AFTER: Partial<Record<StoreErrorCode, string>> = { busy: '1', unavailable: '5' };

export function problemOfStoreError(error: unknown): ProblemError | undefined {
  if (!(error instanceof StoreError)) return undefined;
  const status = STATUS[error.code] ?? 500;
  const detail = status < 500 || SAFE_FAILURES.has(error.code) ? error.message : SERVER_FAILURE_DETAIL;
  return new ProblemError(status, detail, {
    ...(RETRY_AFTER[error.code] !== undefined ? { headers: { 'Retry-After': RETRY_AFTER[error.code]! } } : {}),
    cause: error,
  });
}
