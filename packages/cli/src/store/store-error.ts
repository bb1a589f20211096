import { StoreError } from '@verbatim/store';
import { busyError, inputError } from '../cli-error.js';

export interface StoreErrorOptions {
  /** Replaces "The document" at the start of a refusal: the file name the user typed. */
  subject?: string;
}

/**
 * A StoreError as the command line reports it: the store's one sentence, starting in lower
 * case after the `verbatim <command>: ` prefix, exit status 1 (75 when the corpus was busy or
 * its database did not answer: nothing was done and the same command may simply be run again). Anything else is returned
 * as it is, for `main` to report as unexpected.
 */
export function fromStoreError(error: unknown, options: StoreErrorOptions = {}): unknown {
  if (!(error instanceof StoreError)) return error;
  let message = error.message.trim();
  if (options.subject && /^The document\b/.test(message)) message = message.replace(/^The document/, options.subject);
  return error.code === 'busy' || error.code === 'unavailable' ? busyError(lowerFirst(message)) : inputError(lowerFirst(message));
}

/** "The search …" → "the search …", but "SQLite …" and "VERBATIM_DB …" stay as written. */
function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}
