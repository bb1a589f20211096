import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import type { Store } from '../store.js';
import { CORPUS_DIR, STATEMENT_ID } from '../test-support/corpus.js';
import { describeEachEngine, ENGINES, type TestEngine } from '../test-support/engines.js';
import { answersOf, fillVariedCorpus, READING_ID } from '../test-support/varied-corpus.js';
import { digestCorpus } from './digest.js';
import type { CorpusRecord } from './records.js';

async function collect(records: AsyncIterable<CorpusRecord>): Promise<CorpusRecord[]> {
  const out: CorpusRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

async function* replay(records: readonly CorpusRecord[]): AsyncGenerator<CorpusRecord> {
  yield* records;
}

async function variedStore(engine: TestEngine): Promise<Store> {
  const store = await engine.open({ corpusDir: CORPUS_DIR });
  await fillVariedCorpus(store);
  return store;
}

describe('exportCorpus and importCorpus', () => {
  for (const from of ENGINES) {
    for (const to of ENGINES) {
      it(`copy every version, paragraph status, emphasis, deletion, edit and report from ${from.name} to ${to.name}, so the copy answers as the original`, async () => {
        const original = await variedStore(from);
        const copy = await to.open();
        await copy.importCorpus(original.exportCorpus());

        const digest = await digestCorpus(original.exportCorpus());
        expect(await digestCorpus(copy.exportCorpus())).toEqual(digest);
        expect(digest).toMatchObject({ documents: 3, versions: 4, deletions: 1, edits: 1, emphasis: 2, alignments: 3, mismatched: [] });
        expect(digest.verified).toBeGreaterThan(0);
        expect(await answersOf(copy)).toEqual(await answersOf(original));
        // A working store: the deleted document stays deleted, the edit stays, new versions follow on.
        expect((await copy.versions(READING_ID)).map((v) => v.version)).toEqual([1, 2]);
        expect(await copy.get('to-delete')).toBeUndefined();
        expect((await copy.get(READING_ID))!.author).toBe('A. Curator');
        await original.close();
        await copy.close();
      });
    }
  }
});

describeEachEngine('importCorpus refusing', (engine) => {
  it('refuses a store that already holds a corpus, in one sentence, and adds nothing to it', async () => {
    const original = await variedStore(engine);
    const target = await engine.open({ corpusDir: CORPUS_DIR });
    const before = await digestCorpus(target.exportCorpus());
    const refusal = await target.importCorpus(original.exportCorpus()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).message).toMatch(/^The database .* already holds a corpus; copy into an empty database only, so that nothing is mixed or overwritten\.$/);
    expect(await digestCorpus(target.exportCorpus())).toEqual(before);
    await original.close();
    await target.close();
  });

  it('refuses a version whose text is not what its SHA-256 says, and writes nothing', async () => {
    const original = await variedStore(engine);
    const records = await collect(original.exportCorpus());
    const damaged = records.map((r) => (r.type === 'version' && r.id === STATEMENT_ID ? { ...r, text: r.text.replace('no limits', 'no limit') } : r));
    const target = await engine.open();
    await expect(target.importCorpus(replay(damaged))).rejects.toThrow(
      `Version 1 of "${STATEMENT_ID}" does not have the SHA-256 it was stored under, so nothing was copied.`,
    );
    expect(await target.list()).toEqual([]);
    const digest = await digestCorpus(replay(damaged));
    expect(digest.mismatched).toEqual([`${STATEMENT_ID} version 1`]);
    expect(digest.sha256).not.toBe((await digestCorpus(replay(records))).sha256);
    await original.close();
    await target.close();
  });
});
