import { Cite, plugins } from '@citation-js/core';
// Each plugin registers its formats with the core when imported.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { closingQuote, dateParts, issuerOf, type CitedPassage } from './cited-passage.js';
import { tieSentence } from './ties.js';

// citation-js refuses BibTeX keys with a hyphen (valid in BibTeX) and would invent one from
// author, year and title; the passage id is the key Verbatim wants, stable and unique.
(plugins.config.get('@bibtex').format as { checkLabel: boolean }).checkLabel = false;

/** The subset of a CSL-JSON item (CSL 1.0.2) Verbatim fills. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'document';
  title: string;
  author?: Array<{ literal: string }>;
  issued?: { 'date-parts': number[][] } | { literal: string };
  URL?: string;
  language?: string;
  section: string;
  note: string;
  version: string;
}

/**
 * The one CSL-JSON item every bibliographic format is made from: the source document,
 * with the passage's place and words in `section` and `note`. The passage id is the item id
 * and the BibTeX key, so a citation is as stable as the passage. A passage that fits several
 * places equally names them all in `note` (BibTeX's `note`, RIS's `N1`), which every format
 * carries and most styles print: `section` can hold one place only.
 * A joint statement is no treaty, report or law: CSL's generic `document` fits it.
 */
export function cslItem(cited: CitedPassage): CslItem {
  const { source } = cited;
  const issuer = issuerOf(source);
  const parts = dateParts(source.date);
  const unverified = cited.unchecked.length > 0 ? ' Not independently verified against the official text.' : '';
  const tied = cited.tiedPlaces.length > 1 ? ` ${tieSentence(cited.tiedPlaces)}` : '';
  return {
    id: cited.passageId,
    'citation-key': cited.passageId,
    type: 'document',
    title: source.title,
    ...(issuer ? { author: [{ literal: issuer }] } : {}),
    ...(parts ? { issued: { 'date-parts': [parts] } } : source.date ? { issued: { literal: source.date } } : {}),
    ...(source.url ? { URL: source.url } : {}),
    ...(source.language ? { language: source.language } : {}),
    section: cited.place,
    note: `${cited.place}: “${closingQuote(cited.words)}”${unverified}${tied} Text SHA-256 ${source.sha256}.`,
    version: `sha256:${source.sha256}`,
  };
}

export type BibliographicFormat = 'bibtex' | 'ris' | 'csl-json';

/** Several items in one file: BibTeX entries and RIS records one after another, CSL-JSON one array. */
export function formatItems(items: readonly CslItem[], format: BibliographicFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(new Cite([...items]).format('data', { format: 'object' }), null, 2)}\n`;
  return items.map((item) => formatItem(item, format)).join('\n');
}

/** The item in BibTeX, RIS or CSL-JSON, written by citation-js. */
export function formatItem(item: CslItem, format: BibliographicFormat): string {
  const cite = new Cite([item]);
  switch (format) {
    case 'bibtex':
      return bibtexDate(String(cite.format('bibtex', { format: 'text' })), item);
    case 'ris':
      return risText((cite.format('ris', { format: 'object' }) as Array<Record<string, string | string[]>>).map((r) => risDate(r, item)));
    case 'csl-json':
      return `${JSON.stringify(cite.format('data', { format: 'object' }), null, 2)}\n`;
  }
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function itemParts(item: CslItem): number[] | null {
  return item.issued && 'date-parts' in item.issued ? (item.issued['date-parts'][0] ?? null) : null;
}

/**
 * The month as BibTeX's own macro (`month = feb`) and the day in a field of its own, as
 * BibTeX styles and reference managers read them; citation-js writes `month = {feb 4}`,
 * which no style understands.
 */
function bibtexDate(bibtex: string, item: CslItem): string {
  const [, month, day] = itemParts(item) ?? [];
  const macro = month === undefined ? undefined : MONTH_MACROS[month - 1];
  if (!macro) return bibtex;
  return bibtex.replace(/^(\s*)month = \{[^}\n]*\},$/m, (_, indent: string) => `${indent}month = ${macro},${day === undefined ? '' : `\n${indent}day = {${day}},`}`);
}

/** RIS dates as the format writes them, `YYYY/MM/DD/`, zero-padded (citation-js writes `2022/2/4/`). */
function risDate(record: Record<string, string | string[]>, item: CslItem): Record<string, string | string[]> {
  const parts = itemParts(item);
  if (!parts || record.DA === undefined) return record;
  const [year, month, day] = parts;
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return { ...record, DA: `${year}/${pad(month)}/${pad(day)}/` };
}

/**
 * RIS records from citation-js's tag mapping, one line per value. (Its own text output cuts
 * values every 70 characters, mid-word, and readers differ in how they rejoin such lines;
 * every reader takes a value on one line.)
 */
function risText(records: Array<Record<string, string | string[]>>): string {
  return records
    .map((record) => {
      const { TY, ...tags } = record;
      const lines = [`TY  - ${String(TY)}`];
      for (const [tag, value] of Object.entries(tags)) {
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ')}`);
      }
      lines.push('ER  - ');
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
