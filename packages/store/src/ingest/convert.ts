import { StoreError } from '../errors.js';
import type { DocumentFormat } from '../types.js';
import { refuseEmpty } from './decode.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import type { ConvertedText } from './plain-text-builder.js';

export const FORMATS: readonly DocumentFormat[] = ['text', 'markdown', 'html'];

export function isFormat(value: unknown): value is DocumentFormat {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** The text the store keeps: plain text exactly as given, Markdown and HTML rendered to plain text. */
export function toPlainText(input: string, format: DocumentFormat): ConvertedText {
  const converted =
    format === 'text' ? { text: input, emphasis: [] }
    : format === 'markdown' ? markdownToText(input)
    : format === 'html' ? htmlToText(input)
    : refuseFormat(format);
  refuseEmpty(converted.text);
  return converted;
}

export function refuseFormat(format: unknown): never {
  throw new StoreError('format', `The format ${JSON.stringify(format)} is not supported; give text, markdown or html.`);
}
