import path from 'node:path';
import { openStore } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportCache } from './reports.js';
import { OP_ED, openTestApp, readCorpus, STATEMENT, type TestApp } from './test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('ReportCache', () => {
  it('serves the stored report, with an ETag of the two texts and the engine', async () => {
    const served = (await new ReportCache(t.store).get(STATEMENT, OP_ED))!;
    expect(JSON.parse(Buffer.from(served.body).toString())).toEqual(await t.store.alignment(STATEMENT, OP_ED));
    expect(served.etag).toMatch(/^"[\w-]{32}"$/);
    expect(await new ReportCache(t.store).get(STATEMENT, 'nothing')).toBeUndefined();
  });

  it('sees a version added by another process once it rechecks, not before', async () => {
    const patient = new ReportCache(t.store, { recheckAfterMs: 60_000 });
    const eager = new ReportCache(t.store, { recheckAfterMs: 0 });
    const before = (await patient.get(STATEMENT, OP_ED))!;
    expect(await eager.get(STATEMENT, OP_ED)).toMatchObject({ etag: before.etag, body: before.body });

    // Another store on the same file stands for the CLI adding a version while the server runs.
    const other = await openStore({ path: path.join(t.dir, 'verbatim.db') });
    try {
      await other.add({ id: OP_ED, text: `${readCorpus('op-ed-expanding-sino-russian-cooperation.txt')}\nA later line.\n`, format: 'text', kind: 'commentary', title: 'Expanding Sino-Russian cooperation' });
    } finally {
      await other.close();
    }
    expect(await patient.get(STATEMENT, OP_ED)).toBe(before);
    const after = (await eager.get(STATEMENT, OP_ED))!;
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(Buffer.from(after.body).toString()).commentary.sha256).toBe((await t.store.versions(OP_ED)).at(-1)!.sha256);
  });

  it('forgets a document at once when told (writes through the API)', async () => {
    const cache = new ReportCache(t.store, { recheckAfterMs: 60_000 });
    const before = (await cache.get(STATEMENT, OP_ED))!;
    cache.forget(OP_ED);
    expect(await cache.get(STATEMENT, OP_ED)).not.toBe(before);
  });
});
