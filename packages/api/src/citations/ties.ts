import type { FoundPassage } from '@verbatim/core';

/**
 * Every source place a passage fits equally, in source order (the first is the one its span,
 * differences and citation give); empty when it fits one. The engine cannot tell which of
 * them was quoted, so every export that names a place names them all.
 */
export function tiedLocators(passage: Pick<FoundPassage, 'candidates'>): string[] {
  return passage.candidates && passage.candidates.length > 1 ? passage.candidates.map((c) => c.locator) : [];
}

/**
 * The sentence a citation carries when its passage fits several places equally, each place
 * as the note writes one (`sec. I, para. 5`, or a document and its place when they lie in
 * several sources): without it, a reader of the citation would take the first for the answer.
 */
export function tieSentence(places: readonly string[], sources = 1): string {
  const where = sources > 1 ? `in ${sources} sources` : 'of the source';
  return `The passage fits ${places.length} places ${where} equally (${places.join('; ')}): nothing in its words tells which was quoted, and this citation gives the first.`;
}
