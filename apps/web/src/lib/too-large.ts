/** The most a document may be, in bytes of UTF-8: the store's limit (MAX_INPUT_BYTES). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * What a reader is told of a document over the limit, in the store's own words (packages/store,
 * ingest/decode.ts): the add form's refusal (lib/server/add-form.ts reads the upload as it
 * comes) says the same beside its field as the API's.
 */
export function tooLargeDocument(bytes: number): string {
  return `The document is ${(bytes / (1024 * 1024)).toFixed(1)} MB, over the 5 MB limit for one document.`;
}

/**
 * What a reader is told of a form post over the limit the app holds every post but the add
 * form's to (the error page).
 */
export const TOO_LARGE = 'This upload is larger than the server takes; a document may be at most 5 MB of text.';

/**
 * What the add form says of a pasted text too long to be given back with it (more than the
 * 6 MB any other form post may send).
 */
export const TEXT_NOT_KEPT = 'The text is more than 6 MB, over the 5 MB limit for one document, and too long to give back here, so the text box is empty.';
