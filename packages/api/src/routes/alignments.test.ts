import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, OP_ED, openTestApp, problemOf, readCorpus, SEED_REPORT, STATEMENT, type TestApp } from '../test-support/app.js';

const schema = createRequire(import.meta.url)('@verbatim/core/alignment-report.schema.json') as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

interface Report {
  source: { id: string; sha256: string };
  commentary: { id: string; sha256: string };
  passages: Array<{ id: string; kind: string; status: string; source: { locator: string; text: string } | null }>;
}

describe('GET /api/alignments', () => {
  it('lists the seed pair’s link with its passages, coverage and engine, not stale', async () => {
    const res = await t.app.request('/api/alignments');
    expect(res.status).toBe(200);
    const links = (await res.json()) as Array<Record<string, unknown>>;
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      source: { id: STATEMENT, latest: true },
      commentary: { id: OP_ED, latest: true },
      passages: 8,
      notFound: 0,
      engineVersion: expect.stringMatching(/^@verbatim\/core@/),
      stale: false,
    });
  });
});

describe('GET /api/alignments/:sourceId/:commentaryId', () => {
  it('gives the seed pair’s report, valid against the contract, with the op-ed’s 8 passages', async () => {
    const res = await t.app.request(SEED_REPORT);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const report = (await res.json()) as Report;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.source.id).toBe(STATEMENT);
    expect(report.commentary.id).toBe(OP_ED);
    expect(report.passages).toHaveLength(8);
    expect(report.passages.map((p) => p.source?.locator)).toEqual(['III.6', 'III.6', 'III.6', 'IV.5', 'I.1–I.2', 'I.4', 'I.4', 'II.1']);
    const statement = readCorpus('joint-statement-2022-02-04.en.txt');
    for (const p of report.passages) expect(statement).toContain(p.source!.text);
  });

  it('keeps passage ids across a restart of the store', async () => {
    const first = (await (await t.app.request(SEED_REPORT)).json()) as Report;
    const again = await openTestApp();
    try {
      const second = (await (await again.app.request(SEED_REPORT)).json()) as Report;
      expect(second.passages.map((p) => p.id)).toEqual(first.passages.map((p) => p.id));
    } finally {
      await again.close();
    }
  });

  it('carries an ETag made of the two texts and the engine, and caching headers', async () => {
    const res = await t.app.request(SEED_REPORT);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    // The same report from a fresh store of the same corpus has the same ETag.
    const other = await openTestApp();
    try {
      expect((await other.app.request(SEED_REPORT)).headers.get('etag')).toBe(etag);
    } finally {
      await other.close();
    }
  });

  it('answers 304 with no body to If-None-Match with the ETag (also weak, or in a list)', async () => {
    const etag = (await t.app.request(SEED_REPORT)).headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await t.app.request(SEED_REPORT, { headers: { 'If-None-Match': header } });
      expect(res.status, header).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await t.app.request(SEED_REPORT, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200);
  });

  it('changes the ETag when the commentary gets a new version', async () => {
    const own = await openTestApp();
    try {
      const before = (await own.app.request(SEED_REPORT)).headers.get('etag')!;
      const text = `${readCorpus('op-ed-expanding-sino-russian-cooperation.txt')}\nA closing line added later.\n`;
      const added = await own.app.request('/api/documents', json({ id: OP_ED, text, kind: 'commentary', title: 'Expanding Sino-Russian cooperation' }));
      expect(await added.json()).toMatchObject({ outcome: 'new-version', version: 2 });
      const after = await own.app.request(SEED_REPORT, { headers: { 'If-None-Match': before } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before);
      expect(((await after.json()) as Report).commentary.sha256).not.toBe((await own.store.versions(OP_ED))[0]!.sha256);
    } finally {
      await own.close();
    }
  });

  it('names the documents by their corrected titles after an edit of the metadata, under a new ETag', async () => {
    const own = await openTestApp();
    try {
      const first = await own.app.request(SEED_REPORT);
      const before = first.headers.get('etag')!;
      expect(((await first.json()) as Report & { commentary: { title: string } }).commentary.title).toBe('Expanding Sino-Russian cooperation');
      const patch = (id: string, title: string) =>
        own.app.request(`/api/documents/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });
      expect((await patch(OP_ED, 'Expanding Sino-Russian cooperation (Dawn, February 2022)')).status).toBe(200);
      const after = await own.app.request(SEED_REPORT, { headers: { 'If-None-Match': before } });
      expect(after.status).toBe(200);
      const etag = after.headers.get('etag')!;
      expect(etag).not.toBe(before);
      const report = (await after.json()) as Report & { source: { title: string }; commentary: { title: string } };
      expect(report.commentary.title).toBe('Expanding Sino-Russian cooperation (Dawn, February 2022)');
      expect(report.commentary.sha256).toBe((await own.store.versions(OP_ED))[0]!.sha256);
      expect(validate(report)).toBe(true);
      // The source's title too; and the ETag then confirms the copy of today's report.
      expect((await patch(STATEMENT, 'Joint Statement of 4 February 2022')).status).toBe(200);
      const renamed = await own.app.request(SEED_REPORT, { headers: { 'If-None-Match': etag } });
      expect(renamed.status).toBe(200);
      expect(((await renamed.json()) as { source: { title: string } }).source.title).toBe('Joint Statement of 4 February 2022');
      expect((await own.app.request(SEED_REPORT, { headers: { 'If-None-Match': renamed.headers.get('etag')! } })).status).toBe(304);
    } finally {
      await own.close();
    }
  });

  it('answers 404 naming what is missing, or the order to ask in', async () => {
    const missing = await t.app.request(`/api/alignments/${STATEMENT}/no-such-commentary`);
    expect(missing.status).toBe(404);
    expect((await problemOf(missing)).detail).toBe('There is no document "no-such-commentary".');

    const swapped = await t.app.request(`/api/alignments/${OP_ED}/${STATEMENT}`);
    expect(swapped.status).toBe(404);
    expect((await problemOf(swapped)).detail).toBe(
      `"${OP_ED}" is the commentary and "${STATEMENT}" the source: ask for /api/alignments/${STATEMENT}/${OP_ED}.`,
    );
  });

  it('answers 400 for ids that cannot be ids', async () => {
    const res = await t.app.request(`/api/alignments/${STATEMENT}/..%2F..%2Fetc`);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/^The path parameter "commentaryId" is not a document id/);
  });
});
