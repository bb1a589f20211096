import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';

const check = (text: string) => {
  const report = align(statement, text, { lexicon: wordnet });
  expect(schemaErrors(report)).toEqual([]);
  expect(badSpans(report, statement, text)).toEqual([]);
  return report.passages;
};
const verdicts = (text: string) =>
  check(text).map((p) => [p.commentary.text, p.status, p.source?.locator ?? null, (p.status === 'not_found' ? undefined : p.candidates)?.map((c) => c.locator) ?? null]);

suite('quotations of two or three words, as a careful fact-checker reads them', () => {
  it('shows a short quotation the statement has word for word at a few places as verbatim, every place a candidate', () => {
    // "increase cooperation" is in II.9, III.4 and III.13: verbatim, and which one was quoted the words cannot tell.
    expect(verdicts('He said they will "increase cooperation" and "deepen trust" with Moscow.')).toEqual([
      ['increase cooperation', 'verbatim', 'II.9', ['II.9', 'III.4', 'III.13']],
      ['deepen trust', 'not_found', null, null],
    ]);
    // At one place it is that place, as before; a scare quote the statement has is the statement's too.
    expect(verdicts('Analysts doubt the "no forbidden areas" line.')).toEqual([['no forbidden areas', 'verbatim', 'IV.5', null]]);
    expect(verdicts('The leaders promised "mutual trust" again.')).toEqual([['mutual trust', 'verbatim', '0.4', null]]);
  });

  it('leads with the place written as the quotation is, letter for letter', () => {
    const [p] = check('The statement speaks of "a new era" for the world.');
    if (p?.status !== 'verbatim') throw new Error(`one verbatim passage, not ${p?.status}`);
    expect(p.source.text).toBe('a new era');
    expect(p.candidates!.map((c) => c.text)).toEqual(['a New Era', 'a new era']);
  });

  it('says nothing of a stock phrase the statement repeats at many places', () => {
    expect(check('The text repeats "the sides" and "the sides call" endlessly.')).toEqual([]);
  });

  it('does not call a short phrase made up when one sentence of the statement holds its words, and does when none does', () => {
    // "to build dialogue and mutual trust" (0.4): "build trust" may be it condensed.
    expect(check('The ministers said they would "build trust" together.')).toEqual([]);
    // "trust" and "deepen" are in the statement, never in one sentence; "hegemonism" nowhere.
    expect(verdicts('The ministers said they would "deepen trust" and "fight hegemonism".')).toEqual([
      ['deepen trust', 'not_found', null, null],
      ['fight hegemonism', 'not_found', null, null],
    ]);
    // Not presented as anyone's words: a scare quote of the commentary's own is no passage either way.
    expect(check('Their "deepen trust" campaign went on.')).toEqual([]);
  });
});
