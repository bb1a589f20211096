import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlignmentReport } from '@verbatim/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, repoRoot, runCli } from '../test-support/run-cli.js';
import { tempStore, type TempStore } from '../test-support/temp-store.js';

// `verbatim align` reads HTML and Markdown as `verbatim add` does: the same text, the same
// emphasis, so the same report. The HTML is the op-ed as a web page: a <title> and an <h1>
// with the headline, three stretches in <em> inside the passages it marks "(Italics added)".
const STATEMENT = join(corpusDir, 'joint-statement-2022-02-04.en.txt');
const HTML = join(repoRoot, 'fixtures', 'op-ed-with-italics.html');

let dir: string;
let store: TempStore;
const tmp = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-align-formats-'));
  copyFileSync(HTML, tmp('page.html'));
  copyFileSync(HTML, tmp('page.saved'));
  copyFileSync(HTML, tmp('page-as-text.txt'));
  writeFileSync(
    tmp('note.md'),
    '# A note\n\nThe sides hold that “democracy is *a universal human value*, rather than a privilege of a limited number of States” (emphasis added).\n',
  );
  store = tempStore();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  store.remove();
});

const alignJson = (args: string[]) => {
  const result = runCli(['align', ...args, '--format', 'json'], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as AlignmentReport;
};

/** A report without the documents' names, which depend on where it was made. */
const findings = (r: AlignmentReport) => ({ commentary: { sha256: r.commentary.sha256, length: r.commentary.length }, passages: r.passages, omissions: r.omissions, coverage: r.coverage });

// Each test runs the CLI a few times, in child processes on a shared machine.
describe('verbatim align on HTML', { timeout: 30_000 }, () => {
  it('reads the page’s text, not its tags: the quotations keep their verdicts, the headline counts once', () => {
    const fromHtml = alignJson([STATEMENT, 'page.html']);
    const fromText = JSON.parse(runCli(['align', STATEMENT, join(corpusDir, 'op-ed-expanding-sino-russian-cooperation.txt'), '--format', 'json']).stdout) as AlignmentReport;
    expect(fromHtml.passages.map((p) => [p.kind, p.status, p.source?.locator])).toEqual(fromText.passages.map((p) => [p.kind, p.status, p.source?.locator]));
    const text = readFileSync(HTML, 'utf8');
    for (const p of fromHtml.passages) expect(p.commentary.text).not.toMatch(/<|>/);
    expect(text).toContain('<script>');
  });

  it('knows which words the page set in italics inside the passages it marks “(Italics added)”', () => {
    const report = alignJson([STATEMENT, 'page.html']);
    const emphasized = report.passages.flatMap((p) => p.marks.flatMap((m) => ('emphasized' in m && m.emphasized ? m.emphasized.map((s) => s.text) : [])));
    expect(emphasized).toEqual([
      'to respect the sovereignty, security and interests of other countries',
      'democracy is a universal human value',
      'to monopolise the right to assess the level of compliance with democratic criteria',
    ]);
  });

  it('gives the report `verbatim add` stores for the same file', () => {
    const added = store.json<{ document: { id: string } }>(['add', join(dir, 'page.html'), '--kind', 'commentary', '--format', 'json']);
    const exported = store.json<{ alignments: Array<{ source: { id: string }; report: AlignmentReport }> }>(['export', added.document.id]);
    const stored = exported.alignments.find((a) => a.source.id === 'joint-statement-2022-02-04')!.report;
    expect(findings(alignJson([STATEMENT, 'page.html']))).toEqual(findings(stored));
  });

  it('takes --input-format (both files) or --commentary-format over the extension', () => {
    const html = findings(alignJson([STATEMENT, 'page.html']));
    copyFileSync(STATEMENT, tmp('statement.saved'));
    expect(findings(alignJson([STATEMENT, 'page.saved', '--commentary-format', 'html']))).toEqual(html);
    expect(findings(alignJson(['statement.saved', 'page.saved', '--input-format', 'html', '--source-format', 'text']))).toEqual(html);
    expect(findings(alignJson([STATEMENT, 'page-as-text.txt', '--commentary-format', 'html']))).toEqual(html);
    // Read as the plain text it claims to be, the page's tags are words of the commentary.
    const asText = alignJson([STATEMENT, 'page-as-text.txt']);
    expect(asText.commentary.length).toBe(readFileSync(HTML, 'utf8').length);
  });

  it('refuses an extension that says nothing, and an unknown --input-format, in one sentence', () => {
    const unknown = runCli(['align', STATEMENT, 'page.saved'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('verbatim align: cannot tell the format of "page.saved" from the extension ".saved"; give --input-format text, markdown or html.\n');
    const wrong = runCli(['align', STATEMENT, 'missing.html', '--input-format', 'pdf'], { cwd: dir });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('verbatim align: unknown input format "pdf"; use --input-format text, markdown or html.\n');
  });
});

describe('verbatim align on Markdown', () => {
  it('reads *…* as emphasis, and the marker “(emphasis added)” names those words', () => {
    const report = alignJson([STATEMENT, 'note.md']);
    expect(report.commentary.length).toBeLessThan(readFileSync(tmp('note.md'), 'utf8').length);
    const marks = report.passages.flatMap((p) => p.marks).filter((m) => m.type === 'emphasis-added');
    expect(marks).toHaveLength(1);
    expect(marks.flatMap((m) => ('emphasized' in m && m.emphasized ? m.emphasized.map((s) => s.text) : []))).toEqual(['a universal human value']);
  });
});
