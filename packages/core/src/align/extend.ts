import { isFunctionWord } from '../text/function-words.js';
import { sameLemmaOf } from '../text/spelling.js';
import type { Token } from '../text/tokenize.js';

const MATCH = 2;
const LEMMA = 0.5;
const MISMATCH = -1.5;
const GAP = -1.5;
const SENTENCE_BREAK = /[.!?;:\n]/u;
const CLAUSE_BREAK = /[.!?;:,\n]/u;
/** Words a bracket opening a quotation may stand for alone: articles and possessives (keys: doubled letters folded). */
const ARTICLES = new Set(['the', 'a', 'an']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our', 'his', 'her', 'this', 'these', 'that', 'those']);

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
  // An array, not a typed array: most tables are a few cells, and a typed array costs several times more to make.
  const table = new Array<number>((n + 1) * width).fill(0);
  for (let j = 1; j <= m; j++) table[j] = j * GAP;
  for (let i = 1; i <= n; i++) {
    table[i * width] = i * GAP;
    const c = cAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const s = sAt(j - 1);
      const pair = c.key === s.key ? MATCH : sameLemmaOf(c, s) ? LEMMA : MISMATCH;
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
    const words = Array.from({ length: n }, (_, i) => cAt(i));
    for (let j = 1; j <= m; j++) {
      const v = table[n * width + j]!;
      const s = sAt(j - 1);
      if (v > bestScore && words.some((w) => sameLemmaOf(w, s))) {
        bestScore = v;
        best = { c: n, s: j };
      }
    }
    // A bracket opening a quotation with the abbreviation the source gives in parentheses
    // after a name ("[The BWC] is" where the source has "the Convention on … (BWC) is")
    // stands for the name and its abbreviation, not for the letters inside the parentheses.
    if (best.s > 0 && req.direction < 0 && words.every((w) => w.bracketed)) {
      const named = nameBeforeAbbreviation(req, best.s, sAvailable, sAt);
      if (named > best.s) best = { c: n, s: named };
    }
    // No word in common: the quotation's words at its edge stand for the source words next
    // to it in the same sentence — "support colour revolutions" for "oppose colour
    // revolutions" is a change of "oppose", not an added "support". A bracket may stand for
    // a few more words than it has ("[Moscow and Beijing]" for "The sides").
    if (best.s === 0) {
      const bracketed = words.every((_, i) => cAt(i).bracketed);
      // Words of the quoter's own stand for source words of the same clause only: "the
      // sides oppose colour revolutions" does not make "any pretext, oppose" into "the sides
      // oppose" — the quoter's subject is an addition.
      const near = adjacentInSentence(req, Math.min(m, bracketed ? n + 3 : n), sAt, bracketed ? SENTENCE_BREAK : CLAUSE_BREAK);
      // A bracket stands for words up to the sentence's edge, or is a gloss of the quoter's —
      // except one opening a quotation where the source has an article or a possessive
      // before the quoted words: "[Beijing's] Global Initiative" stands for "the Global
      // Initiative" (a gloss follows the word it explains, it does not open a quotation).
      const determiner = bracketed && req.direction < 0 && near.words > 0 && DETERMINERS.has(sAt(0).key);
      best = { c: n, s: bracketed && !near.atBoundary ? (determiner ? 1 : 0) : near.words };
    }
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

/** Most words of a name an abbreviation in parentheses may stand for. */
const MAX_NAME_WORDS = 40;

/**
 * When the `j` source words before the chain end with an abbreviation in parentheses
 * ("… on Their Destruction (BWC)"), how many words back the name it abbreviates begins
 * ("the Convention on the Prohibition …"): its words are capitalized or function words
 * joining them, within one sentence, and it opens with its article. `j` when there is none.
 */
function nameBeforeAbbreviation(req: ExtendRequest, j: number, available: number, sAt: (j: number) => Token): number {
  const text = req.sourceText;
  if (j >= available) return j;
  // The words taken are the abbreviation: "(" before the first of them, ")" after the last.
  const opening = text.slice(sAt(j).end, sAt(j - 1).start);
  const closing = text.slice(sAt(0).end, req.source[req.sFrom]!.start);
  if (!/\(\s*$/u.test(opening) || !/^\s*\)/u.test(closing)) return j;
  let k = j;
  let lastCapital = j;
  while (k < available && k - j < MAX_NAME_WORDS) {
    const outer = sAt(k);
    const gap = text.slice(outer.end, sAt(k - 1).start);
    if (/[.!?;:\n]/u.test(gap)) break;
    const capital = /^\p{Lu}/u.test(text.slice(outer.start, outer.end));
    if (!capital && !isFunctionWord(outer.key)) break;
    k++;
    if (capital) lastCapital = k;
  }
  if (lastCapital === j) return j;
  // The name's article ("the Convention"), not the words before it ("belief that the").
  return lastCapital < available && ARTICLES.has(sAt(lastCapital).key) ? lastCapital + 1 : lastCapital;
}

/** The text between the `j`-th source word from the chain and the one after it. */
function gapBeyond(req: ExtendRequest, j: number, sAt: (j: number) => Token): string {
  const a = sAt(j - 1);
  const b = req.source[req.direction < 0 ? req.sFrom - j - 1 : req.sFrom + j]!;
  return req.direction < 0 ? req.sourceText.slice(b.end, a.start) : req.sourceText.slice(a.end, b.start);
}

/**
 * How many source words next to the chain, up to `limit`, lie in the chain's sentence: the
 * words a quotation's unmatched edge replaces.
 */
function adjacentInSentence(req: ExtendRequest, limit: number, sAt: (j: number) => Token, boundary: RegExp): { words: number; atBoundary: boolean } {
  let inner: Token | undefined = req.source[req.direction < 0 ? req.sFrom : req.sFrom - 1];
  for (let j = 1; j <= limit; j++) {
    const outer = sAt(j - 1);
    const gap = !inner ? '.' : req.direction < 0 ? req.sourceText.slice(outer.end, inner.start) : req.sourceText.slice(inner.end, outer.start);
    if (boundary.test(gap)) return { words: j - 1, atBoundary: true };
    inner = outer;
  }
  const next = req.direction < 0 ? req.sFrom - limit - 1 : req.sFrom + limit;
  const edge = next < 0 || next >= req.source.length;
  return { words: limit, atBoundary: edge || (limit > 0 && boundary.test(gapBeyond(req, limit, sAt))) };
}
