import { StoreError } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { SERVER_FAILURE_DETAIL } from './problem.js';
import { problemOfStoreError } from './store-errors.js';

describe('problemOfStoreError', () => {
  it('passes a refusal of the input on as it is, with its status', () => {
    const problem = problemOfStoreError(new StoreError('too-large', 'The document is 6.0 MB, over the 5 MB limit for one document.'))!;
    expect(problem.toProblem()).toMatchObject({ status: 413, detail: 'The document is 6.0 MB, over the 5 MB limit for one document.' });
  });

  it('says when to try again when the corpus is busy', () => {
    const problem = problemOfStoreError(new StoreError('busy', 'The corpus is busy with another change; try again in a moment.'))!;
    expect(problem.toProblem()).toMatchObject({ status: 503, detail: 'The corpus is busy with another change; try again in a moment.' });
    expect(problem.headers).toEqual({ 'Retry-After': '1' });
  });

  it('says the database does not answer, and when to try again, without its address', () => {
    const problem = problemOfStoreError(new StoreError('unavailable', 'The database does not answer: no PostgreSQL server answers at that address (connection refused); try again once it is back.'))!;
    expect(problem.toProblem()).toMatchObject({ status: 503, detail: expect.stringMatching(/^The database does not answer/) });
    expect(problem.headers).toEqual({ 'Retry-After': '5' });
  });

  it('gives no path or SQLite message of a failure of the server’s own', () => {
    for (const code of ['open', 'corpus', 'schema-newer'] as const) {
      const problem = problemOfStoreError(new StoreError(code, 'Cannot open the database /srv/verbatim/data/verbatim.db: SQLITE_CANTOPEN.'))!;
      expect(problem.toProblem()).toMatchObject({ status: 500, detail: SERVER_FAILURE_DETAIL });
    }
  });

  it('names the documents of a failed alignment, never the engine’s own error', () => {
    const error = new StoreError('align', 'Aligning "op-ed" against "statement" failed, so nothing was stored.', {
      cause: new TypeError("Cannot read properties of undefined (reading 'start') at locate.ts:212"),
    });
    const problem = problemOfStoreError(error)!;
    expect(problem.toProblem()).toMatchObject({ status: 500, detail: 'Aligning "op-ed" against "statement" failed, so nothing was stored.' });
  });
});
