import { describe, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, opEd, schemaErrors, statement } from './test-support/corpus.js';
import type { AlignmentReport } from './types.js';

/**
 * Hostile and pathological inputs. The bound each must finish within is the test's
 * timeout (measured figures are in `npm run bench`); what is asserted is that a valid,
 * exact report comes back.
 */
function valid(source: string, commentary: string): AlignmentReport {
  const report = align(source, commentary);
  expect(schemaErrors(report)).toEqual([]);
  expect(badSpans(report, source, commentary)).toEqual([]);
  return report;
}

const quote = 'The sides oppose further enlargement of NATO and call on the North Atlantic Alliance';

describe('hostile text', () => {
  it('10,000 nested quotation marks around a real quotation', () => {
    const r = valid(statement, `${'“'.repeat(10_000)}${quote}${'”'.repeat(10_000)}`);
    expect(r.passages.map((p) => [p.status, p.source?.locator])).toEqual([['verbatim', 'III.6']]);
  }, 10_000);

  it('a text of nothing but quotation marks', () => {
    expect(valid(statement, '"“”‘’«»„\''.repeat(20_000)).passages).toEqual([]);
  }, 10_000);

  it('a 5 MB commentary on a single line', () => {
    const line = statement.replace(/\s+/g, ' ');
    const huge = line.repeat(Math.ceil(5e6 / line.length)).slice(0, 5e6);
    expect(valid(statement, huge).coverage.commentary).toBeGreaterThan(0.9);
  }, 60_000);

  it('zero-width, bidi control, right-to-left, combining and astral characters keep offsets exact', () => {
    const commentary = `\u202Eمرحبا\u202C 😀 «${quote.replace('NATO', 'NA\u200BTO').replace('sides', 'side\u0301s')}» 👩‍👩‍👧 שלום`;
    const r = valid(statement, commentary);
    expect(r.passages).toHaveLength(1);
    const p = r.passages[0]!;
    expect(p.source!.locator).toBe('III.6');
    expect(commentary.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
  }, 10_000);

  it('CRLF, lone CR and NUL bytes', () => {
    const commentary = `Intro.\r\n\r\n“${quote}”\rAfter\u0000 the\u0000end.`;
    const r = valid(statement.replace(/\n/g, '\r\n'), commentary);
    expect(r.passages.map((p) => [p.status, p.source?.locator])).toEqual([['verbatim', 'III.6']]);
  }, 10_000);
});

describe('pathological alignments', () => {
  it('a commentary identical to its source covers it all', () => {
    const r = valid(statement, statement);
    expect(r.coverage.source).toBeGreaterThan(0.99);
    expect(r.passages.every((p) => p.status === 'verbatim')).toBe(true);
  }, 10_000);

  it('the source repeated 50 times still pins the op-ed to one copy, the first', () => {
    const r = valid(statement.repeat(50), opEd);
    expect(r.passages).toHaveLength(8);
    expect(r.passages.every((p) => p.source === null || p.source.start < statement.length)).toBe(true);
  }, 30_000);

  it('a source made of one repeated word', () => {
    const r = valid('word '.repeat(200_000), `A “${'word '.repeat(20).trim()}” and ${'word '.repeat(1000)}`);
    expect(r.passages.filter((p) => p.kind === 'quotation')).toHaveLength(1);
  }, 30_000);

  it('1 MB of commentary against 1 MB of source', () => {
    const r = valid(statement.repeat(28), opEd.repeat(135));
    expect(r.passages.length).toBeGreaterThan(900);
  }, 60_000);
});
