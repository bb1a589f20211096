import { isFunctionWord } from '../text/function-words.js';
import type { Token } from '../text/tokenize.js';
import type { LocateState, WordRange } from './state.js';

/**
 * What a careful fact-checker may say of a quotation of two or three words, too short for
 * its words alone to pin a place or to prove a fabrication:
 *
 * - the source has it word for word at a few places: it is verbatim, the places its
 *   candidates (the evidence cannot tell which was quoted) — "will 'increase cooperation'";
 * - at many places, it is a stock phrase of the source and says nothing of where it is from;
 * - the source does not have it, yet one of its sentences holds every content word of it
 *   ("build trust" beside "to build dialogue and mutual trust"): a quoter's condensing as
 *   likely as an invention, so the engine gives no verdict rather than call it made up;
 * - no sentence holds them all ("fight hegemonism"): not found is what the source says.
 */

/** Most places a short quotation may have for a verdict; as many as a passage may list as candidates. */
export const MAX_SHORT_PLACES = 8;

/**
 * The source places that have the words word for word, in source order but for the first:
 * the one written as the quotation is, letter for letter, leads the others ("a new era" is
 * compared with the preamble's words, not called a variant of the title's "a New Era").
 * Empty when more than MAX_SHORT_PLACES have them.
 */
export function shortPlaces(state: LocateState, words: WordRange): WordRange[] {
  const n = words.end - words.start;
  const at = state.index.occurrences(state.ids.subarray(words.start, words.end), MAX_SHORT_PLACES + 1);
  if (at.length > MAX_SHORT_PLACES) return [];
  const places = at.sort((a, b) => a - b).map((s) => ({ start: s, end: s + n }));
  const letters = places.map((p) => sameLetters(state, words, p));
  const lead = letters.indexOf(Math.max(...letters));
  return lead <= 0 ? places : [places[lead]!, ...places.filter((_, i) => i !== lead)];
}

/** How many of the quotation's words after its first (whose case is the quoter's sentence's) the place writes the same. */
function sameLetters(state: LocateState, words: WordRange, place: WordRange): number {
  let same = 0;
  for (let k = 1; k < words.end - words.start; k++) if (state.commentaryTokens[words.start + k]!.forms.fold === state.sourceTokens[place.start + k]!.forms.fold) same++;
  return same;
}

/**
 * Whether one sentence of the source holds every content word of the quotation, each in
 * some inflection (its stem): the quotation may then be the source's words condensed.
 * A quotation of function words alone is held by any sentence.
 */
export function oneSentenceHoldsItsWords(state: LocateState, words: WordRange): boolean {
  const stems: string[] = [];
  for (let c = words.start; c < words.end; c++) {
    const token = state.commentaryTokens[c]!;
    if (!isFunctionWord(token.key)) stems.push(token.forms.stem);
  }
  if (stems.length === 0) return true;
  const { positions, sentence } = sourceWords(state.source, state.sourceTokens);
  const lists = stems.map((s) => positions.get(s) ?? []);
  if (lists.some((l) => l.length === 0)) return false;
  lists.sort((a, b) => a.length - b.length);
  const rarest = lists[0]!;
  const others = lists.slice(1).map((l) => new Set(l.map((p) => sentence[p]!)));
  return rarest.some((p) => others.every((set) => set.has(sentence[p]!)));
}

interface SourceWords {
  /** Every source word's positions, by its stem. */
  positions: Map<string, number[]>;
  /** The number of the sentence each source word is in. */
  sentence: Int32Array;
}

/** Made once per source's tokens, when a short quotation first asks: most alignments never do. */
const SOURCE_WORDS = new WeakMap<readonly Token[], SourceWords>();

/** A sentence ends at a full stop, a question or exclamation mark, a semicolon, or a line break. */
const SENTENCE_BREAK = /[.!?;]\s|\n/u;

function sourceWords(source: string, tokens: readonly Token[]): SourceWords {
  let found = SOURCE_WORDS.get(tokens);
  if (found) return found;
  const positions = new Map<string, number[]>();
  const sentence = new Int32Array(tokens.length);
  let number = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i > 0 && SENTENCE_BREAK.test(source.slice(tokens[i - 1]!.end, token.start))) number++;
    sentence[i] = number;
    const list = positions.get(token.forms.stem);
    if (list) list.push(i);
    else positions.set(token.forms.stem, [i]);
  }
  SOURCE_WORDS.set(tokens, (found = { positions, sentence }));
  return found;
}
