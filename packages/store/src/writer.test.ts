import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { openStore } from './store.js';
import { OP_ED_ID, opEdText, STATEMENT_ID, statementText } from './test-support/corpus.js';
import { tempDbPath } from './test-support/temp.js';

/** Resolves after `ms` of the caller's thread being free to run timers. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('adding off the caller’s thread', () => {
  it('answers reads while a long commentary is aligned and stored', async () => {
    const store = await openStore({ path: tempDbPath() });
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    // About 300 KB of the op-ed over and over: a second or more of aligning and writing.
    const long = Array.from({ length: 40 }, (_, i) => `Reading ${i}.\n\n${opEdText()}`).join('\n\n');
    let settled = false;
    const adding = store.add({ text: long, format: 'text', kind: 'commentary', id: 'long-reading' }).finally(() => (settled = true));

    await pause(50);
    // A synchronous add would have finished before any timer ran.
    expect(settled).toBe(false);
    expect((await store.get(STATEMENT_ID))?.id).toBe(STATEMENT_ID);
    expect(await store.get('long-reading')).toBeUndefined();

    const added = await adding;
    expect(added).toMatchObject({ id: 'long-reading', outcome: 'added', text: long });
    expect((await store.alignment(STATEMENT_ID, 'long-reading'))?.passages.length).toBeGreaterThan(40);
    await store.close();
  }, 60_000);

  it('links a commentary and its source added at once by two writers, whichever writes first', async () => {
    const file = tempDbPath();
    const a = await openStore({ path: file, busyTimeoutMs: 20_000 });
    const b = await openStore({ path: file, busyTimeoutMs: 20_000 });
    // A third connection holds the write lock, so both adds align against a corpus without the
    // other's document, then wait: whoever writes second must see the first and align with it.
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const commentary = a.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    const source = b.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await pause(1500);
    holder.exec('ROLLBACK');
    holder.close();
    await Promise.all([commentary, source]);

    const report = await a.alignment(STATEMENT_ID, OP_ED_ID);
    expect(report?.passages.filter((p) => p.status !== 'not_found')).toHaveLength(8);
    expect(await b.alignmentsOf(OP_ED_ID)).toHaveLength(1);
    await a.close();
    await b.close();
  }, 30_000);

  it('refuses an add as busy, storing nothing, when another writer holds the corpus too long', async () => {
    const file = tempDbPath();
    const store = await openStore({ path: file, busyTimeoutMs: 100 });
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const refusal = await store.add({ text: opEdText(), format: 'text', kind: 'commentary' }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(StoreError);
      expect(refusal).toMatchObject({ code: 'busy', message: 'The corpus is busy with another change; try again in a moment.' });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(await store.list()).toEqual([]);
    // Nothing was lost: the same add goes through once the corpus is free.
    expect(await store.add({ text: opEdText(), format: 'text', kind: 'commentary' })).toMatchObject({ outcome: 'added' });
    await store.close();
  });
});
