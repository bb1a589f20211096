// The array diff alone: the package's index loads every other granularity and the patch
// tools too, a fifth of what `verbatim check` compiles before it can answer.
import { diffArrays } from 'diff/lib/diff/array.js';
import type { Difference, DifferenceCategory, Span } from '../types.js';
import { isFunctionWord } from '../text/function-words.js';
import { fold } from '../text/normalize.js';
import { sameLemmaOf } from '../text/spelling.js';
import type { Offsets, Token, WordRange } from '../text/tokenize.js';
import type { Run } from '../align/runs.js';

export interface ComparisonInput {
  sourceText: string;
  commentaryText: string;
  sourceTokens: readonly Token[];
  commentaryTokens: readonly Token[];
  /** The passage's words in each text, as token indices. */
  words: WordRange;
  source: WordRange;
  /** Runs of words the aligner matched exactly: the differences lie between them. */
  anchors: readonly Run[];
  /** Offset where the passage starts in the commentary: where an edit at its very edge sits. */
  commentaryStart: number;
  /** Whether the commentary has an ellipsis mark between two offsets. */
  ellipsisBetweenOffsets: (from: number, to: number) => boolean;
  /** Commentary words the quoter wrote inside brackets: never the same as a source word. */
  quotersOwn?: ReadonlySet<Token>;
  /**
   * Another wording of the passage (a paraphrase, another translation): every word the two
   * share is shown as shared, so "sides oppose further enlargement" / "parties are against
   * further expansion" reads as two changes around "further", each a translation of its own
   * words, not one rewording of four. A quotation's small equalities are folded instead.
   */
  paraphrase?: boolean;
}

export interface Comparison {
  differences: Difference[];
  /** 1 for the same words; less for each change, weighted by how much it changes. */
  similarity: number;
  /** Source offsets of words an accurate ellipsis leaves out: not quoted. */
  elided: Offsets[];
}

/** A stretch the two sides have in common (`equal`) or not (`change`), in token indices. */
export interface Op {
  equal: boolean;
  s: WordRange;
  c: WordRange;
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
  const ops = foldMoves(input.paraphrase ? anchoredOps(input) : mergeSmallEqualities(anchoredOps(input), input), input);
  const differences: Difference[] = [];
  const elided: Offsets[] = [];
  let credit = 0;
  let counted = 0;
  for (const op of ops) {
    if (op.equal) {
      for (let k = 0; k < op.s.end - op.s.start; k++) {
        const si = op.s.start + k;
        const ci = op.c.start + k;
        const category = pairCategory(input, input.sourceTokens[si]!, input.commentaryTokens[ci]!, ci === input.words.start);
        credit += 2 * (category ? CREDIT[category] : 1);
        counted += 2;
        if (category) differences.push(difference(input, 'replace', category, { start: si, end: si + 1 }, { start: ci, end: ci + 1 }, false));
      }
      continue;
    }
    for (const { d, words } of classifyChange(input, op)) {
      differences.push(d);
      if (d.editorial) {
        if (d.category === 'omission') elided.push({ start: d.source.start, end: d.source.end });
        continue;
      }
      counted += words;
      credit += words * CREDIT[d.category];
    }
  }
  return { differences, similarity: counted === 0 ? 1 : round(credit / counted), elided };
}

/**
 * The passage as equal and changed stretches: the anchors are equal by construction; the
 * words between two anchors (and beyond the first and last) are diffed with jsdiff, so a
 * word that occurs twice can only be matched where the aligner put it.
 */
function anchoredOps(input: ComparisonInput): Op[] {
  const ops: Op[] = [];
  let c = input.words.start;
  let s = input.source.start;
  for (const run of input.anchors) {
    ops.push(...gapOps(input, { start: s, end: run.s }, { start: c, end: run.c }));
    ops.push({ equal: true, s: { start: run.s, end: run.s + run.length }, c: { start: run.c, end: run.c + run.length } });
    c = run.c + run.length;
    s = run.s + run.length;
  }
  ops.push(...gapOps(input, { start: s, end: input.source.end }, { start: c, end: input.words.end }));
  return ops.filter((op) => op.s.end > op.s.start || op.c.end > op.c.start);
}

/**
 * The equal and changed stretches of the words between two anchors. `alwaysDiff` is for
 * tests: the diff even where the answer is forced (see singlePairOps).
 */
export function gapOps(input: ComparisonInput, sRange: WordRange, cRange: WordRange, alwaysDiff = false): Op[] {
  if (sRange.end <= sRange.start || cRange.end <= cRange.start) return [{ equal: false, s: sRange, c: cRange }];
  const ops: Op[] = [];
  let s = sRange.start;
  let c = cRange.start;
  const source = input.sourceTokens.slice(sRange.start, sRange.end);
  const commentary = input.commentaryTokens.slice(cRange.start, cRange.end);
  const own = input.quotersOwn;
  const comparator = own ? (a: Token, b: Token) => a.key === b.key && !own.has(b) : (a: Token, b: Token) => a.key === b.key;
  // No word of one side equal to one of the other (the common case of a changed word or
  // two): whatever order the diff gave its removals and additions in, they make one change.
  if (!source.some((a) => commentary.some((b) => comparator(a, b)))) return [{ equal: false, s: sRange, c: cRange }];
  const forced = alwaysDiff ? undefined : singlePairOps(source, commentary, sRange, cRange, comparator);
  if (forced) return forced;
  for (const part of diffArrays(source, commentary, { comparator })) {
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
 * The stretches of a gap where exactly one word of one side equals a word of the other (a
 * word added beside a kept one: "sides [firmly] oppose", or one kept among changed ones):
 * every edit script of fewest edits keeps that pair, and the words around it on each side
 * make one change before it and one after — what the diff gives, the order of its removals
 * and additions aside, which a change does not keep. Without the diff's machinery, which
 * costs more than everything else a small gap needs. Undefined when no pair or several
 * pairs match, or the gap is too large to look at every pair.
 */
function singlePairOps(source: readonly Token[], commentary: readonly Token[], sRange: WordRange, cRange: WordRange, comparator: (a: Token, b: Token) => boolean): Op[] | undefined {
  if (source.length * commentary.length > MAX_PAIRS_LOOKED_AT) return undefined;
  let pair: [number, number] | undefined;
  for (let i = 0; i < source.length; i++) {
    for (let j = 0; j < commentary.length; j++) {
      if (!comparator(source[i]!, commentary[j]!)) continue;
      if (pair) return undefined;
      pair = [i, j];
    }
  }
  if (!pair) return undefined;
  const s = sRange.start + pair[0];
  const c = cRange.start + pair[1];
  const ops: Op[] = [];
  if (s > sRange.start || c > cRange.start) ops.push({ equal: false, s: { start: sRange.start, end: s }, c: { start: cRange.start, end: c } });
  ops.push({ equal: true, s: { start: s, end: s + 1 }, c: { start: c, end: c + 1 } });
  if (s + 1 < sRange.end || c + 1 < cRange.end) ops.push({ equal: false, s: { start: s + 1, end: sRange.end }, c: { start: c + 1, end: cRange.end } });
  return ops;
}

/** The largest gap (words of one side times words of the other) singlePairOps looks at. */
const MAX_PAIRS_LOOKED_AT = 256;

/**
 * Folds an equality of fewer words than the changes on both sides of it into one change,
 * as diff-match-patch's semantic cleanup does for characters: "Covid pandemic" for
 * "pandemic of the new coronavirus infection" is one change, not an insertion and a
 * deletion around a shared "pandemic".
 */
function mergeSmallEqualities(ops: Op[], input: ComparisonInput): Op[] {
  const size = (op: Op) => Math.max(op.s.end - op.s.start, op.c.end - op.c.start);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i + 1 < ops.length; i++) {
      const [before, eq, after] = [ops[i - 1]!, ops[i]!, ops[i + 1]!];
      if (!eq.equal || before.equal || after.equal) continue;
      // A change that is a word's other form on its own ("aiming" → "aimed") is complete
      // without the equality: folding it in would hide a kept word and turn an inflection into
      // a rewording ("the leadership aiming" → "leadership aimed" is a dropped "the", a kept
      // "leadership" and "aiming" → "aimed").
      if (isInflection(input, before) || isInflection(input, after)) continue;
      if (size(eq) <= size(before) && size(eq) <= size(after) && size(eq) <= 2) {
        ops.splice(i - 1, 3, { equal: false, s: { start: before.s.start, end: after.s.end }, c: { start: before.c.start, end: after.c.end } });
        changed = true;
        break;
      }
    }
  }
  return ops;
}

/** Most words an equality may have for the words moved across it to make one change with it. */
const MAX_MOVED_OVER = 3;

/**
 * Folds an equality into the changes on both sides of it when a word left out on one side
 * is written on the other: the words were moved, not changed ("Internet governance" → "the
 * governance of the Internet" is one reordering, not "Internet" → "the" and an added "of
 * the Internet" around a shared "governance").
 */
function foldMoves(ops: Op[], input: ComparisonInput): Op[] {
  const keys = (tokens: readonly Token[], r: WordRange) => {
    const out = new Set<string>();
    for (let i = r.start; i < r.end; i++) if (!isFunctionWord(tokens[i]!.key)) out.add(tokens[i]!.key);
    return out;
  };
  const shares = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));
  for (let i = 1; i + 1 < ops.length; i++) {
    const [before, eq, after] = [ops[i - 1]!, ops[i]!, ops[i + 1]!];
    if (!eq.equal || before.equal || after.equal || eq.s.end - eq.s.start > MAX_MOVED_OVER) continue;
    const moved =
      shares(keys(input.sourceTokens, before.s), keys(input.commentaryTokens, after.c)) ||
      shares(keys(input.commentaryTokens, before.c), keys(input.sourceTokens, after.s));
    if (!moved) continue;
    ops.splice(i - 1, 3, { equal: false, s: { start: before.s.start, end: after.s.end }, c: { start: before.c.start, end: after.c.end } });
    i = Math.max(0, i - 2);
  }
  return ops;
}

/** Whether a change replaces each word by another form of it, one for one. */
function isInflection(input: ComparisonInput, op: Op): boolean {
  const n = op.s.end - op.s.start;
  if (n === 0 || n !== op.c.end - op.c.start) return false;
  for (let k = 0; k < n; k++) if (!sameLemmaOf(input.sourceTokens[op.s.start + k]!, input.commentaryTokens[op.c.start + k]!)) return false;
  return true;
}

/** Fewest long words a line has for its capitals to say it is a headline. */
const HEADLINE_WORDS = 3;

/**
 * Whether the commentary's line at `at` is a headline in title case: every word of four
 * letters or more capitalized, three at least. The capital of each word's first letter is
 * then the headline's style, not a change of the source's case.
 */
function inTitleCaseLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  const long = text.slice(from, next < 0 ? text.length : next).match(/\p{L}{4,}/gu) ?? [];
  return long.length >= HEADLINE_WORDS && long.every((w) => /^\p{Lu}/u.test(w));
}

/** What a pair of words that compare equal differs by, if anything. */
function pairCategory(input: ComparisonInput, s: Token, c: Token, firstOfPassage: boolean): DifferenceCategory | undefined {
  // One forms object is one spelling, character for character (spellings.ts): two words of
  // the same length that share it are written the same. (A word joined over a stray space,
  // "nuclear- powered", has the forms of the compound it stands for, and is longer than it.)
  if (c.forms === s.forms && c.end - c.start === s.end - s.start) return undefined;
  if (c.forms.fold === s.forms.fold) return sameText(input.sourceText, s, input.commentaryText, c) ? undefined : 'typography';
  if (c.forms.lower === s.forms.lower) {
    // An accurate bracket ([t]he) and the case of a quotation's first letter are not changes.
    if (c.bracketed) return undefined;
    // Nor is a headline's title case ("Statement Says Taiwan 'An Inalienable Part Of China'").
    if (c.forms.fold.slice(1) === s.forms.fold.slice(1) && (firstOfPassage || inTitleCaseLine(input.commentaryText, c.start))) return undefined;
    return 'case';
  }
  return 'spelling';
}

/** Whether two words are written the same, character for character (no string is made: every matched word is checked). */
function sameText(a: string, ra: Offsets, b: string, rb: Offsets): boolean {
  const n = ra.end - ra.start;
  if (rb.end - rb.start !== n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(ra.start + i) !== b.charCodeAt(rb.start + i)) return false;
  return true;
}

function classifyChange(input: ComparisonInput, op: Op): Change[] {
  const sWords = input.sourceTokens.slice(op.s.start, op.s.end);
  const cWords = input.commentaryTokens.slice(op.c.start, op.c.end);
  if (cWords.length === 0) {
    const at = commentaryGap(input, op.c.start);
    const elided = input.ellipsisBetweenOffsets(at.before, at.after);
    return [change(input, 'delete', elided ? 'omission' : 'wording', op.s, op.c, elided)];
  }
  const bracketed = cWords.every((t) => t.bracketed);
  if (sWords.length === 0) return [change(input, 'insert', 'wording', op.s, op.c, bracketed)];
  const cut = markedCut(input, op);
  if (cut !== undefined && sWords.length > cWords.length) {
    // An ellipsis beside words of the quoter's ("confrontation ... [and] affirm",
    // "consolidation … and oppose"): the ellipsis marks the cut, so the words it hides are
    // an editorial omission; the words beside it are an insertion, the quoter's own when
    // bracketed (a connective), a change of wording when not.
    const hidden = change(input, 'delete', 'omission', op.s, { start: cut, end: cut }, true);
    const at = cut === op.c.start ? op.s.end : op.s.start;
    const added = change(input, 'insert', 'wording', { start: at, end: at }, op.c, bracketed);
    return cut === op.c.start ? [hidden, added] : [added, hidden];
  }
  if (bracketed) {
    // "[and]" for a clause left out, with no ellipsis: the words it skips are an omission
    // the reader is not told of. "[AUKUS]" for the partnership's name, "[They]" for "The
    // sides": an editorial substitution that stands for the words it replaces.
    const bridge = cWords.every((t) => isFunctionWord(t.key)) && sWords.length > cWords.length + 1;
    return [change(input, 'replace', bridge ? 'omission' : 'wording', op.s, op.c, !bridge)];
  }
  if (sWords.map((t) => t.key).join('') === cWords.map((t) => t.key).join('')) {
    // "nuclear- powered" for "nuclear-powered": a stray space is typography, "Asia Pacific"
    // for "Asia-Pacific" a spelling.
    const squeeze = (text: string, tokens: readonly Token[]) => fold(text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end)).replace(/\s+/gu, '');
    const typography = squeeze(input.sourceText, sWords) === squeeze(input.commentaryText, cWords);
    return [change(input, 'replace', typography ? 'typography' : 'spelling', op.s, op.c, false)];
  }
  if (sWords.length === cWords.length && sWords.every((s, k) => sameLemmaOf(s, cWords[k]!))) {
    return sWords.map((_, k) =>
      change(input, 'replace', 'inflection', { start: op.s.start + k, end: op.s.start + k + 1 }, { start: op.c.start + k, end: op.c.start + k + 1 }, false),
    );
  }
  return [change(input, 'replace', 'wording', op.s, op.c, false)];
}

/**
 * Where an ellipsis cuts a change's commentary words from the source words it skips: at
 * the change's first word (the ellipsis before them) or after its last (after them), as a
 * commentary token index; undefined when no ellipsis stands beside them.
 */
function markedCut(input: ComparisonInput, op: Op): number | undefined {
  const before = commentaryGap(input, op.c.start);
  if (input.ellipsisBetweenOffsets(before.before, before.after)) return op.c.start;
  const after = commentaryGap(input, op.c.end);
  return input.ellipsisBetweenOffsets(after.before, after.after) ? op.c.end : undefined;
}

/** The commentary offsets around the place between token `at - 1` and token `at`. */
function commentaryGap(input: ComparisonInput, at: number): { before: number; after: number } {
  const prev = at > input.words.start ? input.commentaryTokens[at - 1] : undefined;
  const next = at < input.words.end ? input.commentaryTokens[at] : undefined;
  return {
    before: prev ? prev.end : input.commentaryStart,
    after: next ? next.start : input.commentaryText.length,
  };
}

/** A difference, and how many words of both texts it spans (what it costs the similarity). */
interface Change {
  d: Difference;
  words: number;
}

function change(input: ComparisonInput, type: Difference['type'], category: DifferenceCategory, s: WordRange, c: WordRange, editorial: boolean): Change {
  return { d: difference(input, type, category, s, c, editorial), words: s.end - s.start + (c.end - c.start) };
}

function difference(
  input: ComparisonInput,
  type: Difference['type'],
  category: DifferenceCategory,
  s: WordRange,
  c: WordRange,
  editorial: boolean,
): Difference {
  return {
    type,
    category,
    commentary: spanOf(input.commentaryText, input.commentaryTokens, c, input.words),
    source: spanOf(input.sourceText, input.sourceTokens, s, input.source),
    editorial,
  };
}

/** The text span of a token range; an empty range sits just after the passage's token before it. */
function spanOf(text: string, tokens: readonly Token[], r: WordRange, passage: WordRange): Span {
  if (r.end > r.start) {
    const start = tokens[r.start]!.start;
    let end = tokens[r.end - 1]!.end;
    // Words that open a parenthesis close it: "… Their Destruction (BWC)", not "(BWC".
    if (text[end] === ')' && opensParenthesis(text, start, end)) end++;
    return { start, end, text: text.slice(start, end) };
  }
  const at = r.start > passage.start ? tokens[r.start - 1]!.end : tokens[passage.start]!.start;
  return { start: at, end: at, text: '' };
}

function opensParenthesis(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
