import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from './align.js';
import { badSpans, schemaErrors, statement } from './test-support/corpus.js';
import { wordnet } from './test-support/lexicon.js';

/** Pieces that stress offsets: marks, editorial signs, line breaks, astral and combining characters. */
const PIECES = [
  '“', '”', '"', "'", '‘', '’', '«', '»', '„', '(Italics added)', '(emphasis mine)', '…', '...', '[', ']', '[sic]',
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

function holds(source: string, commentary: string): void {
  const report = align(source, commentary, { lexicon: wordnet });
  expect(schemaErrors(report)).toEqual([]);
  expect(badSpans(report, source, commentary)).toEqual([]);
  for (const p of report.passages) {
    expect(p.commentary.end).toBeGreaterThan(p.commentary.start);
    if (p.source) expect(p.source.end).toBeGreaterThan(p.source.start);
  }
  expect(align(source, commentary, { lexicon: wordnet })).toEqual(report);
}

describe('every span slices back to exactly its text, in bounds, and the report is deterministic', () => {
  it('on random texts of marks, scripts and line breaks', () => {
    fc.assert(fc.property(piecesText, piecesText, (source, commentary) => holds(source, commentary)), { numRuns: 500 });
  }, 120_000);

  it('on the statement against mutated excerpts of itself', () => {
    fc.assert(fc.property(mutated, (commentary) => holds(statement, commentary)), { numRuns: 300 });
  }, 120_000);

  it('on mutated excerpts against mutated excerpts', () => {
    fc.assert(fc.property(mutated, mutated, (source, commentary) => holds(source, commentary)), { numRuns: 300 });
  }, 120_000);
});
