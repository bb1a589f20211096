import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentary } from './test-support/commentaries.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
import type { Passage } from './types.js';

const text = commentary('editorial-marks.txt');
const report = align(statement, text, { lexicon: wordnet });
const quoting = (words: string): Passage => {
  const found = report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ').startsWith(words));
  expect(found, `one passage starting "${words}"`).toHaveLength(1);
  return found[0]!;
};

suite('brackets and ellipses as a briefing uses them', () => {
  it('is a schema-valid report whose every span slices back to its text, one passage per quotation', () => {
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
    expect(report.passages).toHaveLength(7);
  });

  it('leaves a quotation with a gloss "[Australia, Britain and the United States]" verbatim, the gloss the quoter\'s', () => {
    const p = quoting('strongly condemn such moves');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('III.9');
    expect(describe(p)).toEqual([' → Australia, Britain and the United States (wording, editorial)']);
  });

  it('reports "[AUKUS]" with the partnership\'s full name it stands for, not as an alteration', () => {
    const p = quoting('The sides are seriously concerned about [AUKUS]');
    expect(p.status).toBe('verbatim');
    const [d] = p.differences;
    expect(d).toMatchObject({ type: 'replace', editorial: true, commentary: { text: 'AUKUS' } });
    expect(d!.source.text).toBe('the trilateral security partnership between Australia, the United States, and the United Kingdom (AUKUS)');
  });

  it('reports "[They]" as standing for "The sides"', () => {
    expect(describe(quoting('[They] are seriously concerned'))).toEqual(['The sides → They (wording, editorial)']);
  });

  it('makes a silent cut bridged by "[and]" one altered passage whose omission lists the skipped words', () => {
    const p = quoting('The sides oppose further enlargement of NATO [and] respect');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('III.6');
    expect(describe(p)).toEqual(['and call on the North Atlantic Alliance to abandon its ideologized cold war approaches, to → and (omission)']);
  });

  it('aligns both fragments of an ellipsis across a section break, in order, hiding the words between', () => {
    const p = quoting('Interaction and cooperation on human rights');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('I.6–II.1');
    const [hidden] = p.differences;
    expect(hidden).toMatchObject({ type: 'delete', category: 'omission', editorial: true });
    expect(hidden!.source.text).toMatch(/^and mutual respect .* architecture\.\s+II$/s);
  });

  it('bridges an ellipsis over a dozen paragraphs, from II.1 to III.1', () => {
    const p = quoting('Development is a key driver');
    expect(p.status).toBe('verbatim');
    expect(p.source!.locator).toBe('II.1–III.1');
    expect(p.marks.map((m) => m.type)).toEqual(['ellipsis']);
    // The hidden words are reported, and not counted as quoted.
    const hidden = p.differences.find((d) => d.category === 'omission')!;
    expect(hidden.source.text.split(/\s+/).length).toBeGreaterThan(700);
    expect(report.omissions.some((o) => o.locator === 'II.5' && o.whole)).toBe(true);
  });

  it('shows "welcome" for "oppose" at the edge of a quotation as a change of that word', () => {
    const p = quoting('welcome further enlargement of NATO');
    expect(p.status).toBe('altered');
    expect(describe(p)).toEqual(['oppose → welcome (wording)']);
    expect(p.context.before).toBe('The sides');
  });
});
