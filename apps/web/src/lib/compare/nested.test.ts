import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type StoredDocument } from '@verbatim/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { toDocumentText } from '../document-text';
import { CORPUS_DIR } from '../test-support/seed';
import { elements, textOf, type ElementNode } from '../text/nest';
import { buildComparison } from './comparison';
import type { Comparison, DocumentText, Mark, Report } from './model';

// A reading in Markdown that quotes IV.5 three times — in its heading, whole, and in part — and
// marks its emphasis three ways: "(emphasis mine)", "(emphasis added)", "(italics in original)".
const markdown = readFileSync(fileURLToPath(new URL('../../../../../fixtures/a-reading-with-emphasis.md', import.meta.url)), 'utf8');

/** The reading added through the API, as the page reads it back. */
async function comparison(): Promise<{ view: Comparison; source: DocumentText }> {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-web-nested-'));
  const { app, close } = await openApp({ dbPath: join(dir, 'verbatim.db'), corpusDir: CORPUS_DIR });
  try {
    const added = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: markdown, format: 'markdown', kind: 'commentary', title: 'A reading' }),
    });
    const { id } = (await added.json()) as { id: string };
    const get = async <T>(path: string) => (await (await app.request(path)).json()) as T;
    const [report, source, commentary] = await Promise.all([
      get<Report>(`/api/alignments/joint-statement-2022-02-04/${id}`),
      get<StoredDocument>('/api/documents/joint-statement-2022-02-04'),
      get<StoredDocument>(`/api/documents/${id}`),
    ]);
    const texts = { source: toDocumentText(source), commentary: toDocumentText(commentary) };
    return { view: buildComparison({ report, ...texts }), source: texts.source };
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type PassageElement = ElementNode<Mark> & { data: Extract<Mark, { kind: 'passage' }> };

describe('passages inside passages, and what each emphasis marker says', () => {
  let view: Comparison;
  let source: DocumentText;
  beforeAll(async () => ({ view, source } = await comparison()));
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
