import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lookupPairs } from './shingle-index.js';
import { openStore } from './store.js';
import { storedShingles } from './text-index.js';
import { CORPUS_DIR, STATEMENT_ID } from './test-support/corpus.js';
import { tempDbPath } from './test-support/temp.js';

const CHILD = fileURLToPath(new URL('./test-support/bulk-add.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** Runs the bulk add and kills it with SIGKILL once `acknowledged` ids have been printed. */
function addUntilKilled(dbPath: string, acknowledged: number): Promise<{ ids: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dbPath, CORPUS_DIR, '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let pending = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      ids.push(...lines.filter(Boolean));
      if (ids.length >= acknowledged && !killing) {
        killing = true;
        // A few milliseconds later, so that the kill lands inside the next add's transaction.
        setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 20));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`The bulk add ended on its own (code ${code}): ${stderr}`));
      else resolve({ ids, signal });
    });
  });
}

describe('a process killed in the middle of a bulk add', () => {
  // Nineteen twentieths of an add is spent inside its transaction (aligning), so a kill a
  // few milliseconds after an acknowledgement almost always interrupts one; three runs
  // interrupt the bulk add at three different points.
  it.each([3, 8, 15])('after %i acknowledged documents, leaves a consistent database holding every one of them, and nothing half-added', async (acknowledged) => {
    expect(fs.existsSync(BUILT), 'build @verbatim/store first: npm run build -w @verbatim/store').toBe(true);
    const dbPath = tempDbPath();
    const { ids } = await addUntilKilled(dbPath, acknowledged);
    expect(ids.length).toBeGreaterThanOrEqual(acknowledged);

    const raw = new Database(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    // Each latest version has its paragraphs in the full-text index and its shingles. (The
    // index's own rows, one per paragraph indexed: reading paragraphs_fts itself would read
    // the documents' text, which it indexes without a copy.)
    const halfIndexed = raw
      .prepare(
        `SELECT d.id FROM latest_documents d
         WHERE (SELECT count(*) FROM paragraphs p WHERE p.vid = d.vid) = 0
            OR (SELECT count(*) FROM paragraphs p WHERE p.vid = d.vid)
               <> (SELECT count(*) FROM paragraphs_fts_docsize f WHERE f.id IN (SELECT rowid FROM paragraphs p WHERE p.vid = d.vid))`,
      )
      .pluck()
      .all();
    expect(halfIndexed).toEqual([]);
    // …and every one of its shingles in the candidate index, under its own version.
    const latest = raw.prepare('SELECT id, vid FROM latest_documents').all() as Array<{ id: string; vid: number }>;
    const unfindable = latest.filter(({ vid }) => {
      const hashes = storedShingles(raw, vid);
      return hashes.length === 0 || lookupPairs(raw, hashes).filter(([, v]) => v === vid).length !== hashes.length;
    });
    expect(unfindable.map((d) => d.id)).toEqual([]);
    raw.close();

    const store = await openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    const stored = await store.list();
    // The corpus, the acknowledged documents, and at most the one whose commit beat the kill.
    expect(stored.length - 2 - ids.length).toBeGreaterThanOrEqual(0);
    expect(stored.length - 2 - ids.length).toBeLessThanOrEqual(1);
    for (const id of ids) expect(await store.get(id), id).toBeDefined();
    // Every bulk commentary quotes the statement: one without its alignment would be half-added.
    for (const doc of stored.filter((d) => d.kind === 'commentary')) {
      expect((await store.alignmentsOf(doc.id)).map((a) => a.source.id), doc.id).toContain(STATEMENT_ID);
      expect((await store.alignment(STATEMENT_ID, doc.id))!.passages.length, doc.id).toBeGreaterThan(0);
    }
    await store.close();
  }, 60_000);
});
