import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentaryReports } from './test-support/commentary-reports.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';

const { of, quoting } = commentaryReports();
const none = (name: string, words: string) => of(name).report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ').includes(words));
const check = (text: string) => align(statement, text, { lexicon: wordnet }).passages;

suite('verdicts a fact-checker can act on', () => {
  it.each(['attributed-lines.txt', 'cuts-and-typos.txt', 'agency-translations.txt'])('%s is a schema-valid report whose every span slices back to its text', (name) => {
    const { text, report } = of(name);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
    for (const p of report.passages) if (p.status === 'paraphrased') expect(p.similarity).toBeGreaterThan(0);
  });

  it('calls a made-up line that shares a stock phrase and a few words with a paragraph not found, not paraphrased', () => {
    // IV.13 has "a polycentric world order": three of the line's six content words, not most.
    const p = quoting('attributed-lines.txt', 'a polycentric world order of lasting peace');
    expect(p).toMatchObject({ status: 'not_found', source: null, similarity: 0 });
  });

  it('gives a short phrase presented as the leaders\' words a verdict: not found', () => {
    // "vowed to …", and "…", a spokesman said: presented as someone's words, so silence would read as "fine".
    expect(quoting('attributed-lines.txt', 'deepen strategic trust')).toMatchObject({ kind: 'quotation', status: 'not_found', source: null });
    expect(quoting('attributed-lines.txt', 'tighten their embrace')).toMatchObject({ status: 'not_found' });
  });

  it('leaves the commentary\'s own scare quotes unreported, so-called or not', () => {
    expect(none('attributed-lines.txt', 'marriage of convenience')).toEqual([]);
    expect(none('attributed-lines.txt', 'axis of upheaval')).toEqual([]);
    // The headline's one-word scare quote is no passage either.
    expect(of('attributed-lines.txt').report.passages.filter((p) => p.commentary.text === 'polycentric')).toEqual([]);
  });

  it('holds both sides of the rule on the same two words: attributed, not found; a scare quote, nothing', () => {
    expect(check('The ministers said they would "fight hegemonism" together.')).toMatchObject([{ status: 'not_found', source: null }]);
    expect(check('The ministers called for "fight hegemonism" together.')).toMatchObject([{ status: 'not_found' }]);
    expect(check('"Fight hegemonism," the ministers added.')).toMatchObject([{ status: 'not_found' }]);
    // "build trust" is the statement's "to build dialogue and mutual trust" condensed, as likely
    // as not: no verdict (see align.short-quotations.test.ts); no sentence has "fight hegemonism".
    expect(check('The ministers vowed to "build trust" and "fight hegemonism" together.').map((p) => [p.commentary.text, p.status])).toEqual([
      ['fight hegemonism', 'not_found'],
    ]);
    expect(check('The ministers and their "fight hegemonism" campaign met again.')).toEqual([]);
    expect(check('The ministers held a "strategic dialogue" and a "fight hegemonism" campaign.')).toEqual([]);
    expect(check('What the ministers call a "fight hegemonism" campaign went on.')).toEqual([]);
  });

  it('shows a word reversed at the edge of a three-word quotation as a change of that word, in either edge', () => {
    const left = quoting('attributed-lines.txt', 'weaker political coordination');
    expect(left.status).toBe('altered');
    expect(left.source!.locator).toBe('III.5');
    expect(describe(left)).toEqual(['stronger → weaker (wording)']);
    const right = quoting('attributed-lines.txt', 'polycentric world disorder');
    expect(right.status).toBe('altered');
    expect(right.source!.text).toBe('polycentric world order');
    expect(describe(right)).toEqual(['order → disorder (wording)']);
  });

  it('does not pin a three-word quotation to a place for a stock phrase it shares ("of convenience")', () => {
    expect(check('Call it a "marriage of convenience" if you like.')).toEqual([]);
  });

  it('takes an ellipsis beside a bracketed connective for a marked cut: verbatim, the hidden words reported, the bracket the quoter\'s', () => {
    for (const words of ['The sides reiterate the need for consolidation … [and] oppose', 'The sides reiterate the need for consolidation [and] … oppose']) {
      const p = quoting('cuts-and-typos.txt', words);
      expect(p.status).toBe('verbatim');
      expect(p.source!.locator).toBe('IV.6');
      const hidden = p.differences.find((d) => d.category === 'omission')!;
      expect(hidden).toMatchObject({ type: 'delete', editorial: true, commentary: { text: '' } });
      expect(hidden.source.text).toMatch(/^not division of the international community, .* not confrontation\. The sides$/);
      expect(p.differences.filter((d) => d !== hidden)).toMatchObject([{ type: 'insert', category: 'wording', editorial: true, commentary: { text: 'and' } }]);
    }
  });

  it('reports an unbracketed connective after an ellipsis as an added word, the cut still marked', () => {
    const p = quoting('cuts-and-typos.txt', 'The sides reiterate the need for consolidation … and oppose');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual([
      'not division of the international community, the need for cooperation, not confrontation. The sides →  (omission, editorial)',
      ' → and (wording)',
    ]);
  });

  it('bridges an ellipsis and a bracket across two paragraphs, IV.3 to IV.4, as one verbatim passage', () => {
    const p = quoting('cuts-and-typos.txt', 'The sides intend to strongly uphold');
    expect(p).toMatchObject({ status: 'verbatim' });
    expect(p.source!.locator).toBe('IV.3–IV.4');
    expect(p.differences.map((d) => [d.type, d.category, d.editorial])).toEqual([
      ['delete', 'omission', true],
      ['insert', 'wording', true],
    ]);
  });

  it('reads a short quotation with a stray space after a hyphen as clean text would: the same place, verbatim', () => {
    for (const [messy, clean] of [
      ['"zero- sum games"', '"zero-sum games"'],
      ['"long- term legally binding security guarantees in Europe"', '"long-term legally binding security guarantees in Europe"'],
      ['"zero -sum games"', '"zero-sum games"'],
    ] as const) {
      const [m] = check(`They wrote of ${messy} again.`);
      const [c] = check(`They wrote of ${clean} again.`);
      expect(m, messy).toMatchObject({ status: 'verbatim', source: c!.source });
      expect(describe(m!)).toEqual([`${c!.source!.text.split(' ')[0]} → ${m!.commentary.text.split(' ').slice(0, 2).join(' ')} (typography)`]);
    }
    expect(quoting('cuts-and-typos.txt', 'zero- sum games')).toMatchObject({ status: 'verbatim', source: { locator: 'III.7' } });
  });

  it('keeps a suspended hyphen ("short- and medium-range") two words, not a compound the source lacks', () => {
    expect(none('cuts-and-typos.txt', 'short- and')).toEqual([]);
  });

  it('pins a translation\'s "the UN" to the paragraph with "the United Nations" and the quotation\'s words in order (IV.3), not to one with a few of them scrambled (IV.1)', () => {
    // WordNet has "UN" and "United Nations" in one synset: a phrase of the source stands for a word of the quotation.
    const p = quoting('agency-translations.txt', 'defend the authority of the UN');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('IV.3');
    expect(p.source!.text).toBe('defend the authority of the United Nations and justice in international relations');
    expect(describe(p)).toContain('United Nations → UN (wording)');
    expect(describe(p)).toContain('justice → fairness (wording)');
    expect(p.similarity).toBeGreaterThan(0.3);
    expect('candidates' in p).toBe(false);
  });

  it('shows a word another translation shares with the source as shared, not inside a rewording of its neighbours', () => {
    // "the parties are against further expansion of NATO": "further" is the statement's word too.
    const p = quoting('agency-translations.txt', 'the parties are against further expansion');
    expect(p.status).toBe('paraphrased');
    expect(p.source!.locator).toBe('III.6');
    expect(p.differences.map((d) => `${d.source.text} → ${d.commentary.text}`)).toEqual(['sides oppose → parties are against', 'enlargement → expansion']);
  });

  it('pins "the central coordinating role of the UN" to where the statement gives the United Nations that role, not the WTO\'s central role', () => {
    const p = quoting('agency-translations.txt', 'the central coordinating role of the UN');
    expect(p.source!.locator).toBe('IV.1');
    expect(p.source!.text).toBe('the central coordinating role of the United Nations in international affairs');
    expect(check('They promised "to strengthen the central coordinating role of the UN in global governance".')).toMatchObject([
      { status: 'paraphrased', source: { locator: 'IV.1', text: expect.stringContaining('central coordinating role of the United Nations') } },
    ]);
  });

  it('reads "the parties are against further expansion" as the NATO sentence in other words', () => {
    const p = quoting('agency-translations.txt', 'the parties are against further expansion of NATO');
    expect(p).toMatchObject({ status: 'paraphrased', source: { locator: 'III.6', text: 'The sides oppose further enlargement of NATO' } });
  });

  it('finds a quotation with most of its content words in one run word for word, its verb changed: altered, not paraphrased', () => {
    const p = quoting('agency-translations.txt', 'the sides are opposed to the further enlargement');
    expect(p).toMatchObject({ status: 'altered', source: { locator: 'III.6', text: 'The sides oppose further enlargement of NATO' } });
    expect(describe(p)).toEqual(['oppose → are opposed to the (wording)']);
  });

  it('pins a counterterrorism line with "the UN" for "the United Nations" to III.5', () => {
    const p = quoting('agency-translations.txt', 'promote the idea of a unified global front');
    expect(p).toMatchObject({ status: 'paraphrased', source: { locator: 'III.5' } });
    expect(p.source!.text).toMatch(/with the United Nations playing a central role$/);
  });
});
