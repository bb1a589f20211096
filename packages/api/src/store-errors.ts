import { StoreError, type StoreErrorCode } from '@verbatim/store';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError } from './problem.js';

/**
 * The status of each refusal of the store. Its messages are already one sentence a user
 * can act on, so they become the problem's detail unchanged.
 */
const STATUS: Record<StoreErrorCode, ContentfulStatusCode> = {
  empty: 400,
  invalid: 400,
  'search-syntax': 400,
  'too-large': 413,
  binary: 415,
  encoding: 415,
  format: 415,
  busy: 503,
  'schema-newer': 500,
  open: 500,
  corpus: 500,
  align: 500,
};

export function problemOfStoreError(error: unknown): ProblemError | undefined {
  if (!(error instanceof StoreError)) return undefined;
  return new ProblemError(STATUS[error.code] ?? 500, error.message, {
    // A busy database frees itself within moments: say when to try again.
    ...(error.code === 'busy' ? { headers: { 'Retry-After': '1' } } : {}),
    cause: error,
  });
}
