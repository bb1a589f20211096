/**
 * What went wrong, for code that must react (the API maps codes to HTTP statuses, the CLI
 * to exit messages). The message is always one sentence a user can act on.
 */
export type StoreErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'format'
  | 'invalid'
  | 'schema-newer'
  | 'open'
  | 'busy'
  /** The database server does not answer (down, unreachable, restarting): nothing was done, try again once it is back. */
  | 'unavailable'
  | 'corpus'
  | 'fetch-refused'
  | 'fetch-failed'
  | 'align';

/** The store's one error type: refusals of input, unusable databases, failed alignments. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The refusal of a database a newer Verbatim wrote: the same sentence on either engine. */
export function schemaNewer(location: string, version: number, latest: number): StoreError {
  return new StoreError(
    'schema-newer',
    `The database ${location} has schema version ${version}, newer than the ${latest} this version of Verbatim understands; upgrade Verbatim to open it.`,
  );
}
