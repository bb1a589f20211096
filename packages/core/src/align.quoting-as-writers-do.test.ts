import { describe as suite, expect, it } from 'vitest';
import { commentaryReports } from './test-support/commentary-reports.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';

/**
 * A commentary quoting the statement as writers do: a headline whose closing mark never
 * comes, quotations broken by their attribution, scare quotes, titles of works that take up
 * the statement's words, a quotation three deep, apostrophes in names and decades beside
 * single marks, and short quotations joined in one sentence.
 */
const NAME = 'quoting-as-writers-do.txt';
const { of, quoting } = commentaryReports();
const passages = () => of(NAME).report.passages;
const including = (words: string) => passages().filter((p) => p.commentary.text.replace(/\s+/g, ' ').includes(words));

suite('quoting as writers do', () => {
  it('is a schema-valid report whose every span slices back to its text', () => {
    const { text, report } = of(NAME);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });

  it('gives every passage a reader would check, and no other', () => {
    expect(passages().map((p) => [p.commentary.text.replace(/\s+/g, ' ').slice(0, 30), p.status, p.source?.locator ?? null])).toEqual([
      ['strengthen dialogue and contac', 'verbatim', 'III.20'],
      ['The sides,', 'verbatim', 'III.9'],
      ['are seriously concerned about ', 'verbatim', 'III.9'],
      ['Russia and China,', 'verbatim', 'IV.13'],
      ['aim to comprehensively strengt', 'verbatim', 'IV.13'],
      ['no limits', 'verbatim', 'IV.5'],
      ['They reaffirm that the new int', 'verbatim', 'IV.5'],
      ['intend to strongly uphold the ', 'verbatim', 'IV.3'],
      ['increase cooperation', 'verbatim', 'II.9'],
      ['fight hegemonism', 'not_found', null],
      ['The sides note that the denunc', 'verbatim', 'III.13'],
      ['The sides attach great importa', 'verbatim', 'III.20'],
    ]);
    expect(passages().flatMap(describe).filter((d) => !d.endsWith('(typography)'))).toEqual([]);
  });

  it('reads a headline whose closing mark never comes up to where the statement\'s words end', () => {
    expect(quoting(NAME, 'strengthen dialogue and contacts')).toMatchObject({ kind: 'quotation', quotationMarks: 'closing-missing', status: 'verbatim' });
  });

  it('places the first part of a quotation its attribution breaks just before the second part, both verbatim', () => {
    const first = quoting(NAME, 'The sides,');
    const second = quoting(NAME, 'are seriously concerned');
    expect(first.source!.text).toBe('The sides');
    expect(statement.slice(first.source!.end, second.source!.start)).toBe(' ');
    const russia = quoting(NAME, 'Russia and China,');
    expect(statement.slice(russia.source!.end, quoting(NAME, 'aim to comprehensively').source!.start)).toBe(' ');
  });

  it('leaves scare quotes and the titles of works unreported, whatever words of the statement a title takes up', () => {
    for (const words of ['democracy', 'rules-based order', 'The Sides Strongly Condemn', 'Friendship Has No Limits']) expect(including(words), words).toEqual([]);
  });

  it('takes the innermost of three nested quotations for the statement\'s words', () => {
    const p = quoting(NAME, 'They reaffirm that the new inter-State relations');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim' });
    expect(p.commentary.text.replace(/\s+/g, ' ').endsWith('alliances of the Cold War era')).toBe(true);
  });

  it('does not take an apostrophe in a name or a decade for a quotation mark beside a single-quoted quotation', () => {
    const p = quoting(NAME, 'intend to strongly uphold');
    expect(p.commentary.text.replace(/\s+/g, ' ')).toBe('intend to strongly uphold the outcomes of the Second World War');
    expect(including('sixties')).toEqual([]);
    expect(including('friends')).toEqual([]);
  });

  it('aligns a quotation of two paragraphs that are not neighbours in the statement a paragraph at a time, each verbatim', () => {
    // As one run of words, III.13's passage grew over the second paragraph's first sentence as a
    // rewording, and the rest was pinned to IV.9 for "The sides are ready to strengthen dialogue".
    const second = quoting(NAME, 'The sides attach great importance');
    expect(second.commentary.text.replace(/\s+/g, ' ')).toBe('The sides attach great importance to the issues of governance in the field of artificial intelligence. The sides are ready to strengthen dialogue and contacts on artificial intelligence.');
    expect(quoting(NAME, 'The sides note that the denunciation').commentary.text.endsWith('stability.')).toBe(true);
  });

  it('joins short quotations in one sentence to their verb: found words verbatim at their places, a condensed phrase unjudged, a phrase the statement lacks not found', () => {
    const found = quoting(NAME, 'increase cooperation');
    expect(found.status === 'not_found' ? [] : found.candidates!.map((c) => c.locator)).toEqual(['II.9', 'III.4', 'III.13']);
    expect(including('build trust')).toEqual([]);
    expect(quoting(NAME, 'fight hegemonism')).toMatchObject({ status: 'not_found', source: null });
  });
});
