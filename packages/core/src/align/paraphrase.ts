import { CLOSING_MARKS } from '../detect/quotation-marks.js';
import { lexiconOf, sharedStem, type Lexicon } from '../lexicon/lexicon.js';
import { blocks } from '../text/paragraphs.js';
import { isFunctionWord } from '../text/function-words.js';
import { sameLemma } from '../text/spelling.js';
import type { Token } from '../text/tokenize.js';
import { isNameAt } from './evidence.js';
import type { Located, LocateState, WordRange } from './state.js';

/** A paraphrase has at least this many content words in common with its place… */
const MIN_SHARED = 3;
/**
 * …and most of the quotation's content words: a quotation whose best place has half of
 * them or fewer ("a new era of genuine multipolarity in world affairs", which shares
 * "genuine multipolarity" and "world") says something the source does not.
 */
const mostOf = (n: number) => Math.floor(n / 2) + 1;
/** …of which this many are not names: a name in common is not a paraphrase. */
const MIN_PLAIN = 2;
/**
 * …and this many are the same words (or forms of them): a line made only of synonyms of a
 * sentence's words ("the two countries will defend each other against any attack" for
 * "the sides oppose attempts by some States") says something else in other words.
 */
const MIN_SAME = 2;
/** How much longer than the quotation its place in the source may be, in words. */
const WINDOW_STRETCH = 1.5;
const WINDOW_SLACK = 4;
const SENTENCE_BREAK = /[.!?;:]|\n/u;
/** Between two sentences: a full stop (perhaps closing a quotation) and a space, or a line break. */
const SENTENCE_END = new RegExp(`[.!?][${CLOSING_MARKS})]*\\s|\\n`, 'u');
/**
 * Between two sentences of a quotation: a full stop and a space, or a blank line. A line
 * break alone is where the commentary's lines wrap (a source's lines are its paragraphs).
 */
const QUOTED_SENTENCE_END = new RegExp(`[.!?][${CLOSING_MARKS})]*\\s|\\n[ \\t]*\\n`, 'u');
/** Words a place may grow by beyond the quotation's own to reach its sentence's edge. */
const EDGE_SLACK = 2;

/**
 * Pass 4: quotations that no pass found word for word — typically quoted from another
 * translation of the source ("the parties" for "the sides", "expansion" for
 * "enlargement"). Each content word of the quotation is matched to the source's through
 * its base forms, its WordNet synonyms and its derivational relatives; the quotation is
 * a paraphrase of the one stretch of one source paragraph that holds most of them, in any
 * order. When two stretches hold as many, both are reported as its candidates (the first
 * in source order stands for them). The lexicon is loaded only when a quotation gets here.
 */
export function paraphrases(state: LocateState, located: Located[]): void {
  let index: ConceptIndex | undefined;
  for (let i = 0; i < located.length; i++) {
    const l = located[i]!;
    if (l.sourceWords !== null || l.kind !== 'quotation' || !state.lexicon) continue;
    if (l.words.end - l.words.start < state.minNotFoundWords) continue;
    index ??= conceptIndexOf(state.source, state.sourceTokens, lexiconOf(state.lexicon()));
    const quoted = state.commentary.slice(state.commentaryTokens[l.words.start]!.start, state.commentaryTokens[l.words.end - 1]!.end);
    const found = index.paraphraseOf(state.commentary, state.commentaryTokens, l, !QUOTED_SENTENCE_END.test(quoted));
    if (found) located[i] = found;
  }
}

interface Hit {
  /** Source token index, and how many source words it takes (a phrase: "United Nations"). */
  s: number;
  length: number;
  /** Which content word of the quotation it matches (its position in the list). */
  k: number;
  /** The same word (or a form of it) weighs 1; a synonym or a derived word less. */
  weight: number;
}

const SAME_WORD = 1;
/** A paraphrase is never as similar as a quotation word for word. */
const MAX_PARAPHRASE_SIMILARITY = 0.95;
const RELATED_WORD = 0.75;
const SPREAD_COST = 0.1;
const DISORDER_COST = 0.5;

/** How many of a window's matched words keep the quotation's order: the longest run of them increasing in both texts. */
function inOrder(matched: readonly Hit[]): number {
  const bySource = [...matched].sort((a, b) => a.s - b.s || a.k - b.k);
  // Patience sorting: the smallest last quotation position of an increasing run of each length.
  const tails: number[] = [];
  for (const h of bySource) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < h.k) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = h.k;
  }
  return tails.length;
}

interface Window {
  score: number;
  /** Content words of the quotation matched, and the first and last of them in the commentary (content word positions). */
  words: number;
  firstWord: number;
  lastWord: number;
  /** Whether the first (last) of them is matched at the place's first (last) word. */
  firstAtEdge: boolean;
  lastAtEdge: boolean;
  /** Content words matched that are not names. */
  plain: number;
  /** The weights of the matched words, summed. */
  weight: number;
  /** Matched words that are the quotation's own words, or forms of them. */
  same: number;
  /** Content words of the place between its first and last matched word that match nothing. */
  unmatched: number;
  span: WordRange;
}

/**
 * The concept indexes of the last few sources, so that checking quotation after quotation
 * (as you type, or a commentary against the same statement) indexes a source once.
 */
const recent: Array<{ source: string; lexicon: Lexicon; index: ConceptIndex }> = [];
const RECENT_SOURCES = 4;

function conceptIndexOf(source: string, tokens: readonly Token[], lexicon: Lexicon): ConceptIndex {
  const hit = recent.findIndex((r) => r.lexicon === lexicon && r.source === source);
  if (hit >= 0) {
    const [entry] = recent.splice(hit, 1);
    recent.unshift(entry!);
    return entry!.index;
  }
  const index = new ConceptIndex(source, tokens, lexicon);
  recent.unshift({ source, lexicon, index });
  recent.length = Math.min(recent.length, RECENT_SOURCES);
  return index;
}

/**
 * A content word of a quotation, or a phrase WordNet has ("United Nations", "step up"),
 * which stands for one word ("UN", "intensify"): its key, and its first and last token.
 */
interface Unit {
  key: string;
  first: number;
  last: number;
}

/** Source places are held as one number: the token index and the words it takes (1 to 4). */
const PLACE_WORDS = 8;

/**
 * Whether a quotation word should leave the source word it holds for `hit`'s: one word of
 * the place is not two of the quotation, so when an earlier quotation word holds the same
 * source word and `hit`'s is free, the later one moves on ("governance … govern it" is
 * "Internet governance … its governance", not both words at the first).
 */
function yields(chosen: ReadonlyMap<number, Hit>, held: Hit, hit: Hit): boolean {
  let shared = false;
  for (const other of chosen.values()) {
    if (other.s === hit.s) return false;
    if (other !== held && other.s === held.s && other.k < held.k) shared = true;
  }
  return shared;
}

/**
 * The quotation's first and last matched words, and whether each is matched at the place's
 * edge. A source word is counted for one quotation word only here: of two that hold it, the
 * same word (or the earlier) keeps it — "international" is the quotation's "international",
 * not also its "internal", whose first letters it shares. When an edge word lies inside the
 * place (the words reordered), the quotation's edge says nothing of the place's.
 */
function edgesOf(held: readonly Hit[], lo: number, hi: number): Pick<Window, 'firstWord' | 'lastWord' | 'firstAtEdge' | 'lastAtEdge'> {
  const owner = new Map<number, Hit>();
  for (const hit of held) {
    const other = owner.get(hit.s);
    if (!other || hit.weight > other.weight || (hit.weight === other.weight && hit.k < other.k)) owner.set(hit.s, hit);
  }
  let first: Hit | undefined;
  let last: Hit | undefined;
  for (const hit of owner.values()) {
    if (!first || hit.k < first.k) first = hit;
    if (!last || hit.k > last.k) last = hit;
  }
  return { firstWord: first!.k, lastWord: last!.k, firstAtEdge: first!.s === lo, lastAtEdge: last!.s + last!.length - 1 === hi };
}

/** The source's content words, and its phrases, by what they mean: base form, synsets, stem. */
class ConceptIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly paragraphOf: Int32Array;
  /** Each source word's sentence, numbered through the whole text. */
  private readonly sentenceOf: Int32Array;

  constructor(private readonly source: string, private readonly sourceTokens: readonly Token[], private readonly lexicon: Lexicon) {
    const tokens = sourceTokens;
    this.paragraphOf = new Int32Array(tokens.length);
    this.sentenceOf = new Int32Array(tokens.length);
    let sentence = 0;
    const paragraphs = blocks(source);
    let p = 0;
    const seen = new Map<string, string[]>();
    for (let i = 0; i < tokens.length; i++) {
      while (p + 1 < paragraphs.length && paragraphs[p]!.end <= tokens[i]!.start) p++;
      this.paragraphOf[i] = p;
      if (i > 0 && SENTENCE_END.test(source.slice(tokens[i - 1]!.end, tokens[i]!.start))) sentence++;
      this.sentenceOf[i] = sentence;
      const word = tokens[i]!.key;
      const phrase = this.phraseAt(tokens, i, tokens.length);
      if (phrase) this.put(this.keysOf(phrase.key), i, phrase.last + 1 - i);
      if (isFunctionWord(word)) continue;
      // A source says its words many times: look each up in WordNet once.
      let keys = seen.get(word);
      if (!keys) seen.set(word, (keys = this.keysOf(word)));
      this.put(keys, i, 1);
    }
  }

  private put(keys: readonly string[], at: number, length: number): void {
    const place = at * PLACE_WORDS + length;
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list) list.push(place);
      else this.byKey.set(key, [place]);
    }
  }

  /**
   * The longest phrase WordNet has that starts at token `i` (ends before `end`), within a
   * clause and with a content word in it: "United Nations", "step up".
   */
  private phraseAt(tokens: readonly Token[], i: number, end: number, text = this.source): Unit | undefined {
    const longest = this.lexicon.longestPhraseFrom(tokens[i]!.key);
    if (longest === 0) return undefined;
    const words = [tokens[i]!.key];
    let content = !isFunctionWord(tokens[i]!.key);
    let found: Unit | undefined;
    for (let j = i + 1; j < end && words.length < longest; j++) {
      if (!/^\s+$/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)) || tokens[j]!.bracketed) break;
      words.push(tokens[j]!.key);
      content ||= !isFunctionWord(tokens[j]!.key);
      const phrase = content ? this.lexicon.phraseOf(words) : undefined;
      if (phrase) found = { key: phrase, first: i, last: j };
    }
    return found;
  }

  /** What a word can be matched by: its base forms, its synsets, the first letters of its stem. */
  private keysOf(word: string): string[] {
    const keys = this.lexicon.lemmas(word).map((l) => `=${l}`);
    for (const id of this.lexicon.synsetsOf(word)) keys.push(`#${id}`);
    if (word.length >= 6 && !word.includes('_')) keys.push(`~${word.slice(0, 6)}`);
    return [...new Set(keys)];
  }

  /**
   * `oneSentence`: the quotation is one sentence (or part of one), so its place is too — a
   * made-up line whose words are scattered over two of the source's sentences ("the two
   * countries and the peoples of the world. They will…") is no paraphrase of either.
   */
  paraphraseOf(commentary: string, commentaryTokens: readonly Token[], l: Located, oneSentence: boolean): Located | undefined {
    const tokens = commentaryTokens;
    // Its content words, a phrase WordNet has counting as one ("the United Nations" for "the UN").
    const content: Unit[] = [];
    for (let i = l.words.start; i < l.words.end; i++) {
      if (tokens[i]!.bracketed) continue;
      const phrase = this.phraseAt(tokens, i, l.words.end, commentary);
      if (phrase) {
        content.push(phrase);
        i = phrase.last;
      } else if (!isFunctionWord(tokens[i]!.key)) content.push({ key: tokens[i]!.key, first: i, last: i });
    }
    if (content.length < MIN_SHARED) return undefined;
    const hits = this.hitsOf(content);
    if (hits.length === 0) return undefined;
    const width = Math.ceil((l.words.end - l.words.start) * WINDOW_STRETCH) + WINDOW_SLACK;
    const needed = Math.max(MIN_SHARED, mostOf(content.length));
    // Only a place with enough evidence competes: one with more words that are merely
    // related must not hide one that has the quotation's own words. And the evidence goes
    // both ways: a place most of whose own content words match nothing of the quotation
    // says something else ("the work of the competent authorities and regions of the two
    // countries … border areas" is no paraphrase of "the two countries will divide the
    // world into spheres of influence", though four of its words fit).
    const windows = this.bestWindows(
      hits,
      width,
      oneSentence,
      (w) => w.words >= needed && w.plain >= MIN_PLAIN && w.same >= MIN_SAME && w.unmatched <= w.words,
    );
    if (windows.length === 0) return undefined;
    const [best, ...rest] = windows;
    // Places that fit as well are candidates too; the first in source order stands for them.
    const grown = (w: Window) =>
      this.grow(
        w.span,
        w.firstAtEdge ? tokens.slice(l.words.start, content[w.firstWord]!.first) : [],
        w.lastAtEdge ? tokens.slice(content[w.lastWord]!.last + 1, l.words.end) : [],
      );
    const places = [best!, ...rest.filter((w) => w.score === best!.score && w.plain === best!.plain)].map(grown);
    places.sort((a, b) => a.start - b.start);
    return { ...l, evidence: 'paraphrase', similarity: this.similarity(best!, content.length, places[0]!), sourceWords: places[0]!, anchors: [], alternatives: places.slice(1) };
  }

  /**
   * How alike a paraphrase and its place are in what they say: the content words they
   * share (a synonym or a derived word counting less than the same word) over the content
   * words of both (Dice's coefficient). More than zero, since most of the quotation's
   * content words are there; less than one, since the wording differs.
   */
  private similarity(w: Window, quoted: number, place: WordRange): number {
    let inPlace = 0;
    for (let s = place.start; s < place.end; s++) if (!isFunctionWord(this.sourceTokens[s]!.key)) inPlace++;
    const dice = (2 * w.weight) / (quoted + Math.max(inPlace, w.words));
    return Math.min(MAX_PARAPHRASE_SIMILARITY, Math.max(0.01, Math.round(dice * 100) / 100));
  }

  /**
   * Takes in the source words before and after a place that the quotation's words before
   * its first and after its last matched word stand for, within the sentence: a
   * translation's "The two countries object to" stands for "The sides oppose". Words the
   * source has right there, one for one, are taken in as they are; what is left of an edge
   * grows the place by as many words, and up to two more to reach the sentence's edge, when
   * it has a content word. Function words alone ("govern it" for "its governance", the
   * "its" already inside the place) translate nothing beyond it.
   */
  private grow(span: WordRange, before: readonly Token[], after: readonly Token[]): WordRange {
    const tokens = this.sourceTokens;
    const text = this.source;
    const gap = (a: number, b: number) => text.slice(tokens[a]!.end, tokens[b]!.start);
    const open = (i: number, step: -1 | 1) => (step < 0 ? i > 0 && !SENTENCE_BREAK.test(gap(i - 1, i)) : i < tokens.length && !SENTENCE_BREAK.test(gap(i - 1, i)));
    const reach = (from: number, step: -1 | 1, edge: readonly Token[]) => {
      let at = from;
      // The edge's words in order away from the place.
      const words = step < 0 ? [...edge].reverse() : edge;
      let k = 0;
      for (; k < words.length && open(at, step) && tokens[step < 0 ? at - 1 : at]!.key === words[k]!.key; k++) at += step;
      const rest = words.slice(k);
      if (!rest.some((t) => !isFunctionWord(t.key))) return at;
      const base = at;
      let n = 0;
      for (; n < rest.length && open(at, step); n++) at += step;
      let extra = at;
      for (let e = 0; e < EDGE_SLACK && open(extra, step); e++) extra += step;
      if (!open(extra, step)) return extra;
      // Counted words are not the same words: a source word the count reached at the edge
      // that is a function word unlike the quotation's edge word ("that" where the quotation
      // opens with "the") is not the quotation's.
      const outer = rest[rest.length - 1]!;
      while (at !== base) {
        const t = tokens[step < 0 ? at : at - 1]!;
        if (!isFunctionWord(t.key) || t.key === outer.key) break;
        at -= step;
      }
      return at;
    };
    return { start: reach(span.start, -1, before), end: reach(span.end, 1, after) };
  }

  /** Every (source word, quotation word) pair that mean the same. */
  private hitsOf(content: readonly Unit[]): Hit[] {
    const hits: Hit[] = [];
    const source = this.sourceTokens;
    content.forEach((c, k) => {
      const seen = new Set<number>();
      for (const key of this.keysOf(c.key)) {
        for (const place of this.byKey.get(key) ?? []) {
          if (seen.has(place)) continue;
          const s = Math.floor(place / PLACE_WORDS);
          const length = place % PLACE_WORDS;
          // A shared first six letters is only a candidate: the stems must really be shared.
          const other = length === 1 ? source[s]!.key : source.slice(s, s + length).map((t) => t.key).join('_');
          const same = other === c.key || sameLemma(c.key, other) || (key.startsWith('=') && this.lexicon.lemmas(other).includes(key.slice(1)));
          if (key.startsWith('~') && !same && !sharedStem(c.key, other)) continue;
          seen.add(place);
          hits.push({ s, length, k, weight: same ? SAME_WORD : RELATED_WORD });
        }
      }
    });
    return hits.sort((a, b) => a.s - b.s || a.k - b.k || a.length - b.length);
  }

  /**
   * The stretches of at most `width` source words, within one paragraph (one sentence when the quotation is one), from one matched
   * word to another, holding the most content words of the quotation (each counted once,
   * where it first occurs) for the fewest unmatched words between, among those `enough`
   * accepts; best first, none overlapping a better one, down to the first that scores less
   * than the best.
   */
  private bestWindows(hits: readonly Hit[], width: number, oneSentence: boolean, enough: (w: Window) => boolean): Window[] {
    const candidates: Window[] = [];
    for (let a = 0; a < hits.length; a++) {
      const start = hits[a]!.s;
      if (a > 0 && hits[a - 1]!.s === start) continue;
      const paragraph = this.paragraphOf[start]!;
      const sentence = this.sentenceOf[start]!;
      const inPlace = (s: number) => this.paragraphOf[s] === paragraph && (!oneSentence || this.sentenceOf[s] === sentence);
      const chosen = new Map<number, Hit>();
      for (let h = a; h < hits.length && hits[h]!.s < start + width && inPlace(hits[h]!.s); h++) {
        const hit = hits[h]!;
        const held = chosen.get(hit.k);
        if (!held || (held.s === hit.s && hit.weight > held.weight) || (held.s !== hit.s && yields(chosen, held, hit))) chosen.set(hit.k, hit);
        // Every end is a window of its own: the best place may stop short of a stray synonym.
        if (h + 1 >= hits.length || hits[h + 1]!.s !== hit.s) {
          const w = this.window([...chosen.values()]);
          if (enough(w)) candidates.push(w);
        }
      }
    }
    candidates.sort((x, y) => y.score - x.score || y.plain - x.plain || x.span.end - x.span.start - (y.span.end - y.span.start) || x.span.start - y.span.start);
    const out: Window[] = [];
    for (const c of candidates) {
      if (out.some((o) => o.span.start < c.span.end && c.span.start < o.span.end)) continue;
      out.push(c);
      if (c.score < candidates[0]!.score) break;
    }
    return out;
  }

  /** A window's score, its plain words, and its span from its first to its last matched word. */
  private window(matched: readonly Hit[]): Window {
    let score = 0;
    let weight = 0;
    let plain = 0;
    let same = 0;
    let lo = Infinity;
    let hi = -1;
    const taken = new Set<number>();
    for (const hit of matched) {
      score += hit.weight;
      weight += hit.weight;
      if (hit.weight === SAME_WORD) same++;
      if (!isNameAt(this.source, this.sourceTokens, hit.s)) plain++;
      lo = Math.min(lo, hit.s);
      hi = Math.max(hi, hit.s + hit.length - 1);
      for (let s = hit.s; s < hit.s + hit.length; s++) taken.add(s);
    }
    // Content words in the place that match nothing spread its evidence thin ("of the" between
    // two matched words does not); words out of the quotation's order say less than words
    // in it: "defend the authority of the United Nations … international" is the place of
    // "defend the authority of the UN … international affairs", not "the United Nations in
    // international affairs, defend".
    let unmatched = 0;
    for (let s = lo; s <= hi; s++) if (!taken.has(s) && !isFunctionWord(this.sourceTokens[s]!.key)) unmatched++;
    score -= SPREAD_COST * unmatched + DISORDER_COST * (matched.length - inOrder(matched));
    return { score: Math.round(score * 1000) / 1000, words: matched.length, plain, weight, same, unmatched, span: { start: lo, end: hi + 1 }, ...edgesOf(matched, lo, hi) };
  }
}
