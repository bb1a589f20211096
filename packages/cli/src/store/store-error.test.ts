import { StoreError } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.js';
import { fromStoreError } from './store-error.js';

describe('fromStoreError', () => {
  it('turns a StoreError into a one-sentence input error (exit 1), lower-cased after the prefix', () => {
    const error = fromStoreError(new StoreError('invalid', 'The date "x" is not a date (YYYY, YYYY-MM or YYYY-MM-DD).'));
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toBe('the date "x" is not a date (YYYY, YYYY-MM or YYYY-MM-DD).');
  });

  it('names the file instead of "the document" when told which file it was', () => {
    const error = fromStoreError(new StoreError('empty', 'The document is empty: it has no text to store.'), { subject: '"page.html"' });
    expect((error as CliError).message).toBe('"page.html" is empty: it has no text to store.');
  });

  it('keeps capitals that are not the start of an ordinary word', () => {
    expect((fromStoreError(new StoreError('open', 'SQLite could not open the file.')) as CliError).message).toBe('SQLite could not open the file.');
  });

  it('exits 75, try again, when a team server\'s database was busy or did not answer', () => {
    for (const error of [
      new StoreError('busy', 'The database is busy: every connection to it stayed in use; try again in a moment.'),
      new StoreError('unavailable', 'The database does not answer: the server closed the connection; try again once it is back.'),
    ]) {
      const said = fromStoreError(error) as CliError;
      expect(said.exitCode).toBe(75);
      expect(said.message).toBe(error.message.replace(/^T/, 't'));
    }
  });

  it('leaves other errors alone, for main to report as unexpected', () => {
    const bug = new TypeError('x is undefined');
    expect(fromStoreError(bug)).toBe(bug);
  });
});
