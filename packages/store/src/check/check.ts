import { createRequire } from 'node:module';
import { align, sha256Hex, wordnetLexicon } from '@verbatim/core';
import type { Db } from '../database.js';
import { StoreError } from '../errors.js';
import { lookupPairs } from '../shingle-index.js';
import type { CheckPlace, CheckResult, CheckSource, CheckedPassage } from '../types.js';
import { candidatesPlan, MAX_FULL_TEXT_ROWS, MAX_RANKED_ROWS } from './candidates.js';
import { ask, runSync, type Lookup, type Plan, type SourceRow } from './lookups.js';
import { choosePassages, type Answer } from './choose.js';
import { quotedStretches } from './quoted-stretches.js';

/** WordNet for quotations from another translation: read the first time one needs it, never before. */
const lexicon = wordnetLexicon(createRequire(import.meta.url));

/**
 * The clock of a check's timing. Not `performance.now()`: the global `performance` loads
 * Node's perf_hooks the first time it is read, some 3 ms of CPU for `verbatim check`, which
 * runs as a linter on every save; `process.hrtime` is there from the start.
 */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** One sentence to a few pages; a whole book is for `add`. */
export const MAX_CHECK_BYTES = 100 * 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks pasted texts against every source of the corpus: finds the few candidate sources
 * through the indexes, aligns the text with each (the same engine as a stored
 * alignment), and keeps the best answer for each quotation. Reads only; nothing is stored.
 */
export function createChecker(db: Db, engineVersion: string): (text: unknown) => CheckResult {
  const answer = sqliteLookups(db);
  return (input) => runSync(checkPlan(checkable(input), engineVersion), answer);
}

/** A check of a text already found checkable, its questions to the corpus yielded (see `Lookups`). */
export function* checkPlan(text: string, engineVersion: string): Plan<CheckResult> {
  const started = now();
  // Core's digest, not the store's node:crypto one: a check hashes at most 100 KB, where
  // the JavaScript hash takes about a millisecond, and loading node:crypto costs `verbatim
  // check` some 5 ms of CPU.
  const textSha256 = sha256Hex(text);
  const stretches = quotedStretches(text);
  const candidates = yield* candidatesPlan(text, stretches);
  const rows = candidates.length === 0 ? [] : yield* ask({ ask: 'sourceRows', vids: candidates.map((c) => c.vid) });
  const sourcesSearched = yield* ask({ ask: 'sourceCount' });
  const searched = now();

  const quotationsOf = new Map(candidates.map((c) => [c.vid, c.quotations]));
  const answers: Array<Answer<Omit<SourceRow, 'text'>>> = rows.map(({ text: sourceText, ...source }) => ({
    source,
    quotations: quotationsOf.get(source.vid) ?? new Set(),
    passages: align(sourceText, text, { sourceId: source.id, sourceTitle: source.title, sourceSha256: source.sha256, commentarySha256: textSha256, lexicon }).passages,
  }));
  // Without any source, the engine still says which quotations are long enough to be
  // "not found" rather than scare quotes, and gives them ids of their own.
  const unanswered = align('', text, { commentarySha256: textSha256 }).passages;
  const chosen = choosePassages(stretches, answers, unanswered);
  const passages: CheckedPassage[] = [];
  for (const c of chosen) {
    if (c.source === null) {
      passages.push({ ...c.passage, document: null, unverified: [] });
      continue;
    }
    const { candidates: _own, ...passage } = c.passage;
    const document = documentOf(c.source);
    const { start, end } = c.passage.source;
    const places = [{ passage: c.passage, document }, ...c.equally.map((e) => ({ passage: e.passage, document: documentOf(e.source) }))]
      .flatMap(({ passage: p, document: d }) => (p.candidates ?? [p.source]).map((span): CheckPlace => ({ ...span, document: d })));
    passages.push({
      ...passage,
      document,
      unverified: yield* ask({ ask: 'unverified', vid: c.source.vid, start, end }),
      ...(places.length > 1 ? { candidates: places } : {}),
    });
  }
  const aligned = now();

  return {
    engineVersion,
    text: { length: text.length, sha256: textSha256 },
    sourcesSearched,
    sourcesAligned: answers.length,
    passages,
    timing: { candidates: round(searched - started), alignment: round(aligned - searched) },
  };
}

/** The SQLite store's answers to a check's questions, statements prepared once. */
function sqliteLookups(db: Db): (lookup: Lookup) => unknown {
  const kindOf = db.prepare('SELECT kind FROM documents WHERE vid = ?').pluck();
  const sourceRow = db.prepare(`SELECT vid, id, version, title, date, author, issuer, url, sha256, text FROM documents WHERE vid = ?`);
  const unverified = db
    .prepare(`SELECT locator FROM paragraphs WHERE vid = ? AND start < ? AND "end" > ? AND verification = 'unchecked' ORDER BY ordinal`)
    .pluck();
  const phrase = db
    .prepare(
      `SELECT DISTINCT p.vid FROM paragraphs_fts JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
       WHERE paragraphs_fts MATCH ? LIMIT ${MAX_FULL_TEXT_ROWS}`,
    )
    .pluck();
  const anyWords = db
    .prepare(
      `SELECT p.vid FROM paragraphs_fts JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
       WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ${MAX_RANKED_ROWS}`,
    )
    .pluck();
  const countSources = sourceCounter(db);
  return (lookup) => {
    switch (lookup.ask) {
      case 'shingles':
        return lookupPairs(db, lookup.hashes);
      case 'phrase':
        return phrase.all(`"${lookup.words.join(' ')}"`);
      case 'anyWords':
        return [...new Set(anyWords.all(lookup.words.map((w) => `"${w}"`).join(' OR ')) as number[])];
      case 'sources':
        return new Set(lookup.vids.filter((vid) => kindOf.get(vid) === 'source'));
      case 'sourceRows':
        return lookup.vids.map((vid) => sourceRow.get(vid) as SourceRow);
      case 'sourceCount':
        return countSources();
      case 'unverified':
        return unverified.all(lookup.vid, lookup.end, lookup.start);
    }
  };
}

/** The text as given, or a one-sentence refusal. */
export function checkable(input: unknown): string {
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
