/** The most a document may be, in bytes of UTF-8: the store's limit (MAX_INPUT_BYTES). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * What a reader is told of a document over the limit, in the store's own words (packages/store,
 * ingest/decode.ts): a paste or a file refused by the server's body limit, before any route
 * runs, gets the same sentence beside its field as one the API refused.
 */
export function tooLargeDocument(bytes: number): string {
  return `The document is ${(bytes / (1024 * 1024)).toFixed(1)} MB, over the 5 MB limit for one document.`;
}

/**
 * What a reader is told of an upload over the server's body limit when its size is not known
 * (the add form without JavaScript: the error page).
 */
export const TOO_LARGE = 'This upload is larger than the server takes; a document may be at most 5 MB of text.';
