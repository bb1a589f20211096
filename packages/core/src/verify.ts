import { bestChains } from './align/chain.js';
import { findRuns } from './align/runs.js';
import { SourceIndex, idsOf } from './align/source-index.js';
import { compareWords } from './classify/differences.js';
import { paragraphAt, splitParagraphs } from './text/paragraphs.js';
import { sha256Hex } from './text/sha256.js';
import { tokensIn } from './text/token-ranges.js';
import { tokenize, type Offsets, type Token } from './text/tokenize.js';
import type { Difference, Span } from './types.js';

/**
 * How a paragraph of our copy compares with the official text:
 * `identical` — the same characters; `typography` — the same words, other quotes,
 * dashes, spaces or line breaks; `differs` — words differ; `missing` — the official text
 * does not have it.
 */
export type ParagraphVerdict = 'identical' | 'typography' | 'differs' | 'missing';

export interface ParagraphCheck {
  locator: string;
  verdict: ParagraphVerdict;
  stored: Span;
  official: Span | null;
  /** Source side = the official copy, commentary side = our copy. */
  differences: Difference[];
}

export interface VerificationReport {
  storedSha256: string;
  officialSha256: string;
  paragraphs: ParagraphCheck[];
  /** Paragraphs of the official copy that our copy lacks. */
  missingFromStored: Span[];
  summary: {
    identical: number;
    typography: number;
    differing: number;
    missingFromOfficial: number;
    missingFromStored: number;
  };
  /** Share of our copy's words found in the official copy: low means another document altogether. */
  overlap: number;
}

/** Both texts are one document, so a chain may bridge a dropped sentence. */
const CHAIN = { maxGap: 80, maxEllipsisGap: 0, ellipsisBetweenWords: () => false };

/**
 * Checks our copy of a document against an official copy, paragraph by paragraph: which
 * paragraphs are identical, which differ and how (word by word, with categories), and
 * which either side lacks. Pure: the caller reads the files and decides what to store.
 */
export function verifyCopy(stored: string, official: string): VerificationReport {
  const storedTokens = tokenize(stored);
  const officialTokens = tokenize(official);
  const index = new SourceIndex(officialTokens);
  const ids = idsOf(index, storedTokens);
  const officialParagraphs = splitParagraphs(official);
  const covered = new Uint8Array(officialTokens.length);
  const checks: ParagraphCheck[] = [];
  let found = 0;
  let total = 0;

  for (const paragraph of splitParagraphs(stored)) {
    const words = tokensIn(storedTokens, paragraph);
    const storedSpan = spanOf(stored, paragraph);
    const n = words.end - words.start;
    total += n;
    // Most of a paragraph must agree for it to be the same paragraph, not a phrase elsewhere.
    const chains = bestChains(findRuns(index, ids, words), CHAIN, (c, accepted) =>
      accepted === 0 ? c.matched >= Math.max(Math.min(3, n), n / 2) : c.matched >= 5,
    ).sort((a, b) => a.cStart - b.cStart);
    if (words.end === words.start || chains.length === 0) {
      checks.push({ locator: paragraph.locator, verdict: 'missing', stored: storedSpan, official: null, differences: [] });
      continue;
    }
    const first = chains[0]!;
    const last = chains[chains.length - 1]!;
    // The whole official paragraph(s) the chains fall in: words our copy dropped at either
    // end of the paragraph are differences too.
    const from = paragraphAt(officialParagraphs, officialTokens[first.sStart]!.start)!;
    const to = paragraphAt(officialParagraphs, officialTokens[last.sEnd - 1]!.start)!;
    const source = { start: tokensIn(officialTokens, from).start, end: tokensIn(officialTokens, to).end };
    const comparison = compareWords({
      sourceText: official,
      commentaryText: stored,
      sourceTokens: officialTokens,
      commentaryTokens: storedTokens,
      words,
      source,
      anchors: chains.flatMap((c) => c.runs),
      commentaryStart: paragraph.start,
      ellipsisBetweenOffsets: () => false,
    });
    covered.fill(1, source.start, source.end);
    found += n - changedWords(storedTokens, comparison.differences);
    const officialSpan = spanOf(official, { start: from.start, end: to.end });
    const wordsDiffer = comparison.differences.some((d) => d.category !== 'typography');
    const verdict: ParagraphVerdict = wordsDiffer ? 'differs' : storedSpan.text === officialSpan.text ? 'identical' : 'typography';
    checks.push({
      locator: paragraph.locator,
      verdict,
      stored: storedSpan,
      official: officialSpan,
      differences: comparison.differences,
    });
  }

  const missingFromStored = officialParagraphs
    .filter((p) => {
      const r = tokensIn(officialTokens, p);
      return r.end > r.start && !covered.subarray(r.start, r.end).some((v) => v === 1);
    })
    .map((p) => spanOf(official, p));
  const count = (v: ParagraphVerdict) => checks.filter((c) => c.verdict === v).length;
  return {
    storedSha256: sha256Hex(stored),
    officialSha256: sha256Hex(official),
    paragraphs: checks,
    missingFromStored,
    summary: {
      identical: count('identical'),
      typography: count('typography'),
      differing: count('differs'),
      missingFromOfficial: count('missing'),
      missingFromStored: missingFromStored.length,
    },
    overlap: total === 0 ? 0 : Math.round((found / total) * 1000) / 1000,
  };
}

/** Words of our copy that a change of words (not of typography, case or spelling) touches. */
function changedWords(tokens: readonly Token[], differences: readonly Difference[]): number {
  let n = 0;
  for (const d of differences) {
    if (d.category === 'typography' || d.category === 'case' || d.category === 'spelling') continue;
    const r = tokensIn(tokens, d.commentary);
    n += r.end - r.start;
  }
  return n;
}

function spanOf(text: string, r: Offsets): Span {
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}
