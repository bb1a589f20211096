import { extname } from 'node:path';
import { formatOf, type DocumentFormat } from '@verbatim/store';
import { usageError } from './cli-error.js';

export const INPUT_FORMATS: readonly DocumentFormat[] = ['text', 'markdown', 'html'];

/**
 * The format a document is written in: `--input-format` when given, else its file extension
 * (the store's `formatOf`, the rule the API and the corpus loader follow too). A file whose
 * extension says nothing is refused rather than guessed at: read as plain text, a Markdown or
 * HTML file would keep its markup and lose its emphasis.
 */
export function inputFormatOf(fileName: string, given: string | undefined): DocumentFormat {
  if (given !== undefined) {
    const format = INPUT_FORMATS.find((f) => f === given);
    if (!format) throw usageError(`unknown input format ${JSON.stringify(given)}; use --input-format text, markdown or html.`);
    return format;
  }
  const format = formatOf({ fileName });
  if (format) return format;
  const extension = extname(fileName).toLowerCase();
  const what = extension ? `the extension ${JSON.stringify(extension)}` : 'a file name without an extension';
  throw usageError(`cannot tell the format of ${JSON.stringify(fileName)} from ${what}; give --input-format text, markdown or html.`);
}
