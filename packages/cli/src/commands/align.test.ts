import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { splitParagraphs, type AlignmentReport } from '@verbatim/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir, findReportSchema, repoRoot, runCli, type CliResult } from '../test-support/run-cli.js';

const STATEMENT = join(corpusDir, 'joint-statement-2022-02-04.en.txt');
const OP_ED = join(corpusDir, 'op-ed-expanding-sino-russian-cooperation.txt');
/** The seed pair as a user types it at the repository root (SPEC §3). */
const SEED_PAIR = ['corpus/joint-statement-2022-02-04.en.txt', 'corpus/op-ed-expanding-sino-russian-cooperation.txt'];
const atRoot = { cwd: repoRoot };
const MB = 1024 * 1024;
// ajv is CommonJS: under NodeNext its class is the `default` export of the default import.
const Ajv = Ajv2020.default;

let dir: string;
/** A file in the test's temporary folder. */
const tmp = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
  writeFileSync(tmp('ok.txt'), 'The sides share the understanding that democracy is a universal human value.\n');
  writeFileSync(tmp('empty.txt'), '');
  writeFileSync(tmp('blank.txt'), ' \n\t\r\n  \n');
  writeFileSync(tmp('bom-only.txt'), '\uFEFF');
  writeFileSync(tmp('binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  writeFileSync(tmp('text-with-nul.txt'), Buffer.concat([Buffer.from('The sides believe'), Buffer.from([0]), Buffer.from(' that')]));
  // "café" in Latin-1: é is the single byte 0xE9, which starts no valid UTF-8 sequence here.
  writeFileSync(tmp('latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(tmp('utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The sides believe', 'utf16le')]));
  writeFileSync(tmp('huge.txt'), Buffer.alloc(50 * MB, 'a'));
  writeFileSync(tmp('just-over.txt'), Buffer.alloc(5 * MB + 1, 'a'));
  mkdirSync(tmp('a-folder'));
  writeFileSync(tmp('statement-with-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(STATEMENT)]));
  copyFileSync(OP_ED, tmp('op-ed.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit status, nothing on stdout, and one sentence on stderr: no stack trace. */
function expectRefusal(result: CliResult, status: 1 | 2, pattern: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^verbatim align: [^\n]+\.\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status).toBe(status);
}

describe('verbatim align refuses bad input files (exit 1)', () => {
  it('a file that does not exist', () => {
    expectRefusal(runCli(['align', tmp('nope.txt'), tmp('ok.txt')]), 1, /"[^"]*nope\.txt" does not exist\./);
  });

  it('a folder', () => {
    expectRefusal(runCli(['align', tmp('a-folder'), tmp('ok.txt')]), 1, /"[^"]*a-folder" is a folder, not a file\./);
  });

  it('a 50 MB file, naming its size and the limit', () => {
    expectRefusal(runCli(['align', tmp('huge.txt'), tmp('ok.txt')]), 1, /"[^"]*huge\.txt" is 50\.0 MB; the limit is 5\.0 MB\./);
  });

  it('a file one byte over the 5 MB limit, in exact bytes', () => {
    expectRefusal(runCli(['align', tmp('just-over.txt'), tmp('ok.txt')]), 1, /is 5242881 bytes; the limit is 5242880 bytes\./);
  });

  it('binary content (NUL bytes)', () => {
    expectRefusal(runCli(['align', tmp('binary.bin'), tmp('ok.txt')]), 1, /"[^"]*binary\.bin" is a binary file \(it contains NUL bytes\), not text\./);
    expectRefusal(runCli(['align', tmp('ok.txt'), tmp('text-with-nul.txt')]), 1, /text-with-nul\.txt" is a binary file/);
  });

  it('content that is not UTF-8, saying where', () => {
    expectRefusal(
      runCli(['align', tmp('latin1.txt'), tmp('ok.txt')]),
      1,
      /"[^"]*latin1\.txt" is not UTF-8 text \(the first invalid byte is at offset 3\); save it as UTF-8 and try again\./,
    );
  });

  it('UTF-16 text, by name rather than as binary', () => {
    expectRefusal(runCli(['align', tmp('utf16.txt'), tmp('ok.txt')]), 1, /utf16\.txt" is UTF-16 text; save it as UTF-8/);
  });

  it('an empty file, a whitespace-only file, and a file that is only a byte order mark', () => {
    expectRefusal(runCli(['align', tmp('empty.txt'), tmp('ok.txt')]), 1, /"[^"]*empty\.txt" is empty\./);
    expectRefusal(runCli(['align', tmp('ok.txt'), tmp('blank.txt')]), 1, /"[^"]*blank\.txt" contains only white space\./);
    expectRefusal(runCli(['align', tmp('bom-only.txt'), tmp('ok.txt')]), 1, /"[^"]*bom-only\.txt" is empty\./);
  });

  it('names the file as the user typed it, relative names included', () => {
    expectRefusal(runCli(['align', 'ok.txt', 'missing.txt'], { cwd: dir }), 1, /^verbatim align: "missing\.txt" does not exist\.$/m);
  });
});

describe('verbatim align refuses a wrong command line (exit 2)', () => {
  it('no files, one file, three files', () => {
    for (const files of [[], [tmp('ok.txt')], [tmp('ok.txt'), tmp('ok.txt'), tmp('ok.txt')]]) {
      expectRefusal(
        runCli(['align', ...files]),
        2,
        new RegExp(`expected 2 files, a source and a commentary, but got ${files.length}; usage: verbatim align <source-file> <commentary-file>`),
      );
    }
  });

  it('an unknown --format', () => {
    expectRefusal(runCli(['align', tmp('ok.txt'), tmp('ok.txt'), '--format', 'xml']), 2, /unknown format "xml"; use --format text or --format json\./);
  });

  it('--format without a value', () => {
    expectRefusal(runCli(['align', tmp('ok.txt'), tmp('ok.txt'), '--format']), 2, /--format needs a value/);
  });

  it('an unknown option', () => {
    expectRefusal(runCli(['align', tmp('ok.txt'), tmp('ok.txt'), '--colour']), 2, /unknown option --colour; usage: verbatim align/);
  });

  it('checks the command line before reading any file', () => {
    expectRefusal(runCli(['align', tmp('nope.txt'), tmp('ok.txt'), '--format', 'xml']), 2, /unknown format "xml"/);
  });
});

describe('verbatim align on the corpus: the joint statement and the op-ed', () => {
  it('prints, with --format json, a report that conforms to the schema', () => {
    const result = runCli(['align', ...SEED_PAIR, '--format', 'json'], atRoot);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as AlignmentReport;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(findReportSchema(), 'utf8')));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.passages.length).toBeGreaterThan(0);
    // The metadata files beside the corpus documents give the report its ids and titles.
    expect(report.source.id).toBe('joint-statement-2022-02-04');
    expect(report.commentary.title).toBe('Expanding Sino-Russian cooperation');
  });

  it('prints, with --format text (the default), each status and every locator', () => {
    const json = JSON.parse(runCli(['align', ...SEED_PAIR, '--format', 'json'], atRoot).stdout) as AlignmentReport;
    const result = runCli(['align', ...SEED_PAIR], atRoot);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(text).not.toMatch(/\u001b\[/); // not a terminal: no colour
    expect(text).toMatch(/^Source +corpus\/joint-statement-2022-02-04\.en\.txt$/m);
    expect(text).toMatch(/^Commentary +corpus\/op-ed-expanding-sino-russian-cooperation\.txt$/m);
    expect(text).toMatch(/^Status +\d+ verbatim · \d+ variant · \d+ altered · \d+ not found$/m);
    expect(text).toMatch(/^Coverage +\d+\.\d% of the source is quoted/m);
    const flat = text.replace(/\s+/g, ' ');
    const inCommentaryOrder = [...json.passages].sort((a, b) => a.commentary.start - b.commentary.start);
    inCommentaryOrder.forEach((passage, i) => {
      const status = passage.status === 'not_found' ? 'not found' : passage.status;
      const where = passage.source ? `source ${passage.source.locator}` : 'not in the source';
      expect(flat).toMatch(new RegExp(`${i + 1}\\. ${passage.kind} · ${status} · (commentary ¶\\S+ → )?${escape(where)}`));
    });
    // The printed ranges, expanded again, are exactly the paragraphs the report omits.
    const paragraphs = splitParagraphs(readFileSync(STATEMENT, 'utf8')).map((p) => p.locator);
    const listed = (label: string) => expandRanges(listAfter(text, label), paragraphs);
    expect(listed('Not quoted at all')).toEqual(new Set(json.omissions.filter((o) => o.whole).map((o) => o.locator)));
    expect(listed('Partly quoted')).toEqual(new Set(json.omissions.filter((o) => !o.whole).map((o) => o.locator)));
    expect(flat).toContain("begins after: 'The sides believe that certain States,'");
    expect(text).toMatch(/\[-by-\]/);
    expect(text).toMatch(/\[-Russia→\+Russian\]/);
    expect(flat).toContain('the emphasized words are unknown: the commentary is plain text');
    expect(text).toMatch(/^ {2}Not quoted at all \(\d+ of \d+ paragraphs\): 0\.1–0\.4, /m);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('names every place a passage fits equally, and which one its differences and context are shown against', () => {
    const result = runCli(['align', SEED_PAIR[0]!, 'packages/core/test-commentaries/repeated-formulas.txt'], atRoot);
    expect(result.stderr).toBe('');
    const flat = result.stdout.replace(/\s+/g, ' ');
    // A quotation missing its closing mark, and a borrowing: each a formula the statement repeats.
    expect(flat).toContain('1. quotation · verbatim · commentary ¶1 → source 0.3, III.5 or III.21, equally · similarity 1.00 · (closing quotation mark missing)');
    expect(flat).toContain('fits 3 places of the source equally; compared below with the first, 0.3');
    expect(flat).toContain('2. borrowing · verbatim · commentary ¶2 → source I.5, II.4 or II.5, equally · similarity 1.00');
    expect(flat).toContain('fits 3 places of the source equally; compared below with the first, I.5');
    expect(flat).toContain('3. quotation · verbatim · commentary ¶4 → source III.20 or IV.9, equally · similarity 1.00 · (opening quotation mark missing)');
    for (const line of result.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('strips a UTF-8 byte order mark: the report is the same as without it', () => {
    const plain = JSON.parse(runCli(['align', ...SEED_PAIR, '--format', 'json'], atRoot).stdout) as AlignmentReport;
    const result = runCli(['align', 'statement-with-bom.txt', 'op-ed.txt', '--format', 'json'], { cwd: dir });
    expect(result.stderr).toBe('');
    const withBom = JSON.parse(result.stdout) as AlignmentReport;
    expect(withBom.source.sha256).toBe(plain.source.sha256);
    expect(withBom.source.length).toBe(plain.source.length);
    expect(withBom.passages.map((p) => [p.source?.start, p.source?.end])).toEqual(plain.passages.map((p) => [p.source?.start, p.source?.end]));
  });
});

/** The list after `  <label> …:`, its wrapped lines (indented further) joined. */
function listAfter(text: string, label: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${label}`));
  if (at < 0) return '';
  const parts = [lines[at]!.slice(lines[at]!.indexOf(': ') + 2)];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('    ')) break;
    parts.push(line.trim());
  }
  return parts.join(' ');
}

/** `0.1–0.3, I.2` → {0.1, 0.2, 0.3, I.2}, in terms of the source's paragraph order. */
function expandRanges(list: string, order: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const item of list.split(/,\s*/).map((i) => i.trim()).filter(Boolean)) {
    const [first, last = first] = item.split('–') as [string, string?];
    const [from, to] = [order.indexOf(first), order.indexOf(last)];
    expect(from, `${first} is a locator of the statement`).toBeGreaterThanOrEqual(0);
    for (let i = from; i <= to; i++) out.add(order[i]!);
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
