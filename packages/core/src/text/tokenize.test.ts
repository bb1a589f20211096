import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formsOf, knownSpellings } from './spellings.js';
import { tokenize } from './tokenize.js';

const words = (text: string, options = {}) => tokenize(text, options).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('keeps hyphenated compounds and line-end hyphenation as one word', () => {
    expect(words('the well-being of a nation-wide process')).toEqual(['the', 'well-being', 'of', 'a', 'nation-wide', 'process']);
    expect(words('estab-\nlishing democracy')).toEqual(['estab-\nlishing', 'democracy']);
    expect(tokenize('estab-\nlishing')[0]!.key).toBe('establishing');
  });

  it('folds typography but keeps the original offsets', () => {
    const text = 'citizens’ don’t “inter‑State”';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.forms.fold)).toEqual(['citizens', "don't", 'inter-State']);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBe(t.end - t.start);
  });

  it('reads words in scripts without spaces through Intl.Segmenter', () => {
    expect(words('中华人民共和国和俄罗斯联邦 and Россия')).toEqual(['中华', '人民', '共和国', '和', '俄罗斯', '联邦', 'and', 'Россия']);
  });

  it('keeps words split by invisible characters whole, and astral characters out of words', () => {
    const text = 'demo\u200Bcracy 😀 is\u00ADsue';
    expect(words(text)).toEqual(['demo\u200Bcracy', 'is\u00ADsue']);
    expect(tokenize(text).map((t) => t.key)).toEqual(['democracy', 'issue']);
  });

  it('leaves out excluded ranges and flags bracketed words', () => {
    const text = '[t]he sides (Italics added) [Russia] agree';
    const tokens = tokenize(text, { exclude: [{ start: 12, end: 27 }], brackets: [{ start: 0, end: 3 }, { start: 28, end: 36 }] });
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.bracketed])).toEqual([
      ['[t]he', true],
      ['sides', false],
      ['Russia', true],
      ['agree', false],
    ]);
    expect(tokens[0]!.key).toBe('the');
  });
});

describe('the fast word scanner', () => {
  // Hyphens, brackets and invisible characters are left out: tokenize joins words across
  // them on purpose (well-being, [t]he), which Intl.Segmenter does not.
  const characters = ['a', 'Z', 'é', 'ß', 'д', 'Ж', 'ї', 'ا', 'ب', '٣', 'ש', 'א', 'α', 'Ω', '1', '0', 'e\u0301', ' ', ' ', '.', ',', "'", '’', '·', '!', '?', ';', ':', '"', '(', ')', '\n'];

  it('finds exactly the words Intl.Segmenter finds in text written with spaces', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
        expect(words(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the hash the scanner computes as it reads a word', () => {
  // The scanner hashes each word as it steps over it, and the table of spellings finds the
  // word's forms by that hash: were it not the hash the table computes itself, a word would
  // be entered twice (and a text's words looked up in vain, its index rebuilt by string).
  const characters = ['a', 'Z', 'é', 'д', 'ש', 'א', '"', "'", '1', ',', '.', 'e\u0301', '😀', '\uD800', '中', '文', '-', '\u00AD', '\u200B', '-\n', '[', ']', ' ', ' '];

  it('is the one the table knows the word by, however the word was found or joined', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const brackets = [...text.matchAll(/\[[^\]]*\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        const tokens = tokenize(text, { brackets });
        const known = knownSpellings();
        for (const t of tokens) expect(formsOf(text, t.start, t.end)).toMatchObject({ key: t.key, keyId: t.forms.keyId });
        expect(knownSpellings()).toBe(known);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('where the scanner looks for scripts that need a dictionary', () => {
  it('lies only in U+0E00–U+1FFF and from U+2E80 up, the ranges the scanner tests', () => {
    const dictionary = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
    const found: string[] = [];
    for (let code = 0; code < 0x2e80; code++) {
      if (code >= 0x0e00 && code < 0x2000) continue;
      if (dictionary.test(String.fromCharCode(code))) found.push(code.toString(16));
    }
    expect(found).toEqual([]);
  });

  it('hands a text to Intl.Segmenter even when the character hides behind a lone surrogate', () => {
    // The scanner steps over a high surrogate and the code unit after it at once.
    const text = 'a \uD840\uD840\uDC00 b';
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const expected = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(expected).toEqual(['a', '\u{20000}', 'b']);
    expect(words(text)).toEqual(expected);
  });
});
