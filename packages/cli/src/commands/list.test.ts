import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSummary } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../test-support/run-cli.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

/** What corpus/ ships: each *.meta.json's id, kind and checksum. */
const shipped = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.meta.json'))
  .map((f) => JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as { id: string; kind: string; sha256: string; title: string });

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim list', () => {
  it('lists the corpus documents as JSON, loaded on first use', () => {
    const documents = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    expect(documents.map((d) => d.id).sort()).toEqual(shipped.map((m) => m.id).sort());
    for (const meta of shipped) {
      expect(documents.find((d) => d.id === meta.id)).toMatchObject({ kind: meta.kind, sha256: meta.sha256, title: meta.title, version: 1 });
    }
    // The op-ed quotes the statement: both are linked by the same passages.
    const statement = documents.find((d) => d.id === 'joint-statement-2022-02-04')!;
    expect(statement.passages).toBeGreaterThan(0);
  });

  it('loads the corpus only once: listing again changes nothing', () => {
    const first = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    const second = store.json<DocumentSummary[]>(['list', '--format', 'json']);
    expect(second).toEqual(first);
  });

  it('prints a table with a heading, one row per document, the title last', () => {
    const result = store.run(['list']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +KIND +DATE +PASSAGES +TITLE$/);
    expect(lines).toHaveLength(1 + shipped.length);
    expect(result.stdout).toMatch(/^joint-statement-2022-02-04 +source +2022-02-04 +\d+ {2}Joint Statement of the Russian Federation/m);
    expect(result.stdout).toMatch(/^op-ed-expanding-sino-russian-cooperation {2}commentary {2}2022-02 +\d+ {2}Expanding Sino-Russian cooperation$/m);
  });

  it('lists nothing, and says how to add something, when VERBATIM_CORPUS is empty', () => {
    const empty = tempStore();
    try {
      expect(empty.json(['list', '--format', 'json'], { env: { VERBATIM_CORPUS: '' } })).toEqual([]);
      expect(empty.run(['list'], { env: { VERBATIM_CORPUS: '' } }).stdout).toMatch(/^No documents are stored yet; add one with "verbatim add <file> --kind source\|commentary"\.$/m);
    } finally {
      empty.remove();
    }
  });

  it('refuses a VERBATIM_CORPUS that is not a folder (exit 1) and arguments it does not take (exit 2)', () => {
    expectRefusal(store.run(['list'], { env: { VERBATIM_CORPUS: join(store.dir, 'no-such-corpus') } }), 'list', 1, /VERBATIM_CORPUS names "[^"]*no-such-corpus", which is not a folder/);
    expectRefusal(store.run(['list', 'sources']), 'list', 2, /too many arguments; usage: verbatim list/);
    expectRefusal(store.run(['list', '--format', 'yaml']), 'list', 2, /unknown format "yaml"/);
  });

  it('refuses a database file that is not a database, in one sentence', () => {
    const notADatabase = join(store.dir, 'notes.db');
    writeFileSync(notADatabase, 'These are notes, not an SQLite database.\n'.repeat(200));
    const result = store.run(['list'], { env: { VERBATIM_DB: notADatabase } });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^verbatim list: [^\n]+\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a kind or a limit it does not know, in one sentence each', () => {
    expectRefusal(store.run(['list', '--kind', 'essay']), 'list', 2, /: --kind takes source or commentary, not "essay"\.\n$/);
    expectRefusal(store.run(['list', '--limit', '0']), 'list', 2, /: --limit takes a whole number of documents, at least 1, not "0"\.\n$/);
    expectRefusal(store.run(['list', '--limit', 'all']), 'list', 2, /: --limit takes a whole number of documents, at least 1, not "all"\.\n$/);
  });
});

describe('verbatim list of a corpus larger than a page of the store (1,000)', () => {
  const SOURCES = 1_003;
  let big: TempStore;
  beforeAll(() => {
    big = tempStore();
    const lines = Array.from({ length: SOURCES }, (_, n) =>
      JSON.stringify({ kind: 'source', id: `communique-${String(n).padStart(4, '0')}`, title: `Communiqué ${n}`, date: `2019-01-${String((n % 28) + 1).padStart(2, '0')}`, text: `Communiqué ${n}\n\nThe ${n}th session agreed on nothing further.` }),
    );
    writeFileSync(join(big.dir, 'communiques.jsonl'), `${lines.join('\n')}\n`);
    const added = big.run(['add', '--jsonl', join(big.dir, 'communiques.jsonl')]);
    expect(added.status, added.stderr).toBe(0);
  }, 120_000);
  afterAll(() => big?.remove());

  it('lists every document, each once, in the order promised, over more than one page', () => {
    const documents = big.json<DocumentSummary[]>(['list', '--format', 'json']);
    expect(documents).toHaveLength(SOURCES + shipped.length);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
    // Sources first, then by date, title and id.
    const keys = documents.map((d) => [d.kind === 'source' ? 0 : 1, d.date ?? '\uffff', d.title, d.id].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    const table = big.run(['list']);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(1 + SOURCES + shipped.length);
  });

  it('shows the first N with --limit, newest first with --newest, and says on stderr how many there are', () => {
    const newest = big.run(['list', '--kind', 'source', '--newest', '--limit', '1002', '--format', 'json']);
    expect(newest.status).toBe(0);
    const documents = JSON.parse(newest.stdout) as DocumentSummary[];
    expect(documents).toHaveLength(1002);
    expect(documents[0]!.id).toBe('joint-statement-2022-02-04');
    expect(documents.every((d) => d.kind === 'source')).toBe(true);
    expect(newest.stderr).toBe(`verbatim list: 1,002 of ${(SOURCES + 1).toLocaleString('en-US')} documents shown; give a larger --limit, or none, for more.\n`);
    expect(big.run(['list', '--kind', 'commentary']).stdout).toMatch(/^ID +KIND +DATE +PASSAGES +TITLE\nop-ed-expanding-sino-russian-cooperation /);
  });
});
