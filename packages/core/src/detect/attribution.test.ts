import { describe, expect, it } from 'vitest';
import { isPresentedAsWords } from './attribution.js';
import { detectQuotations } from './quotations.js';

/** Whether each quotation detection finds in `text` is presented as somebody's words. */
const presented = (text: string) => {
  const quotations = detectQuotations(text);
  return quotations.map((q) => [text.slice(q.content.start, q.content.end), isPresentedAsWords(text, q, quotations)]);
};

describe('isPresentedAsWords', () => {
  it('takes a reporting verb before or after a quotation, and passes it on to a quotation joined to it', () => {
    expect(presented('They vowed to “build trust” and “fight hegemonism” together.')).toEqual([
      ['build trust', true],
      ['fight hegemonism', true],
    ]);
    expect(presented('“Build trust,” the leaders said.')).toEqual([['Build trust,', true]]);
  });

  it('does not take a scare quote for somebody’s words', () => {
    expect(presented('The so-called “no limits” friendship and the “new era” were praised.')).toEqual([
      ['no limits', false],
      ['new era', false],
    ]);
  });

  it('stops a clause at the quotation before it, single marks too: a verb inside that one is not the writer’s', () => {
    expect(presented('Critics mocked ‘what the sides said in Beijing’ and ‘a new kind of relationships’ alike.')).toEqual([
      ['what the sides said in Beijing', false],
      ['a new kind of relationships', false],
    ]);
  });
});
