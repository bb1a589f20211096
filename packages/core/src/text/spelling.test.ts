import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameLemma, spellingKey, stem } from './spelling.js';

describe('spelling variants', () => {
  it.each([
    ['monopolise', 'monopolize'],
    ['colour', 'color'],
    ['behaviour', 'behavior'],
    ['fulfilment', 'fulfillment'],
    ['fulfil', 'fulfill'],
    ['wellbeing', 'well-being'],
    ['defence', 'defense'],
    ['centre', 'center'],
    ['catalogue', 'catalog'],
    ['analyse', 'analyze'],
    ['travelled', 'traveled'],
    ['judgement', 'judgment'],
  ])('%s and %s have one key', (a, b) => {
    expect(spellingKey(a)).toBe(spellingKey(b));
  });

  it.each([
    ['four', 'for'],
    ['your', 'yor'],
    ['reflects', 'reflect'],
    ['state', 'states'],
  ])('%s and %s stay different words', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });

  it('tells an inflection from another word', () => {
    expect(sameLemma('reflects', 'reflect')).toBe(true);
    expect(sameLemma('alliances', 'alliance')).toBe(true);
    expect(sameLemma('russian', 'russia')).toBe(true);
    expect(sameLemma('and', 'which')).toBe(false);
    expect(sameLemma('state', 'statement')).toBe(false);
  });
});

/**
 * The rules as they were first written, as regular expressions; the module scans for the
 * same letters without them (it is faster), and must give the same answers everywhere.
 */
const OUR_EXCEPTIONS = new Set(['four', 'your', 'hour', 'pour', 'tour', 'sour', 'flour', 'dour', 'contour', 'detour', 'devour', 'amour', 'paramour', 'troubadour', 'scour', 'velour', 'our', 'ours', 'yours']);
function rulesAsPatterns(listed: string): string {
  let w = listed;
  const our = w.includes('our') && /^(.{2,}?)our(s|ed|ing|ite|ites|able|ably|ful|fully|less|hood|hoods|er|ers|ism|ist|ists)?$/.exec(w);
  if (our && !OUR_EXCEPTIONS.has(w) && !OUR_EXCEPTIONS.has(w.replace(/s$/, ''))) w = `${our[1]}or${our[2] ?? ''}`;
  if (w.includes('s')) w = w.replace(/^(.{3,})([iy])s(e|es|ed|ing|ation|ations|er|ers|able)$/, '$1$2z$3');
  if (w.endsWith('ogue') || w.endsWith('ogues')) w = w.replace(/^(.+)(log|gog)ue(s)?$/, '$1$2$3');
  if (w.includes('ll')) w = w.replace(/ll/g, 'l');
  return w;
}
const INFLECTIONS: ReadonlyArray<[RegExp, string]> = [
  [/ies$/, 'y'], [/ied$/, 'y'], [/(ss)es$/, '$1'], [/([sxz]|[cs]h)es$/, '$1'],
  [/([^s])s$/, '$1'], [/ing$/, ''], [/ed$/, ''], [/e$/, ''],
];
function stemAsPatterns(key: string): string {
  if (key.length <= 3) return key;
  for (const [pattern, replacement] of INFLECTIONS) {
    if (pattern.test(key)) {
      const out = key.replace(pattern, replacement);
      if (out.length >= 3) return out;
    }
  }
  return key;
}

describe('the letter scanners hold to the patterns they replace', () => {
  // Letters and endings the rules look for, line breaks (which a pattern's `.` stops at) and other characters.
  const piece = fc.constantFrom(
    'a', 'e', 'i', 'o', 'u', 'y', 's', 'z', 'l', 'r', 'g', 'd', 'n', 'c', 'h', 'x', 't', 'b', 'é', 'ı', '\n', '\r', '\u2028',
    'our', 'ours', 'oured', 'ourite', 'ourable', 'ise', 'ised', 'ising', 'isation', 'isations', 'yse', 'll', 'ogue', 'ogues',
    'ies', 'ied', 'sses', 'ches', 'shes', 'xes', 'ing', 'ed', 'es', 'four', 'hour', 'tour',
  );
  const word = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

  it('gives the same spelling key as the -our, -ise, -ogue and -ll patterns', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(spellingKey(w)).toBe(rulesAsPatterns(w));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same stem as the list of inflection patterns', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(stem(w)).toBe(stemAsPatterns(w));
      }),
      { numRuns: 20_000 },
    );
  });
});
