import { detectQuotations, shingles } from '@verbatim/core';

/** Half-open offsets into the checked text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A quotation of the checked text, as its marks delimit it: what candidate search looks
 * for and what the verdicts are grouped by. `extent` runs from the opening to the closing
 * mark (or to where the marks leave it open); `content` is what is between them.
 */
export interface QuotedStretch {
  extent: TextRange;
  content: TextRange;
  /** The content's words as FTS5 sees them (letters and digits), in order. */
  words: string[];
  /** Its word 4-grams, as the shingle index hashes them. */
  hashes: number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The outermost quotations of a text, each with its words and shingles. Nested ones are
 * inside their outer quotation's content, so their words are searched with it.
 */
export function quotedStretches(text: string): QuotedStretch[] {
  return detectQuotations(text)
    .filter((q) => q.depth === 0)
    .map((q) => {
      const content = { start: q.content.start, end: q.content.end };
      const slice = text.slice(content.start, content.end);
      return {
        extent: { start: q.open?.start ?? content.start, end: q.close?.end ?? content.end },
        content,
        words: slice.match(WORD) ?? [],
        hashes: shingles(slice),
      };
    });
}
