import { lowerBound } from '../text/token-ranges.js';
import type { Offsets, Token } from '../text/tokenize.js';
import type { Coverage, Omission, Paragraph } from '../types.js';

/** Which source words the passages reproduce: a flag per source token. */
export function coveredWords(tokens: readonly Token[], spans: readonly Offsets[], elided: readonly Offsets[]): Uint8Array {
  const covered = new Uint8Array(tokens.length);
  for (const span of spans) mark(tokens, span, covered, 1);
  for (const span of elided) mark(tokens, span, covered, 0);
  return covered;
}

function mark(tokens: readonly Token[], span: Offsets, covered: Uint8Array, value: 0 | 1): void {
  for (let i = lowerBound(tokens, span.start, (t) => t.start); i < tokens.length && tokens[i]!.end <= span.end; i++) covered[i] = value;
}

/**
 * What the commentary left out: every source paragraph no passage touches (`whole`), and
 * within the others each stretch of words no passage covers, with the paragraph's locator.
 */
export function omissionsOf(paragraphs: readonly Paragraph[], tokens: readonly Token[], covered: Uint8Array): Omission[] {
  const out: Omission[] = [];
  const words = wordsOf(paragraphs, tokens);
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k]!;
    if (p.title) continue;
    const first = words[2 * k]!;
    const last = words[2 * k + 1]!;
    if (last === first) continue;
    let any = false;
    for (let i = first; i < last; i++) if (covered[i]) any = true;
    if (!any) {
      out.push({ start: p.start, end: p.end, locator: p.locator, whole: true });
      continue;
    }
    for (let i = first; i < last; ) {
      if (covered[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < last && !covered[j]) j++;
      out.push({ start: tokens[i]!.start, end: tokens[j - 1]!.end, locator: p.locator, whole: false });
      i = j;
    }
  }
  return out;
}

/**
 * Each paragraph's words, from the first to one past the last (token indices), found once for a source's
 * paragraphs and tokens: both are kept with the source (prepared-source.ts), so commentary
 * after commentary finds them known.
 */
const paragraphWords = new WeakMap<readonly Paragraph[], { tokens: readonly Token[]; words: Int32Array }>();

function wordsOf(paragraphs: readonly Paragraph[], tokens: readonly Token[]): Int32Array {
  const known = paragraphWords.get(paragraphs);
  if (known && known.tokens === tokens) return known.words;
  const words = new Int32Array(2 * paragraphs.length);
  paragraphs.forEach((p, k) => {
    const first = lowerBound(tokens, p.start, (t) => t.start);
    let last = first;
    while (last < tokens.length && tokens[last]!.end <= p.end) last++;
    words[2 * k] = first;
    words[2 * k + 1] = last;
  });
  paragraphWords.set(paragraphs, { tokens, words });
  return words;
}

/** Shares of words: of the source, those some passage reproduces; of the commentary, those in a found passage. */
export function coverageOf(sourceCovered: Uint8Array, commentaryCovered: Uint8Array): Coverage {
  return { source: share(sourceCovered), commentary: share(commentaryCovered) };
}

function share(flags: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) n += flags[i]!;
  return flags.length === 0 ? 0 : Math.round((n / flags.length) * 10000) / 10000;
}
