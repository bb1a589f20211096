import { describe as suite, expect, it } from 'vitest';
import { commentaryReports } from './test-support/commentary-reports.js';
import { twinReading } from './test-support/twin-reading.js';
import { badSpans, schemaErrors, statement } from './test-support/corpus.js';

/**
 * A commentary quoting the statement with a German typewriter's marks (,,…''), quotations
 * over paragraphs reopened with another mark than the one that opened them (a straight one
 * then a curly one, a reversed one, « then »), and straight double marks standing for
 * inches beside real quotations, one ending in a year — and its twin in curly marks, with
 * "32-inch" for 32". A careful reader finds the same passages in both.
 */
const MESSY = 'typewriters-and-tape-measures.txt';
const CLEAN = 'typewriters-and-tape-measures.clean.txt';
const { of, quoting } = commentaryReports();

const reading = twinReading(',');

suite('typewriter marks, marks that reopen a paragraph, and inches', () => {
  it.each([MESSY, CLEAN])('%s is a schema-valid report whose every span slices back to its text', (name) => {
    const { text, report } = of(name);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });

  it('finds the same passages, at the same places, with the same verdicts, as its twin in curly marks', () => {
    const messy = of(MESSY).report.passages.map(reading);
    const clean = of(CLEAN).report.passages.map(reading);
    expect(clean.map((p) => p.locator)).toEqual(['II.7', 'II.10', 'II.5', 'II.11–II.12', 'III.2–III.3', 'IV.3–IV.4', 'IV.18', 'IV.12', 'IV.11', 'II.4']);
    expect(clean.slice(0, -1).every((p) => p.kind === 'quotation' && p.quotationMarks === 'paired' && p.status === 'verbatim' && p.changes.length === 0)).toBe(true);
    expect(clean.at(-1)).toMatchObject({ kind: 'borrowing', status: 'verbatim', changes: [] });
    expect(messy).toEqual(clean);
  });

  it("reads two commas and two apostrophes (,,…'') as a German typewriter's quotation marks, and a stray pair of commas as none", () => {
    const p = quoting(MESSY, 'are taking serious action');
    expect(p.commentary.text.endsWith('climate change')).toBe(true);
    expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'II.7' } });
    const whole = quoting(MESSY, 'The sides call on the international community to create');
    expect(whole.commentary.text.replace(/\s+/gu, ' ').endsWith('drivers of economic growth.')).toBe(true);
  });

  it('carries a quotation into the next paragraph when that one reopens it with another mark', () => {
    for (const [words, locator, last] of [
      ['The Russian side supports a successful hosting', 'II.11–II.12', 'progressive development.'],
      ['The sides reaffirm their strong mutual support', 'III.2–III.3', 'independence of Taiwan.'],
      ['The sides intend to strongly uphold', 'IV.3–IV.4', 'victorious countries.'],
    ] as const) {
      const p = quoting(MESSY, words);
      expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', source: { locator } });
      expect(p.commentary.text.replace(/\s+/gu, ' ').endsWith(last)).toBe(true);
    }
  });

  it('takes a straight mark after a number for inches, yet closes a quotation that ends in a year', () => {
    // Read as a closing mark, 55" made the borrowing before it a quotation whose opening mark was missing.
    expect(quoting(MESSY, 'the sides will strengthen cooperation within multilateral mechanisms')).toMatchObject({ kind: 'borrowing', quotationMarks: null, status: 'verbatim' });
    const apec = quoting(MESSY, 'will continue to work to strengthen the role of APEC');
    expect(apec.commentary.text.endsWith('Asia-Pacific region')).toBe(true);
    const year = quoting(MESSY, 'The Russian side will fully support');
    expect(year.commentary.text.replace(/\s+/gu, ' ').endsWith('association in 2022')).toBe(true);
    expect(year).toMatchObject({ status: 'verbatim', source: { locator: 'IV.12' } });
    expect(of(MESSY).report.passages.filter((p) => /\d"/u.test(p.commentary.text) || p.status === 'not_found')).toEqual([]);
  });
});
