import { wordForms, type WordForms } from './normalize.js';

/**
 * The forms of every spelling met so far, in this process: words recur within a text and
 * across texts (a commentary speaks the words of its source, a corpus one language), so a
 * word seen before costs neither a string nor its forms again — it is found by its
 * characters in place, in an open-addressing table. The forms are a pure function of the
 * spelling, so what the table holds never changes a result; it is emptied when full, which
 * bounds its memory.
 */
const MAX_SPELLINGS = 1 << 16;

/** A word's forms, and the number of its key in this process (see keyGeneration). */
export interface KnownForms extends WordForms {
  keyId: number;
}

/**
 * The table: two numbers a slot, a spelling's hash and its entry (-1 when empty), so that
 * a probe reads one place in memory, not a slot and then the entry's hash elsewhere.
 */
let slots = new Int32Array(2 << 12).fill(-1);
let spellings: string[] = [];
let hashes: number[] = [];
let forms: KnownForms[] = [];
/**
 * Every key met since the table was last emptied, numbered from `generation` up: an index
 * can tell its words by these numbers, which cost a look-up in a typed array, not in a Map
 * of strings. Emptied with the table; the numbers go on from where they were, so a number
 * is never given to two keys.
 */
let keyIds = new Map<string, number>();
let generation = 0;
let nextKeyId = 0;

/**
 * The key numbers given since the table was last emptied are `keyGeneration()` up to
 * `keyCount()`; within that range a number is one key's. A number below it is from before,
 * and says nothing about the key of a number given now.
 */
export function keyGeneration(): number {
  return generation;
}

export function keyCount(): number {
  return nextKeyId;
}

/** FNV-1a's offset basis and prime: `spellingHash` of a word is SPELLING_HASH_SEED folded with each code unit by `nextSpellingHash`. */
export const SPELLING_HASH_SEED = 0x811c9dc5;

/** One more code unit of a word into its hash (FNV-1a, 32 bits). */
export function nextSpellingHash(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** The hash the table knows the word `text[start, end)` by. */
export function spellingHash(text: string, start: number, end: number): number {
  let h = SPELLING_HASH_SEED;
  for (let i = start; i < end; i++) h = nextSpellingHash(h, text.charCodeAt(i));
  return h;
}

/**
 * The forms of the word `text[start, end)`. `hash` is its spellingHash, when the caller
 * computed it while reading the word (the tokenizer does): the word is then read once more
 * only to compare it with the spelling the table has.
 */
export function formsOf(text: string, start: number, end: number, hash = spellingHash(text, start, end)): KnownForms {
  const h = hash | 0;
  const mask = (slots.length >> 1) - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const e = slots[2 * slot + 1]!;
    if (e < 0) return add(ownCopy(text, start, end), h, slot);
    if (slots[2 * slot] === h && sameWord(spellings[e]!, text, start, end)) return forms[e]!;
  }
}

/** How many spellings the table holds (for tests: a word looked up again adds none). */
export function knownSpellings(): number {
  return forms.length;
}

/**
 * The word as a string of its own. V8 makes a slice of 13 characters or more a view into
 * the text it was cut from, so the table would otherwise keep every text that brought it
 * a long word alive for as long as it holds the word.
 */
function ownCopy(text: string, start: number, end: number): string {
  const word = text.slice(start, end);
  return word.length < 13 ? word : [...word].join('');
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function add(word: string, h: number, slot: number): KnownForms {
  const { fold, lower, key, stem } = wordForms(word);
  if (forms.length >= MAX_SPELLINGS) {
    forget();
    slot = h & ((slots.length >> 1) - 1);
  }
  let keyId = keyIds.get(key);
  if (keyId === undefined) keyIds.set(key, (keyId = nextKeyId++));
  const f: KnownForms = { fold, lower, key, stem, keyId };
  slots[2 * slot] = h;
  slots[2 * slot + 1] = forms.length;
  spellings.push(word);
  hashes.push(h);
  forms.push(f);
  if (forms.length * 4 > slots.length) grow();
  return f;
}

function forget(): void {
  slots = new Int32Array(2 << 12).fill(-1);
  spellings = [];
  hashes = [];
  forms = [];
  keyIds = new Map();
  generation = nextKeyId;
}

function grow(): void {
  const wider = new Int32Array(slots.length * 2).fill(-1);
  const mask = (wider.length >> 1) - 1;
  hashes.forEach((h, e) => {
    let slot = h & mask;
    while (wider[2 * slot + 1]! >= 0) slot = (slot + 1) & mask;
    wider[2 * slot] = h;
    wider[2 * slot + 1] = e;
  });
  slots = wider;
}
