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

  it('leaves other errors alone, for main to report as unexpected', () => {
    const bug = new TypeError('x is undefined');
    expect(fromStoreError(bug)).toBe(bug);
  });
});
