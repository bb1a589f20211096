import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, schemaErrors, statement } from './test-support/corpus.js';
import { lexiconOf } from './lexicon/lexicon.js';
import { wordnet } from './test-support/lexicon.js';

/** Pieces that stress offsets: marks, editorial signs, line breaks, astral and combining characters. */
const PIECES = [
  '“', '”', '"', "'", '‘', '’', '«', '»', '„', '‚', '‹', '›', '″', "''", '‘‘', '’’', ',,', '12"', '2022"', "O'Neill", "'60s", "'sixties", '," it said, "', ' the book ', 'Sides Oppose', '(Italics added)', '(emphasis mine)', '…', '...', '[', ']', '[sic]',
  '[t]he', ' ', ' ', ' ', '\n', '\r\n', '\r', '\n\n', '-\n', '😀', '👩‍👩‍👧', 'e\u0301', '\u200B', '\u202E', '\u0000', 'כן', 'مرحبا',
  '中华人民', 'sides', 'The', 'oppose', 'further', 'enlargement', 'of', 'NATO', 'democracy', 'well-being', '.', ',',
];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join(''));

/** A stretch of the statement, cut at random places. */
const excerpt = fc
  .tuple(fc.nat({ max: statement.length }), fc.integer({ min: 0, max: 1500 }))
  .map(([at, length]) => statement.slice(at, at + length));

type Edit = { at: number; insert: string; remove: number };
const edit = fc.record({ at: fc.nat(), insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')), remove: fc.nat({ max: 12 }) });

/** Real text mutated the way commentaries and hostile inputs mutate it. */
const mutated = fc.tuple(excerpt, fc.array(edit, { maxLength: 12 })).map(([text, edits]) =>
  edits.reduce((t: string, e: Edit) => {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    return t.slice(0, at) + e.insert + t.slice(at + e.remove);
  }, text),
);

/** WordNet's synonyms, for rewording: a word of the statement and the other members of its synsets. */
const lexicon = lexiconOf(wordnet());
const synonymsOf = (word: string): string[] => {
  const out = new Set<string>();
  const lines = wordnet().synsets.split('\n');
  for (const id of lexicon.synsetsOf(word.toLowerCase())) for (const w of lines[id]!.split(' ')) if (w !== word.toLowerCase()) out.add(w.replaceAll('_', ' '));
  return [...out].sort();
};

/**
 * A sentence of the statement reworded as another translation would: some words swapped
 * for a WordNet synonym, some words dropped, two words swapped, then quoted in a text of
 * random pieces — the quotations the paraphrase layer is for.
 */
const sentences = statement.split(/(?<=[.;])\s+/u).filter((x) => x.split(' ').length >= 6 && x.split(' ').length <= 40);
const reworded = fc
  .tuple(fc.constantFrom(...sentences), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.nat(), piecesText, piecesText)
  .map(([sentence, picks, swap, before, after]) => {
    const words = sentence.split(' ');
    for (const pick of picks) {
      const at = pick % words.length;
      const options = synonymsOf(words[at]!.replace(/[^\p{L}-]/gu, ''));
      if (options.length > 0) words[at] = options[pick % options.length]!;
      else if (pick % 3 === 0) words.splice(at, 1);
    }
    const k = swap % Math.max(1, words.length - 1);
    if (words.length > 1) [words[k], words[k + 1]] = [words[k + 1]!, words[k]!];
    return `${before} “${words.join(' ')}” ${after}`;
  });

function holds(source: string, commentary: string): void {
  const report = align(source, commentary, { lexicon: wordnet });
  expect(schemaErrors(report)).toEqual([]);
  expect(badSpans(report, source, commentary)).toEqual([]);
  for (const p of report.passages) {
    expect(p.commentary.end).toBeGreaterThan(p.commentary.start);
    if (p.source) expect(p.source.end).toBeGreaterThan(p.source.start);
  }
  expect(align(source, commentary, { lexicon: wordnet })).toEqual(report);
  for (const p of report.passages) {
    if (p.status !== 'paraphrased') continue;
    // A paraphrase is a quotation pinned to one stretch of one paragraph, never a perfect match.
    expect(p.kind).toBe('quotation');
    expect(p.source.text).not.toMatch(/\n\s*\n/u);
    expect(p.similarity).toBeLessThan(1);
    // Most of its content words are there: a paraphrase is never "nothing alike".
    expect(p.similarity).toBeGreaterThan(0);
    expect(p.differences.length).toBeGreaterThan(0);
  }
}

describe('every span slices back to exactly its text, in bounds, and the report is deterministic', () => {
  it('on random texts of marks, scripts and line breaks', () => {
    fc.assert(fc.property(piecesText, piecesText, (source, commentary) => holds(source, commentary)), { numRuns: 500 });
  }, 120_000);

  it('on the statement against mutated excerpts of itself', () => {
    fc.assert(fc.property(mutated, (commentary) => holds(statement, commentary)), { numRuns: 300 });
  }, 120_000);

  it('on sentences of the statement reworded with WordNet synonyms, where paraphrased passages come from', () => {
    let paraphrased = 0;
    fc.assert(
      fc.property(reworded, (commentary) => {
        holds(statement, commentary);
        paraphrased += align(statement, commentary, { lexicon: wordnet }).passages.filter((p) => p.status === 'paraphrased').length;
      }),
      { numRuns: 150 },
    );
    // The property is about the new status: it must have been seen, not only vacuously held.
    expect(paraphrased).toBeGreaterThan(10);
  }, 120_000);

  it('on mutated excerpts against mutated excerpts', () => {
    fc.assert(fc.property(mutated, mutated, (source, commentary) => holds(source, commentary)), { numRuns: 300 });
  }, 120_000);
});
