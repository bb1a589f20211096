import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitParagraphs } from '@verbatim/core';
import { alignDocuments, ingestText } from '@verbatim/store';
import { describe, expect, it } from 'vitest';
import { seedPair } from '../test-support/seed';
import { elements, textOf, type ElementNode } from '../text/nest';
import { buildComparison } from './comparison';
import type { DocumentText, Mark } from './model';

// A reading in Markdown that quotes IV.5 three times — in its heading, whole, and in part — and
// marks its emphasis three ways: "(emphasis mine)", "(emphasis added)", "(italics in original)".
const markdown = readFileSync(fileURLToPath(new URL('../../../../../fixtures/a-reading-with-emphasis.md', import.meta.url)), 'utf8');

function comparison() {
  const { source } = seedPair();
  const ingested = ingestText(markdown, 'markdown');
  const report = alignDocuments({ text: source.text, format: 'text', emphasis: [] }, ingested);
  const commentary: DocumentText = {
    id: 'a-reading',
    title: 'A reading',
    text: ingested.text,
    emphasis: ingested.emphasis,
    paragraphs: splitParagraphs(ingested.text).map((p) => ({ ...p, section: p.section ?? null, title: false, verification: null, verificationNote: null })),
  };
  return { view: buildComparison({ report, source, commentary }), source, commentary };
}

type PassageElement = ElementNode<Mark> & { data: Extract<Mark, { kind: 'passage' }> };

describe('passages inside passages, and what each emphasis marker says', () => {
  const { view, source } = comparison();
  const passageElements = (side: 'source' | 'commentary') =>
    [...elements(view[side])].filter((e) => e.data.kind === 'passage') as PassageElement[];

  it('gives each of the three quotations of IV.5 its own element in the source, the two shorter inside the whole one', () => {
    const iv5 = view.passages.filter((p) => p.locator === 'IV.5');
    expect(iv5).toHaveLength(3);
    const els = passageElements('source');
    expect(els.map((e) => e.data.passage.id).sort()).toEqual(view.passages.map((p) => p.id).sort());
    const host = els.find((e) => !e.data.nested && e.data.passage.locator === 'IV.5')!;
    const inner = [...elements(host.children)].filter((e) => e.data.kind === 'passage') as PassageElement[];
    expect(inner.map((e) => e.data.passage.n).sort()).toEqual([1, 3]);
    for (const e of [host, ...inner]) expect(textOf(e.children)).toBe(e.data.passage.source!.text);
    expect(inner.every((e) => e.data.nested)).toBe(true);
    expect(textOf(view.source)).toBe(source.text);
  });

  it('says “mine”, “added” and “in original” as the markers do', () => {
    expect(view.passages.flatMap((p) => p.emphasis.map((e) => [e.marker, e.kind]))).toEqual([
      ['(emphasis mine)', 'mine'],
      ['(emphasis added)', 'added'],
      ['(italics in original)', 'original'],
    ]);
    const markers = [...elements(view.commentary)].flatMap((e) => (e.data.kind === 'emphasis-marker' ? [e.data.emphasis] : []));
    expect(markers).toEqual(['mine', 'added', 'original']);
  });
});
