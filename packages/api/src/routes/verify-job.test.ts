/**
 * Verifying on a team server (PostgreSQL, queued): the API stores the copy with its job and
 * answers 202; a worker compares it and, with apply, stores the new version; the verification's
 * link says what it came to. Real PostgreSQL, a real worker.
 */
import { openStore, type Store } from '@verbatim/store';
import { runWorker } from '@verbatim/store/jobs';
import { createDatabase } from '@verbatim/test-postgres';
import type {} from '@verbatim/test-postgres/global-setup';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.js';
import { CORPUS_DIR, json, problemOf, readCorpus, SEED_REPORT, STATEMENT } from '../test-support/app.js';

const statement = readCorpus('joint-statement-2022-02-04.en.txt');
const edited = statement.replace('Friendship between the two States has no limits', 'Friendship between the two States knows no limits');

let store: Store;
let app: ReturnType<typeof createApp>;
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await createDatabase(inject('postgresUrl'), 'verifyjob');
  store = await openStore({ path: '', databaseUrl, align: 'queued', corpusDir: CORPUS_DIR });
  app = createApp({ store, logError: () => {} });
});
afterAll(() => store?.close());

/** A worker until `done` settles. */
async function working<T>(done: () => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const running = runWorker({ databaseUrl, pollingIntervalSeconds: 0.5, signal: stop.signal });
  try {
    return await done();
  } finally {
    stop.abort();
    await running;
  }
}

/** The verification at `location` once it is no longer pending. */
async function settled(location: string): Promise<{ state: string; document: string; result?: VerifyBody; reason?: string }> {
  for (let tries = 0; ; tries++) {
    const body = (await (await app.request(location)).json()) as { state: string; document: string };
    if (body.state !== 'pending') return body;
    if (tries > 300) throw new Error('the verification was not done within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface VerifyBody {
  report: { summary: { identical: number; differing: number }; paragraphs: Array<{ locator: string; verdict: string }> };
  applied: { version: number; outcome: string } | null;
}

describe('verifying on a team server, as a job for the workers', () => {
  it('answers 202 with the verification to ask for, which a worker does: the same comparison, and with apply a new version', { timeout: 60_000 }, async () => {
    const sent = await app.request(`/api/documents/${STATEMENT}/verify`, json({ text: edited }));
    expect(sent.status).toBe(202);
    const location = sent.headers.get('Location')!;
    expect(location).toMatch(/^\/api\/verifications\/[0-9a-f-]{36}$/);
    expect(sent.headers.get('Retry-After')).toBe('2');
    expect(await sent.json()).toEqual({ state: 'pending', status: location });
    // No worker yet: it waits.
    expect(await (await app.request(location)).json()).toEqual({ state: 'pending', document: STATEMENT });

    const done = await working(() => settled(location));
    expect(done.state).toBe('done');
    expect(done.document).toBe(STATEMENT);
    expect(done.result!.report.paragraphs.filter((p) => p.verdict !== 'identical').map((p) => p.locator)).toEqual(['IV.5']);
    expect(done.result!.applied).toBeNull();
    expect(((await (await app.request(`/api/documents/${STATEMENT}`)).json()) as { version: number }).version).toBe(1);

    const applying = await app.request(`/api/documents/${STATEMENT}/verify`, json({ text: edited, apply: true }));
    expect(applying.status).toBe(202);
    const applied = await working(async () => {
      const body = await settled(applying.headers.get('Location')!);
      // The worker stored the new version and aligned the op-ed with it.
      for (let tries = 0; (await store.pending()) > 0; tries++) {
        if (tries > 200) throw new Error('the op-ed was not aligned again within 20 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      return body;
    });
    expect(applied).toMatchObject({ state: 'done', result: { applied: { version: 2, outcome: 'new-version' } } });
    const latest = (await (await app.request(`/api/documents/${STATEMENT}`)).json()) as { sha256: string; version: number };
    expect(latest.version).toBe(2);
    const report = (await (await app.request(SEED_REPORT)).json()) as { source: { sha256: string }; passages: unknown[] };
    expect(report.source.sha256).toBe(latest.sha256);
    expect(report.passages).toHaveLength(8);
  });

  it('says a copy of another document failed, with the sentence SQLite answers 400 with; refuses at once what needs no comparing', { timeout: 60_000 }, async () => {
    const opEd = readCorpus('op-ed-expanding-sino-russian-cooperation.txt');
    const sent = await app.request(`/api/documents/${STATEMENT}/verify`, json({ text: opEd }));
    expect(sent.status).toBe(202);
    const failed = await working(() => settled(sent.headers.get('Location')!));
    expect(failed).toEqual({ state: 'failed', document: STATEMENT, reason: expect.stringMatching(/^The official copy shares only \d+% of its paragraphs' words with ".*": it looks like another document, so it was not compared\.$/) });

    expect((await app.request(`/api/documents/no-such-document/verify`, json({ text: statement }))).status).toBe(404);
    const unreadable = await app.request(`/api/documents/${STATEMENT}/verify`, json({ text: statement, format: 'pdf' }));
    expect(unreadable.status).toBe(415);
    const unknown = await app.request('/api/verifications/0b9b4a1e-5d1c-4f6e-9a57-2f1f3c1f8e42');
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).detail).toBe('There is no verification "0b9b4a1e-5d1c-4f6e-9a57-2f1f3c1f8e42".');
    expect((await app.request('/api/verifications/not-an-id')).status).toBe(404);
  });
});
