import { beforeAll, describe, expect, it } from 'vitest';
import { render } from '../test-support/render';
import { COMMENTARY_ID, SOURCE_ID, seedPair, type Seed } from '../test-support/seed';
import { elements, textOf, type Node } from '../text/nest';
import { buildComparison } from './comparison';
import type { Comparison, Mark } from './model';

// The op-ed against the joint statement of 4 February 2022, as the API gives them.
let seed: Seed;
let view: Comparison;
beforeAll(async () => {
  seed = await seedPair();
  view = buildComparison(seed);
});

const marks = <K extends Mark['kind']>(nodes: Node<Mark>[], kind: K) =>
  [...elements(nodes)].filter((e): e is typeof e & { data: Extract<Mark, { kind: K }> } => e.data.kind === kind);

/** A passage's words as the page shows them: differences tagged, the other side's words in braces. */
function shown(nodes: Node<Mark>[]): string {
  return render(nodes, (d) => {
    if (d.kind === 'diff') return d.side === 'source' ? 'del' : 'ins';
    if (d.kind === 'ghost') return { open: `<${d.side === 'source' ? 'ins' : 'del'}>{${d.words}}`, close: `</${d.side === 'source' ? 'ins' : 'del'}>` };
    return null;
  });
}

describe('the comparison of the seed pair', () => {
  it('holds each text exactly, character for character, in its column', () => {
    expect(textOf(view.source)).toBe(seed.source.text);
    expect(textOf(view.commentary)).toBe(seed.commentary.text);
  });

  it('has the eight passages, numbered in commentary order: 2 verbatim and 6 altered, 6 quotations and 2 borrowings', () => {
    expect(seed.source.id).toBe(SOURCE_ID);
    expect(seed.commentary.id).toBe(COMMENTARY_ID);
    expect(view.passages.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const count = (f: (p: (typeof view.passages)[number]) => boolean) => view.passages.filter(f).length;
    expect(count((p) => p.status === 'verbatim')).toBe(2);
    expect(count((p) => p.status === 'altered')).toBe(6);
    expect(count((p) => p.kind === 'quotation')).toBe(6);
    expect(count((p) => p.kind === 'borrowing')).toBe(2);
  });

  it('gives every passage one element in each column, holding exactly its words', () => {
    for (const side of ['source', 'commentary'] as const) {
      const elementsOf = marks(view[side], 'passage');
      expect(elementsOf.map((e) => e.data.passage.id).sort()).toEqual(view.passages.map((p) => p.id).sort());
      for (const e of elementsOf) expect(textOf(e.children)).toBe(e.data.passage[side]!.text);
    }
  });

  it('marks “Russian” for “Russia” and the dropped “by” in IV.5, in both columns', () => {
    const iv5 = view.passages.find((p) => p.locator === 'IV.5')!;
    const inColumn = (side: 'source' | 'commentary') => shown(marks(view[side], 'passage').find((e) => e.data.passage.id === iv5.id)!.children);
    expect(inColumn('commentary')).toContain('relations between <ins>Russian</ins> and China');
    expect(inColumn('source')).toContain('relations between <del>Russia</del> and China');
    expect(inColumn('source')).toMatch(/<del>by<\/del>/);
    expect(inColumn('commentary')).toMatch(/<del>\{by\}<\/del>/);
    const russian = iv5.differences.find((d) => d.commentary.text === 'Russian')!;
    expect(russian.category).toBe('inflection');
    expect(russian.label).toBe('Inflection: “Russia” in the source, “Russian” in the commentary');
  });

  it('shows “two” of “The two sides” as words the commentary added', () => {
    const borrowing = view.passages.find((p) => p.kind === 'borrowing' && p.locator === 'III.6')!;
    const source = shown(marks(view.source, 'passage').find((e) => e.data.passage.id === borrowing.id)!.children);
    expect(source.startsWith('The<ins>{two}</ins> sides oppose')).toBe(true);
  });

  it('sets the three “(Italics added)” on their passages, the emphasized words unknown in plain text', () => {
    const markers = marks(view.commentary, 'emphasis-marker');
    expect(markers.map((m) => textOf(m.children))).toEqual(['(Italics added)', '(Italics added)', '(Italics added)']);
    const withEmphasis = view.passages.filter((p) => p.emphasis.length > 0);
    expect(markers.map((m) => m.data.passageId)).toEqual(withEmphasis.map((p) => p.id));
    expect(withEmphasis.every((p) => p.emphasis[0]!.emphasized === null)).toBe(true);
  });

  it('gives the cut-off context of the first quotation', () => {
    expect(view.passages[0]!.context.before).toBe('The sides believe that certain States,');
  });

  it('sets apart the paragraphs the op-ed leaves out, in runs: the preamble first', () => {
    expect(view.omissionGroups[0]).toMatchObject({ label: '0.1–0.4', paragraphs: 4 });
    const whole = seed.report.omissions.filter((o) => o.whole);
    const inGroups = marks(view.source, 'omission-group').flatMap((g) => marks(g.children, 'omitted'));
    expect(inGroups.map((o) => o.data.locator)).toEqual(whole.map((o) => o.locator));
    expect(view.omissionGroups.reduce((n, g) => n + g.paragraphs, 0)).toBe(whole.length);
  });

  it('puts each source paragraph’s locator at its start, with its verification', () => {
    const locators = marks(view.source, 'locator');
    expect(locators).toHaveLength(seed.source.paragraphs.filter((p) => !p.title).length);
    const i1 = locators.find((l) => l.data.locator === 'I.1')!;
    expect(i1.data.verification).toBe('confirmed');
    // The quotation takes I.1 from its first word and runs into I.2: both locators stand inside it.
    const spanning = marks(view.source, 'passage').find((e) => e.data.passage.locator === 'I.1–I.2')!;
    expect(marks(spanning.children, 'locator').map((l) => l.data.locator)).toEqual(['I.1', 'I.2']);
  });

  it('cuts each column into blocks of whole paragraphs at its top, none splitting a passage, for the page to lay out near the view only', () => {
    for (const side of ['source', 'commentary'] as const) {
      const top = view[side];
      expect(top.every((node) => node.type === 'element' && node.data.kind === 'block')).toBe(true);
      const starts = new Set(seed[side].paragraphs.map((p) => p.start));
      for (const block of top) expect(block.start === 0 || starts.has(block.start)).toBe(true);
      expect(top.length).toBeGreaterThan(5);
    }
    // I.1–I.2 is quoted across a paragraph break: one block holds both paragraphs.
    const spanning = view.passages.find((p) => p.locator === 'I.1–I.2')!.source!;
    expect(view.source.some((b) => b.start <= spanning.start && spanning.end <= b.end)).toBe(true);
    // A run of omitted paragraphs is deferred by itself, not by the block around it.
    const blocks = marks(view.source, 'block');
    const holders = blocks.filter((b) => marks(b.children, 'omission-group').length > 0);
    expect(holders.length).toBe(view.omissionGroups.length);
    expect(holders.every((b) => !b.data.deferred)).toBe(true);
    expect(blocks.filter((b) => b.data.deferred).length).toBe(blocks.length - holders.length);
  });

  it('draws the whole source in the overview: eight passage bands over the omitted ones', () => {
    const passages = view.bands.filter((b) => b.kind === 'passage');
    expect(passages).toHaveLength(8);
    for (const b of view.bands) {
      expect(b.from).toBeGreaterThanOrEqual(0);
      expect(b.to).toBeLessThanOrEqual(1);
      expect(b.to).toBeGreaterThan(b.from);
    }
    expect(view.ticks.map((t) => t.label)).toEqual(['I', 'II', 'III', 'IV']);
  });
});
