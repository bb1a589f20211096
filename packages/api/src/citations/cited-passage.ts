import type { PassageRecord, StoredDocument, StoredParagraph } from '@verbatim/store';
import type { FoundPassage } from '@verbatim/core';
import { describeLocator } from './locator.js';
import { tiedLocators } from './ties.js';

/** What every citation format needs to know about one passage, gathered once. */
export interface CitedPassage {
  passageId: string;
  passage: FoundPassage;
  source: StoredDocument;
  commentary: StoredDocument;
  /** When the alignment was made: the stable date of the citation. */
  created: string;
  /** `sec. IV, para. 5`. */
  place: string;
  /** The source's words, white space collapsed, for reading (the selectors keep them exact). */
  words: string;
  /** Source paragraphs of the passage nobody has checked against the official text. */
  unchecked: StoredParagraph[];
  /** Every place the passage fits equally, as `place` writes one, the first being `place`; empty when it fits one. */
  tiedPlaces: string[];
}

/** A passage quoted from nowhere in the source has nothing to cite: undefined. */
export function citedPassage(record: PassageRecord): CitedPassage | undefined {
  const { passage, source, commentary, alignment } = record;
  if (passage.status === 'not_found') return undefined;
  const { start, end } = passage.source;
  return {
    passageId: passage.id,
    passage,
    source,
    commentary,
    created: alignment.created,
    place: describeLocator(passage.source.locator),
    words: passage.source.text.replace(/\s+/g, ' ').trim(),
    unchecked: source.paragraphs.filter((p) => p.start < end && p.end > start && p.verification === 'unchecked'),
    tiedPlaces: tiedLocators(passage).map(describeLocator),
  };
}

/** Who issued a document, for citing: its issuer, else its author. */
export function issuerOf(doc: Pick<StoredDocument, 'issuer' | 'author'>): string | null {
  return doc.issuer ?? doc.author;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-02-04` as [2022, 2, 4]; partial ISO dates give fewer parts; anything else null. */
export function dateParts(date: string | null): number[] | null {
  const m = date === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
}

/** `2022-02-04` → `February 4, 2022` (Chicago); a date in another form is left as written. */
export function longDate(date: string | null): string | null {
  const parts = dateParts(date);
  if (!parts) return date;
  const [year, month, day] = parts;
  if (month === undefined) return String(year);
  const name = MONTHS[month - 1] ?? String(month);
  return day === undefined ? `${name} ${year}` : `${name} ${day}, ${year}`;
}

/** Quoted words closing a sentence: their own final stop, else a period (a cut-off comma goes). */
export function closingQuote(words: string): string {
  return /[.!?…]$/.test(words) ? words : `${words.replace(/[,;:]$/, '')}.`;
}
