import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../test-support/temp-store.js';

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim add <folder> and --jsonl', () => {
  it('loads a folder in batches, lists what it refused and why, and adds nothing the second time', () => {
    const folder = join(store.dir, 'sources');
    mkdirSync(join(folder, 'more'), { recursive: true });
    for (let i = 0; i < 5; i++) writeFileSync(join(folder, `note-${i}.txt`), `Harbour note ${i}\n\nThe delegations reviewed the grain corridor number ${i} and the railway pipeline.\n`);
    writeFileSync(join(folder, 'more', 'brief.md'), '# A brief\n\nThe *fisheries* treaty was ratified.\n');
    writeFileSync(join(folder, 'empty.txt'), '   \n');
    writeFileSync(join(folder, 'ignored.json'), '{}');

    const first = store.run(['add', folder, '--kind', 'source', '--batch', '2']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^Loaded .*sources\/: 7 documents in 4 batches/);
    expect(first.stdout).toMatch(/^ {2}added {11}6$/m);
    expect(first.stdout).toMatch(/^ {2}refused {9}1$/m);
    expect(first.stdout).toContain('  empty.txt: The document is empty: it has no text to store.');

    const again = store.run(['add', folder, '--kind', 'source', '--format', 'json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, existing: 6, refused: [{ what: 'empty.txt' }] });
  });

  it('loads JSON lines; a bad line is refused with its number and never stops the load', () => {
    const file = join(store.dir, 'docs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ text: 'A communiqué on reservoirs and irrigation, issued after the summit.', kind: 'source', title: 'Reservoirs' }),
        '{not json',
        JSON.stringify({ text: 'No kind given here.' }),
        JSON.stringify({ text: 'The statement says “the sides oppose further enlargement of NATO and call on the North Atlantic Alliance”.', kind: 'commentary', title: 'A reading' }),
      ].join('\n'),
    );
    const result = store.run(['add', '--jsonl', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}added {11}2$/m);
    expect(result.stdout).toContain('  line 2: is not valid JSON');
    expect(result.stdout).toContain('  line 3: says neither "kind" nor is --kind given');
    // The commentary was aligned with the statement as it was stored.
    const list = store.json<Array<{ title: string; passages: number }>>(['list', '--format', 'json']);
    expect(list.find((d) => d.title === 'A reading')?.passages).toBe(1);
  });
});
