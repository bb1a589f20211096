import { diffArrays } from 'diff';
import type { Difference, DifferenceCategory, Span } from '../types.js';
import { sameLemma } from '../text/spelling.js';
import type { Range, Token } from '../text/tokenize.js';

export interface ComparisonInput {
  sourceText: string;
  commentaryText: string;
  source: readonly Token[];
  commentary: readonly Token[];
  /** Offsets where a passage starts in each text: where an edit at its very edge sits. */
  sourceStart: number;
  commentaryStart: number;
  /** Whether the commentary has an ellipsis mark between two offsets. */
  ellipsisBetween: (from: number, to: number) => boolean;
}

export interface Comparison {
  differences: Difference[];
  /** 1 for the same words; less for each change, weighted by how much it changes. */
  similarity: number;
  /** Source offsets of words an accurate ellipsis leaves out: not quoted. */
  elided: Range[];
}

/** A stretch the two sides have in common (`equal`) or not (`change`), in token indices. */
interface Op {
  equal: boolean;
  s: Range;
  c: Range;
}

const CREDIT: Record<DifferenceCategory, number> = {
  typography: 1, case: 0.95, spelling: 0.9, inflection: 0.6, wording: 0, omission: 0,
};

/**
 * Word-level differences between a passage and its place in the source: jsdiff's
 * diffArrays on words compared by their spelling-insensitive keys, then each difference
 * named by what changed (typography, case, spelling, inflection, wording, omission).
 */
export function compareWords(input: ComparisonInput): Comparison {
  const ops = mergeSmallEqualities(toOps(input.source, input.commentary));
  const differences: Difference[] = [];
  const elided: Range[] = [];
  let credit = 0;
  let counted = 0;
  for (const op of ops) {
    if (op.equal) {
      for (let k = 0; k < op.s.end - op.s.start; k++) {
        const si = op.s.start + k;
        const ci = op.c.start + k;
        const category = pairCategory(input, input.source[si]!, input.commentary[ci]!, ci === 0);
        credit += 2 * (category ? CREDIT[category] : 1);
        counted += 2;
        if (category) differences.push(difference(input, 'replace', category, { start: si, end: si + 1 }, { start: ci, end: ci + 1 }, false));
      }
      continue;
    }
    const found = classifyChange(input, op);
    differences.push(...found);
    const first = found[0]!;
    if (first.editorial) {
      if (first.category === 'omission') elided.push({ start: first.source.start, end: first.source.end });
      continue;
    }
    const words = op.s.end - op.s.start + (op.c.end - op.c.start);
    counted += words;
    credit += words * CREDIT[first.category];
  }
  return { differences, similarity: counted === 0 ? 1 : round(credit / counted), elided };
}

function toOps(source: readonly Token[], commentary: readonly Token[]): Op[] {
  const ops: Op[] = [];
  let s = 0;
  let c = 0;
  for (const part of diffArrays(source as Token[], commentary as Token[], { comparator: (a, b) => a.key === b.key })) {
    const n = part.count ?? part.value.length;
    const last = ops[ops.length - 1];
    if (!part.added && !part.removed) {
      ops.push({ equal: true, s: { start: s, end: s + n }, c: { start: c, end: c + n } });
      s += n;
      c += n;
      continue;
    }
    const op = last && !last.equal ? last : { equal: false, s: { start: s, end: s }, c: { start: c, end: c } };
    if (op !== last) ops.push(op);
    if (part.removed) op.s.end = s += n;
    else op.c.end = c += n;
  }
  return ops;
}

/**
 * Folds an equality of fewer words than the changes on both sides of it into one change,
 * as diff-match-patch's semantic cleanup does for characters: "Covid pandemic" for
 * "pandemic of the new coronavirus infection" is one change, not an insertion and a
 * deletion around a shared "pandemic".
 */
function mergeSmallEqualities(ops: Op[]): Op[] {
  const size = (op: Op) => Math.max(op.s.end - op.s.start, op.c.end - op.c.start);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i + 1 < ops.length; i++) {
      const [before, eq, after] = [ops[i - 1]!, ops[i]!, ops[i + 1]!];
      if (!eq.equal || before.equal || after.equal) continue;
      if (size(eq) <= size(before) && size(eq) <= size(after) && size(eq) <= 2) {
        ops.splice(i - 1, 3, { equal: false, s: { start: before.s.start, end: after.s.end }, c: { start: before.c.start, end: after.c.end } });
        changed = true;
        break;
      }
    }
  }
  return ops;
}

/** What a pair of words that compare equal differs by, if anything. */
function pairCategory(input: ComparisonInput, s: Token, c: Token, firstOfPassage: boolean): DifferenceCategory | undefined {
  if (c.fold === s.fold) {
    const same = input.sourceText.slice(s.start, s.end) === input.commentaryText.slice(c.start, c.end);
    return same ? undefined : 'typography';
  }
  if (c.lower === s.lower) {
    // An accurate bracket ([t]he) and the case of a quotation's first letter are not changes.
    if (c.bracketed) return undefined;
    if (firstOfPassage && c.fold.slice(1) === s.fold.slice(1)) return undefined;
    return 'case';
  }
  return 'spelling';
}

function classifyChange(input: ComparisonInput, op: Op): Difference[] {
  const sWords = input.source.slice(op.s.start, op.s.end);
  const cWords = input.commentary.slice(op.c.start, op.c.end);
  if (cWords.length === 0) {
    const at = commentaryGap(input, op.c.start);
    const elided = input.ellipsisBetween(at.before, at.after);
    return [difference(input, 'delete', elided ? 'omission' : 'wording', op.s, op.c, elided)];
  }
  const bracketed = cWords.every((t) => t.bracketed);
  if (sWords.length === 0) return [difference(input, 'insert', 'wording', op.s, op.c, bracketed)];
  if (bracketed) return [difference(input, 'replace', 'wording', op.s, op.c, true)];
  if (sWords.map((t) => t.key).join('') === cWords.map((t) => t.key).join('')) {
    return [difference(input, 'replace', 'spelling', op.s, op.c, false)];
  }
  if (sWords.length === cWords.length && sWords.every((s, k) => sameLemma(s.key, cWords[k]!.key))) {
    return sWords.map((_, k) =>
      difference(input, 'replace', 'inflection', { start: op.s.start + k, end: op.s.start + k + 1 }, { start: op.c.start + k, end: op.c.start + k + 1 }, false),
    );
  }
  return [difference(input, 'replace', 'wording', op.s, op.c, false)];
}

/** The commentary offsets around the place between token `at - 1` and token `at`. */
function commentaryGap(input: ComparisonInput, at: number): { before: number; after: number } {
  const prev = input.commentary[at - 1];
  const next = input.commentary[at];
  return {
    before: prev ? prev.end : input.commentaryStart,
    after: next ? next.start : input.commentaryText.length,
  };
}

function difference(
  input: ComparisonInput,
  type: Difference['type'],
  category: DifferenceCategory,
  s: Range,
  c: Range,
  editorial: boolean,
): Difference {
  return {
    type,
    category,
    commentary: spanOf(input.commentaryText, input.commentary, c, input.commentaryStart),
    source: spanOf(input.sourceText, input.source, s, input.sourceStart),
    editorial,
  };
}

/** The text span of a token range; an empty range sits just after the token before it. */
function spanOf(text: string, tokens: readonly Token[], r: Range, fallback: number): Span {
  if (r.end > r.start) {
    const start = tokens[r.start]!.start;
    const end = tokens[r.end - 1]!.end;
    return { start, end, text: text.slice(start, end) };
  }
  const at = r.start > 0 ? tokens[r.start - 1]!.end : tokens[0]?.start ?? fallback;
  return { start: at, end: at, text: '' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
