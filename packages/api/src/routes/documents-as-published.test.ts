import fs from 'node:fs';
import { align } from '@verbatim/core';
import { ingestText } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openTestApp, STATEMENT, type TestApp } from '../test-support/app.js';

// One verdict in every door: commentaries as outside writers publish them — a saved news
// page, a think-tank note with its own emphasis, a Markdown blog post — added through the API
// get the report the engine gives for the text a reader sees of them (the CLI's align and
// check read them the same way; their tests hold them to it).
const fixture = (name: string) => fs.readFileSync(new URL(`../../../store/src/ingest/fixtures/${name}`, import.meta.url), 'utf8');
const statement = fs.readFileSync(new URL('../../../../corpus/joint-statement-2022-02-04.en.txt', import.meta.url), 'utf8');

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

type Passage = { status: string; quotationMarks?: string; source?: { locator: string } | null; commentary: { start: number; end: number; text: string }; marks: unknown[] };
const reading = (p: Passage) => [p.status, p.quotationMarks ?? null, p.source?.locator ?? null, p.commentary.text, p.marks];

describe.each([
  ['harbour-herald-saved-page.html', 'html'],
  ['policy-note-emphasis.html', 'html'],
  ['no-limits-blog-post.md', 'markdown'],
] as const)('POST /api/documents with %s', (name, format) => {
  it('stores the text a reader sees and aligns it as the engine does, every passage slicing back to that text', async () => {
    const res = await t.app.request('/api/documents', json({ text: fixture(name), format, kind: 'commentary', title: name }));
    expect(res.status).toBe(201);
    const { id, text } = (await res.json()) as { id: string; text: string };
    const seen = ingestText(fixture(name), format);
    expect(text).toBe(seen.text);
    const report = (await (await t.app.request(`/api/alignments/${STATEMENT}/${id}`)).json()) as { passages: Passage[] };
    const expected = align(statement, seen.text, { commentaryEmphasis: seen.emphasis }).passages as unknown as Passage[];
    expect(report.passages.map(reading)).toEqual(expected.map(reading));
    expect(report.passages.length).toBeGreaterThanOrEqual(4);
    for (const p of report.passages) expect(text.slice(p.commentary.start, p.commentary.end)).toBe(p.commentary.text);
  });
});
