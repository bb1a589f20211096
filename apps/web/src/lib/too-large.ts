/**
 * What a reader is told of an upload over the server's body limit: refused before any route
 * runs (the server reads no more of it), so no refusal of the API can say it.
 */
export const TOO_LARGE = 'This upload is larger than the server takes; a document may be at most 5 MB of text.';
