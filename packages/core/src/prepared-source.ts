import { SourceIndex } from './align/source-index.js';
import { splitParagraphs } from './text/paragraphs.js';
import { sha256Hex } from './text/sha256.js';
import { tokenize, type Token } from './text/tokenize.js';
import type { Paragraph } from './types.js';

/**
 * What aligning reads of a source whatever the commentary: its words, their index, its
 * paragraphs and its digest. None of it is changed by an alignment. It is good until the
 * cache forgets the source: its token objects are then the next source's (`preparedSource`),
 * so it is asked for afresh for each alignment and held no longer than that.
 */
export interface PreparedSource {
  readonly tokens: readonly Token[];
  readonly index: SourceIndex;
  readonly paragraphs: readonly Paragraph[];
  /** SHA-256 of the text, computed when first asked for. */
  sha256(): string;
}

interface Entry extends PreparedSource {
  readonly text: string;
}

/**
 * The last few sources prepared, so that checking commentary after commentary against the
 * same source (as you type, or a corpus of reports against one statement) prepares it once:
 * that is most of an alignment's work. What is kept depends only on the text, so it never
 * changes a result. Bounded in number and in total length, so a long-running process holds
 * little.
 */
const recent: Entry[] = [];
const RECENT_SOURCES = 4;
/** UTF-16 code units of source text kept at most, over all entries (a megabyte's analysis is about 17 MB). */
const RECENT_LENGTH = 2_000_000;

export function preparedSource(text: string): PreparedSource {
  const hit = recent.findIndex((e) => e.text === text);
  if (hit >= 0) {
    const entry = recent[hit]!;
    if (hit > 0) {
      recent.splice(hit, 1);
      recent.unshift(entry);
    }
    return entry;
  }
  // The sources that stay beside this one; the first one forgotten lends it its tokens
  // (nothing outside this module holds a prepared source past the alignment it was got for).
  const fits = text.length <= RECENT_LENGTH;
  let total = text.length;
  let stay = 0;
  while (fits && stay < recent.length && stay + 1 < RECENT_SOURCES && total + recent[stay]!.text.length <= RECENT_LENGTH) total += recent[stay++]!.text.length;
  const forgotten = recent[stay];
  recent.length = stay;
  const entry = prepare(text, forgotten?.tokens);
  if (fits) recent.unshift(entry);
  return entry;
}

function prepare(text: string, recycle: readonly Token[] | undefined): Entry {
  const tokens = tokenize(text, { recycle });
  let sha: string | undefined;
  return {
    text,
    tokens,
    index: new SourceIndex(tokens),
    paragraphs: splitParagraphs(text),
    sha256: () => (sha ??= sha256Hex(text)),
  };
}
