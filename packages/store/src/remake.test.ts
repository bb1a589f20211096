import { expect, it } from 'vitest';
import { describeEachEngine, type Place, type TestEngine } from './test-support/engines.js';
import { engineVersion } from './engine-version.js';
import { openStore } from './store.js';
import { CORPUS_DIR, OP_ED_ID, STATEMENT_ID, statementText } from './test-support/corpus.js';

const OLD_ENGINE = '@verbatim/core@0.0.1';

/**
 * What a database written by an older Verbatim holds: the same alignments, recorded as made by
 * another engine, whose reports differ from this engine's (here: without their last passage).
 */
async function ageAlignments(engine: TestEngine, place: Place): Promise<void> {
  for (const row of await engine.query<{ id: number; report: string }>(place, 'SELECT id, report FROM alignments')) {
    const report = JSON.parse(row.report) as { passages: unknown[] };
    report.passages.pop();
    await engine.query(place, 'UPDATE alignments SET engine_version = ?, report = ? WHERE id = ?', [OLD_ENGINE, JSON.stringify(report), row.id]);
  }
}

describeEachEngine('alignments another engine made', (engine) => {
  it('are listed as outdated, served as they were, then made again with this engine', async () => {
    const place = await engine.place();
    const fresh = await openStore({ ...place, corpusDir: CORPUS_DIR });
    const current = (await fresh.alignment(STATEMENT_ID, OP_ED_ID))!;
    await fresh.close();
    await ageAlignments(engine, place);

    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    try {
      expect(await store.outdated()).toEqual([
        { source: { id: STATEMENT_ID, version: 1 }, commentary: { id: OP_ED_ID, version: 1 }, engineVersion: OLD_ENGINE },
      ]);
      expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.passages).toHaveLength(7);
      expect((await store.alignmentsOf(OP_ED_ID))[0]!.engineVersion).toBe(OLD_ENGINE);

      const progress: string[] = [];
      const result = await store.remakeOutdated({ onProgress: (e) => progress.push(`${e.phase} ${e.done}/${e.total}`) });
      expect(result).toEqual({ outdated: 1, remade: 1, unlinked: 0 });
      expect(progress).toEqual(['remake 1/1']);
      expect(await store.outdated()).toEqual([]);
      expect(await store.alignment(STATEMENT_ID, OP_ED_ID)).toEqual(current);
      expect((await store.alignmentsOf(OP_ED_ID))[0]!.engineVersion).toBe(engineVersion());
      // Done once: a second run finds nothing to do.
      expect(await store.remakeOutdated()).toEqual({ outdated: 0, remade: 0, unlinked: 0 });
    } finally {
      await store.close();
    }
  });

  it('stops between two alignments when asked, leaving the rest outdated', async () => {
    const place = await engine.place();
    await (await openStore({ ...place, corpusDir: CORPUS_DIR })).close();
    await ageAlignments(engine, place);
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    try {
      const stop = new AbortController();
      stop.abort();
      expect(await store.remakeOutdated({ signal: stop.signal })).toEqual({ outdated: 1, remade: 0, unlinked: 0 });
      expect(await store.outdated()).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('are all made again by realign, an older version’s included', async () => {
    const place = await engine.place();
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    await store.add({ text: statementText().replace('no limits', 'some limits'), format: 'text', kind: 'source', id: STATEMENT_ID });
    await store.close();
    await ageAlignments(engine, place);

    const again = await openStore({ ...place, corpusDir: CORPUS_DIR });
    try {
      expect((await again.outdated()).map((a) => a.source.version)).toEqual([1, 2]);
      const result = await again.realign();
      expect(result).toMatchObject({ commentaries: 1, alignments: 1, remade: 1 });
      expect(await again.outdated()).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
