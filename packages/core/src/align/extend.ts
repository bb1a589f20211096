import { sameLemma } from '../text/spelling.js';
import type { Token } from '../text/tokenize.js';

const MATCH = 2;
const LEMMA = 0.5;
const MISMATCH = -1.5;
const GAP = -1.5;

export interface Extension {
  /** Commentary words taken in. */
  c: number;
  /** Source words taken in. */
  s: number;
}

export interface ExtendRequest {
  sourceText: string;
  commentary: readonly Token[];
  source: readonly Token[];
  /** Where the chain starts (direction -1) or ends (direction +1), in both texts. */
  cFrom: number;
  sFrom: number;
  /** How many commentary words there are to take in at most. */
  cAvailable: number;
  direction: -1 | 1;
  /** A quotation's words all belong to it: take in every one, and as much source as fits best. */
  wholeCommentary: boolean;
}

/**
 * Local alignment at the edge of a chain: how many more words on each side belong to the
 * passage, where the seeds could not reach (a word inserted or changed near the edge:
 * "The two sides oppose" for "The sides oppose"). A small Needleman–Wunsch on the words
 * next to the chain, scored so that a match pays for one gap or one change.
 */
export function extend(req: ExtendRequest): Extension {
  const n = req.cAvailable;
  if (n <= 0) return { c: 0, s: 0 };
  const sAvailable = req.direction < 0 ? req.sFrom : req.source.length - req.sFrom;
  const m = Math.min(sAvailable, n + 6);
  const cAt = (i: number) => req.commentary[req.direction < 0 ? req.cFrom - 1 - i : req.cFrom + i]!;
  const sAt = (j: number) => req.source[req.direction < 0 ? req.sFrom - 1 - j : req.sFrom + j]!;
  const width = m + 1;
  const table = new Float64Array((n + 1) * width);
  for (let j = 1; j <= m; j++) table[j] = j * GAP;
  for (let i = 1; i <= n; i++) {
    table[i * width] = i * GAP;
    const c = cAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const s = sAt(j - 1);
      const pair = c.key === s.key ? MATCH : sameLemma(c.key, s.key) ? LEMMA : MISMATCH;
      table[i * width + j] = Math.max(
        table[(i - 1) * width + (j - 1)]! + pair,
        table[(i - 1) * width + j]! + GAP,
        table[i * width + (j - 1)]! + GAP,
      );
    }
  }
  let best: Extension = { c: req.wholeCommentary ? n : 0, s: 0 };
  let bestScore = req.wholeCommentary ? table[n * width]! : 0;
  if (req.wholeCommentary) {
    // Every commentary word is in; take in source words up to the farthest one it uses.
    const words = Array.from({ length: n }, (_, i) => cAt(i).key);
    for (let j = 1; j <= m; j++) {
      const v = table[n * width + j]!;
      const key = sAt(j - 1).key;
      if (v > bestScore && words.some((w) => w === key || sameLemma(w, key))) {
        bestScore = v;
        best = { c: n, s: j };
      }
    }
    if (best.s === 0 && words.every((_, i) => cAt(i).bracketed)) best = { c: n, s: replacedByBracket(req, n, m, sAt) };
    return best;
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const v = table[i * width + j]!;
      // Only an edge that ends on a match is worth taking in.
      if (v > bestScore && cAt(i - 1).key === sAt(j - 1).key) {
        bestScore = v;
        best = { c: i, s: j };
      }
    }
  }
  return best;
}

/**
 * A bracketed insertion at the edge of a quotation stands for the source words it
 * replaces ("[Moscow and Beijing] oppose" for "The sides oppose"): those up to the
 * sentence boundary, if there are not many more of them than the bracket has words.
 */
function replacedByBracket(req: ExtendRequest, n: number, m: number, sAt: (j: number) => Token): number {
  const limit = Math.min(m, n + 3);
  let inner: Token | undefined = req.source[req.direction < 0 ? req.sFrom : req.sFrom - 1];
  for (let j = 1; j <= limit + 1; j++) {
    const outer = j <= m ? sAt(j - 1) : undefined;
    const gap = !inner || !outer ? '.' : req.direction < 0 ? req.sourceText.slice(outer.end, inner.start) : req.sourceText.slice(inner.end, outer.start);
    if (/[.!?;:\n]/u.test(gap)) return j - 1;
    inner = outer;
  }
  return 0;
}
