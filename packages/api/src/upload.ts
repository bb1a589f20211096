import { formatOf, type DocumentFormat } from '@verbatim/store';
import { ProblemError } from './problem.js';

/**
 * The format of an uploaded file: the one given, else what its name and media type say (the
 * store's `formatOf`, the rule of the CLI and the corpus loader). A file neither identifies
 * (a PDF, a Word document) is refused as unsupported.
 */
export function formatOfUpload(file: File, given: DocumentFormat | undefined): DocumentFormat {
  if (given) return given;
  const format = formatOf({ fileName: file.name, mediaType: file.type });
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
