import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentary } from './test-support/commentaries.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';
import type { Passage } from './types.js';

const text = commentary('messy-marks.txt');
const report = align(statement, text, { lexicon: wordnet });
const quoting = (words: string): Passage => {
  const found = report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ').startsWith(words));
  expect(found, `one passage starting "${words}"`).toHaveLength(1);
  return found[0]!;
};

suite('quotations whose marks and typography a PDF mangled', () => {
  it('is a schema-valid report whose every span slices back to its text', () => {
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });

  it('reads a quotation closed by a left mark (approaches.“) as a quotation, word for word', () => {
    const p = quoting('The sides oppose further enlargement of NATO');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim' });
    expect(p.source!.locator).toBe('III.6');
  });

  it('reads reversed marks (”democracy … States“) as a quotation', () => {
    const p = quoting('democracy is a universal human value');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim' });
    expect(p.commentary.text.endsWith('limited number of States')).toBe(true);
  });

  it('pairs a straight opening mark with a curly closing one', () => {
    const p = quoting('peace, development and cooperation lie at the core');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim' });
    expect(p.source!.locator).toBe('II.1');
  });

  it('takes "nuclear- powered" for "nuclear-powered": a stray space is typography, the quotation verbatim', () => {
    const p = quoting('their decision to initiate');
    expect(p.status).toBe('verbatim');
    expect(describe(p)).toEqual(['nuclear-powered → nuclear- powered (typography)']);
  });

  it('does not read a footnote number glued to a word as a word of the passage', () => {
    const borrowed = quoting('seriously undermine the international security order');
    expect(borrowed).toMatchObject({ kind: 'borrowing', status: 'verbatim' });
    const quoted = quoting('intensify geopolitical rivalry');
    expect(quoted).toMatchObject({ kind: 'quotation', status: 'verbatim', differences: [] });
  });

  it('pins marks moved onto "no forbidden areas" (the source quotes only "forbidden") to IV.5, verbatim', () => {
    const p = quoting('no forbidden areas');
    expect(p).toMatchObject({ kind: 'quotation', status: 'verbatim' });
    expect(p.source!.text).toBe('no "forbidden" areas');
  });
});
