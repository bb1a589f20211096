import type { DocumentFormat } from '@verbatim/store';
import { ProblemError } from './problem.js';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

const BY_TYPE: Record<string, DocumentFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

/**
 * The format of an uploaded file: the one given, else its extension, else its media type.
 * A file none of them identifies (a PDF, a Word document) is refused as unsupported.
 */
export function formatOfUpload(file: File, given: DocumentFormat | undefined): DocumentFormat {
  if (given) return given;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  const format = (extension && BY_EXTENSION[extension]) || BY_TYPE[file.type.split(';')[0]!.trim().toLowerCase()];
  if (format) return format;
  throw new ProblemError(
    415,
    `The file ${JSON.stringify(file.name)} is not plain text, Markdown or HTML (by its name and type); upload a .txt, .md or .html file, or say its format.`,
  );
}

/** A title for a file uploaded without one: its name without the extension. */
export function titleOfUpload(file: File): string {
  return file.name.replace(/\.[A-Za-z0-9]+$/, '').trim() || 'Untitled document';
}
