import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../format/text-width.js';
import { runCli } from '../test-support/run-cli.js';
import { tempStore, type TempStore } from '../test-support/temp-store.js';

// Chinese and Japanese documents through the commands that lay text out for a terminal:
// every line within the width in terminal columns (a Chinese character takes two), text
// without spaces wrapped between its characters, columns lined up.

const fixture = (name: string) => fileURLToPath(new URL(`../test-support/cjk/${name}`, import.meta.url));
const STATEMENT = fixture('zh-statement.txt');
const COMMENTARY = fixture('zh-commentary.txt');
const NOTE = fixture('ja-note.txt');
const paragraphs = (file: string) => readFileSync(file, 'utf8').split(/\n\s*\n/).map((p) => p.trim());

const columnsOf = (output: string) => output.trimEnd().split('\n').map(displayWidth);
const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

let store: TempStore;
const env = { VERBATIM_CORPUS: '' };
beforeAll(() => {
  store = tempStore();
  for (const [file, kind, id] of [[STATEMENT, 'source', 'zh-statement'], [COMMENTARY, 'commentary', 'zh-commentary'], [NOTE, 'source', 'ja-note']] as const) {
    const added = store.run(['add', file, '--kind', kind, '--id', id, '--date', '2022-02-10'], { env });
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
  }
});
afterAll(() => store.remove());

/** `verbatim …` on a real terminal (a pseudo-terminal from script(1)) of the given width. */
function onTerminal(args: string[], columns: number): string {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', `stty cols ${columns} rows 50; exec ${command}`, '/dev/null'], {
    env: { ...process.env, ...env, VERBATIM_DB: store.database, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  expect(result.error).toBeUndefined();
  expect(result.status).toBe(0);
  return result.stdout.replaceAll('\r\n', '\n');
}

describe('verbatim align --format text, on a Chinese source and commentary', () => {
  const result = runCli(['align', STATEMENT, COMMENTARY]);

  it('finds the three quotations, verbatim', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Status       3 verbatim · 0 variant · 0 altered · 0 not found');
  });

  it('keeps every line within 80 columns, wrapping the long quotation between its characters', () => {
    for (const width of columnsOf(result.stdout)) expect(width).toBeLessThanOrEqual(80);
    const quoted = result.stdout.split('\n').filter((l) => l.startsWith('     │ '));
    const first = ['两国友好没有止境，合作没有禁区，加强战略协作不针对第三国，也不受第三国和', '国际形势变幻影响'];
    expect(quoted.slice(0, 2).map((l) => l.slice('     │ '.length))).toEqual(first);
    expect(displayWidth(quoted[0]!)).toBeGreaterThan(70);
  });

  it('cuts the context a quotation left out by columns, and wraps it too', () => {
    expect(result.stdout).toContain("     begins after: '三、双方强调，新型国家间关系超越冷战时期的军事政治同盟关系模\n       式，'\n");
  });
});

describe('verbatim list, with Chinese and Japanese titles', () => {
  it('off a terminal: every title in full, in a column that starts at the same place on every line', () => {
    const result = store.run(['list'], { env });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const titleColumn = lines[0]!.indexOf('TITLE');
    for (const [line, title] of lines.slice(1).map((l) => [l, paragraphs(l.includes('ja-note') ? NOTE : l.includes('zh-statement') ? STATEMENT : COMMENTARY)[0]!] as const)) {
      expect(line.slice(titleColumn)).toBe(title);
    }
  });

  it('on a terminal 70 columns wide: titles cut to fit, by columns, ending in …', () => {
    const lines = onTerminal(['list'], 70).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(displayWidth(line)).toBeLessThan(70);
    const titleColumn = lines[0]!.indexOf('TITLE');
    const titles = lines.slice(1).map((l) => l.slice(titleColumn));
    expect(titles).toContain('关于新时代国际关系…');
    // The decomposed voiced marks (カ + U+3099) stay with their letters.
    expect(titles).toContain('日本語のメモ：カ\u3099イ…');
    // One that fits its 20 columns is left whole.
    expect(titles).toContain(paragraphs(COMMENTARY)[0]);
  });
});

describe('verbatim show, on a Chinese source', () => {
  const show = (columns?: number) => (columns ? onTerminal(['show', 'zh-statement'], columns) : store.run(['show', 'zh-statement'], { env }).stdout);

  it('wraps the title and each paragraph between their characters, under their labels, within the width', () => {
    for (const columns of [undefined, 64]) {
      const output = show(columns);
      const title = output.slice(output.indexOf('Title'), output.indexOf('Kind'));
      expect(title.split('\n').length).toBeGreaterThan(1);
      for (const width of columnsOf(title)) expect(width).toBeLessThanOrEqual(columns ?? 80);
      for (const width of columnsOf(output.slice(output.indexOf('Paragraphs (4)')))) expect(width).toBeLessThanOrEqual(columns ?? 80);
      // ¶1: its lines, the locator's indent taken off, give back the paragraph.
      const lines = output.split('\n');
      const start = lines.findIndex((l) => l.startsWith('  ¶1 '));
      const end = lines.findIndex((l, i) => i > start && l.startsWith('  ¶2 '));
      const paragraph = lines.slice(start, end).map((l, i) => (i === 0 ? l.slice('  ¶1     '.length) : l.trimStart()));
      expect(paragraph.length).toBeGreaterThan(2);
      expect(paragraph.join('')).toBe(paragraphs(STATEMENT)[1]);
    }
  });
});
