import { splitParagraphs } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { compactLocators } from './locator-ranges.js';

const statement = splitParagraphs(
  ['Title line', 'I', 'a.', 'b.', 'c.', 'II', 'd.', 'e.', 'f.', 'g.'].join('\n\n'),
); // title, I.1–I.3, II.1–II.4

describe('compactLocators', () => {
  it('writes consecutive paragraphs as ranges, in source order', () => {
    expect(compactLocators(['II.2', 'I.1', 'I.2', 'II.1', 'II.4'], statement)).toEqual(['I.1–I.2', 'II.1–II.2', 'II.4']);
  });

  it('lets a range cross a section, since the paragraphs are adjacent', () => {
    expect(compactLocators(['I.3', 'II.1', 'II.2'], statement)).toEqual(['I.3–II.2']);
  });

  it('counts a locator once and keeps unknown ones, last', () => {
    expect(compactLocators(['I.1', 'I.1', 'IX.9', 'title'], statement)).toEqual(['title–I.1', 'IX.9']);
  });

  it('gives nothing for nothing', () => {
    expect(compactLocators([], statement)).toEqual([]);
  });
});
