import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statement, opEd } from '../test-support/corpus.js';
import { lines, locatorOf, splitParagraphs } from './paragraphs.js';

describe('lines', () => {
  /** What a line is, said plainly: cut at CRLF, CR or LF; blank when trim leaves nothing. */
  function expected(text: string) {
    const out: { start: number; end: number; blank: boolean }[] = [];
    const breaks = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      out.push({ start, end: m.index, blank: text.slice(start, m.index).trim() === '' });
      start = m.index + m[0].length;
    }
    out.push({ start, end: text.length, blank: text.slice(start).trim() === '' });
    return out;
  }

  it('cuts a text at every kind of line break and tells blank lines by any white space', () => {
    const pieces = ['a', 'Word', ' ', '\t', '\n', '\r', '\r\n', '\n\r', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u2028', '\u200B', '\u0085', '😀', '\uD800', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(lines(text)).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
    expect(lines(statement)).toEqual(expected(statement));
  });
});

describe('paragraphs and locators', () => {
  const paragraphs = splitParagraphs(statement);

  it('numbers the statement as PROVENANCE.md does: title, preamble 0.1–0.4, then I.1 … IV.19', () => {
    const locators = paragraphs.map((p) => p.locator);
    expect(locators.slice(0, 6)).toEqual(['title', '0.1', '0.2', '0.3', '0.4', 'I.1']);
    expect(locators.filter((l) => l.startsWith('I.'))).toHaveLength(6);
    expect(locators.filter((l) => l.startsWith('II.'))).toHaveLength(12);
    expect(locators.filter((l) => l.startsWith('III.'))).toHaveLength(25);
    expect(locators.filter((l) => l.startsWith('IV.'))).toHaveLength(19);
    expect(locators.at(-1)).toBe('IV.19');
  });

  it('puts paragraph IV.5 where "Friendship between the two States has no limits" is', () => {
    const iv5 = paragraphs.find((p) => p.locator === 'IV.5')!;
    expect(statement.slice(iv5.start, iv5.end)).toContain('Friendship between the two States has no limits');
    expect(statement.slice(iv5.start, iv5.end)).toMatch(/^The sides call for the establishment of a new kind of relationships/);
  });

  it('gives a span across two paragraphs a range locator', () => {
    const i1 = paragraphs.find((p) => p.locator === 'I.1')!;
    const i2 = paragraphs.find((p) => p.locator === 'I.2')!;
    expect(locatorOf(paragraphs, i1.start + 4, i2.start + 10)).toBe('I.1–I.2');
  });

  it('numbers a text without sections ¶1, ¶2…, one paragraph per line when it has no blank lines', () => {
    const own = splitParagraphs(opEd);
    expect(own[0]).toMatchObject({ locator: 'title', title: true });
    expect(own[1]!.locator).toBe('¶1');
    expect(opEd.slice(own.at(-1)!.start, own.at(-1)!.end)).toBe('The writer is a political scientist and defence analyst');
  });

  it('joins the lines of a hard-wrapped paragraph, and accepts CRLF and CR', () => {
    const text = 'First line goes on\nand ends here.\r\nSecond one.\rThird one.';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['First line goes on\nand ends here.', 'Second one.', 'Third one.']);
  });
});
