import { splitParagraphs, type AlignmentReport, type Difference, type Span } from '@verbatim/core';
import { describe, expect, it } from 'vitest';
import { formatTextReport, type TextReportOptions } from './text-report.js';

/*
 * A hand-built report over a short source and commentary, shaped like the op-ed's
 * quotations of the joint statement: a faithful quotation, a borrowing with a word added,
 * an altered quotation, an elided one with emphasis, and a quotation not in the source.
 */
const SOURCE = [
  'Joint Statement on a New Era',
  'I',
  'The sides believe that certain States, military and political alliances and coalitions seek to obtain unilateral military advantages.',
  'The sides oppose further enlargement of NATO.',
  'Friendship between the two States has no limits, nor affected by the changing international environment.',
  'II',
  'The sides call on all States to pursue well-being for all and to build dialogue and mutual trust.',
  'The sides reaffirm their support.',
  'The sides note the role of the United Nations.',
  'The sides will strengthen cooperation.',
].join('\n\n');

const COMMENTARY = [
  'What the statement says',
  'It condemned “military and political alliances and coalitions seek to obtain unilateral military advantages.” ' +
    'It adds: The two sides oppose further enlargement of NATO. (Italics added)',
  'They said: “Friendship between the two states has no limits, nor affected the changing international environment.”',
  'And: “The sides call on all States … to build dialogue and mutual trust.” (emphasis in original) ' +
    'Critics call it “a pact of autocrats against the free world”.',
].join('\n');

/** The span of the `nth` occurrence of `needle` in `text`. */
function span(text: string, needle: string, nth = 1): Span {
  let start = -1;
  for (let i = 0; i < nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" is not in the fixture`);
  return { start, end: start + needle.length, text: needle };
}

/** An empty span just before `needle`: where an insertion or deletion sits. */
function at(text: string, needle: string): Span {
  const { start } = span(text, needle);
  return { start, end: start, text: '' };
}

const located = (needle: string) => {
  const s = span(SOURCE, needle);
  return { ...s, locator: locatorOf(s.start) };
};

function locatorOf(offset: number): string {
  return splitParagraphs(SOURCE).filter((p) => p.start <= offset).at(-1)!.locator;
}

const insertTwo: Difference = {
  type: 'insert', category: 'wording', editorial: false,
  commentary: span(COMMENTARY, 'two', 1), source: at(SOURCE, 'sides oppose'),
};

const report: AlignmentReport = {
  version: 1,
  source: { id: 'statement', title: 'Joint Statement on a New Era', length: SOURCE.length, sha256: 'a'.repeat(64) },
  commentary: { length: COMMENTARY.length, sha256: 'b'.repeat(64) },
  passages: [
    // Deliberately out of commentary order: the formatter sorts.
    {
      id: 'p-not-found', kind: 'quotation', quotationMarks: 'paired', status: 'not_found', source: null, similarity: 0,
      commentary: span(COMMENTARY, 'a pact of autocrats against the free world'),
      differences: [], marks: [], context: { before: '', after: '' },
    },
    {
      id: 'p-verbatim', kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', similarity: 1,
      commentary: span(COMMENTARY, 'military and political alliances and coalitions seek to obtain unilateral military advantages.'),
      source: located('military and political alliances and coalitions seek to obtain unilateral military advantages.'),
      differences: [], marks: [],
      context: { before: 'The sides believe that certain States,', after: '' },
    },
    {
      id: 'p-borrowing', kind: 'borrowing', quotationMarks: null, status: 'altered', similarity: 0.93,
      commentary: span(COMMENTARY, 'The two sides oppose further enlargement of NATO.'),
      source: located('The sides oppose further enlargement of NATO.'),
      differences: [insertTwo],
      marks: [{ type: 'emphasis-added', commentary: span(COMMENTARY, '(Italics added)'), emphasized: null }],
      context: { before: '', after: '' },
    },
    {
      id: 'p-altered', kind: 'quotation', quotationMarks: 'paired', status: 'altered', similarity: 0.9,
      commentary: span(COMMENTARY, 'Friendship between the two states has no limits, nor affected the changing international environment.'),
      source: located('Friendship between the two States has no limits, nor affected by the changing international environment.'),
      differences: [
        { type: 'replace', category: 'case', editorial: false, commentary: span(COMMENTARY, 'states'), source: span(SOURCE, 'States has') && { ...span(SOURCE, 'States has'), end: span(SOURCE, 'States has').start + 6, text: 'States' } },
        { type: 'delete', category: 'wording', editorial: false, commentary: at(COMMENTARY, 'the changing'), source: span(SOURCE, 'by') },
        { type: 'replace', category: 'typography', editorial: false, commentary: span(COMMENTARY, ','), source: span(SOURCE, ',') },
      ],
      marks: [],
      context: { before: '', after: '' },
    },
    {
      id: 'p-elided', kind: 'quotation', quotationMarks: 'paired', status: 'verbatim', similarity: 1,
      commentary: span(COMMENTARY, 'The sides call on all States … to build dialogue and mutual trust.'),
      source: located('The sides call on all States to pursue well-being for all and to build dialogue and mutual trust.'),
      differences: [
        { type: 'delete', category: 'omission', editorial: true, commentary: at(COMMENTARY, '… to build'), source: span(SOURCE, 'to pursue well-being for all and') },
      ],
      marks: [
        { type: 'ellipsis', commentary: span(COMMENTARY, '…') },
        { type: 'emphasis-original', commentary: span(COMMENTARY, '(emphasis in original)'), emphasized: [span(COMMENTARY, 'mutual trust')] },
      ],
      context: { before: '', after: '' },
    },
  ],
  omissions: [
    { start: span(SOURCE, 'The sides reaffirm their support.').start, end: span(SOURCE, 'The sides reaffirm their support.').end, locator: 'II.2', whole: true },
    { start: span(SOURCE, 'The sides note').start, end: span(SOURCE, 'The sides note').end, locator: 'II.3', whole: true },
    { start: span(SOURCE, 'The sides will').start, end: span(SOURCE, 'The sides will').end, locator: 'II.4', whole: true },
    { start: span(SOURCE, 'The sides believe').start, end: span(SOURCE, 'military').start, locator: 'I.1', whole: false },
  ],
  coverage: { source: 0.3456, commentary: 0.5 },
};

const options: TextReportOptions = {
  sourceName: 'statement.txt',
  commentaryName: 'op-ed.txt',
  sourceParagraphs: splitParagraphs(SOURCE),
  commentaryParagraphs: splitParagraphs(COMMENTARY),
};

const text = formatTextReport(report, options);
/** The report without the bars and with every run of white space made one space: phrases survive wrapping. */
const flat = text.replace(/│/g, ' ').replace(/\s+/g, ' ');

describe('formatTextReport', () => {
  it('opens with both documents, the counts by status and kind, and coverage in percent', () => {
    expect(text).toMatch(/^Verbatim alignment report\n\nSource {7}statement\.txt\n {13}Joint Statement on a New Era\n/);
    expect(text).toMatch(/^Commentary {3}op-ed\.txt$/m);
    expect(text).toMatch(/^Passages {5}5: 4 quotations, 1 borrowing$/m);
    expect(text).toMatch(/^Status {7}2 verbatim · 0 variant · 2 altered · 1 not found$/m);
    expect(flat).toContain('Coverage 34.6% of the source is quoted · 50.0% of the commentary is source words');
  });

  it('lists the passages in commentary order, with number, kind, status and locators', () => {
    const headings = text.split('\n').filter((l) => /^ +\d+\. /.test(l));
    expect(headings).toEqual([
      '  1. quotation · verbatim · commentary ¶1 → source I.1 · similarity 1.00',
      '  2. borrowing · altered · commentary ¶1 → source I.2 · similarity 0.93',
      '  3. quotation · altered · commentary ¶2 → source I.3 · similarity 0.90',
      '  4. quotation · verbatim · commentary ¶3 → source II.1 · similarity 1.00',
      '  5. quotation · not found · commentary ¶3 → not in the source',
    ]);
  });

  it('marks word differences inline, source → commentary, and lists them with their category', () => {
    expect(text).toContain('     │ The {+two+} sides oppose further enlargement of NATO.\n');
    expect(flat).toContain('between the two [-States→+states] has no limits, nor affected [-by-] the changing');
    expect(text).toMatch(/^ {7}case: \[-States→\+states\]$/m);
    expect(text).toMatch(/^ {7}wording: \[-by-\]$/m);
    expect(text).toMatch(/^ {7}wording: \{\+two\+\}$/m);
  });

  it('counts typographic differences instead of marking them', () => {
    expect(flat).toContain('typography: 1 (quote marks, dashes, spacing; not counted as changes), e.g. [-,→+,]');
    expect(flat).not.toContain('no limits[-,');
  });

  it('shows words an ellipsis accounts for as editorial, not inline', () => {
    expect(text).toContain('     │ The sides call on all States … to build dialogue and mutual trust.\n');
    expect(flat).toContain('omission: [-to pursue well-being for all and-] (accounted for by an editorial mark)');
    expect(flat).toContain('mark: ellipsis “…”');
  });

  it('says the emphasized words are unknown for plain text, and names them when known', () => {
    expect(flat).toContain('mark: emphasis added “(Italics added)” — the emphasized words are unknown: the commentary is plain text');
    expect(flat).toContain('mark: emphasis in the original “(emphasis in original)” — emphasized: “mutual trust”');
  });

  it('shows the context the quotation cut off', () => {
    expect(text).toContain("     begins after: 'The sides believe that certain States,'");
  });

  it('lists omitted paragraphs as compact ranges, and partly quoted ones', () => {
    expect(text).toMatch(/^Left out of the commentary\n {2}Not quoted at all \(3 of 8 paragraphs\): II\.2–II\.4\n {2}Partly quoted \(the rest left out\): I\.1\n$/m);
  });

  it('stays within the width and uses no colour unless asked', () => {
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/\u001b\[/);
    const narrow = formatTextReport(report, { ...options, width: 60 });
    for (const line of narrow.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('with colour, still writes every status word: colour is never the only signal', () => {
    const coloured = formatTextReport(report, { ...options, color: true });
    expect(coloured).toMatch(/\u001b\[32mverbatim\u001b\[39m/);
    expect(coloured).toMatch(/\u001b\[1m\u001b\[31mnot\u001b\[39m\u001b\[22m/);
    const stripped = coloured.replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(text);
  });

  it('says so when no passage comes from the source', () => {
    const empty = formatTextReport({ ...report, passages: [], omissions: [] }, options);
    expect(empty).toContain('No passage of the commentary comes from the source.');
    expect(empty).toContain('Passages     0: 0 quotations, 0 borrowings');
  });
});
