import { beforeAll, describe, expect, it } from 'vitest';
import { seedPair, testCommentaryPair } from '../test-support/seed';
import { buildComparison } from './comparison';
import { passagesCsv } from './export';
import type { PassageView } from './model';
import { parseCsv } from '../test-support/csv';

describe('the passages as CSV', () => {
  let passages: PassageView[];
  let csv: string;
  let head: string[];
  let rows: string[][];
  beforeAll(async () => {
    passages = buildComparison(await seedPair()).passages;
    csv = passagesCsv(passages);
    [head, ...rows] = parseCsv(csv.slice(1)) as [string[], ...string[][]];
  });

  it('starts with a byte order mark and a header; one row per passage, every record ended by CRLF', () => {
    expect(csv.startsWith('\uFEFFn,id,kind,status,locator,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r).toHaveLength(head.length);
  });

  it('reads back to each passage’s locator, status and exact words', () => {
    const col = (name: string) => head.indexOf(name);
    rows.forEach((r, i) => {
      const p = passages[i]!;
      expect(r[col('id')]).toBe(p.id);
      expect(r[col('locator')]).toBe(p.locator);
      expect(r[col('status')]).toBe(p.status);
      expect(r[col('commentary_text')]).toBe(p.commentary.text);
      expect(r[col('source_text')]).toBe(p.source!.text);
      expect(Number(r[col('commentary_end')]) - Number(r[col('commentary_start')])).toBe(p.commentary.text.length);
    });
  });

  it('names each difference with its category, source → commentary', () => {
    const iv5 = rows[passages.findIndex((p) => p.locator === 'IV.5')]!;
    const differences = iv5[head.indexOf('differences')]!;
    expect(differences).toContain('inflection: “Russia” → “Russian”');
    expect(differences).toContain('wording: left out “by”');
    const borrowing = rows[passages.findIndex((p) => p.kind === 'borrowing' && p.locator === 'III.6')]!;
    expect(borrowing[head.indexOf('differences')]).toBe('wording: added “two”');
    expect(borrowing[head.indexOf('marks')]).toBe('(Italics added)');
  });
});

describe('the passages as CSV, for passages that fit several places equally', () => {
  let head: string[];
  let rows: string[][];
  beforeAll(async () => {
    // A report whose three passages each fit two or three paragraphs of the statement equally.
    [head, ...rows] = parseCsv(passagesCsv(buildComparison(await testCommentaryPair('repeated-formulas.txt')).passages).slice(1)) as [string[], ...string[][]];
  });

  it('names every place in a candidates column beside the locator, the first being the locator', () => {
    expect(head.slice(head.indexOf('locator'), head.indexOf('locator') + 2)).toEqual(['locator', 'candidates']);
    const cell = (r: string[], name: string) => r[head.indexOf(name)];
    expect(rows.map((r) => [cell(r, 'locator'), cell(r, 'candidates')])).toEqual([
      ['0.3', '0.3; III.5; III.21'],
      ['I.5', 'I.5; II.4; II.5'],
      ['III.20', 'III.20; IV.9'],
    ]);
  });

  it('keeps every row as wide as the header, read by a spreadsheet that splits on semicolons and tabs too', async () => {
    for (const passages of [buildComparison(await testCommentaryPair('repeated-formulas.txt')).passages, buildComparison(await seedPair()).passages]) {
      const [wideHead, ...wideRows] = parseCsv(passagesCsv(passages).slice(1), ',;\t') as [string[], ...string[][]];
      expect(wideHead).toHaveLength(17);
      for (const r of wideRows) expect(r).toHaveLength(wideHead.length);
      // The places of a tie stay in their one cell, after the locator.
      expect(wideRows.map((r) => r[wideHead.indexOf('candidates')])).toEqual(
        passages.map((p) => p.candidates.join('; ')),
      );
    }
  });

  it('leaves it empty for a passage that fits one place', async () => {
    const [seedHead, ...seedRows] = parseCsv(passagesCsv(buildComparison(await seedPair()).passages).slice(1)) as [string[], ...string[][]];
    for (const r of seedRows) expect(r[seedHead.indexOf('candidates')]).toBe('');
  });
});
