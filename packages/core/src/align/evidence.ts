import { isFunctionWord } from '../text/function-words.js';
import { CLOSING_MARKS } from '../detect/quotation-marks.js';
import type { Token } from '../text/tokenize.js';
import type { Run } from './runs.js';
import type { WordRange } from './state.js';

/**
 * What a match proves. Function words prove nothing ("of the", "and the"); a proper name
 * or a title ("the People's Republic of China", "the Treaty on the Non-Proliferation of
 * Nuclear Weapons") proves only that two texts talk about the same thing. A passage needs
 * content words, and some of them ordinary ones.
 */
export interface Evidence {
  /** Content words matched. */
  content: number;
  /** Of those, the ones that are not part of a name. */
  plain: number;
}

/** How many content words a stretch of tokens has. */
export function contentWordsIn(tokens: readonly Token[], words: WordRange): number {
  let n = 0;
  for (let i = words.start; i < words.end; i++) if (!isFunctionWord(tokens[i]!.key)) n++;
  return n;
}

/** The evidence of runs of exactly matched words, judged on the source's side (where a name is capitalized in mid-sentence). */
export function evidenceOf(sourceText: string, sourceTokens: readonly Token[], runs: readonly Run[]): Evidence {
  let content = 0;
  let plain = 0;
  for (const run of runs) {
    for (let k = 0; k < run.length; k++) {
      const i = run.s + k;
      if (isFunctionWord(sourceTokens[i]!.key)) continue;
      content++;
      if (!isNameAt(sourceText, sourceTokens, i)) plain++;
    }
  }
  return { content, plain };
}

const UPPER = /^\p{Lu}/u;
/** What stands between the previous word and a sentence's first: a full stop, a colon, a line break. */
const SENTENCE_START = new RegExp(`[.!?:;][${CLOSING_MARKS})]*\\s*$|\\n\\s*$`, 'u');

/** A word capitalized in mid-sentence: a name, or a word of a title. */
export function isNameAt(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!UPPER.test(text.slice(t.start, t.end))) return false;
  if (i === 0) return false;
  return !SENTENCE_START.test(text.slice(tokens[i - 1]!.end, t.start));
}
