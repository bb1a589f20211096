import type { DetectedMark } from '../detect/marks.js';
import { isEmphasis } from '../detect/marks.js';
import type { Quotation } from '../detect/quotations.js';
import { CLOSING_MARKS, isQuotationMark } from '../detect/quotation-marks.js';
import { lowerBound, tokensIn } from '../text/token-ranges.js';
import type { Offsets, Token, WordRange } from '../text/tokenize.js';
import type { LexiconData } from '../lexicon/lexicon.js';
import type { Block } from '../text/paragraphs.js';
import type { PassageKind, QuotationMarks } from '../types.js';
import type { Chain, ChainOptions } from './chain.js';
import { MatchWeights } from './evidence.js';
import { extend } from './extend.js';
import { findRuns, sortedRuns, type Run } from './runs.js';
import type { SourceIndex } from './source-index.js';

export type { Offsets, WordRange } from '../text/tokenize.js';

/** How a passage was found: its words in order (`exact`) or its content words through lemmas and synonyms. */
export type MatchKind = 'exact' | 'paraphrase';

/**
 * A passage located in both texts, before its differences are classified. A paraphrase
 * carries the similarity its content words give: its words mostly differ from the
 * source's, so a word-for-word comparison would call it nothing alike.
 */
export type Located = LocatedPlace & ({ evidence: 'exact' } | { evidence: 'paraphrase'; similarity: number });

interface LocatedPlace {
  kind: PassageKind;
  quotationMarks: QuotationMarks | null;
  /** Offsets of the passage in the commentary. */
  commentary: Offsets;
  /** Its words, as commentary token indices. */
  words: WordRange;
  /** Source token indices it reproduces; null when the quotation is not in the source. */
  sourceWords: WordRange | null;
  /** The runs of words matched exactly, in order: the differences lie between them. */
  anchors: Run[];
  /** Other source places that fit as well (token indices), when the evidence cannot tell them apart. */
  alternatives: WordRange[];
}

export interface LocateInput {
  source: string;
  commentary: string;
  sourceTokens: readonly Token[];
  commentaryTokens: readonly Token[];
  index: SourceIndex;
  /** The commentary's words as source word ids. */
  ids: Int32Array;
  marks: readonly DetectedMark[];
  quotations: readonly Quotation[];
  /** The commentary's blocks (paragraphs.ts), as quotation detection found them. */
  commentaryBlocks: readonly Block[];
  minBorrowingWords: number;
  minNotFoundWords: number;
  /** Loads the paraphrase layer's lexicon, if the caller has one. */
  lexicon: (() => LexiconData) | undefined;
}

/**
 * What every pass reads: the input, the chaining rules, and the sentence-final emphasis
 * markers that bound passages. Built once per alignment; no pass changes it.
 */
export interface LocateState extends LocateInput {
  chainOptions: ChainOptions;
  /** Sentence-final emphasis markers: a passage does not run across one. */
  breaks: readonly Offsets[];
  /** Ellipsis marks of the commentary, sorted by start. */
  ellipses: readonly DetectedMark[];
  /** Editorial bracket marks of the commentary, sorted by start. */
  brackets: readonly DetectedMark[];
  /** What matched words prove about a place: function words, names, ordinary content words (see evidence.ts). */
  weights: MatchWeights;
}

const MAX_GAP = 8;
/** An ellipsis may hide any length of source: whole sections are cut that way. */
const MAX_ELLIPSIS_GAP = Number.MAX_SAFE_INTEGER;
/** A bracket stands for a phrase ([AUKUS] for the partnership's full name) or bridges a silent cut. */
const MAX_BRACKET_GAP = 60;
const TRAILING_PUNCTUATION = /[.,;:!?]/u;
const SENTENCE_END_BEFORE = new RegExp(`[.!?][${CLOSING_MARKS}]*\\s*$`, 'u');

export function locateState(input: LocateInput): LocateState {
  const ellipses = input.marks.filter((m) => m.type === 'ellipsis');
  const brackets = input.marks.filter((m) => m.type === 'bracket');
  const weights = new MatchWeights(input.source, input.sourceTokens, input.commentary, input.commentaryTokens);
  // The input's fields written out, not spread: a spread with more fields after it is a
  // slow copy, and this runs for every alignment.
  const state: LocateState = {
    source: input.source,
    commentary: input.commentary,
    sourceTokens: input.sourceTokens,
    commentaryTokens: input.commentaryTokens,
    index: input.index,
    ids: input.ids,
    marks: input.marks,
    quotations: input.quotations,
    commentaryBlocks: input.commentaryBlocks,
    minBorrowingWords: input.minBorrowingWords,
    minNotFoundWords: input.minNotFoundWords,
    lexicon: input.lexicon,
    ellipses,
    brackets,
    weights,
    breaks: input.marks.filter((m) => isEmphasis(m) && endsSentence(input.commentary, m)),
    chainOptions: {
      maxGap: MAX_GAP,
      maxEllipsisGap: MAX_ELLIPSIS_GAP,
      ellipsisBetweenWords: (from, to) => markBetweenWords(state, ellipses, from, to),
      maxBracketGap: MAX_BRACKET_GAP,
      bracketedWords: (from, to) => {
        for (let i = from; i < to; i++) if (!input.commentaryTokens[i]!.bracketed) return false;
        return true;
      },
      weigh: (c, length) => weights.of(c, length),
    },
  };
  return state;
}

/** Whether one of `marks` lies between commentary token `from - 1` and token `to`. */
export function markBetweenWords(state: LocateInput, marks: readonly Offsets[], from: number, to: number): boolean {
  const tokens = state.commentaryTokens;
  const a = from > 0 ? tokens[from - 1]!.end : 0;
  const b = to < tokens.length ? tokens[to]!.start : state.commentary.length;
  return markBetweenOffsets(marks, a, b);
}

/** Whether one of `marks` (sorted by start) lies wholly between two commentary offsets. */
export function markBetweenOffsets(marks: readonly Offsets[], from: number, to: number): boolean {
  const first = marks[lowerBound(marks, from, (e) => e.start)];
  return first !== undefined && first.end <= to;
}

/**
 * The runs of a quotation's words in the source, each cut where the commentary marks an
 * ellipsis: the words after the mark are a fragment of their own, free to lie anywhere
 * later in the source. Uncut, a fragment that starts with the word that happens to follow
 * the first fragment in the source ("… transformation … It is only up to the people", the
 * source going on "transformation. It sees …") would be held to that place, and the rest
 * of it read as a substitution. Two pieces on one diagonal chain back at no cost.
 */
export function runsIn(state: LocateState, words: WordRange): Run[] {
  const runs = findRuns(state.index, state.ids, words);
  if (state.ellipses.length === 0) return runs;
  const tokens = state.commentaryTokens;
  // Token index of the first word after each ellipsis inside these words.
  const cuts: number[] = [];
  // Only the ellipses among these words (they are sorted by start): a long commentary has many.
  const from = tokens[words.start]!.end;
  const to = tokens[words.end - 1]!.start;
  for (let k = lowerBound(state.ellipses, from, (m) => m.start); k < state.ellipses.length && state.ellipses[k]!.end <= to; k++) {
    const e = state.ellipses[k]!;
    const after = lowerBound(tokens, e.end, (t) => t.start);
    if (after > words.start && after < words.end && tokens[after - 1]!.end <= e.start) cuts.push(after);
  }
  if (cuts.length === 0) return runs;
  const out: Run[] = [];
  for (const r of runs) {
    let { c, s, length } = r;
    for (const cut of cuts) {
      if (cut <= c || cut >= c + length) continue;
      const head = cut - c;
      out.push({ c, s, length: head });
      c += head;
      s += head;
      length -= head;
    }
    out.push({ c, s, length });
  }
  return sortedRuns(out);
}

/** Token indices of the commentary words inside a range of offsets. */
export function wordsIn(state: LocateState, r: Offsets): WordRange {
  return tokensIn(state.commentaryTokens, r);
}

/**
 * Grows a chain over the words around it that the seeds could not reach. `wholeLeft` and
 * `wholeRight` say the words up to the limit belong to the passage whatever they are
 * (they are inside its quotation marks).
 */
export function extendChain(state: LocateState, chain: Chain, limit: WordRange, wholeLeft: boolean, wholeRight: boolean): { words: WordRange; source: WordRange } {
  // Each request written out, not spread from a shared part: a spread object costs several
  // times more to make, and this runs for every chain and every tie.
  const sourceText = state.source;
  const commentary = state.commentaryTokens;
  const source = state.sourceTokens;
  const left = extend({ sourceText, commentary, source, cFrom: chain.cStart, sFrom: chain.sStart, cAvailable: chain.cStart - limit.start, direction: -1, wholeCommentary: wholeLeft });
  const right = extend({ sourceText, commentary, source, cFrom: chain.cEnd, sFrom: chain.sEnd, cAvailable: limit.end - chain.cEnd, direction: 1, wholeCommentary: wholeRight });
  return {
    words: { start: chain.cStart - left.c, end: chain.cEnd + right.c },
    source: { start: chain.sStart - left.s, end: chain.sEnd + right.s },
  };
}

/** Whether the source puts quotation marks of its own around these words. */
export function quotedInSource(state: LocateState, r: WordRange | null): boolean {
  if (!r || r.end <= r.start) return false;
  const text = state.source;
  const before = text.slice(0, state.sourceTokens[r.start]!.start).trimEnd();
  const after = text.slice(state.sourceTokens[r.end - 1]!.end).trimStart();
  return isQuotationMark(before.slice(-1)) && isQuotationMark(after.slice(0, 1));
}

/** A passage ends with its sentence's full stop when the source has it there too. */
export function withTrailingPunctuation(state: LocateState, end: number, source: WordRange): number {
  const c = state.commentary[end];
  const sourceEnd = state.sourceTokens[source.end - 1]!.end;
  return c !== undefined && TRAILING_PUNCTUATION.test(c) && state.source[sourceEnd] === c ? end + 1 : end;
}

/** An emphasis marker between two sentences closes the passage before it. */
function endsSentence(text: string, mark: Offsets): boolean {
  const before = text.slice(Math.max(0, mark.start - 4), mark.start);
  const after = text.slice(mark.end, mark.end + 2);
  return SENTENCE_END_BEFORE.test(before) || /^\s*[.!?]/u.test(after);
}

export function trimmed(text: string, r: Offsets): Offsets {
  const slice = text.slice(r.start, r.end);
  const start = r.start + (slice.length - slice.trimStart().length);
  return { start, end: Math.max(start, r.end - (slice.length - slice.trimEnd().length)) };
}
