import path from 'node:path';
import { openStore } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportCache } from './reports.js';
import { OP_ED, openTestApp, readCorpus, STATEMENT, type TestApp } from './test-support/app.js';

let t: TestApp;
beforeAll(() => {
  t = openTestApp();
});
afterAll(() => t.close());

describe('ReportCache', () => {
  it('serves the stored report, with an ETag of the two texts and the engine', () => {
    const served = new ReportCache(t.store).get(STATEMENT, OP_ED)!;
    expect(JSON.parse(Buffer.from(served.body).toString())).toEqual(t.store.alignment(STATEMENT, OP_ED));
    expect(served.etag).toMatch(/^"[\w-]{32}"$/);
    expect(new ReportCache(t.store).get(STATEMENT, 'nothing')).toBeUndefined();
  });

  it('sees a version added by another process once it rechecks, not before', async () => {
    const patient = new ReportCache(t.store, { recheckAfterMs: 60_000 });
    const eager = new ReportCache(t.store, { recheckAfterMs: 0 });
    const before = patient.get(STATEMENT, OP_ED)!;
    expect(eager.get(STATEMENT, OP_ED)).toMatchObject({ etag: before.etag, body: before.body });

    // Another store on the same file stands for the CLI adding a version while the server runs.
    const other = openStore({ path: path.join(t.dir, 'verbatim.db') });
    try {
      await other.add({ id: OP_ED, text: `${readCorpus('op-ed-expanding-sino-russian-cooperation.txt')}\nA later line.\n`, format: 'text', kind: 'commentary', title: 'Expanding Sino-Russian cooperation' });
    } finally {
      other.close();
    }
    expect(patient.get(STATEMENT, OP_ED)).toBe(before);
    const after = eager.get(STATEMENT, OP_ED)!;
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(Buffer.from(after.body).toString()).commentary.sha256).toBe(t.store.versions(OP_ED).at(-1)!.sha256);
  });

  it('forgets a document at once when told (writes through the API)', () => {
    const cache = new ReportCache(t.store, { recheckAfterMs: 60_000 });
    const before = cache.get(STATEMENT, OP_ED)!;
    cache.forget(OP_ED);
    expect(cache.get(STATEMENT, OP_ED)).not.toBe(before);
  });
});
