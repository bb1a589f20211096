import type { DocumentFormat } from '../types.js';

/** File extensions (lower case, without the dot) of the formats Verbatim reads. */
const BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** Media types (without parameters) of the formats Verbatim reads. */
const BY_MEDIA_TYPE: Readonly<Record<string, DocumentFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

/**
 * The format of a document from what its container says about it: the file name's extension
 * first (a user names a file on purpose; a browser's media type for `.md` is often
 * `application/octet-stream` or nothing), then the media type. Undefined when neither tells:
 * the caller refuses, or asks, rather than guess — read as plain text, a Markdown or HTML file
 * would keep its markup and lose its emphasis. The one rule for the CLI, the API and the
 * corpus loader, so that the same file is read the same way everywhere.
 */
export function formatOf(container: { fileName?: string | null; mediaType?: string | null }): DocumentFormat | undefined {
  const name = container.fileName ?? '';
  // The last extension of the last path segment: `statement.en.txt` is text, `notes.d/x` none.
  const extension = /\.([A-Za-z0-9]+)$/.exec(name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1))?.[1];
  const byName = extension === undefined ? undefined : BY_EXTENSION[extension.toLowerCase()];
  if (byName) return byName;
  const type = (container.mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  return BY_MEDIA_TYPE[type];
}
