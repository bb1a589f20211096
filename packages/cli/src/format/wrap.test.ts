import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPaint } from './paint.js';
import stringWidth from 'string-width';
import { displayWidth, graphemes, oneColumnEach } from './text-width.js';
import { firstColumns, lastColumns, padDisplay, truncate } from './truncate.js';
import { wrapSegments, wrapText } from './wrap.js';

const ZH = '三、双方强调，中俄新型国家间关系超越冷战时期的军事政治同盟关系模式，两国友好没有止境，合作没有禁区。';
/** ガイドライン with the voiced mark written as a combining character (U+3099), as some systems store it. */
const JA_DECOMPOSED = 'カ\u3099イト\u3099ライン';
const FAMILY = '👩‍👩‍👧';
const CAFE = 'Cafe\u0301';

const ANSI = /\u001b\[\d+m/g;
const widths = (text: string) => text.split('\n').map(displayWidth);

describe('displayWidth', () => {
  it('counts terminal columns: two for a Chinese, Japanese or Korean character, none for a combining mark, two for an emoji', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth(JA_DECOMPOSED)).toBe(12);
    expect(displayWidth(CAFE)).toBe(4);
    expect(displayWidth(FAMILY)).toBe(2);
    expect(displayWidth('\u001b[1mbold\u001b[22m')).toBe(4);
  });

  it('agrees with string-width on the characters it measures without it (property)', () => {
    const oneColumn = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0xa0, max: 0x2ff }).filter((c) => c !== 0xad),
      fc.integer({ min: 0x370, max: 0x482 }),
      fc.integer({ min: 0x48a, max: 0x52f }),
      fc.integer({ min: 0x2010, max: 0x2027 }),
      fc.integer({ min: 0x2030, max: 0x205e }),
      fc.integer({ min: 0x2100, max: 0x2319 }),
      fc.integer({ min: 0x232b, max: 0x23e8 }),
      fc.integer({ min: 0x23f4, max: 0x25fc }),
    );
    fc.assert(
      fc.property(fc.array(oneColumn, { maxLength: 30 }), (codes) => {
        const text = String.fromCodePoint(...codes);
        expect(oneColumnEach(text)).toBe(true);
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
    expect(oneColumnEach('soft\u00adhyphen')).toBe(false);
    expect(oneColumnEach('Cafe\u0301')).toBe(false);
    expect(oneColumnEach('⌚')).toBe(false); // U+231A, an emoji: two columns
    expect(displayWidth('⌚')).toBe(2);
  });

  it('splits text into the characters a reader sees', () => {
    expect(graphemes(`${CAFE}${FAMILY}カ\u3099`)).toEqual(['C', 'a', 'f', 'e\u0301', FAMILY, 'カ\u3099']);
  });
});

describe('truncate and padDisplay', () => {
  it('cut and pad by columns, never inside a character', () => {
    expect(truncate(ZH, 9)).toBe('三、双方…');
    expect(displayWidth(truncate(ZH, 9))).toBe(9);
    expect(truncate(`${FAMILY}${FAMILY}${FAMILY}`, 4)).toBe(`${FAMILY}…`);
    expect(truncate(`${CAFE} crème`, 5)).toBe(`${CAFE}…`);
    expect(truncate(JA_DECOMPOSED, 5)).toBe('カ\u3099イ…');
    expect(truncate('short', 10)).toBe('short');
    expect(padDisplay('中文', 6)).toBe('中文  ');
    expect(padDisplay(CAFE, 6)).toBe(`${CAFE}  `);
  });

  it('keep the first or last columns of a text', () => {
    expect(firstColumns(ZH, 7)).toBe('三、双');
    expect(lastColumns(ZH, 8)).toBe('没有禁区。'.slice(1));
    expect(lastColumns(`a${FAMILY}`, 2)).toBe(FAMILY);
  });
});

describe('wrapText', () => {
  it('wraps Chinese, which has no spaces, between characters within the width', () => {
    const wrapped = wrapText(ZH, 30, '    ', '  ');
    expect(wrapped.split('\n').length).toBeGreaterThan(3);
    for (const w of widths(wrapped)) expect(w).toBeLessThanOrEqual(30);
    expect(wrapped.split('\n').map((l) => l.trim()).join('')).toBe(ZH);
    expect(wrapped.startsWith('  三、')).toBe(true);
  });

  it('starts no line with a comma, a full stop or a closing quotation mark, and ends none with an opening one', () => {
    const quoted = `两国宣布“两国友好没有止境，合作没有禁区”，这句话随后被广泛引用。声明还写道，“民主是全人类的共同价值”。`;
    for (const width of [9, 10, 11, 12, 13, 14, 15, 16]) {
      const lines = wrapText(quoted, width, '').split('\n');
      expect(lines.join('')).toBe(quoted);
      for (const line of lines) {
        expect(line, `at ${width} columns`).not.toMatch(/^[，。、”]/);
        expect(line, `at ${width} columns`).not.toMatch(/“$/);
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('breaks Latin text at spaces only, and Latin and Chinese side by side where each allows', () => {
    expect(wrapText('The sides believe that certain States are attempting to impose', 24, '')).toBe(
      'The sides believe that\ncertain States are\nattempting to impose',
    );
    const mixed = wrapText(`The statement says ${ZH} and goes on.`, 40, '  ');
    for (const w of widths(mixed)) expect(w).toBeLessThanOrEqual(40);
    expect(mixed).toMatch(/^ {2}The statement says 三、/);
    expect(mixed.replace(/\s+/g, '')).toBe(`Thestatementsays${ZH}andgoeson.`);
  });

  it('never starts a line with a combining mark, nor splits a word of decomposed letters from its accents', () => {
    const word = CAFE.repeat(12);
    for (const line of wrapText(word, 10, '').split('\n')) {
      expect(line).not.toMatch(/^\p{M}/u);
      expect(displayWidth(line)).toBeLessThanOrEqual(10);
    }
    const japanese = wrapText(JA_DECOMPOSED.repeat(4), 11, '');
    for (const line of japanese.split('\n')) expect(line).not.toMatch(/^\p{M}/u);
  });

  it('paints word by word after measuring, so colour changes no line break', () => {
    const segments = [{ text: 'Friendship between the two ' }, { text: '中华人民共和国和俄罗斯联邦', styles: ['bold' as const] }, { text: ' has no limits' }];
    const plain = wrapSegments(segments, createPaint(false), 24, '  ');
    const coloured = wrapSegments(segments, createPaint(true), 24, '  ');
    expect(coloured).not.toBe(plain);
    expect(coloured.replace(ANSI, '')).toBe(plain);
    // Every coloured line closes its colour: nothing runs on into the next line's indent.
    for (const line of coloured.split('\n')) expect(line.match(/\u001b\[1m/g)?.length ?? 0).toBe(line.match(/\u001b\[22m/g)?.length ?? 0);
  });

  it('keeps every character and stays within the width, for any mix of scripts (property)', () => {
    const piece = fc.constantFrom('word', 'the', 'Russia', '中', '华', '，', 'カ\u3099', 'ラ', '한', CAFE, FAMILY, '🇫🇷', 'naïve', ' ', ' ', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 8, max: 50 }), (pieces, width) => {
        const text = pieces.join('');
        const wrapped = wrapText(text, width, '  ', '');
        for (const w of widths(wrapped)) expect(w).toBeLessThanOrEqual(width);
        expect(wrapped.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});
