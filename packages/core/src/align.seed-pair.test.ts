import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, describe, opEd, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';

const report = align(statement, opEd, { sourceId: 'joint-statement-2022-02-04', commentaryId: 'op-ed-expanding-sino-russian-cooperation', lexicon: wordnet });
const passages = report.passages;
const starting = (words: string) => {
  const found = passages.filter((p) => p.commentary.text.startsWith(words));
  expect(found, `one passage starting "${words}"`).toHaveLength(1);
  return found[0]!;
};

suite('the op-ed against the joint statement of 4 February 2022', () => {
  it('is a schema-valid report whose every span slices back to its text', () => {
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, opEd)).toEqual([]);
  });

  it('finds the eight passages taken from the statement, in the order of the op-ed', () => {
    expect(passages.map((p) => [p.commentary.text.split(/\s+/).slice(0, 4).join(' '), p.kind, p.source?.locator])).toEqual([
      ['military and political alliances', 'quotation', 'III.6'],
      ['The two sides oppose', 'borrowing', 'III.6'],
      ['The two sides stand', 'quotation', 'III.6'],
      ['that the new inter-state', 'quotation', 'IV.5'],
      ['the sides share the', 'quotation', 'I.1–I.2'],
      ['democratic principles are implemented', 'quotation', 'I.4'],
      ['Certain States’ attempts to', 'borrowing', 'I.4'],
      ['peace, development and cooperation', 'quotation', 'II.1'],
    ]);
  });

  it('tells the quotations missing a mark: one has no opening mark, one no closing mark', () => {
    expect(starting('The two sides stand').quotationMarks).toBe('opening-missing');
    expect(starting('The two sides stand').commentary.text.endsWith('peace, stability and prosperity.')).toBe(true);
    expect(starting('that the new inter-state').quotationMarks).toBe('closing-missing');
    expect(starting('that the new inter-state').commentary.text.endsWith('circumstantial changes in third countries.')).toBe(true);
  });

  it('quotes "military and political alliances…" word for word, cut off after "certain States,"', () => {
    const p = starting('military and political alliances');
    expect(p.status).toBe('verbatim');
    expect(p.differences).toEqual([]);
    expect(p.context.before).toBe('The sides believe that certain States,');
  });

  it('inserts "two" into "The sides oppose…" and "The sides stand against…"', () => {
    for (const words of ['The two sides oppose', 'The two sides stand']) {
      const p = starting(words);
      expect(p.status).toBe('altered');
      expect(describe(p)).toEqual([' → two (wording)']);
    }
  });

  it('changes "Russia" to "Russian", "alliances" to "alliance" and drops "by" in the "no limits" passage', () => {
    const p = starting('that the new inter-state');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual([
      'inter-State → inter-state (case)',
      'Russia → Russian (inflection)',
      'alliances → alliance (inflection)',
      'States → states (case)',
      'by →  (wording)',
    ]);
    expect(p.context.before).toBe('They reaffirm');
  });

  it('spells "well-being" "wellbeing", changes "reflects" to "reflect" in the democracy passage across I.1 and I.2', () => {
    const p = starting('the sides share the');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual([
      'well-being → wellbeing (spelling)',
      'reflects → reflect (inflection)',
      'characteristics → Characteristics (case)',
    ]);
  });

  it('quotes "democratic principles…" word for word, after "The sides note that"', () => {
    const p = starting('democratic principles');
    expect(p.status).toBe('verbatim');
    expect(p.context.before).toBe('The sides note that');
  });

  it('borrows "Certain States\' attempts…" without quotation marks, with "monopolise", an added "that" and "which" for "and"', () => {
    const p = starting('Certain States’ attempts');
    expect(p.kind).toBe('borrowing');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual(['monopolize → monopolise (spelling)', ' → that (wording)', 'and → which (wording)']);
    expect(p.commentary.text.endsWith('undermine the stability of the world order.')).toBe(true);
  });

  it('writes "Covid pandemic" for "pandemic of the new coronavirus infection" and "fulfillment" for "fulfilment"', () => {
    const p = starting('peace, development and cooperation');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual([
      'pandemic of the new coronavirus infection → Covid pandemic (wording)',
      'fulfilment → fulfillment (spelling)',
    ]);
  });

  it('attributes the three "(Italics added)" to the passages they follow, emphasized words unknown in plain text', () => {
    const withEmphasis = passages.filter((p) => p.marks.some((m) => m.type === 'emphasis-added'));
    expect(withEmphasis.map((p) => p.commentary.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'The two sides',
      'the sides share',
      'Certain States’ attempts',
    ]);
    for (const p of withEmphasis) {
      const mark = p.marks.find((m) => m.type === 'emphasis-added')!;
      expect(mark.commentary.text).toBe('(Italics added)');
      expect('emphasized' in mark && mark.emphasized).toBeNull();
    }
  });

  it('does not attribute the scare quotes "solidarity", "coldest", "unequal" and "authoritarian" to the statement', () => {
    for (const word of ['solidarity', 'coldest', 'unequal', 'authoritarian']) {
      expect(passages.some((p) => p.commentary.text.includes(word)), word).toBe(false);
    }
  });

  it('lists the paragraphs the op-ed left out, with their locators, and its coverage', () => {
    const whole = report.omissions.filter((o) => o.whole).map((o) => o.locator);
    expect(whole).toContain('III.7');
    expect(whole).toContain('IV.19');
    expect(whole).not.toContain('III.6');
    expect(whole).not.toContain('I.4');
    expect(report.omissions.find((o) => o.locator === 'IV.5' && !o.whole)?.start).toBeLessThan(
      passages.find((p) => p.source?.locator === 'IV.5')!.source!.start,
    );
    expect(report.coverage.source).toBeGreaterThan(0.08);
    expect(report.coverage.source).toBeLessThan(0.15);
    expect(report.coverage.commentary).toBeGreaterThan(0.4);
    expect(report.coverage.commentary).toBeLessThan(0.6);
  });

  it('is deterministic: the same inputs give the same report, passage ids included', () => {
    expect(align(statement, opEd, { sourceId: 'joint-statement-2022-02-04', commentaryId: 'op-ed-expanding-sino-russian-cooperation', lexicon: wordnet })).toEqual(report);
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });
});
