import { describe, expect, it } from 'vitest';
import { detectMarks } from './marks.js';

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
