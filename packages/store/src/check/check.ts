import { createRequire } from 'node:module';
import { align, sha256Hex, wordnetLexicon } from '@verbatim/core';
import type { Db } from '../database.js';
import { StoreError } from '../errors.js';
import type { CheckPlace, CheckResult, CheckSource, CheckedPassage } from '../types.js';
import { checkCandidates } from './candidates.js';
import { choosePassages, type Answer } from './choose.js';
import { quotedStretches } from './quoted-stretches.js';

/** WordNet for quotations from another translation: read the first time one needs it, never before. */
const lexicon = wordnetLexicon(createRequire(import.meta.url));

/** One sentence to a few pages; a whole book is for `add`. */
export const MAX_CHECK_BYTES = 100 * 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface SourceRow extends CheckSource {
  vid: number;
  text: string;
}

/**
 * Checks pasted texts against every source of the corpus: finds the few candidate sources
 * through the indexes, aligns the text with each (the same engine as a stored
 * alignment), and keeps the best answer for each quotation. Reads only; nothing is stored.
 */
export function createChecker(db: Db, engineVersion: string): (text: unknown) => CheckResult {
  const sourceRow = db.prepare(
    `SELECT vid, id, version, title, date, author, issuer, url, sha256, text FROM documents WHERE vid = ?`,
  );
  const unverified = db
    .prepare(`SELECT locator FROM paragraphs WHERE vid = ? AND start < ? AND "end" > ? AND verification = 'unchecked' ORDER BY ordinal`)
    .pluck();
  const countSources = sourceCounter(db);

  return (input) => {
    const text = checkable(input);
    const started = performance.now();
    const stretches = quotedStretches(text);
    const candidates = checkCandidates(db, text, stretches);
    const rows = candidates.map((c) => sourceRow.get(c.vid) as SourceRow);
    const sourcesSearched = countSources();
    const searched = performance.now();

    const answers: Array<Answer<Omit<SourceRow, 'text'>>> = rows.map(({ text: sourceText, ...source }) => ({
      source,
      passages: align(sourceText, text, { sourceId: source.id, sourceTitle: source.title, sourceSha256: source.sha256, lexicon }).passages,
    }));
    // Without any source, the engine still says which quotations are long enough to be
    // "not found" rather than scare quotes, and gives them ids of their own.
    const unanswered = align('', text).passages;
    const chosen = choosePassages(stretches, answers, unanswered);
    const passages = chosen.map((c): CheckedPassage => {
      if (c.source === null) return { ...c.passage, document: null, unverified: [] };
      const { candidates: _own, ...passage } = c.passage;
      const document = documentOf(c.source);
      const { start, end } = c.passage.source;
      const places = [{ passage: c.passage, document }, ...c.equally.map((e) => ({ passage: e.passage, document: documentOf(e.source) }))]
        .flatMap(({ passage: p, document: d }) => (p.candidates ?? [p.source]).map((span): CheckPlace => ({ ...span, document: d })));
      return {
        ...passage,
        document,
        unverified: unverified.all(c.source.vid, end, start) as string[],
        ...(places.length > 1 ? { candidates: places } : {}),
      };
    });
    const aligned = performance.now();

    return {
      engineVersion,
      text: { length: text.length, sha256: sha256Hex(text) },
      sourcesSearched,
      sourcesAligned: answers.length,
      passages,
      timing: { candidates: round(searched - started), alignment: round(aligned - searched) },
    };
  };
}

/** The text as given, or a one-sentence refusal. */
function checkable(input: unknown): string {
  if (typeof input !== 'string') throw new StoreError('invalid', 'Give the text to check as a string.');
  if (input.trim() === '') throw new StoreError('empty', 'The text to check is empty: give a sentence with the quotation in it.');
  const bytes = Buffer.byteLength(input, 'utf8');
  if (bytes > MAX_CHECK_BYTES) {
    throw new StoreError('too-large', `The text to check is ${Math.ceil(bytes / 1024)} KB, over the ${MAX_CHECK_BYTES / 1024} KB a check takes; add a longer text as a commentary instead.`);
  }
  if (input.includes('\u0000')) throw new StoreError('binary', 'The text to check contains NUL characters; give plain text.');
  if (LONE_SURROGATE.test(input)) throw new StoreError('encoding', 'The text to check is not valid Unicode (it contains an unpaired surrogate).');
  return input;
}

/**
 * How many sources the corpus has, counted again only when the database has changed
 * since (another connection's commit moves `data_version`, this one's `total_changes`).
 */
function sourceCounter(db: Db): () => number {
  const count = db
    .prepare(
      `SELECT count(*) FROM documents AS d
       WHERE d.kind = 'source' AND d.version = (SELECT max(n.version) FROM documents AS n WHERE n.id = d.id)`,
    )
    .pluck();
  const changes = db.prepare('SELECT total_changes()').pluck();
  let known: { stamp: string; value: number } | undefined;
  return () => {
    const stamp = `${db.pragma('data_version', { simple: true })}:${changes.get()}`;
    if (known?.stamp !== stamp) known = { stamp, value: count.get() as number };
    return known.value;
  };
}

function documentOf({ vid: _vid, ...document }: Omit<SourceRow, 'text'>): CheckSource {
  return document;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
