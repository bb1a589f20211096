import { openStore, type Store } from '@verbatim/store';
import { runWorker } from '@verbatim/store/jobs';
import { createDatabase, runSql } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.js';
import { CORPUS_DIR, json, OP_ED, openTestApp, problemOf, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';

const SEED_STATUS = `${SEED_REPORT}/status`;

describe('the status of an alignment on SQLite, where an add aligns before it answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  it('says the seed pair is ready, with the link to its report', async () => {
    const res = await t.app.request(SEED_STATUS);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ state: 'ready', report: SEED_REPORT });
    expect(await (await t.app.request('/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 0 });
  });

  it('answers 404 for two documents the other way round, saying which way they go', async () => {
    const res = await t.app.request(`/api/alignments/${OP_ED}/${STATEMENT}/status`);
    expect(res.status).toBe(404);
    expect((await problemOf(res)).detail).toBe(`"${OP_ED}" is the commentary and "${STATEMENT}" the source: ask for /api/alignments/${STATEMENT}/${OP_ED}.`);
    expect((await t.app.request(`/api/alignments/${STATEMENT}/no-such-thing/status`)).status).toBe(404);
  });

  it('names no pending alignment when a document is added', async () => {
    const res = await t.app.request('/api/documents', json({ kind: 'commentary', title: 'Read again', format: 'text', text: 'They wrote that “the sides call on all States to pursue well-being for all”, and more.' }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { pending: unknown[] }).pending).toEqual([]);
  });
});

describe('the status of an alignment on a team server (PostgreSQL), before and after a worker makes it', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createDatabase(inject('postgresUrl'), 'api');
    // The corpus is loaded with its alignment queued, and no worker runs yet.
    store = await openStore({ path: '', databaseUrl, align: 'queued', corpusDir: CORPUS_DIR });
    app = createApp({ store, logError: () => {} });
  });
  afterAll(() => store?.close());

  it('answers 202 Accepted with a status link while the alignment waits, then the report once a worker made it', async () => {
    const waiting = await app.request(SEED_REPORT);
    expect(waiting.status).toBe(202);
    expect(waiting.headers.get('Location')).toBe(SEED_STATUS);
    expect(waiting.headers.get('Retry-After')).toBe('2');
    expect(await waiting.json()).toEqual({ state: 'pending', status: SEED_STATUS });
    expect(await (await app.request(SEED_STATUS)).json()).toEqual({ state: 'pending' });
    expect(await (await app.request('/api/alignments/pending')).json()).toEqual({ pending: 1, failed: 0 });

    const added = await app.request('/api/documents', json({ kind: 'commentary', title: 'Read again', format: 'text', text: 'They wrote that “the sides call on all States to pursue well-being for all and, with these ends, to build dialogue and mutual trust”, and more.' }));
    expect(added.status).toBe(201);
    const body = (await added.json()) as { id: string; aligned: unknown[]; pending: unknown[] };
    expect(body.aligned).toEqual([]);
    expect(body.pending).toEqual([{ source: STATEMENT, commentary: body.id, status: `/api/alignments/${STATEMENT}/${body.id}/status` }]);

    const stop = new AbortController();
    const working = runWorker({ databaseUrl, pollingIntervalSeconds: 0.5, signal: stop.signal });
    try {
      for (let tries = 0; (await store.pending()) > 0; tries++) {
        if (tries > 200) throw new Error('the worker did not align the two pairs in 20 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      stop.abort();
      await working;
    }
    const report = await app.request(SEED_REPORT);
    expect(report.status).toBe(200);
    expect(((await report.json()) as { passages: unknown[] }).passages).toHaveLength(8);
    expect(await (await app.request(SEED_STATUS)).json()).toEqual({ state: 'ready', report: SEED_REPORT });
    expect((await app.request(`/api/alignments/${STATEMENT}/${body.id}`)).status).toBe(200);
    expect(await (await app.request('/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 0 });
  });
});

describe('an alignment the workers of a team server gave up on', () => {
  it('is failed with its reason through the status, a 500 problem for the report, counted apart, and queued again by a re-add', { timeout: 60_000 }, async () => {
    const databaseUrl = await createDatabase(inject('postgresUrl'), 'apifailed');
    const store = await openStore({ path: '', databaseUrl, align: 'queued', corpusDir: CORPUS_DIR });
    const app = createApp({ store, logError: () => {} });
    // A database that refuses every report (a real constraint of PostgreSQL's): every try fails.
    const stop = new AbortController();
    let working: Promise<void> | undefined;
    try {
      await runSql(databaseUrl, 'ALTER TABLE alignments ADD CONSTRAINT refuses_reports CHECK (false) NOT VALID');
      working = runWorker({ databaseUrl, pollingIntervalSeconds: 0.5, signal: stop.signal });
      const reason = "The workers met an error aligning them in 6 tries and gave up (the worker's log says which error).";
      for (let tries = 0; (await (await app.request(SEED_STATUS)).json() as { state: string }).state !== 'failed'; tries++) {
        if (tries > 400) throw new Error('the workers did not give up within 40 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      const status = await app.request(SEED_STATUS);
      expect(status.status).toBe(200);
      expect(await status.json()).toEqual({ state: 'failed', reason });

      const report = await app.request(SEED_REPORT);
      expect(report.status).toBe(500);
      expect(report.headers.get('Content-Type')).toBe('application/problem+json');
      expect(await report.json()).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: `"${OP_ED}" could not be aligned with "${STATEMENT}". ${reason} Add either document again, or run verbatim realign, to queue it again.`,
      });
      expect(await (await app.request('/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 1 });

      // Repaired, the commentary sent again queues the pair: pending, then ready.
      await runSql(databaseUrl, 'ALTER TABLE alignments DROP CONSTRAINT refuses_reports');
      const opEd = await store.get(OP_ED);
      const again = await app.request('/api/documents', json({ kind: 'commentary', id: OP_ED, title: opEd!.title, format: 'text', text: opEd!.text }));
      expect(again.status).toBe(200);
      expect(((await again.json()) as { pending: unknown[] }).pending).toEqual([{ source: STATEMENT, commentary: OP_ED, status: SEED_STATUS }]);
      // The worker, still running, may already be at it: pending (202) or made (200), never failed again.
      for (let tries = 0; (await app.request(SEED_REPORT)).status !== 200; tries++) {
        if (tries > 200) throw new Error('the worker did not align the pair again within 20 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await (await app.request('/api/alignments/pending')).json()).toEqual({ pending: 0, failed: 0 });
    } finally {
      stop.abort();
      await working;
      await store.close();
    }
  });
});
