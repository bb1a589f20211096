/**
 * One way from two documents as written (text, Markdown or HTML) to an alignment report,
 * whether they are stored or only read from files: `verbatim align`, `verbatim add` and the
 * API give the same report for the same file because they all come through here.
 */
import { createRequire } from 'node:module';
import { align, wordnetLexicon, type AlignmentReport, type AlignOptions } from '@verbatim/core';
import { toPlainText } from './ingest/convert.js';
import { sha256Hex } from './sha256.js';
import { decodeInput } from './ingest/decode.js';
import type { DocumentFormat, EmphasisSpan } from './types.js';

/** A document as the engine reads it: plain text, and the emphasis its format carried. */
export interface IngestedText {
  text: string;
  format: DocumentFormat;
  emphasis: EmphasisSpan[];
}

/**
 * The text the store would keep for an input, and its emphasis spans: plain text exactly as
 * given, Markdown and HTML rendered to plain text. Refuses (StoreError) what the store refuses.
 */
export function ingestText(input: string, format: DocumentFormat): IngestedText {
  const { text, emphasis } = toPlainText(decodeInput({ text: input }), format);
  return { text, format, emphasis };
}

export interface AlignableDocument extends IngestedText {
  id?: string;
  title?: string;
}

/** WordNet for the paraphrase layer: read once, the first time a quotation needs it, never before. */
const lexicon = wordnetLexicon(createRequire(import.meta.url));

export function alignDocuments(source: AlignableDocument, commentary: AlignableDocument): AlignmentReport {
  // Hashed here, natively, so that align does not hash both texts again in JavaScript.
  const options: AlignOptions = { lexicon, sourceSha256: sha256Hex(source.text), commentarySha256: sha256Hex(commentary.text) };
  if (source.id !== undefined) options.sourceId = source.id;
  if (source.title !== undefined) options.sourceTitle = source.title;
  if (commentary.id !== undefined) options.commentaryId = commentary.id;
  if (commentary.title !== undefined) options.commentaryTitle = commentary.title;
  // Plain text carries no emphasis: leaving the option out lets the report say the
  // emphasized words are unknown instead of claiming there are none.
  if (commentary.format !== 'text') options.commentaryEmphasis = commentary.emphasis;
  return align(source.text, commentary.text, options);
}
