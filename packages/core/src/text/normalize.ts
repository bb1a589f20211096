import { spellingKey, stem } from './spelling.js';

/** Characters that change how text looks in some renderers but not which words it says. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4]/g;
/** Most words need no folding at all. */
const PLAIN = /^[A-Za-z0-9]+$/;
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/**
 * Typography-insensitive form of a word, case kept: NFC, one apostrophe, one hyphen,
 * no invisible characters, no editorial brackets, no hyphen that only breaks a line.
 */
export function fold(raw: string): string {
  if (PLAIN.test(raw)) return raw;
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(/-[ \t]*(?:\r\n|\r|\n)[\s>]*/g, '')
    .replace(/[[\]]/g, '');
}

/** The comparison forms of a word, from the most to the least exact. */
export interface WordForms {
  fold: string;
  lower: string;
  key: string;
  stem: string;
}

export function wordForms(raw: string): WordForms {
  const folded = fold(raw);
  const lower = folded.toLowerCase();
  const key = spellingKey(lower);
  return { fold: folded, lower, key, stem: stem(key) };
}
