import type { DetectedMark } from '../detect/marks.js';
import { isEmphasis } from '../detect/marks.js';
import type { Quotation } from '../detect/quotations.js';
import { blocks } from '../text/paragraphs.js';
import { lowerBound, tokensIn } from '../text/token-ranges.js';
import type { Range, Token } from '../text/tokenize.js';
import type { PassageKind, QuotationMarks } from '../types.js';
import { bestChains, type Chain, type ChainOptions } from './chain.js';
import { extend } from './extend.js';
import { findRuns, type Run } from './runs.js';
import { SEED_LENGTH, type SourceIndex } from './source-index.js';

/** A passage located in both texts, before its differences are classified. */
export interface Located {
  kind: PassageKind;
  quotationMarks: QuotationMarks | null;
  /** Offsets of the passage in the commentary. */
  commentary: Range;
  /** Its words, as commentary token indices. */
  words: Range;
  /** Source token indices it reproduces; null when the quotation is not in the source. */
  source: Range | null;
  /** The runs of words matched exactly, in order: the differences lie between them. */
  anchors: Run[];
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
  minBorrowingWords: number;
  minNotFoundWords: number;
}

const MAX_GAP = 8;
const MAX_ELLIPSIS_GAP = 2000;
/** How many words a quotation with a missing mark may have before its agreement with the source starts. */
const MISSING_MARK_SLACK = 3;
const QUOTE_MARK = /["'\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/u;
const TRAILING_PUNCTUATION = /[.,;:!?]/u;

/**
 * Finds the passages of the commentary in the source, in three passes:
 * quotations whose marks give their extent; quotations missing a mark, whose extent is
 * where the agreement with the source ends; then unmarked borrowings in what is left.
 */
export function locatePassages(input: LocateInput): Located[] {
  const ctx = new Context(input);
  const located: Located[] = [];
  const taken: Range[] = [];
  const isTaken = (r: Range) => taken.some((t) => t.start <= r.start && r.end <= t.end);

  for (const q of input.quotations) {
    if (q.depth > 0 || (q.marks !== 'paired' && q.marks !== 'block')) continue;
    if (isTaken(q.content)) continue;
    let found = ctx.delimitedQuotation(q);
    // A quotation inside a quotation ("He said: 'the sides oppose…'") may be the only part
    // from the source: then it is the passage, not the words of the one who quoted it.
    for (const inner of input.quotations) {
      if (inner.depth !== q.depth + 1 || inner.marks !== 'paired' || !within(inner.content, q.content)) continue;
      const words = ctx.wordsIn(inner.content);
      if (found.length > 0 && found.every((l) => l.anchors.every((a) => a.c >= words.start && a.c + a.length <= words.end))) {
        const own = ctx.delimitedQuotation(inner);
        if (own.length > 0) found = own;
        break;
      }
    }
    if (found.length === 0) continue;
    located.push(...found);
    taken.push({ start: q.open?.start ?? q.content.start, end: q.close?.end ?? q.content.end });
  }

  for (const q of input.quotations) {
    if (q.depth > 0 || (q.marks !== 'opening-missing' && q.marks !== 'closing-missing')) continue;
    const mark = (q.open ?? q.close)!;
    if (isTaken(mark)) continue;
    const found = ctx.quotationMissingMark(q, taken);
    if (!found) continue;
    located.push(found);
    taken.push({
      start: q.open ? q.open.start : found.commentary.start,
      end: q.close ? q.close.end : found.commentary.end,
    });
  }

  for (const segment of ctx.freeSegments(taken)) located.push(...ctx.borrowings(segment));

  return located.sort((a, b) => a.commentary.start - b.commentary.start || a.commentary.end - b.commentary.end);
}

class Context {
  private readonly chainOptions: ChainOptions;
  private readonly breaks: Range[];

  constructor(private readonly input: LocateInput) {
    const ellipses = input.marks.filter((m) => m.type === 'ellipsis');
    const tokens = input.commentaryTokens;
    this.chainOptions = {
      maxGap: MAX_GAP,
      maxEllipsisGap: MAX_ELLIPSIS_GAP,
      ellipsisBetween: (from, to) => {
        const a = from > 0 ? tokens[from - 1]!.end : 0;
        const b = to < tokens.length ? tokens[to]!.start : input.commentary.length;
        const first = ellipses[lowerBound(ellipses, a, (e) => e.start)];
        return first !== undefined && first.end <= b;
      },
    };
    this.breaks = input.marks.filter((m) => isEmphasis(m) && endsSentence(input.commentary, m));
  }

  /** A quotation between two marks (or a block quote): its extent is given. */
  delimitedQuotation(q: Quotation): Located[] {
    const words = this.wordsIn(q.content);
    const n = words.end - words.start;
    const marks = q.marks;
    const content = trimmed(this.input.commentary, q.content);
    if (n < 2) return [];
    // The whole quotation word for word, at its one place in the source.
    const exact = (at: number): Located => ({
      kind: 'quotation',
      quotationMarks: marks,
      commentary: content,
      words,
      source: { start: at, end: at + n },
      anchors: [{ c: words.start, s: at, length: n }],
    });
    if (n < SEED_LENGTH + 1) {
      // Too short to be sure of its place unless it occurs exactly once.
      const at = this.input.index.occurrences(this.input.ids.subarray(words.start, words.end), 2);
      if (at.length !== 1 || this.quotedInSource({ start: at[0]!, end: at[0]! + n })) return [];
      return [exact(at[0]!)];
    }
    const runs = findRuns(this.input.index, this.input.ids, words);
    const chains = bestChains(runs, this.chainOptions, (chain, accepted) =>
      accepted === 0 ? chain.matched >= Math.max(SEED_LENGTH, n / 2) : chain.matched >= 5,
    ).sort((a, b) => a.cStart - b.cStart);
    if (chains.length === 0) {
      // No chain when every seed is too common (a source of one repeated phrase): the first
      // place that has the whole quotation is still an answer.
      const at = this.input.index.occurrences(this.input.ids.subarray(words.start, words.end), 1);
      if (at.length === 1) return [exact(at[0]!)];
      if (n < this.input.minNotFoundWords) return [];
      return [{ kind: 'quotation', quotationMarks: marks, commentary: content, words, source: null, anchors: [] }];
    }
    const out = chains.map((chain, i) => {
      const wordsFrom = i === 0 ? words.start : chain.cStart;
      const wordsTo = i === chains.length - 1 ? words.end : (chains[i + 1]?.cStart ?? words.end);
      const span = this.extendChain(chain, { start: wordsFrom, end: wordsTo }, i === 0, true);
      const isFirst = i === 0;
      const isLast = i === chains.length - 1;
      const commentary = {
        start: isFirst ? content.start : this.input.commentaryTokens[span.words.start]!.start,
        end: isLast ? content.end : this.input.commentaryTokens[span.words.end - 1]!.end,
      };
      return { kind: 'quotation' as const, quotationMarks: marks, commentary, words: span.words, source: span.source, anchors: chain.runs };
    });
    // Marks around words the source itself puts in quotation marks belong to the source's
    // text ("democratic standards"), not to the commentary: leave them to the borrowings.
    if (out.length === 1 && this.quotedInSource(out[0]!.source)) return [];
    return out;
  }

  /** A quotation missing its opening or closing mark: it ends where the agreement with the source does. */
  quotationMissingMark(q: Quotation, taken: readonly Range[]): Located | undefined {
    const text = this.input.commentary;
    let window = q.content;
    // Bounded by the quotations already taken and by sentence-final emphasis markers.
    const bounds = [...this.breaks, ...taken];
    if (q.marks === 'closing-missing') {
      const end = bounds.reduce((min, r) => (r.start >= window.start && r.start < min ? r.start : min), window.end);
      window = { start: window.start, end };
    } else {
      const start = bounds.reduce((max, r) => (r.end <= window.end && r.end > max ? r.end : max), window.start);
      window = { start, end: window.end };
    }
    const words = this.wordsIn(window);
    if (words.end - words.start < SEED_LENGTH) return undefined;
    const runs = findRuns(this.input.index, this.input.ids, words);
    const chains = bestChains(runs, this.chainOptions, (c) => c.matched >= SEED_LENGTH + 1);
    const chain =
      q.marks === 'closing-missing'
        ? chains.filter((c) => c.cStart - words.start <= MISSING_MARK_SLACK).sort((a, b) => a.cStart - b.cStart)[0]
        : chains.filter((c) => words.end - c.cEnd <= MISSING_MARK_SLACK).sort((a, b) => b.cEnd - a.cEnd)[0];
    if (!chain) return undefined;
    const opening = q.marks === 'closing-missing';
    const span = opening
      ? this.extendChain(chain, { start: words.start, end: words.end }, true, false)
      : this.extendChain(chain, { start: words.start, end: words.end }, false, true);
    const tokens = this.input.commentaryTokens;
    const commentary = opening
      ? { start: trimmed(text, window).start, end: this.withTrailingPunctuation(tokens[span.words.end - 1]!.end, span.source) }
      : { start: tokens[span.words.start]!.start, end: trimmed(text, window).end };
    return {
      kind: 'quotation',
      quotationMarks: q.marks,
      commentary,
      words: span.words,
      source: span.source,
      anchors: chain.runs,
    };
  }

  /** Unmarked borrowings: stretches of at least `minBorrowingWords` consecutive source words. */
  borrowings(segment: Range): Located[] {
    const words = this.wordsIn(segment);
    if (words.end - words.start < this.input.minBorrowingWords) return [];
    const runs = findRuns(this.input.index, this.input.ids, words);
    const chains = bestChains(runs, this.chainOptions, (c) => c.longest >= this.input.minBorrowingWords, 'skip');
    const tokens = this.input.commentaryTokens;
    chains.sort((a, b) => a.cStart - b.cStart);
    let taken = words.start;
    return chains.map((chain, i) => {
      // Chains of one segment grow towards each other, never into each other.
      const limit = { start: taken, end: chains[i + 1]?.cStart ?? words.end };
      const span = this.extendChain(chain, limit, false, false);
      taken = span.words.end;
      const start = tokens[span.words.start]!.start;
      const end = this.withTrailingPunctuation(tokens[span.words.end - 1]!.end, span.source);
      return { kind: 'borrowing', quotationMarks: null, commentary: { start, end }, words: span.words, source: span.source, anchors: chain.runs };
    });
  }

  /** The commentary outside quotations, cut at paragraph ends and at sentence-final emphasis markers. */
  freeSegments(taken: readonly Range[]): Range[] {
    const cuts = [...taken, ...this.breaks].sort((a, b) => a.start - b.start);
    const out: Range[] = [];
    let first = 0;
    for (const para of blocks(this.input.commentary)) {
      while (first < cuts.length && cuts[first]!.end <= para.start) first++;
      let from = para.start;
      for (let k = first; k < cuts.length && cuts[k]!.start < para.end; k++) {
        const cut = cuts[k]!;
        if (cut.end <= para.start) continue;
        if (cut.start > from) out.push({ start: from, end: cut.start });
        from = Math.max(from, cut.end);
      }
      if (from < para.end) out.push({ start: from, end: para.end });
    }
    return out;
  }

  /**
   * Grows a chain over the words around it that the seeds could not reach. `wholeLeft` and
   * `wholeRight` say the words up to the limit belong to the passage whatever they are
   * (they are inside its quotation marks).
   */
  private extendChain(chain: Chain, limit: Range, wholeLeft: boolean, wholeRight: boolean): { words: Range; source: Range } {
    const common = { sourceText: this.input.source, commentary: this.input.commentaryTokens, source: this.input.sourceTokens };
    const left = extend({ ...common, cFrom: chain.cStart, sFrom: chain.sStart, cAvailable: chain.cStart - limit.start, direction: -1, wholeCommentary: wholeLeft });
    const right = extend({ ...common, cFrom: chain.cEnd, sFrom: chain.sEnd, cAvailable: limit.end - chain.cEnd, direction: 1, wholeCommentary: wholeRight });
    return {
      words: { start: chain.cStart - left.c, end: chain.cEnd + right.c },
      source: { start: chain.sStart - left.s, end: chain.sEnd + right.s },
    };
  }

  /** Token indices of the commentary words inside a range of offsets. */
  wordsIn(r: Range): Range {
    return tokensIn(this.input.commentaryTokens, r);
  }

  /** Whether the source puts quotation marks of its own around these words. */
  private quotedInSource(r: Range | null): boolean {
    if (!r || r.end <= r.start) return false;
    const text = this.input.source;
    const before = text.slice(0, this.input.sourceTokens[r.start]!.start).trimEnd();
    const after = text.slice(this.input.sourceTokens[r.end - 1]!.end).trimStart();
    return QUOTE_MARK.test(before.slice(-1)) && QUOTE_MARK.test(after.slice(0, 1));
  }

  /** A passage ends with its sentence's full stop when the source has it there too. */
  private withTrailingPunctuation(end: number, source: Range): number {
    const c = this.input.commentary[end];
    const sourceEnd = this.input.sourceTokens[source.end - 1]!.end;
    return c !== undefined && TRAILING_PUNCTUATION.test(c) && this.input.source[sourceEnd] === c ? end + 1 : end;
  }
}

/** An emphasis marker between two sentences closes the passage before it. */
function endsSentence(text: string, mark: Range): boolean {
  const before = text.slice(Math.max(0, mark.start - 4), mark.start);
  const after = text.slice(mark.end, mark.end + 2);
  return /[.!?]["'\u201D\u2019\u00BB]*\s*$/u.test(before) || /^\s*[.!?]/u.test(after);
}

function within(inner: Range, outer: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function trimmed(text: string, r: Range): Range {
  const slice = text.slice(r.start, r.end);
  const start = r.start + (slice.length - slice.trimStart().length);
  return { start, end: Math.max(start, r.end - (slice.length - slice.trimEnd().length)) };
}
