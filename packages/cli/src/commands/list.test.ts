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
});
