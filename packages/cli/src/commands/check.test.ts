import { copyFileSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '@verbatim/store';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

const QUESTION = "Russia and China said their friendship has 'no limits' and that they 'oppose any further enlargement of NATO'";
const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

// A news report saved from a browser: site menus, byline, share buttons, <q>, a <blockquote>
// without marks, footnote <sup>s. The store's ingestion tests read it too.
const SAVED_PAGE = fileURLToPath(new URL('../../../store/src/ingest/fixtures/harbour-herald-saved-page.html', import.meta.url));

describe('verbatim check on a saved web page', { timeout: 60_000 }, () => {
  const verdicts = (args: string[]) => {
    const result = store.run(['check', ...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    return { status: result.status, passages: (JSON.parse(result.stdout) as Omit<CheckResult, 'timing'>).passages.map((p) => [p.status, p.source?.locator ?? null, p.commentary.text]) };
  };
  const SEVEN_GENUINE = [
    ['verbatim', '0.3', 'humanity is entering a new era of rapid development and profound transformation.'],
    ['verbatim', 'IV.5', 'Friendship between the two States has no limits,'],
    ['verbatim', 'IV.5', 'there are no ‘forbidden’ areas of cooperation.'],
    ['verbatim', 'III.6', 'oppose further enlargement of NATO'],
    ['verbatim', 'III.6', 'ideologized cold war approaches'],
    ['verbatim', 'III.3', 'The Russian side reaffirms its support for the One-China principle, confirms that Taiwan is an inalienable part of China, and opposes any forms of independence of Taiwan.'],
    ['verbatim', 'III.4', 'oppose colour revolutions, and will increase cooperation in the aforementioned areas'],
  ];

  it('reads an .html file as add and align read it: the article’s seven quotations, genuine, and none of its tags or menus', () => {
    const page = join(store.dir, 'harbour-herald.html');
    copyFileSync(SAVED_PAGE, page);
    expect(verdicts([page])).toEqual({ status: 0, passages: SEVEN_GENUINE });
    const aligned = store.run(['align', fileURLToPath(new URL('../../../../corpus/joint-statement-2022-02-04.en.txt', import.meta.url)), page, '--format', 'json']);
    const report = JSON.parse(aligned.stdout) as { passages: { status: string; source?: { locator: string }; commentary: { text: string } }[] };
    expect(report.passages.map((p) => [p.status, p.source?.locator ?? null, p.commentary.text])).toEqual(SEVEN_GENUINE);
  });

  it('reads another extension as text unless --input-format says html', () => {
    const saved = join(store.dir, 'harbour-herald.saved');
    copyFileSync(SAVED_PAGE, saved);
    expect(verdicts([saved, '--input-format', 'html'])).toEqual({ status: 0, passages: SEVEN_GENUINE });
    const asText = store.run(['check', saved]);
    expect(asText.status).toBe(1);
    expect(asText.stdout).toContain('<nav>');
    const wrong = store.run(['check', saved, '--input-format', 'pdf']);
    expect([wrong.status, wrong.stderr.trim()]).toEqual([2, 'verbatim check: unknown input format "pdf"; use --input-format text, markdown or html.']);
  });
});

describe('verbatim check', () => {
  it('answers the fact-checker: "no limits" verbatim in IV.5, the NATO sentence altered in III.6 by the quoter’s "any"; exit 1', () => {
    const result = store.run(['check', QUESTION]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^Checked +2 passages against the 1 source of the corpus$/m);
    expect(result.stdout).toMatch(/1\. quotation · verbatim · source IV\.5/);
    expect(result.stdout).toMatch(/2\. quotation · altered · source III\.6/);
    expect(result.stdout).toContain('│ oppose {+any+} further enlargement of NATO');
    expect(result.stdout).toContain("begins after: 'The sides'");
    expect(result.stdout).toMatch(/in: Joint Statement of the Russian Federation/);
    expect(result.stdout).toMatch(/\n1 passage is not genuine: altered\.\n$/);
  });

  it('exits 0 when every quotation is genuine', () => {
    const result = store.run(['check', "Russia and China said their friendship has 'no limits'"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/The quotation is genuine\.\n$/);
  });

  it('gives the same verdicts as JSON, from an argument, standard input and a file', () => {
    const parse = (r: { status: number | null; stdout: string; stderr: string }) => {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      return JSON.parse(r.stdout) as Omit<CheckResult, 'timing'>;
    };
    const fromArgument = parse(store.run(['check', QUESTION, '--format', 'json']));
    expect(fromArgument.passages.map((p) => [p.status, p.commentary.text, p.document?.id, p.source?.locator])).toEqual([
      ['verbatim', 'no limits', 'joint-statement-2022-02-04', 'IV.5'],
      ['altered', 'oppose any further enlargement of NATO', 'joint-statement-2022-02-04', 'III.6'],
    ]);
    expect(fromArgument).toMatchObject({ sourcesSearched: 1 });
    expect(fromArgument).not.toHaveProperty('timing');

    const stdin = spawnSync(process.execPath, [bin, 'check', '-', '--format', 'json'], {
      input: QUESTION,
      encoding: 'utf8',
      env: { ...process.env, VERBATIM_DB: store.database },
    });
    expect(parse(stdin)).toEqual(fromArgument);

    const file = join(store.dir, 'draft.txt');
    writeFileSync(file, QUESTION);
    expect(parse(store.run(['check', file, '--format', 'json']))).toEqual(fromArgument);
  });

  it('gives, bundled as bin/verbatim.js runs it (dist/check.cjs), what it gives run from its modules', async () => {
    const env: Record<string, string | undefined> = { ...process.env, VERBATIM_DB: store.database };
    delete env.VERBATIM_DEBUG;
    for (const args of [[QUESTION], [QUESTION, '--format', 'json'], ['x', '--input-format', 'yaml'], ['   ']]) {
      const bundled = store.run(['check', ...args]);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const status = await main(['check', ...args], { stdout: { write: (s: string) => stdout.push(s) }, stderr: { write: (s: string) => stderr.push(s) }, env });
      expect({ status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr }).toEqual({ status, stdout: stdout.join(''), stderr: stderr.join('') });
    }
  });

  it('writes the same report to a file as to a pipe, and stops quietly, with its verdict, when the reader closes early', async () => {
    const env = { ...process.env, VERBATIM_DB: store.database };
    const piped = spawnSync(process.execPath, [bin, 'check', QUESTION], { encoding: 'utf8', env });
    const file = join(store.dir, 'report.txt');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, [bin, 'check', QUESTION], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env });
    closeSync(fd);
    expect([toFile.status, toFile.stderr]).toEqual([1, '']);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    expect(piped.stdout).toContain('2. quotation · altered · source III.6');

    // `verbatim check … | head -0`: the reader is gone before the report is written.
    const child = spawn(process.execPath, [bin, 'check', QUESTION], { stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
    expect([status, stderr]).toEqual([1, '']);
  });

  it('says a quotation is in none of the sources, and exits 1', () => {
    const result = store.run(['check', 'She said "the moon is made of green cheese" again.']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('quotation · not found');
    expect(result.stdout).toContain('not in the one source of the corpus');
  });

  it('refuses bad input with exit 2 and one sentence', () => {
    expectRefusal(store.run(['check']), 'check', 2, /give the text to check, - to read it from standard input, or a file/);
    expectRefusal(store.run(['check', 'draft.txt']), 'check', 2, /there is no file "draft\.txt"/);
    expectRefusal(store.run(['check', '   ']), 'check', 2, /the text to check is empty/);
    expectRefusal(store.run(['check', 'x', '--format', 'yaml']), 'check', 2, /unknown format "yaml"/);
    // Refused by a module the bundled command imports unbundled: still one sentence, exit 2.
    expectRefusal(store.run(['check', 'x', '--input-format', 'yaml']), 'check', 2, /unknown input format "yaml"/);
    const big = join(store.dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(30_000));
    expectRefusal(store.run(['check', big]), 'check', 2, /is 146\.5 KB; the limit is 100 KB|the limit is/);
  });

  it('names every source a quotation fits equally well, and every place in one source', () => {
    const own = tempStore();
    try {
      const file = join(own.dir, 'later.txt');
      writeFileSync(file, 'A later communiqué\n\nThe ministers recalled that friendship between the two States has no limits, and praised the harbour works.\n');
      expect(own.run(['add', file, '--kind', 'source', '--id', 'later-communique']).status).toBe(0);
      const text = "Russia and China said their friendship has 'no limits' while the 'pandemic of the new coronavirus infection' went on.";
      const result = own.run(['check', text]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/1\. quotation · verbatim · source IV\.5 · similarity/);
      expect(result.stdout).toMatch(/\(joint-statement-2022-02-04, 2022-02-04\), IV\.5\n {5}equally in: A later communiqué \(later-communique\), ¶1\n/);
      expect(result.stdout).toMatch(/2\. quotation · verbatim · source 0\.3 or II\.1, equally · similarity/);
      const json = JSON.parse(own.run(['check', text, '--format', 'json']).stdout) as Omit<CheckResult, 'timing'>;
      expect(json.passages.map((p) => (p.document ? (p.candidates ?? []).map((c) => `${c.document.id} ${c.locator}`) : []))).toEqual([
        ['joint-statement-2022-02-04 IV.5', 'later-communique ¶1'],
        ['joint-statement-2022-02-04 0.3', 'joint-statement-2022-02-04 II.1'],
      ]);
    } finally {
      own.remove();
    }
  });
});
