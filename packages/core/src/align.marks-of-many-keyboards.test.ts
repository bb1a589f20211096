import { describe as suite, expect, it } from 'vitest';
import { commentaryReports } from './test-support/commentary-reports.js';
import { twinReading } from './test-support/twin-reading.js';
import { badSpans, schemaErrors, statement } from './test-support/corpus.js';

/**
 * A commentary quoting the statement with the marks of many keyboards and typesetters —
 * French and German guillemets, low-9 marks, a quotation over two paragraphs, nested marks,
 * apostrophes inside single marks, double primes, two apostrophes — and its twin set in
 * curly double and single marks only. A careful reader finds the same passages in both.
 */
const MESSY = 'marks-of-many-keyboards.txt';
const CLEAN = 'marks-of-many-keyboards.clean.txt';
const { of, quoting } = commentaryReports();

const reading = twinReading();

suite('quotation marks as writers across Europe and on old typewriters set them', () => {
  it('is a schema-valid report whose every span slices back to its text', () => {
    const { text, report } = of(MESSY);
    expect(schemaErrors(report)).toEqual([]);
    expect(badSpans(report, statement, text)).toEqual([]);
  });

  it('finds the same passages, at the same places, with the same verdicts, as in its twin set in curly marks', () => {
    const messy = of(MESSY).report.passages.map(reading);
    const clean = of(CLEAN).report.passages.map(reading);
    expect(clean).toHaveLength(20);
    expect(messy).toEqual(clean);
    expect(clean.every((p) => p.kind === 'quotation' && p.status === 'verbatim' && p.changes.length === 0)).toBe(true);
  });

  it('reads French guillemets with and without the spaces inside them, and the narrow no-break spaces of print', () => {
    expect(quoting(MESSY, 'The sides strongly support').source!.locator).toBe('II.8');
    const spaced = quoting(MESSY, 'The sides support the internationalization of Internet governance');
    expect(spaced.source!.locator).toBe('III.24');
    expect(spaced.commentary.text.endsWith('its governance')).toBe(true);
    const narrow = quoting(MESSY, 'The sides call on all countries');
    expect(narrow).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim' });
    expect(narrow.source!.locator).toBe('II.6');
  });

  it('reads single guillemets alone, and inside double ones around a phrase the statement quotes', () => {
    const alone = quoting(MESSY, 'strengthen foreign policy coordination');
    expect(alone).toMatchObject({ kind: 'quotation', status: 'verbatim' });
    expect(alone.source!.text).toBe('strengthen foreign policy coordination, pursue true multilateralism, strengthen cooperation on multilateral platforms');
    const nested = of(MESSY).report.passages.find((p) => p.commentary.text.includes('‹ community'))!;
    expect(nested.source!.text).toBe('The Russian side notes the significance of the concept of constructing a "community of common destiny for mankind" proposed by the Chinese side');
    expect(nested.status).toBe('verbatim');
  });

  it('reads German „…“ and ‚…‘, nested or alone, and »…« pointing inward', () => {
    expect(quoting(MESSY, 'The sides agreed to continue').source!.locator).toBe('II.3');
    const nested = quoting(MESSY, 'The sides intend to step up coordinated action');
    expect(nested).toMatchObject({ status: 'verbatim', source: { locator: 'IV.18' } });
    expect(nested.commentary.text.endsWith('investment environment')).toBe(true);
    expect(quoting(MESSY, 'oppose power politics').source!.locator).toBe('IV.7');
    expect(quoting(MESSY, 'The sides reaffirm their strong mutual support')).toMatchObject({ kind: 'quotation', status: 'verbatim', source: { locator: 'III.2' } });
  });

  it('takes two paragraphs quoted whole, the opening mark repeated and the first left open, for one passage', () => {
    const p = quoting(MESSY, 'The sides reaffirm their belief');
    expect(p).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', source: { locator: 'III.16–III.17' } });
    expect(p.commentary.text.endsWith('an effective verification mechanism.')).toBe(true);
  });

  it('closes a quotation and the one nested in it together, ’” and ”’', () => {
    const p = quoting(MESSY, 'The sides note the resolution entitled');
    expect(p).toMatchObject({ kind: 'quotation', status: 'verbatim', source: { locator: 'III.19' } });
    expect(p.source!.text.endsWith('Peaceful Uses in the Context of International Security')).toBe(true);
    const british = of(MESSY).report.passages.find((p) => p.commentary.text.includes('“community'))!;
    expect(british).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', source: { locator: 'IV.2' } });
    expect(british.commentary.text.endsWith('mankind”')).toBe(true);
  });

  it('does not end a single-quoted quotation at the apostrophe of a plural possessive', () => {
    const p = quoting(MESSY, 'The sides believe that democracy is a means of citizens');
    expect(p.commentary.text.replace(/\s+/g, ' ')).toBe('The sides believe that democracy is a means of citizens’ participation in the government of their country');
    expect(p).toMatchObject({ status: 'verbatim', source: { locator: 'I.2' } });
    expect(quoting(MESSY, 'Japan’s plans').source!.locator).toBe('III.10');
    expect(quoting(MESSY, 'the principles of the non-use of force').source!.locator).toBe('III.21');
  });

  it('reads double primes, two apostrophes, and two curly marks closed right after a number, as quotation marks', () => {
    expect(quoting(MESSY, 'The sides support the G20 format')).toMatchObject({ kind: 'quotation', status: 'verbatim', source: { locator: 'IV.10' } });
    const apostrophes = quoting(MESSY, 'on the basis of the relevant 2015');
    expect(apostrophes.commentary.text.replace(/\s+/g, ' ')).toBe('on the basis of the relevant 2015 intergovernmental agreement');
    const afterNumber = quoting(MESSY, 'reiterate their support');
    expect(afterNumber).toMatchObject({ kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', source: { locator: 'III.23' } });
    expect(afterNumber.commentary.text.endsWith('75/282')).toBe(true);
  });

  it('reads straight double marks around curly single ones', () => {
    expect(quoting(MESSY, 'The sides intend to develop cooperation')).toMatchObject({ status: 'verbatim', source: { locator: 'IV.19' } });
  });
});
