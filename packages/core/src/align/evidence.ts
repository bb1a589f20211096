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

/**
 * How much one matched word says about where a passage comes from, when two places fit:
 * an ordinary content word counts whole, a word of a name or a title a little (it says
 * what the text is about, not where), a function word nothing. Powers of two, so that
 * sums are exact and equal evidence is a true tie.
 */
const PLAIN_WEIGHT = 1;
const NAME_WEIGHT = 0.25;

/** What a word is, once known: not yet looked at, a function word, capitalized in mid-sentence, capitalized at a sentence's start, lower case. */
const UNKNOWN = 0;
const FUNCTION = 1;
const CAPITAL_INSIDE = 2;
const CAPITAL_AT_START = 3;
const LOWER = 4;

/**
 * What words matched between the two texts prove. Two questions, two answers:
 *
 * - Is this place more than a name? A matched word is part of a name when both texts
 *   capitalize it and one of them does so in mid-sentence: "States" in the source is no
 *   name where the quotation writes "states", and "Joint Statement" at the start of the
 *   source is one where a commentary capitalizes it in mid-sentence (`kindOf`, `count`,
 *   `isEnough`).
 * - Which of two places has more evidence? Each quoted word weighs the same at every place
 *   it could come from, or the place that writes a title in lower case ("the peaceful uses
 *   of outer space") would beat the one that has the quoter's capitals ("the UN Committee on
 *   the Peaceful Uses of Outer Space"): the weight is the commentary word's, a name when the
 *   commentary capitalizes it in mid-sentence (`of`).
 *
 * Each word is looked at when first asked for: most of a source is never matched.
 */
export class MatchWeights {
  private readonly sourceKinds: Uint8Array;
  /** The commentary's words, looked at the same way (as a function word or not, and their capitalization), when first asked for. */
  private readonly commentaryKinds: Uint8Array;

  constructor(
    private readonly source: string,
    private readonly sourceTokens: readonly Token[],
    private readonly commentary: string,
    private readonly commentaryTokens: readonly Token[],
  ) {
    this.sourceKinds = sourceKindsOf(sourceTokens);
    this.commentaryKinds = new Uint8Array(commentaryTokens.length);
  }

  /** Whether source word `s`, matched by commentary word `c`, is a function word, part of a name, or an ordinary content word. */
  kindOf(s: number, c: number): 'function' | 'name' | 'plain' {
    let kind = this.sourceKinds[s]!;
    if (kind === UNKNOWN) this.sourceKinds[s] = kind = kindAt(this.source, this.sourceTokens, s);
    if (kind === FUNCTION) return 'function';
    if (kind === LOWER) return 'plain';
    let other = this.commentaryKind(c);
    // A word that matches a content word is capitalized as it is, whatever its own kind.
    if (other === FUNCTION) other = capitalization(this.commentary, this.commentaryTokens, c);
    if (other === LOWER) return 'plain';
    return kind === CAPITAL_INSIDE || other === CAPITAL_INSIDE ? 'name' : 'plain';
  }

  /** How many content words a stretch of the commentary has. */
  contentWordsIn(words: WordRange): number {
    let n = 0;
    for (let i = words.start; i < words.end; i++) if (this.commentaryKind(i) !== FUNCTION) n++;
    return n;
  }

  /** The evidence of `length` commentary words from word `c` on, matched anywhere: the same at every place. */
  of(c: number, length: number): number {
    let sum = 0;
    for (let k = c; k < c + length; k++) {
      const kind = this.commentaryKind(k);
      sum += kind === FUNCTION ? 0 : kind === CAPITAL_INSIDE ? NAME_WEIGHT : PLAIN_WEIGHT;
    }
    return sum;
  }

  /** The evidence of runs of exactly matched words. */
  ofRuns(runs: readonly Run[]): number {
    let sum = 0;
    for (const r of runs) sum += this.of(r.c, r.length);
    return sum;
  }

  private commentaryKind(c: number): number {
    let kind = this.commentaryKinds[c]!;
    if (kind === UNKNOWN) this.commentaryKinds[c] = kind = kindAt(this.commentary, this.commentaryTokens, c);
    return kind;
  }

  /** The content words and plain words that runs of exactly matched words have. */
  count(runs: readonly Run[]): Evidence {
    let content = 0;
    let plain = 0;
    for (const r of runs) {
      for (let k = 0; k < r.length; k++) {
        const kind = this.kindOf(r.s + k, r.c + k);
        if (kind === 'function') continue;
        content++;
        if (kind === 'plain') plain++;
      }
    }
    return { content, plain };
  }

  /**
   * Evidence beyond a name or a stock phrase: the runs match at least half the content
   * words of the passage's words, and one of them is not part of a name. Every pass holds
   * its passages to this; less is not this place.
   */
  isEnough(words: WordRange, runs: readonly Run[]): boolean {
    const evidence = this.count(runs);
    return 2 * evidence.content >= this.contentWordsIn(words) && evidence.plain >= 1;
  }
}

/**
 * The kinds of a source's words, kept with its tokens: a source's tokens are kept for the
 * commentaries aligned against it (prepared-source.ts), and what its words are does not
 * depend on the commentary. Tokens are made for one text, so the array alone says which.
 */
const sourceKinds = new WeakMap<readonly Token[], Uint8Array>();

function sourceKindsOf(tokens: readonly Token[]): Uint8Array {
  let kinds = sourceKinds.get(tokens);
  if (!kinds) sourceKinds.set(tokens, (kinds = new Uint8Array(tokens.length)));
  return kinds;
}

/** What a word is: a function word, or a content word by its capitalization. */
function kindAt(text: string, tokens: readonly Token[], i: number): number {
  return isFunctionWord(tokens[i]!.key) ? FUNCTION : capitalization(text, tokens, i);
}

const UPPER = /^\p{Lu}/u;
/** What stands between the previous word and a sentence's first: a full stop, a colon, a line break. */
const SENTENCE_START = new RegExp(`[.!?:;][${CLOSING_MARKS})]*\\s*$|\\n\\s*$`, 'u');

/** Whether a word is in lower case, or capitalized at a sentence's start or inside one. */
function capitalization(text: string, tokens: readonly Token[], i: number): typeof CAPITAL_INSIDE | typeof CAPITAL_AT_START | typeof LOWER {
  const t = tokens[i]!;
  // The first letter decides; two code units hold it even outside the BMP. An ASCII one
  // needs no regular expression.
  const first = text.charCodeAt(t.start);
  const upper = first < 0x80 ? first >= 0x41 && first <= 0x5a : UPPER.test(text.slice(t.start, Math.min(t.end, t.start + 2)));
  if (!upper) return LOWER;
  if (i === 0 || SENTENCE_START.test(text.slice(tokens[i - 1]!.end, t.start))) return CAPITAL_AT_START;
  return CAPITAL_INSIDE;
}

/** A word capitalized in mid-sentence: a name, or a word of a title. */
export function isNameAt(text: string, tokens: readonly Token[], i: number): boolean {
  return capitalization(text, tokens, i) === CAPITAL_INSIDE;
}
