/**
 * Spelling-variant keys: two words whose keys are equal are the same word in another
 * spelling (British/American, hyphenation, doubled consonants). Both sides of a
 * comparison go through the same function, so a rule only has to map the variants of a
 * word to one key; it must not map two different words to one key, which is why the
 * riskier rules are lists rather than patterns.
 */

const LIST: ReadonlyMap<string, string> = new Map([
  ['centre', 'center'], ['theatre', 'theater'], ['metre', 'meter'], ['litre', 'liter'],
  ['fibre', 'fiber'], ['calibre', 'caliber'], ['sombre', 'somber'], ['spectre', 'specter'],
  ['lustre', 'luster'], ['meagre', 'meager'], ['sabre', 'saber'], ['manoeuvre', 'maneuver'],
  ['defence', 'defense'], ['offence', 'offense'], ['licence', 'license'], ['pretence', 'pretense'],
  ['judgement', 'judgment'], ['acknowledgement', 'acknowledgment'], ['programme', 'program'],
  ['ageing', 'aging'], ['grey', 'gray'], ['plough', 'plow'], ['sceptic', 'skeptic'],
  ['sceptical', 'skeptical'], ['aluminium', 'aluminum'], ['cheque', 'check'], ['tyre', 'tire'],
  ['kerb', 'curb'], ['mould', 'mold'], ['smoulder', 'smolder'], ['storey', 'story'],
  ['paediatric', 'pediatric'], ['encyclopaedia', 'encyclopedia'], ['oestrogen', 'estrogen'],
  ['anaesthesia', 'anesthesia'], ['haemorrhage', 'hemorrhage'], ['foetus', 'fetus'],
]);

const OUR_EXCEPTIONS = new Set([
  'four', 'your', 'hour', 'pour', 'tour', 'sour', 'flour', 'dour', 'contour', 'detour',
  'devour', 'amour', 'paramour', 'troubadour', 'scour', 'velour', 'our', 'ours', 'yours',
]);

const SUFFIXES = ['s', 'es', 'd', 'ed', 'ing', 'ly', 'ful', 'less', 'hood', 'ment', 'ments', 'ist', 'ists', 'ism'];

/** The first four letters of every listed word: most words are ruled out by them alone. */
const LIST_PREFIXES = new Set([...LIST.keys()].map((w) => w.slice(0, 4)));
/** The first two letters of every listed word (all ASCII), as flags: a test that costs no string. */
const LIST_STARTS = new Uint8Array(128 * 128);
for (const w of LIST.keys()) LIST_STARTS[w.charCodeAt(0) * 128 + w.charCodeAt(1)] = 1;

function fromList(word: string): string | undefined {
  const c0 = word.charCodeAt(0);
  const c1 = word.charCodeAt(1);
  if (word.length < 4 || c0 >= 128 || c1 >= 128 || !LIST_STARTS[c0 * 128 + c1]) return undefined;
  if (!LIST_PREFIXES.has(word.slice(0, 4))) return undefined;
  const direct = LIST.get(word);
  if (direct) return direct;
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const base = LIST.get(word.slice(0, -suffix.length));
      if (base) return base + suffix;
    }
  }
  return undefined;
}

/** The spelling-insensitive key of a lowercased, typography-folded word. */
export function spellingKey(lower: string): string {
  let w = lower;
  // One look at the letters tells which rules below may apply (none of them makes a
  // letter pair another one looks for).
  let found = lettersIn(w);
  if (found & APOSTROPHE_OR_HYPHEN) found = lettersIn((w = w.replace(/['\-]/g, '')));
  const listed = fromList(w);
  if (listed) found = lettersIn((w = listed));
  // The rules were first written as patterns whose `.` stops at a line break (a word a
  // soft hyphen broke across lines): such a word takes only the doubled-l rule.
  if (found & LINE_BREAK) return found & DOUBLE_L ? w.replace(/ll/g, 'l') : w;
  // -our / -or: colour, honour, behaviour, neighbourhood, favourite.
  const at = found & OUR ? ourAt(w) : -1;
  if (at >= 0 && !OUR_EXCEPTIONS.has(w) && !OUR_EXCEPTIONS.has(w.endsWith('s') ? w.slice(0, -1) : w)) {
    w = `${w.slice(0, at)}or${w.slice(at + 3)}`;
  }
  // -ise / -ize and -yse / -yze: organise, monopolisation, analyse.
  if (found & LETTER_S) {
    const ise = iseAt(w);
    if (ise >= 0) w = `${w.slice(0, ise + 1)}z${w.slice(ise + 2)}`;
  }
  // -ogue / -og: catalogue, dialogue.
  if (found & OGUE && (w.endsWith('ogue') || w.endsWith('ogues'))) w = w.replace(/^(.+)(log|gog)ue(s)?$/, '$1$2$3');
  // Doubled l: fulfil(l)ment, travel(l)ed, model(l)ing, skil(l)ful, enrol(l).
  if (found & DOUBLE_L) w = w.replace(/ll/g, 'l');
  return w;
}

const APOSTROPHE_OR_HYPHEN = 1;
const LETTER_S = 2;
const DOUBLE_L = 4;
const OUR = 8;
const OGUE = 16;
const LINE_BREAK = 32;

/** Which of the letters and letter pairs the rules look for a word has, as flags. */
function lettersIn(w: string): number {
  let found = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x73) found |= LETTER_S;
    else if (c === 0x6c) found |= w.charCodeAt(i + 1) === 0x6c ? DOUBLE_L : 0;
    else if (c === 0x6f) found |= w.charCodeAt(i + 1) === 0x75 && w.charCodeAt(i + 2) === 0x72 ? OUR : 0;
    else if (c === 0x27 || c === 0x2d) found |= APOSTROPHE_OR_HYPHEN;
    else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) found |= LINE_BREAK;
  }
  // -ogue and -ogues end in e or s.
  const last = w.charCodeAt(w.length - 1);
  if (last === 0x65 || last === 0x73) found |= OGUE;
  return found;
}

const OUR_ENDINGS = new Set(['', 's', 'ed', 'ing', 'ite', 'ites', 'able', 'ably', 'ful', 'fully', 'less', 'hood', 'hoods', 'er', 'ers', 'ism', 'ist', 'ists']);
const ISE_ENDINGS = new Set(['e', 'es', 'ed', 'ing', 'ation', 'ations', 'er', 'ers', 'able']);
const LONGEST_ISE_ENDING = 6;

/**
 * Where /^(.{2,}?)our(ending)?$/ finds its "our" (the first after two letters that only
 * an ending follows), or -1.
 */
function ourAt(w: string): number {
  for (let p = w.indexOf('our', 2); p >= 0; p = w.indexOf('our', p + 1)) {
    if (OUR_ENDINGS.has(w.slice(p + 3))) return p;
  }
  return -1;
}

/** Where /^(.{3,})([iy])s(ending)$/ finds its i or y (the last one that fits), or -1. */
function iseAt(w: string): number {
  for (let p = w.length - 3; p >= 3 && p >= w.length - 2 - LONGEST_ISE_ENDING; p--) {
    const c = w.charCodeAt(p);
    if ((c === 0x69 || c === 0x79) && w.charCodeAt(p + 1) === 0x73 && ISE_ENDINGS.has(w.slice(p + 2))) return p;
  }
  return -1;
}

/**
 * A crude stem, only for telling an inflection (reflects → reflect) from another word:
 * the first of these endings that leaves at least three letters comes off —
 * -ies/-ied → -y, -sses → -ss, -ses/-xes/-zes/-ches/-shes → without -es, -s (not -ss),
 * -ing, -ed, -e.
 */
export function stem(key: string): string {
  const n = key.length;
  if (n <= 3) return key;
  const last = key.charCodeAt(n - 1);
  // Only -s, -d, -g and -e endings are inflections this stemmer removes.
  if (last !== S && last !== D && last !== G && last !== E) return key;
  const c2 = key.charCodeAt(n - 2);
  const c3 = key.charCodeAt(n - 3);
  // Each rule applies when what it leaves is at least three letters long.
  if (n >= 5) {
    // -ies, -ied
    if ((last === S || last === D) && c2 === E && c3 === I) return `${key.slice(0, -3)}y`;
    // -ses (and -sses), -xes, -zes, -ches, -shes
    if (last === S && c2 === E && (c3 === S || c3 === X || c3 === Z || (c3 === H && (key.charCodeAt(n - 4) === C || key.charCodeAt(n - 4) === S)))) {
      return key.slice(0, -2);
    }
  }
  if (last === S && c2 !== S) return key.slice(0, -1);
  if (n >= 6 && last === G && c2 === N && c3 === I) return key.slice(0, -3);
  if (n >= 5 && last === D && c2 === E) return key.slice(0, -2);
  if (last === E) return key.slice(0, -1);
  return key;
}

const C = 0x63;
const D = 0x64;
const E = 0x65;
const G = 0x67;
const H = 0x68;
const I = 0x69;
const N = 0x6e;
const S = 0x73;
const X = 0x78;
const Z = 0x7a;

/**
 * Whether two different words are forms of one word: the same stem, or one the other
 * with a short ending (Russia / Russian, alliance / alliances).
 */
export function sameLemma(a: string, b: string): boolean {
  return a === b || stem(a) === stem(b) || oneWithEnding(a, b);
}

/** sameLemma for two words whose stems are known (a token's `forms.stem` is `stem(key)`): no string is made. */
export function sameLemmaOf(a: { key: string; forms: { stem: string } }, b: { key: string; forms: { stem: string } }): boolean {
  return a.key === b.key || a.forms.stem === b.forms.stem || oneWithEnding(a.key, b.key);
}

function oneWithEnding(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}
