import { describe, expect, it } from 'vitest';
import { isInterruption, isPresentedAsWords, isTitleOfAWork } from './attribution.js';
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

describe('isInterruption', () => {
  const broken = (text: string) => {
    const [first, second] = detectQuotations(text);
    return isInterruption(text, first!, second!);
  };

  it('takes a reporting verb between commas for an attribution breaking one quotation, over a line break too', () => {
    expect(broken('“The sides,” the statement says, “oppose it.”')).toBe(true);
    expect(broken('"Russia and China,"\nit went on, "aim higher."')).toBe(true);
    expect(broken('“The sides”, it said, “oppose it.”')).toBe(true);
  });

  it('does not join two quotations a sentence end, a paragraph or words of no attribution stand between', () => {
    expect(broken('“The sides,” it said. “Oppose it.”')).toBe(false);
    expect(broken('“The sides,” it said,\n\n“oppose it.”')).toBe(false);
    expect(broken('“The sides,” and the people, “oppose it.”')).toBe(false);
    expect(broken('“The sides” and, the text says, “oppose it.”')).toBe(false);
  });
});

describe('isTitleOfAWork', () => {
  const title = (text: string) => detectQuotations(text).map((q) => isTitleOfAWork(text, q));

  it('takes a title-cased quotation named as a work for its title', () => {
    expect(title('She reviewed the book “The Sides Oppose Politicization of This Issue” last year.')).toEqual([true]);
    expect(title('An essay titled "Why Friendship Has No Limits" ran twice.')).toEqual([true]);
  });

  it('does not take a quotation in sentence case, or one no work is named before, for a title', () => {
    expect(title('The report said “the sides oppose politicization of this issue” again.')).toEqual([false]);
    expect(title('He shouted “The Sides Oppose Politicization Of This Issue” at them.')).toEqual([false]);
  });
});
