import type { Token } from '../text/tokenize.js';

/** Seeds are k consecutive words; three is long enough to be rare in prose, short enough to survive edits. */
export const SEED_LENGTH = 3;
/** A seed found more often than this in the source says nothing about where a passage comes from. */
const MAX_SEED_OCCURRENCES = 64;
/** Three word ids pack into one safe integer while the vocabulary fits in 17 bits. */
const PACK = 2 ** 17;

/**
 * An index of the source's word n-grams, for candidate search: which places in the source
 * share a run of words with a given place in the commentary. Words are compared by their
 * spelling-insensitive keys, interned as integers. Occurrences are kept as linked lists in
 * typed arrays (`first` maps a key to its first position, `next` chains the rest), which
 * costs one Map entry per distinct seed instead of one array per seed.
 */
export class SourceIndex {
  readonly ids: Int32Array;
  private readonly vocabulary = new Map<string, number>();
  private readonly firstSeed = new Map<number | string, number>();
  private readonly nextSeed: Int32Array;
  private firstWord: Int32Array | undefined;
  private nextWord: Int32Array | undefined;

  constructor(readonly tokens: readonly Token[]) {
    this.ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) this.ids[i] = this.intern(tokens[i]!.key);
    this.nextSeed = new Int32Array(tokens.length).fill(-1);
    // Built back to front so that each list runs in ascending source order.
    for (let i = tokens.length - SEED_LENGTH; i >= 0; i--) {
      const key = this.seedKey(this.ids, i);
      const head = this.firstSeed.get(key);
      if (head !== undefined) this.nextSeed[i] = head;
      this.firstSeed.set(key, i);
    }
  }

  /** The id of a word key; words absent from the source get -1 and never match. */
  idOf(key: string): number {
    return this.vocabulary.get(key) ?? -1;
  }

  /** Source positions where the seed starting at `ids[at]` occurs, or [] when absent or too common. */
  seedAt(ids: Int32Array, at: number): number[] {
    const list = this.seedList(ids, at, MAX_SEED_OCCURRENCES + 1);
    return list.length > MAX_SEED_OCCURRENCES ? [] : list;
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

  private seedList(ids: ArrayLike<number>, at: number, max: number): number[] {
    if (at + SEED_LENGTH > ids.length) return [];
    for (let k = 0; k < SEED_LENGTH; k++) if (ids[at + k]! < 0) return [];
    const out: number[] = [];
    for (let p = this.firstSeed.get(this.seedKey(ids, at)) ?? -1; p >= 0 && out.length < max; p = this.nextSeed[p]!) out.push(p);
    return out;
  }

  /** Per-word occurrence lists, built on first use (only short quotations need them). */
  private wordLists(): [Int32Array, Int32Array] {
    if (!this.firstWord || !this.nextWord) {
      const first = new Int32Array(this.vocabulary.size).fill(-1);
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

  private intern(key: string): number {
    let id = this.vocabulary.get(key);
    if (id === undefined) this.vocabulary.set(key, (id = this.vocabulary.size));
    return id;
  }

  private seedKey(ids: ArrayLike<number>, at: number): number | string {
    const a = ids[at]!;
    const b = ids[at + 1]!;
    const c = ids[at + 2]!;
    if (this.vocabulary.size < PACK) return (a * PACK + b) * PACK + c;
    return `${a},${b},${c}`;
  }
}

/** The commentary's words as source word ids (-1 for a word the source never uses). */
export function idsOf(index: SourceIndex, tokens: readonly Token[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  tokens.forEach((t, i) => (ids[i] = index.idOf(t.key)));
  return ids;
}
