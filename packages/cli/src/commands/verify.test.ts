import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyResult } from '@verbatim/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusDir } from '../test-support/run-cli.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

const STATEMENT = 'joint-statement-2022-02-04';
const statementFile = join(corpusDir, 'joint-statement-2022-02-04.en.txt');
const statement = readFileSync(statementFile, 'utf8');

let store: TempStore;
beforeEach(() => {
  store = tempStore();
});
afterEach(() => store.remove());

describe('verbatim verify', () => {
  it('reports "identical" for the statement against its own file, and changes nothing', () => {
    const result = store.run(['verify', STATEMENT, statementFile]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^identical: all 67 paragraphs are the same as the official copy\.$/m);
  });

  it('reports exactly the edited paragraph and word, then --apply stores a confirmed new version', () => {
    const copy = join(store.dir, 'official.txt');
    writeFileSync(copy, statement.replace('Friendship between the two States has no limits', 'Friendship between the two States knows no limits'));
    const result = store.run(['verify', STATEMENT, copy]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^IV\.5 +differs$/m);
    expect(result.stdout).toContain('[-knows→+has] (wording)');
    expect(result.stdout).toMatch(/67 paragraphs: 66 identical, 0 typography only, 1 differing/);
    expect(result.stdout).toContain('Nothing was changed');

    const json = store.json<VerifyResult>(['verify', STATEMENT, copy, '--format', 'json']);
    expect(json.report.paragraphs.filter((p) => p.verdict !== 'identical').map((p) => p.locator)).toEqual(['IV.5']);
    expect(json.applied).toBeNull();

    const applied = store.run(['verify', STATEMENT, copy, '--apply']);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/Stored the official text as version 2 \(the old version is kept\); 66 paragraphs marked confirmed/);
    const shown = store.json<{ document: { version: number; paragraphs: Array<{ locator: string; verification: string }> }; versions: unknown[] }>([
      'show', STATEMENT, '--format', 'json',
    ]);
    expect(shown.document.version).toBe(2);
    expect(shown.versions).toHaveLength(2);
    expect(shown.document.paragraphs.find((p) => p.locator === 'IV.5')!.verification).toBe('confirmed');
  });

  it('refuses an empty copy, a binary one, another document, and an unknown id in one sentence', () => {
    const empty = join(store.dir, 'empty.txt');
    writeFileSync(empty, '');
    expectRefusal(store.run(['verify', STATEMENT, empty]), 'verify', 1, /is empty/);
    const binary = join(store.dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0, 0x42]));
    expectRefusal(store.run(['verify', STATEMENT, binary]), 'verify', 1, /binary/);
    const other = join(corpusDir, 'op-ed-expanding-sino-russian-cooperation.txt');
    expectRefusal(store.run(['verify', STATEMENT, other]), 'verify', 1, /looks like another document/);
    expectRefusal(store.run(['verify', 'no-such-id', statementFile]), 'verify', 1, /no document has the id "no-such-id"/);
  });
});
