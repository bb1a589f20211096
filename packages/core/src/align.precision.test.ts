import { describe as suite, expect, it } from 'vitest';
import { align } from './align.js';
import { commentaryReports } from './test-support/commentary-reports.js';
import { badSpans, describe, schemaErrors, statement } from './test-support/corpus.js';
import type { Passage } from './types.js';

const { of, quoting } = commentaryReports();
const candidates = (p: Passage) => ('candidates' in p && p.candidates ? p.candidates : []);
const places = (p: Passage) => candidates(p).map((c) => c.locator);

suite('precision: which place, when more than one fits', () => {
  it.each(['two-places.txt', 'repeated-formulas.txt', 'near-misses.txt'])('%s is a schema-valid report whose every span slices back to its text', (name) => {
    const { text, report } = of(name);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
    // The first candidate is the passage's own source span.
    for (const p of report.passages) if (candidates(p).length > 0) expect(candidates(p)[0]).toEqual(p.source);
  });

  it('pins "ready to strengthen dialogue and contacts on trade and economic issues" to the trade paragraph, not the one with more words in common', () => {
    // III.20 shares ten words in a row ("… dialogue and contacts on"), IV.9 twelve in two runs
    // — and the content words "trade", "economic", "issues".
    const p = quoting('two-places.txt', 'are ready to strengthen dialogue and contacts on trade');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('IV.9');
    expect(describe(p)).toEqual(['between partners and coordinate positions → and contacts (wording)']);
    expect(places(p)).toEqual([]);
  });

  it('picks, of three paragraphs with the same call, the one whose next words the quotation goes on with', () => {
    const p = quoting('two-places.txt', 'the sides call on the international community to adopt practical steps');
    expect(p.status).toBe('altered');
    expect(p.source!.locator).toBe('II.4');
    expect(describe(p)).toEqual(['take → adopt (wording)']);
    expect(places(p)).toEqual([]);
  });

  it('pins a quotation with a committee\'s name to where the statement names the committee, not to its words in lower case before', () => {
    // III.13: "the importance of the peaceful uses of outer space, strongly support the central
    // role of the UN Committee on the Peaceful Uses of Outer Space in promoting …". Each quoted
    // word weighs the same wherever it is matched, so the place with more of them wins,
    // capitals or not: the names and "promoting" over "peaceful uses … outer space".
    const p = quoting('two-places.txt', 'the UN Committee on the Peaceful Uses of Outer Space in promoting');
    expect(p.status).toBe('verbatim');
    expect(p.source!.text).toBe('the UN Committee on the Peaceful Uses of Outer Space in promoting');
    expect(places(p)).toEqual([]);
  });

  it('takes a quotation of a name alone for neither a passage nor a made-up line', () => {
    const { report } = of('two-places.txt');
    expect(report.passages.filter((p) => p.commentary.text.replace(/\s+/g, ' ') === 'the UN Committee on the Peaceful Uses of Outer Space')).toEqual([]);
  });

  it('gives a quotation missing its closing mark all three places of its formula, rather than one by chance', () => {
    const p = quoting('repeated-formulas.txt', 'in the internal affairs of other states');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'closing-missing', status: 'verbatim' });
    // "other states" here, "other States" in two of the places: no name in either.
    expect(places(p)).toEqual(['0.3', 'III.5', 'III.21']);
    expect(p.commentary.text).toBe('in the internal affairs of other states,');
  });

  it('gives a quotation missing its opening mark both places of its words, where the agreement begins', () => {
    const p = quoting('repeated-formulas.txt', 'the sides are ready to strengthen dialogue');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'opening-missing', status: 'verbatim' });
    expect(p.commentary.text).toBe('the sides are ready to strengthen dialogue,');
    expect(places(p)).toEqual(['III.20', 'IV.9']);
  });

  it('gives a borrowed formula all its places as candidates', () => {
    const p = quoting('repeated-formulas.txt', 'the sides call on the international community to');
    expect(p).toMatchObject({ kind: 'borrowing', status: 'verbatim' });
    expect(p.commentary.text.replace(/\s+/g, ' ')).toBe('the sides call on the international community to');
    expect(places(p)).toEqual(['I.5', 'II.4', 'II.5']);
    expect(candidates(p).map((c) => c.text)).toEqual(Array(3).fill(expect.stringMatching(/^the sides call on the international community to$/i)));
  });

  it('takes neither a document\'s title nor the two countries\' names for a borrowing, though each has eight words and more in common', () => {
    const { report } = of('repeated-formulas.txt');
    expect(report.passages.map((p) => p.kind)).toEqual(['quotation', 'borrowing', 'quotation']);
    const text = report.passages.map((p) => p.commentary.text).join(' ');
    expect(text).not.toMatch(/Leaders|Council|Federation/);
  });

  it('calls a line that shares a stock phrase and a name with the statement not found', () => {
    const p = quoting('near-misses.txt', 'the sides oppose politicization of the Winter Olympic Games');
    expect(p).toMatchObject({ status: 'not_found', source: null });
  });

  it('calls the title of another joint statement not found, though it shares the two countries\' names and "Joint Statement"', () => {
    const p = quoting('near-misses.txt', 'Joint Statement of the Russian Federation');
    expect(p).toMatchObject({ status: 'not_found', source: null });
  });

  it('does not pin a quotation missing its closing mark to the title for the name "People\'s Republic of China"', () => {
    const { report } = of('near-misses.txt');
    expect(report.passages.filter((p) => p.commentary.text.includes("People's Republic of China has"))).toEqual([]);
    expect(report.passages.filter((p) => p.source !== null)).toEqual([]);
  });

  it('holds a quotation missing a mark to the same evidence as one within its marks', () => {
    const said = (q: string) => align(statement, `A spokesman said ${q} Nothing else was said.`).passages;
    // Its own words after the formula do not make it the statement's.
    expect(said('"the Russian Federation and the People\'s Republic of China will never accept that.')).toEqual([]);
    expect(said('"the Russian Federation and the People\'s Republic of China will never accept that."')).toMatchObject([{ status: 'not_found' }]);
  });
});
