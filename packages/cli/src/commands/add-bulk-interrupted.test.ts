// A bulk load killed part-way (SIGKILL: no handler runs, as when a machine or a user's ^\ stops
// it) keeps the batches that committed, whole, and nothing of the one being written; running
// the same load again adds exactly what is missing.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore, type TempStore } from '../test-support/temp-store.js';

const bin = fileURLToPath(new URL('../../bin/verbatim.js', import.meta.url));
const LINES = 1500;
const BATCH = 50;

/** Each line a source of its own: three paragraphs, one serial word that names it. */
function line(i: number): { text: string; kind: string; id: string; title: string } {
  const serial = `serial${String(i).padStart(5, '0')}`;
  const text = [
    `Communiqué ${i} on the harbour works`,
    `The delegations met for the ${i}th time and reviewed the grain corridor, the railway gauge and the ${serial} pipeline.`,
    `They agreed that the customs posts numbered ${i * 7} and ${i * 7 + 3} would open at dawn, and that the river pilots would be paid in either currency.`,
  ].join('\n\n');
  return { text, kind: 'source', id: `communique-${i}`, title: `Communiqué ${i}` };
}

let store: TempStore;
let file: string;
const env = () => ({ ...process.env, VERBATIM_DB: store.database, VERBATIM_CORPUS: '' });

beforeAll(() => {
  store = tempStore();
  file = join(store.dir, 'communiques.jsonl');
  writeFileSync(file, `${Array.from({ length: LINES }, (_, i) => JSON.stringify(line(i))).join('\n')}\n`);
});
afterAll(() => store.remove());

/** The documents committed so far, read as another process would (WAL: only what committed). */
function storedIds(): string[] {
  const db = new Database(store.database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id FROM documents ORDER BY vid').pluck().all() as string[];
  } catch {
    return []; // not yet created or migrated
  } finally {
    db.close();
  }
}

/** Starts the load and SIGKILLs it once at least two batches have committed. */
async function loadAndKill(): Promise<{ signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [bin, 'add', '--jsonl', file, '--batch', String(BATCH)], { env: env(), stdio: 'ignore' });
  const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal })));
  let over = false;
  void exited.then(() => (over = true));
  while (!over) {
    let count = 0;
    try {
      count = storedIds().length;
    } catch {
      // the file does not exist yet
    }
    if (count >= 2 * BATCH) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return exited;
}

describe('verbatim add --jsonl, killed part-way', () => {
  it('keeps only whole batches of whole documents, and the same load again finishes it, none twice', async () => {
    const { signal } = await loadAndKill();
    // Killed before the end: the load had more than two batches still to write.
    expect(signal).toBe('SIGKILL');
    const kept = storedIds();
    expect(kept.length).toBeGreaterThanOrEqual(2 * BATCH);
    expect(kept.length).toBeLessThan(LINES);
    // Whole batches, in order: the batch being written when the process died left nothing.
    expect(kept.length % BATCH).toBe(0);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => `communique-${i}`));

    // Each kept document whole: its text, its paragraphs, found by search and as a candidate.
    const last = kept.length - 1;
    const { document } = store.json<{ document: { text: string; paragraphs: unknown[] } }>(['show', `communique-${last}`, '--format', 'json'], { env: { VERBATIM_CORPUS: '' } });
    expect(document.text).toBe(line(last).text);
    expect(document.paragraphs).toHaveLength(3);
    const serial = `serial${String(last).padStart(5, '0')}`;
    const hits = store.json<Array<{ documentId: string; locator: string }>>(['search', serial, '--format', 'json'], { env: { VERBATIM_CORPUS: '' } });
    expect(hits.map((h) => [h.documentId, h.locator])).toEqual([[`communique-${last}`, '¶1']]);

    const again = store.run(['add', '--jsonl', file, '--batch', String(BATCH), '--format', 'json'], { env: { VERBATIM_CORPUS: '' } });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: LINES - kept.length, existing: kept.length, refused: [] });
    const all = storedIds();
    expect(all).toHaveLength(LINES);
    expect(new Set(all).size).toBe(LINES);
    // The quotation of a document of the unfinished batch finds it as its one source.
    const missed = kept.length + 1;
    const quoted = line(missed).text.split('\n\n')[2]!;
    const check = store.run(['check', `The communiqué said that “${quoted}”`, '--format', 'json'], { env: { VERBATIM_CORPUS: '' } });
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).passages.map((p: { document?: { id: string } }) => p.document?.id)).toEqual([`communique-${missed}`]);
  }, 120_000);
});
