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
  // Most words are ASCII letters and digits, often lowercase already, and nearly all the
  // others hold nothing fold changes: one look at their characters spares the string
  // functions.
  let plain = raw.length > 0;
  let upper = false;
  let unchanged = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) continue;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c < 0x30 || c > 0x39) {
      plain = false;
      if (!unchangedByFold(c)) {
        unchanged = false;
        break;
      }
    }
  }
  const folded = unchanged ? raw : fold(raw);
  const lower = plain && !upper ? raw : folded.toLowerCase();
  const key = spellingKey(lower);
  return { fold: folded, lower, key, stem: stem(key) };
}

/**
 * Whether fold leaves a character as it is wherever it stands: below U+0300 every text is
 * already NFC (no combining marks there), and fold's other changes touch only the soft
 * hyphen, three apostrophe look-alikes, line breaks and brackets in that range.
 */
function unchangedByFold(c: number): boolean {
  return c < 0x300 && c !== 0xad && c !== 0x60 && c !== 0xb4 && c !== 0x2bc && c !== 0x0a && c !== 0x0d && c !== 0x5b && c !== 0x5d;
}
