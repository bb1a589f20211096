import { describe, expect, it } from 'vitest';
import { detectQuotations } from './quotations.js';

const found = (text: string) => detectQuotations(text).map((q) => [q.marks, q.depth, text.slice(q.content.start, q.content.end)]);

describe('detectQuotations', () => {
  it('pairs curly marks and nests the inner quotation', () => {
    expect(found('He said “there are no “forbidden” areas” today.')).toEqual([
      ['paired', 0, 'there are no “forbidden” areas'],
      ['paired', 1, 'forbidden'],
    ]);
  });

  it('tells apostrophes from single quotation marks', () => {
    expect(found("Moscow’s line, the States’ attempts, and ‘a quoted phrase’ here; don't.")).toEqual([['paired', 0, 'a quoted phrase']]);
  });

  it('reads straight marks, guillemets and low-9 marks', () => {
    expect(found('a "straight one" b « guillemets » c „German“ d')).toEqual([
      ['paired', 0, 'straight one'],
      ['paired', 0, ' guillemets '],
      ['paired', 0, 'German'],
    ]);
  });

  it('reads two apostrophes, two curly single marks and a double prime as one double mark, a prime after a digit as a unit', () => {
    expect(found("a ''typed one'' b ‘‘autocorrected 1990s’’. c ″primed″ d")).toEqual([
      ['paired', 0, 'typed one'],
      ['paired', 0, 'autocorrected 1990s'],
      ['paired', 0, 'primed'],
    ]);
    expect(found('a 12″ screen and an empty string \'\' here.')).toEqual([]);
  });

  it("reads a German typewriter's two commas and two apostrophes (,,…'') as one double mark, and a stray pair of commas as none", () => {
    expect(found("Er schrieb ,,die Seiten'' und ,,beide''. Ein Tippfehler,, hier.")).toEqual([
      ['paired', 0, 'die Seiten'],
      ['paired', 0, 'beide'],
    ]);
    expect(found(',,Gleich am Anfang“ und danach.')).toEqual([['paired', 0, 'Gleich am Anfang']]);
  });

  it('takes a straight double mark after a digit for inches, unless it closes the open quotation', () => {
    expect(found('A 12" screen and a 9" gun.')).toEqual([]);
    expect(found('He said "a 12" screen is enough," and left.')).toEqual([['paired', 0, 'a 12" screen is enough,']]);
    expect(found('She said "it was in 2022" and "again in 2023" today.')).toEqual([
      ['paired', 0, 'it was in 2022'],
      ['paired', 0, 'again in 2023'],
    ]);
    expect(found('A 5\'10" man said "in 2022".')).toEqual([['paired', 0, 'in 2022']]);
  });

  it('does not close a single quotation at a plural possessive inside it, but does at one that ends it', () => {
    expect(found('He quoted ‘citizens’ participation in the government’ today.')).toEqual([['paired', 0, 'citizens’ participation in the government']]);
    expect(found('She wrote ‘the sides’ and ‘the States’ again.')).toEqual([
      ['paired', 0, 'the sides'],
      ['paired', 0, 'the States'],
    ]);
    expect(found('It read ‘in the States’ view’.')).toEqual([['paired', 0, 'in the States’ view']]);
    expect(found("It read 'Certain States' attempts to impose their own \"democratic standards\"'.")).toEqual([
      ['paired', 0, 'Certain States\' attempts to impose their own "democratic standards"'],
      ['paired', 1, 'democratic standards'],
    ]);
  });

  it('reports a quotation whose closing mark is missing, up to its paragraph end', () => {
    expect(found('They stated: “that the relations are superior.\nNext paragraph.')).toEqual([['closing-missing', 0, 'that the relations are superior.']]);
  });

  it('reports a quotation whose opening mark is missing, from its paragraph start', () => {
    expect(found('The sides stand against blocs.” Then more.')).toEqual([['opening-missing', 0, 'The sides stand against blocs.']]);
  });

  it('carries a quotation over paragraphs that each reopen it', () => {
    const text = '“First paragraph of the quote.\n\n“Second paragraph of it.”\n\nAfter.';
    expect(found(text)).toEqual([['paired', 0, 'First paragraph of the quote.\n\n“Second paragraph of it.']]);
  });

  it('carries a quotation over paragraphs reopened with another double mark than the one that opened it', () => {
    expect(found('"First paragraph.\n\n“Second paragraph.”\n\nAfter.')).toEqual([['paired', 0, 'First paragraph.\n\n“Second paragraph.']]);
    expect(found('« Premier.\n\n» Second. »\n\nAprès.')).toEqual([['paired', 0, ' Premier.\n\n» Second. ']]);
    // A single quotation is carried by its own mark only: ’ at a paragraph's head is an apostrophe.
    expect(found('‘First.\n\n’Tis the second.’\n\nAfter.')).toEqual([]);
  });

  it('does not open a quotation at an apostrophe that drops letters or digits', () => {
    expect(found("In the '60s and the 'sixties, 'tis said, they wrote 'no limits' too.")).toEqual([['paired', 0, 'no limits']]);
  });

  it('puts a quotation at the top level when the single mark it seemed to be inside never closes', () => {
    expect(found("Mr O'Neill's 'view: the sides \"oppose further enlargement\" of it.")).toEqual([['paired', 0, 'oppose further enlargement']]);
    expect(found('She wrote ‘the note says “the sides agree”’.')).toEqual([
      ['paired', 0, 'the note says “the sides agree”'],
      ['paired', 1, 'the sides agree'],
    ]);
  });

  it('takes an indented or ">" paragraph as a block quote', () => {
    expect(found('Intro.\n\n    An indented quotation\n    over two lines.\n\n> Another one.\n\nEnd.').map((q) => q[0])).toEqual(['block', 'block']);
  });

  it('takes two block-quoted paragraphs in a row, of one form, as one quotation', () => {
    const text = 'Intro.\n\n    The first quoted paragraph.\n\n    The second one.\n\n> A third, set apart by its form.\n\nEnd.';
    const blocks = detectQuotations(text).filter((q) => q.marks === 'block');
    expect(blocks.map((q) => text.slice(q.content.start, q.content.end))).toEqual([
      'The first quoted paragraph.\n\n    The second one.',
      '> A third, set apart by its form.',
    ]);
  });

  it('leaves the line naming a block quote’s source out of it, and does not take that line alone for a quotation', () => {
    const text = 'On Taiwan:\n\n    The Russian side reaffirms its support for the One-China principle.\n    — Joint Statement, section III\n\n> The sides oppose further enlargement of NATO.\n\n> — Joint Statement, 4 February 2022\n\nEnd.';
    const blocks = detectQuotations(text).filter((q) => q.marks === 'block');
    expect(blocks.map((q) => text.slice(q.content.start, q.content.end))).toEqual([
      'The Russian side reaffirms its support for the One-China principle.',
      // A ">" block's content starts at its mark, as before; the aligner skips the mark.
      '> The sides oppose further enlargement of NATO.',
    ]);
  });
});
