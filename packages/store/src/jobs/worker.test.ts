import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { OP_ED_ID, opEdText, STATEMENT_ID, statementText } from '../test-support/corpus.js';
import { eventually } from '../test-support/eventually.js';
import { freshDatabaseUrl } from '../test-support/postgres.js';
import { startWorkerThread } from './in-process.js';
import { runWorker, type WorkerEvent } from './worker.js';

const stores: Store[] = [];
const stops: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const store of stores.splice(0)) await store.close();
});

async function queuedStore(databaseUrl: string): Promise<Store> {
  const store = await openStore({ path: '', databaseUrl, align: 'queued' });
  stores.push(store);
  return store;
}

/** A worker in this process, stopped after the test; its events. */
function worker(databaseUrl: string): WorkerEvent[] {
  const events: WorkerEvent[] = [];
  const stop = new AbortController();
  const running = runWorker({ databaseUrl, pollingIntervalSeconds: 0.5, signal: stop.signal, onEvent: (e) => events.push(e) });
  stops.push(async () => {
    stop.abort();
    await running;
  });
  return events;
}

describe('queued alignment on PostgreSQL', () => {
  it('stores the document at once, its alignment pending, and a worker makes the report', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    const source = await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    expect(source.pending).toEqual([]);
    const opEd = await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    expect(opEd.pending).toEqual([{ sourceId: STATEMENT_ID, commentaryId: OP_ED_ID }]);
    expect(await store.alignmentState(STATEMENT_ID, OP_ED_ID)).toEqual({ state: 'pending' });
    expect(await store.alignment(STATEMENT_ID, OP_ED_ID)).toBeUndefined();
    expect(await store.pending()).toBe(1);

    const events = worker(databaseUrl);
    await eventually(async () => ((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state === 'ready' ? true : undefined));
    expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages).toHaveLength(8);
    expect(await store.pending()).toBe(0);
    expect(events.find((e) => e.type === 'aligned')).toMatchObject({ source: STATEMENT_ID, commentary: OP_ED_ID, outcome: 'stored' });
    // The other way round there is nothing, pending or made.
    expect(await store.alignmentState(OP_ED_ID, STATEMENT_ID)).toEqual({ state: 'none' });
  });

  it('sends the reports another engine made to the workers, which make them again', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    const events = worker(databaseUrl);
    await eventually(async () => ((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state === 'ready' ? true : undefined));
    // As a database an older Verbatim wrote.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`UPDATE alignments SET engine_version = '@verbatim/core@0.0.1'`);
    await db.end();
    expect(await store.outdated()).toHaveLength(1);

    expect(await store.remakeOutdated()).toEqual({ outdated: 1, remade: 0, unlinked: 0, queued: 1 });
    await eventually(async () => ((await store.outdated()).length === 0 ? true : undefined));
    expect(events.find((e) => e.type === 'remade')).toMatchObject({ source: `${STATEMENT_ID} v1`, commentary: `${OP_ED_ID} v1`, outcome: 'remade' });
    expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages).toHaveLength(8);
  });

  it('waits no more for a pair one of whose documents was deleted before a worker came', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    expect(await store.pending()).toBe(1);
    await store.delete(OP_ED_ID);
    expect(await store.pending()).toBe(0);
    const events = worker(databaseUrl);
    await eventually(async () => events.find((e) => e.type === 'aligned'));
    expect(events.find((e) => e.type === 'aligned')).toMatchObject({ outcome: 'gone' });
    expect(await store.alignments()).toEqual([]);
  });

  // Six tries each align the pair before their write is refused, a second apart: on a loaded
  // machine that is tens of seconds, so the wait is bounded only to end a hang, not to time it.
  it('marks a pair failed, with a reason for the user, once every try failed; adding it again queues it anew', { timeout: 150_000 }, async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    // A database that refuses every report: each try's write fails, for real, in PostgreSQL.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query('ALTER TABLE alignments ADD CONSTRAINT refuses_reports CHECK (false) NOT VALID');
      const events = worker(databaseUrl);
      // Giving up is the last thing the worker does (after marking the pair failed): wait for
      // it, not for the state, which a reader may see a moment before the worker says so.
      await eventually(async () => events.find((e) => e.type === 'gave-up'), 120_000);
      // Six tries (one and five retries), then the user is told in one sentence, and the log has the detail.
      const reason = "The workers met an error aligning them in 6 tries and gave up (the worker's log says which error).";
      expect(await store.alignmentState(STATEMENT_ID, OP_ED_ID)).toEqual({ state: 'failed', reason });
      const failures = events.filter((e) => e.type === 'failed');
      expect(failures).toHaveLength(6);
      expect(failures.map((e) => e.type === 'failed' && e.final)).toEqual([false, false, false, false, false, true]);
      expect(failures[0]).toMatchObject({ source: STATEMENT_ID, commentary: OP_ED_ID, reason: expect.stringContaining('refuses_reports') });
      expect(events.filter((e) => e.type === 'gave-up')).toEqual([{ type: 'gave-up', source: STATEMENT_ID, commentary: OP_ED_ID, reason }]);
      expect(await store.pending()).toBe(0);
      expect(await store.failed()).toBe(1);
      expect(await store.waiting(OP_ED_ID)).toEqual([{ sourceId: STATEMENT_ID, commentaryId: OP_ED_ID, state: 'failed', reason }]);
      expect(await store.alignment(STATEMENT_ID, OP_ED_ID)).toBeUndefined();

      // Repaired, the same commentary added again queues the pair as a new attempt, which a worker makes.
      await db.query('ALTER TABLE alignments DROP CONSTRAINT refuses_reports');
      const again = await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
      expect(again.outcome).toBe('existing');
      expect(again.pending).toEqual([{ sourceId: STATEMENT_ID, commentaryId: OP_ED_ID }]);
      // The worker, still running, may take it at once: pending or ready by now, failed no more.
      expect(['pending', 'ready']).toContain((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state);
      expect(await store.failed()).toBe(0);
      await eventually(async () => ((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state === 'ready' ? true : undefined));
      expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages).toHaveLength(8);
      expect(await store.pending()).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('realigns on a team server by sending the workers the outdated reports and the pairs without one', { timeout: 60_000 }, async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    expect(await store.waiting(OP_ED_ID)).toEqual([{ sourceId: STATEMENT_ID, commentaryId: OP_ED_ID, state: 'pending' }]);
    /** A worker until `done` settles. */
    const working = async (done: () => Promise<unknown>) => {
      const stop = new AbortController();
      const running = runWorker({ databaseUrl, pollingIntervalSeconds: 0.5, signal: stop.signal });
      try {
        await done();
      } finally {
        stop.abort();
        await running;
      }
    };
    await working(() => eventually(async () => ((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state === 'ready' ? true : undefined)));
    expect(await store.waiting(OP_ED_ID)).toEqual([]);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // A report an older engine made: sent to be made again, kept meanwhile.
      await db.query(`UPDATE alignments SET engine_version = '@verbatim/core@0.0.1'`);
      expect(await store.realign()).toEqual({ commentaries: 1, alignments: 1, remade: 0, queued: { alignments: 0, remakes: 1 } });
      expect(await store.remaking()).toBe(1);
      expect(await store.alignment(STATEMENT_ID, OP_ED_ID)).toBeDefined();
      await working(() => eventually(async () => ((await store.remaking()) === 0 ? true : undefined)));
      expect(await store.outdated()).toEqual([]);

      // A candidate pair with no report: queued, pending, then made.
      await db.query('DELETE FROM alignments');
      expect(await store.realign()).toEqual({ commentaries: 1, alignments: 0, remade: 0, queued: { alignments: 1, remakes: 0 } });
      expect(await store.waiting(STATEMENT_ID)).toEqual([{ sourceId: STATEMENT_ID, commentaryId: OP_ED_ID, state: 'pending' }]);
      expect(await store.pending()).toBe(1);
      await working(() => eventually(async () => ((await store.pending()) === 0 ? true : undefined)));
      expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages).toHaveLength(8);
    } finally {
      await db.end();
    }
  });

  it('aligns in a thread of its own when the server runs the worker in process', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await queuedStore(databaseUrl);
    const thread = startWorkerThread({ databaseUrl, pollingIntervalSeconds: 0.5 });
    stops.push(() => thread.stop());
    await thread.started;
    await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    await eventually(async () => ((await store.alignmentState(STATEMENT_ID, OP_ED_ID)).state === 'ready' ? true : undefined));
    expect(await store.pending()).toBe(0);
  });

  it('says in one sentence that a worker cannot reach its database', async () => {
    await expect(runWorker({ databaseUrl: 'postgres://verbatim:secret@127.0.0.1:1/none' })).rejects.toThrow(
      /^Cannot open the database postgres:\/\/verbatim@127\.0\.0\.1:1\/none: no PostgreSQL server answers at that address \(connection refused\)\.$/,
    );
  });
});
