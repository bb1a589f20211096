import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TRAILING_MARKER, detectMarks, trailingMarkers } from './marks.js';

const found = (text: string) => detectMarks(text).map((m) => [m.type, text.slice(m.start, m.end)]);

describe('detectMarks', () => {
  it.each([
    '(Italics added)', '(italics added)', '(emphasis added)', '(emphasis mine)', '(my emphasis)', '[emphasis added]',
    '(Emphasis supplied)', '(emphasis added by the author)', '(our emphasis)', '(italics mine)',
  ])('reads %s as emphasis added', (marker) => {
    expect(found(`the words ${marker}.`)).toEqual([['emphasis-added', marker]]);
  });

  it.each(['(italics in original)', '(emphasis in the original)', '(original emphasis)', '(Emphasis in original.)'])('reads %s as emphasis in the original', (marker) => {
    expect(found(`the words ${marker}.`)).toEqual([['emphasis-original', marker]]);
  });

  it('reads an unbracketed "emphasis ours" after a comma', () => {
    expect(found('as they say, emphasis ours.')).toEqual([['emphasis-added', 'emphasis ours']]);
  });

  it('finds ellipses, brackets and [sic]', () => {
    expect(found('[t]he … sides ... agree [sic] with [Russia] [...] (…) . . . end')).toEqual([
      ['bracket', '[t]'],
      ['ellipsis', '…'],
      ['ellipsis', '...'],
      ['sic', '[sic]'],
      ['bracket', '[Russia]'],
      ['ellipsis', '[...]'],
      ['ellipsis', '(…)'],
      ['ellipsis', '. . .'],
    ]);
  });
});

describe('trailingMarkers', () => {
  const pieces = [', ', '; ', ' \u2013 ', '\u2014', ' ', '  ', '\n', 'x', '.', ')', ']', 'my ', 'our ', 'Added ', 'original ', 'the ', 'in ', 'is ', 'as ',
    'italics', 'Italicized', 'emphasis', 'EMPHASES', 'underlining', 'bold', 'boldface', 'highlighting', ' added', ' mine', ' ours', ' supplied',
    ' by the author', ' by Ann', ' original', ' in the original', ' as in original', 'emboldened', 'myemphasis'];

  it('finds what the pattern tried at every offset finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const plain = [...text.matchAll(TRAILING_MARKER)].map((m) => [m.index, m[0], m[1] ?? null]);
        expect(trailingMarkers(text).map((m) => [m.index, m[0], m[1] ?? null])).toEqual(plain);
      }),
      { numRuns: 3000 },
    );
  });
});
