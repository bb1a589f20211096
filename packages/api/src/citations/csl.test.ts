import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { formatItem, type CslItem } from './csl.js';

const item = (parts: number[]): CslItem => ({
  id: 'p-0123456789abcdef',
  'citation-key': 'p-0123456789abcdef',
  type: 'document',
  title: 'Joint Statement',
  issued: { 'date-parts': [parts] },
  section: 'sec. IV, para. 5',
  note: 'sec. IV, para. 5: “no limits.”',
  version: 'sha256:f6dd',
});

/** What a reference manager reads back: citation-js parsing our own output. */
const readBack = (text: string) => (new Cite(text).data as Array<{ issued: { 'date-parts': number[][] } }>)[0]!.issued['date-parts'][0];

describe('dates in BibTeX and RIS', () => {
  it('a full date: `month = feb` and `day = {4}`; `DA  - 2022/02/04/`; both read back as 2022-02-04', () => {
    const bibtex = formatItem(item([2022, 2, 4]), 'bibtex');
    expect(bibtex).toContain('\tmonth = feb,\n\tday = {4},\n');
    expect(bibtex).not.toContain('{feb');
    const ris = formatItem(item([2022, 2, 4]), 'ris');
    expect(ris).toContain('\nDA  - 2022/02/04/\n');
    expect(readBack(bibtex)).toEqual([2022, 2, 4]);
    expect(readBack(ris)).toEqual([2022, 2, 4]);
  });

  it('a month without a day, and December: no day field, the slot left empty in RIS', () => {
    const bibtex = formatItem(item([2021, 12]), 'bibtex');
    expect(bibtex).toContain('\tmonth = dec,\n');
    expect(bibtex).not.toContain('day =');
    expect(formatItem(item([2021, 12]), 'ris')).toContain('\nDA  - 2021/12//\n');
    expect(readBack(bibtex)).toEqual([2021, 12]);
  });

  it('a year alone: no month at all', () => {
    expect(formatItem(item([1997]), 'bibtex')).not.toContain('month');
    expect(readBack(formatItem(item([1997]), 'bibtex'))).toEqual([1997]);
  });
});
