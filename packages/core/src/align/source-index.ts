import { keyCount, keyGeneration } from '../text/spellings.js';
import type { Token } from '../text/tokenize.js';

/** Seeds are k consecutive words; three is long enough to be rare in prose, short enough to survive edits. */
export const SEED_LENGTH = 3;
/** A seed found more often than this in the source says nothing about where a passage comes from. */
const MAX_SEED_OCCURRENCES = 64;

/**
 * An index of the source's word n-grams, for candidate search: which places in the source
 * share a run of words with a given place in the commentary. Words are compared by their
 * spelling-insensitive keys, interned as integers. Seeds live in an open-addressing hash
 * table of typed arrays: a slot holds the first position of a distinct seed, `nextSeed`
 * chains its other positions. No object or array is made per seed.
 */
export class SourceIndex {
  readonly ids: Int32Array;
  /** Each word id's key. */
  private readonly keys: string[] = [];
  /** Key to word id, made when first asked for: words are told by their key numbers (`byKeyId`) when they can be. */
  private vocabulary: Map<string, number> | undefined;
  /**
   * The word id of each key number from `generation` on that the source uses, else -1 (see
   * spellings.ts); absent when the numbers cannot tell the source's words (its tokens are from
   * before the key table was last emptied, or the table has many more keys than the source).
   */
  private readonly byKeyId: Int32Array | undefined;
  private readonly generation: number;
  private readonly slots: Int32Array;
  /** How many times the seed in each slot occurs. */
  private readonly counts: Int32Array;
  private readonly mask: number;
  private readonly nextSeed: Int32Array;
  private firstWord: Int32Array | undefined;
  private nextWord: Int32Array | undefined;

  constructor(readonly tokens: readonly Token[]) {
    this.ids = new Int32Array(tokens.length);
    this.generation = keyGeneration();
    this.byKeyId = this.internByKeyId(tokens);
    if (!this.byKeyId) for (let i = 0; i < tokens.length; i++) this.ids[i] = this.intern(tokens[i]!.key);
    this.nextSeed = new Int32Array(tokens.length).fill(-1);
    const seeds = Math.max(0, tokens.length - SEED_LENGTH + 1);
    let capacity = 16;
    while (capacity < seeds * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
    // Built back to front so that each chain runs in ascending source order.
    for (let i = seeds - 1; i >= 0; i--) {
      const slot = this.slotOf(this.ids, i);
      const head = this.slots[slot]!;
      if (head >= 0) this.nextSeed[i] = head;
      this.slots[slot] = i;
      this.counts[slot]! += 1;
    }
  }

  /** The id of a word key; words absent from the source get -1 and never match. */
  idOf(key: string): number {
    return this.vocabularyMap().get(key) ?? -1;
  }

  /** The id of a token's word: idOf its key, found by its key number when that tells. */
  idOfToken(token: Token): number {
    const byKeyId = this.byKeyId;
    // A number from before the table was last emptied (or none) is looked up by its key.
    const k = token.forms.keyId - this.generation;
    if (byKeyId && k >= 0 && this.generation === keyGeneration()) {
      // A number given after the index was made is a key the source does not use.
      return k < byKeyId.length ? byKeyId[k]! : -1;
    }
    return this.idOf(token.key);
  }

  /** Source positions where the seed starting at `ids[at]` occurs, or [] when absent or too common. */
  seedAt(ids: Int32Array, at: number): number[] {
    const out: number[] = [];
    for (let p = this.firstSeed(ids, at); p >= 0; p = this.nextSeedAfter(p)) out.push(p);
    return out;
  }

  /**
   * The first source position of the seed starting at `ids[at]`, or -1 when it is absent or
   * too common; `nextSeedAfter` walks the others in ascending order. No array is made.
   */
  firstSeed(ids: ArrayLike<number>, at: number): number {
    if (at + SEED_LENGTH > ids.length) return -1;
    for (let k = 0; k < SEED_LENGTH; k++) if (ids[at + k]! < 0) return -1;
    const slot = this.slotOf(ids, at);
    return this.counts[slot]! > MAX_SEED_OCCURRENCES ? -1 : this.slots[slot]!;
  }

  /** The next source position of the same seed as position `p`, or -1. */
  nextSeedAfter(p: number): number {
    return this.nextSeed[p]!;
  }

  /** Every source position where a sequence of word ids occurs in full, up to `limit`. */
  occurrences(ids: ArrayLike<number>, limit = Infinity): number[] {
    if (ids.length === 0) return [];
    for (let k = 0; k < ids.length; k++) if (ids[k]! < 0) return [];
    const [first, next] = this.wordLists();
    const out: number[] = [];
    for (let p = first[ids[0]!]!; p >= 0 && out.length < limit; p = next[p]!) {
      if (p + ids.length > this.ids.length) break;
      let ok = true;
      for (let k = 1; k < ids.length && ok; k++) ok = this.ids[p + k] === ids[k];
      if (ok) out.push(p);
    }
    return out;
  }

  /** The slot of a seed: where it is, or the empty slot where it would go. */
  private slotOf(ids: ArrayLike<number>, at: number): number {
    const a = ids[at]!;
    const b = ids[at + 1]!;
    const c = ids[at + 2]!;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + 0x165667b1, 0xc2b2ae35);
    h ^= h >>> 15;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const p = this.slots[slot]!;
      if (p < 0 || (this.ids[p] === a && this.ids[p + 1] === b && this.ids[p + 2] === c)) return slot;
    }
  }

  /** Per-word occurrence lists, built on first use (only short quotations need them). */
  private wordLists(): [Int32Array, Int32Array] {
    if (!this.firstWord || !this.nextWord) {
      const first = new Int32Array(this.keys.length).fill(-1);
      const next = new Int32Array(this.ids.length).fill(-1);
      for (let i = this.ids.length - 1; i >= 0; i--) {
        next[i] = first[this.ids[i]!]!;
        first[this.ids[i]!] = i;
      }
      this.firstWord = first;
      this.nextWord = next;
    }
    return [this.firstWord, this.nextWord];
  }

  /**
   * Word ids by key number, in order of first use, as `intern` gives them; undefined when
   * the numbers cannot tell the source's words.
   */
  private internByKeyId(tokens: readonly Token[]): Int32Array | undefined {
    const from = this.generation;
    const span = keyCount() - from;
    // A table of every key met is worth it only when the source uses a fair share of them.
    if (span > KEY_TABLE_STRETCH * tokens.length + 1024) return undefined;
    // One pass over the tokens (each read costs two objects' worth of memory traffic):
    // a number from before the table was last emptied undoes what was done.
    const byKeyId = new Int32Array(span).fill(-1);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const k = t.forms.keyId - from;
      if (!(k >= 0 && k < span)) {
        this.keys.length = 0;
        return undefined;
      }
      let id = byKeyId[k]!;
      if (id < 0) {
        byKeyId[k] = id = this.keys.length;
        this.keys.push(t.key);
      }
      this.ids[i] = id;
    }
    return byKeyId;
  }

  private intern(key: string): number {
    const vocabulary = this.vocabularyMap();
    let id = vocabulary.get(key);
    if (id === undefined) {
      vocabulary.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  private vocabularyMap(): Map<string, number> {
    if (!this.vocabulary) {
      this.vocabulary = new Map();
      this.keys.forEach((key, id) => this.vocabulary!.set(key, id));
    }
    return this.vocabulary;
  }
}

/** How many more keys than words a source may have met for its index to tell them by number. */
const KEY_TABLE_STRETCH = 8;

/** The commentary's words as source word ids (-1 for a word the source never uses). */
export function idsOf(index: SourceIndex, tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = index.idOfToken(tokens[i]!);
  return ids;
}
