import { Cite, plugins } from '@citation-js/core';
// Each plugin registers its formats with the core when imported.
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { closingQuote, dateParts, issuerOf, type CitedPassage } from './cited-passage.js';

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
 * and the BibTeX key, so a citation is as stable as the passage.
 * A joint statement is no treaty, report or law: CSL's generic `document` fits it.
 */
export function cslItem(cited: CitedPassage): CslItem {
  const { source } = cited;
  const issuer = issuerOf(source);
  const parts = dateParts(source.date);
  const unverified = cited.unchecked.length > 0 ? ' Not independently verified against the official text.' : '';
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
    note: `${cited.place}: “${closingQuote(cited.words)}”${unverified} Text SHA-256 ${source.sha256}.`,
    version: `sha256:${source.sha256}`,
  };
}

export type BibliographicFormat = 'bibtex' | 'ris' | 'csl-json';

/** The item in BibTeX, RIS or CSL-JSON, written by citation-js. */
export function formatItem(item: CslItem, format: BibliographicFormat): string {
  const cite = new Cite([item]);
  switch (format) {
    case 'bibtex':
      return String(cite.format('bibtex', { format: 'text' }));
    case 'ris':
      return risText(cite.format('ris', { format: 'object' }) as Array<Record<string, string | string[]>>);
    case 'csl-json':
      return `${JSON.stringify(cite.format('data', { format: 'object' }), null, 2)}\n`;
  }
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
