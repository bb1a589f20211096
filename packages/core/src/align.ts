import { locatePassages, type Located } from './align/locate.js';
import { markBetweenOffsets } from './align/state.js';
import { idsOf } from './align/source-index.js';
import { compareWords } from './classify/differences.js';
import { statusOf } from './classify/status.js';
import { detectFootnoteNumbers } from './detect/footnotes.js';
import { detectMarks, isEmphasis, type DetectedMark } from './detect/marks.js';
import { detectQuotations, layoutOf, type Quotation } from './detect/quotations.js';
import { spokenQuotations } from './detect/spoken-quotations.js';
import { contextOf } from './report/context.js';
import { ENGINE_VERSION } from './engine-version.js';
import { coverageOf, coveredWords, omissionsOf } from './report/coverage.js';
import { marksOf } from './report/marks.js';
import { preparedSource } from './prepared-source.js';
import { locatorOf } from './text/paragraphs.js';
import { sha256Hex, sha256HexAfter } from './text/sha256.js';
import { joinStrayHyphens } from './text/stray-hyphens.js';
import { lowerBound } from './text/token-ranges.js';
import { tokenize, type Offsets, type Token, type WordRange } from './text/tokenize.js';
import type { AlignOptions, AlignmentReport, DocumentInfo, FoundPassage, Passage } from './types.js';

const DEFAULTS = { minBorrowingWords: 8, minNotFoundWords: 4 };

/**
 * How a commentary reproduces a source: every passage it takes from it, pinned to its
 * place in both texts, with its word-level differences, marks and context; what it left
 * out; and how much of each text the passages account for. Pure and deterministic.
 *
 * detect (quotations, marks) → tokenize → locate (seeds, chains, local alignment)
 * → classify (differences, status) → report.
 */
export function align(source: string, commentary: string, options: AlignOptions = {}): AlignmentReport {
  const settings = { ...DEFAULTS, ...options };
  const marks = detectMarks(commentary);
  const layout = layoutOf(commentary);
  const quotations = withSpoken(detectQuotations(commentary, layout), spokenQuotations(commentary, layout.blocks));
  const prepared = preparedSource(source);
  const sourceTokens = prepared.tokens;
  const index = prepared.index;
  const commentaryTokens = joinStrayHyphens(
    commentary,
    tokenize(commentary, {
      // Neither a marker such as "(Italics added)" nor a footnote number is a word of the quotation.
      exclude: [...marks.filter((m) => isEmphasis(m) || m.type === 'sic'), ...detectFootnoteNumbers(commentary)].sort((a, b) => a.start - b.start),
      brackets: marks.filter((m) => m.type === 'bracket'),
    }),
    (key) => index.idOf(key) >= 0,
  );
  const ids = idsOf(index, commentaryTokens);
  const own = quotersOwnWords(commentaryTokens, marks);
  for (const i of own) ids[i] = -1;
  const quotersOwn = new Set(own.map((i) => commentaryTokens[i]!));
  const located = locatePassages({
    source,
    commentary,
    sourceTokens,
    commentaryTokens,
    index,
    ids,
    marks,
    quotations,
    commentaryBlocks: layout.blocks,
    minBorrowingWords: settings.minBorrowingWords,
    minNotFoundWords: settings.minNotFoundWords,
    lexicon: options.lexicon,
  });

  const sourceInfo = documentInfo(source, options.sourceId, options.sourceTitle, options.sourceSha256 ?? prepared.sha256());
  const commentaryInfo = documentInfo(commentary, options.commentaryId, options.commentaryTitle, options.commentarySha256);
  const paragraphs = prepared.paragraphs;
  const ellipses = marks.filter((m) => m.type === 'ellipsis');
  const quoted: Offsets[] = [];
  const elided: Offsets[] = [];
  const inPassages = new Uint8Array(commentaryTokens.length);

  const idOf = passageIds(sourceInfo.sha256, commentaryInfo.sha256, sourceTokens);
  const passages: Passage[] = located.map((l) => {
    const passageMarks = marksOf(commentary, l.commentary, marks, options.commentaryEmphasis);
    const commentarySpan = spanOf(commentary, l.commentary);
    const id = idOf(l);
    // Each passage written out in the report's key order, not spread from a shared part: a
    // spread object costs several times more to make.
    if (l.sourceWords === null) {
      return {
        id, kind: 'quotation', quotationMarks: l.quotationMarks, commentary: commentarySpan, marks: passageMarks,
        status: 'not_found', source: null, similarity: 0, differences: [], context: { before: '', after: '' },
      };
    }
    const sourceRange = sourceOffsets(source, sourceTokens, l.sourceWords, commentary, l.commentary);
    const comparison = compareWords({
      sourceText: source,
      commentaryText: commentary,
      sourceTokens,
      commentaryTokens,
      words: l.words,
      source: l.sourceWords,
      anchors: l.anchors,
      commentaryStart: l.commentary.start,
      ellipsisBetweenOffsets: (from, to) => markBetweenOffsets(ellipses, from, to),
      quotersOwn,
      paraphrase: l.evidence === 'paraphrase',
    });
    quoted.push(sourceRange);
    elided.push(...comparison.elided);
    inPassages.fill(1, l.words.start, l.words.end);
    const sourceSpan = (r: Offsets) => ({ start: r.start, end: r.end, text: source.slice(r.start, r.end), locator: locatorOf(paragraphs, r.start, r.end) });
    const candidates = l.alternatives.map((w) => sourceOffsets(source, sourceTokens, w, commentary, l.commentary));
    const passage: FoundPassage = {
      id, kind: l.kind, quotationMarks: l.quotationMarks, commentary: commentarySpan, marks: passageMarks,
      status: l.evidence === 'paraphrase' ? 'paraphrased' : statusOf(comparison.differences),
      source: sourceSpan(sourceRange),
      similarity: l.evidence === 'paraphrase' ? l.similarity : comparison.similarity,
      differences: comparison.differences,
      context: contextOf(source, paragraphs, sourceRange.start, sourceRange.end),
    };
    if (candidates.length > 0) passage.candidates = [sourceRange, ...candidates].sort((a, b) => a.start - b.start).map(sourceSpan);
    return passage;
  });

  const covered = coveredWords(sourceTokens, quoted, elided);
  return {
    version: 1,
    engineVersion: ENGINE_VERSION,
    source: sourceInfo,
    commentary: commentaryInfo,
    passages,
    omissions: omissionsOf(paragraphs, sourceTokens, covered),
    coverage: coverageOf(covered, inPassages),
  };
}

function documentInfo(text: string, id: string | undefined, title: string | undefined, sha256?: string): DocumentInfo {
  return { ...(id !== undefined && { id }), ...(title !== undefined && { title }), length: text.length, sha256: sha256 ?? sha256Hex(text) };
}

function spanOf(text: string, r: Offsets) {
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

/**
 * The source offsets of a passage: its first to its last word, and the punctuation mark
 * after it when the commentary's passage ends with the same one.
 */
function sourceOffsets(source: string, tokens: readonly Token[], words: WordRange, commentary: string, passage: Offsets): Offsets {
  const start = tokens[words.start]!.start;
  let end = tokens[words.end - 1]!.end;
  const last = commentary[passage.end - 1];
  if (last !== undefined && /[.,;:!?]/u.test(last) && source[end] === last) end += 1;
  return { start, end };
}

/** Same texts, same passage, same id: a hash of both versions and both places. */
function passageIds(sourceSha: string, commentarySha: string, sourceTokens: readonly Token[]): (l: Located) => string {
  // An id is the first 16 hex digits of the digest: only those are computed.
  const digest = sha256HexAfter(`${sourceSha}:${commentarySha}:`, 16);
  return (l) => {
    const s = l.sourceWords ? `${sourceTokens[l.sourceWords.start]!.start}-${sourceTokens[l.sourceWords.end - 1]!.end}` : 'none';
    return `p-${digest(`${l.kind}:${l.commentary.start}-${l.commentary.end}:${s}`)}`;
  };
}

/**
 * The quotations marks give, and those a speaker frames in words ("quote … end quote") that
 * no marked quotation overlaps, in the order of their content (as the passes read them).
 */
function withSpoken(marked: Quotation[], spoken: readonly Quotation[]): Quotation[] {
  if (spoken.length === 0) return marked;
  const free = spoken.filter((s) => !marked.some((q) => q.content.start < s.content.end && s.content.start < q.content.end));
  return free.length === 0 ? marked : [...marked, ...free].sort((a, b) => a.content.start - b.content.start);
}

/**
 * Words the quoter wrote inside brackets ("[Australia, Britain and the United States]",
 * "[AUKUS]", "[and]") are the quoter's, not the source's: they never match a source word,
 * so a gloss cannot pull a quotation to another place. A bracketed letter glued to a word
 * ("[t]he") is not among them: that word is the source's.
 */
function quotersOwnWords(tokens: readonly Token[], marks: readonly DetectedMark[]): number[] {
  const own: number[] = [];
  for (const m of marks) {
    if (m.type !== 'bracket') continue;
    for (let i = lowerBound(tokens, m.start + 1, (t) => t.start); i < tokens.length && tokens[i]!.end <= m.end - 1; i++) own.push(i);
  }
  return own;
}
