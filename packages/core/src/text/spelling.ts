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

function fromList(word: string): string | undefined {
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
  let w = lower.includes("'") || lower.includes('-') ? lower.replace(/['\-]/g, '') : lower;
  const listed = fromList(w);
  if (listed) w = listed;
  // -our / -or: colour, honour, behaviour, neighbourhood, favourite.
  const our = w.includes('our') && /^(.{2,}?)our(s|ed|ing|ite|ites|able|ably|ful|fully|less|hood|hoods|er|ers|ism|ist|ists)?$/.exec(w);
  if (our && !OUR_EXCEPTIONS.has(w) && !OUR_EXCEPTIONS.has(w.replace(/s$/, ''))) {
    w = `${our[1]}or${our[2] ?? ''}`;
  }
  // -ise / -ize and -yse / -yze: organise, monopolisation, analyse.
  if (w.includes('s')) w = w.replace(/^(.{3,})([iy])s(e|es|ed|ing|ation|ations|er|ers|able)$/, '$1$2z$3');
  // -ogue / -og: catalogue, dialogue.
  if (w.endsWith('ogue') || w.endsWith('ogues')) w = w.replace(/^(.+)(log|gog)ue(s)?$/, '$1$2$3');
  // Doubled l: fulfil(l)ment, travel(l)ed, model(l)ing, skil(l)ful, enrol(l).
  if (w.includes('ll')) w = w.replace(/ll/g, 'l');
  return w;
}

const INFLECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/ies$/, 'y'], [/ied$/, 'y'], [/(ss)es$/, '$1'], [/([sxz]|[cs]h)es$/, '$1'],
  [/([^s])s$/, '$1'], [/ing$/, ''], [/ed$/, ''], [/e$/, ''],
];

/** A crude stem, only for telling an inflection (reflects → reflect) from another word. */
export function stem(key: string): string {
  if (key.length <= 3) return key;
  const last = key.charCodeAt(key.length - 1);
  // Only -s, -d, -g and -e endings are inflections this stemmer removes.
  if (last !== 0x73 && last !== 0x64 && last !== 0x67 && last !== 0x65) return key;
  for (const [pattern, replacement] of INFLECTIONS) {
    if (pattern.test(key)) {
      const out = key.replace(pattern, replacement);
      if (out.length >= 3) return out;
    }
  }
  return key;
}

/**
 * Whether two different words are forms of one word: the same stem, or one the other
 * with a short ending (Russia / Russian, alliance / alliances).
 */
export function sameLemma(a: string, b: string): boolean {
  if (a === b) return true;
  if (stem(a) === stem(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 2;
}
