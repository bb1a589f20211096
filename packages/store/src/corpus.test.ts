import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { StoreError } from './errors.js';
import { openStore } from './store.js';
import {
  copyCorpus,
  CORPUS_DIR,
  OP_ED_FILE,
  OP_ED_ID,
  opEdText,
  STATEMENT_FILE,
  STATEMENT_ID,
  statementText,
} from './test-support/corpus.js';
import { tempDir } from './test-support/temp.js';
import type { ProgressEvent } from './types.js';

describeEachEngine('loading the corpus', (engine) => {
  it('stores both documents byte for byte with their metadata, and aligns the op-ed with the statement', async () => {
    const events: ProgressEvent[] = [];
    const store = await engine.open({ corpusDir: CORPUS_DIR, onProgress: (e) => events.push(e) });
    expect(store.corpus).toEqual({ added: [STATEMENT_ID, OP_ED_ID], newVersions: [], unchanged: [], skipped: [], warnings: [] });
    expect(events.filter((e) => e.phase === 'corpus').map((e) => [e.done, e.total, e.documentId])).toEqual([
      [1, 2, STATEMENT_ID],
      [2, 2, OP_ED_ID],
    ]);

    const statement = (await store.get(STATEMENT_ID))!;
    expect(statement.text).toBe(statementText());
    expect(statement).toMatchObject({
      kind: 'source',
      format: 'text',
      date: '2022-02-04',
      issuer: "The Russian Federation and the People's Republic of China",
      url: 'http://en.kremlin.ru/supplement/5770',
      sha256: 'f6dd615cc59fc6bdff59022b4e080ef23f3e274e16b5cff026df109f34c0fe34',
    });
    expect(statement.licence).toMatch(/^CC BY 4\.0/);
    expect(statement.provenance).toMatch(/^The English translation published by the Kremlin/);
    expect(statement.meta.layout).toMatch(/^The title line/);

    const opEd = (await store.get(OP_ED_ID))!;
    expect(opEd.text).toBe(opEdText());
    expect(opEd.text.endsWith('\n\n')).toBe(true);
    expect(opEd).toMatchObject({ kind: 'commentary', date: '2022-02', url: null, sha256: '22c2ffef9ad9734b0de2aaafbc24a24e64187057b46b21f4919fecf65962493b' });
    expect(opEd.meta.dateNote).toMatch(/^Publication and date not stated/);

    const [link] = await store.alignmentsOf(OP_ED_ID);
    expect(await store.alignmentsOf(OP_ED_ID)).toHaveLength(1);
    expect(link).toMatchObject({ source: { id: STATEMENT_ID, latest: true }, commentary: { id: OP_ED_ID, latest: true } });
    expect(link!.passages).toBeGreaterThan(0);
    const report = (await store.alignment(STATEMENT_ID, OP_ED_ID))!;
    expect(report.passages.map((p) => p.source?.locator)).toContain('IV.5');
    expect((await store.list()).map((d) => [d.id, d.alignments, d.passages])).toEqual([
      [STATEMENT_ID, 1, link!.passages],
      [OP_ED_ID, 1, link!.passages],
    ]);
    await store.close();
  });

  it("gives each of the statement's paragraphs its verification status and note", async () => {
    const store = await engine.open({ corpusDir: CORPUS_DIR });
    const byLocator = new Map((await store.get(STATEMENT_ID))!.paragraphs.map((p) => [p.locator, p]));
    expect(byLocator.get('0.1')).toMatchObject({ verification: 'confirmed', verificationNote: 'Confirmed whole by independent quotations of the Kremlin translation.' });
    expect(byLocator.get('IV.5')).toMatchObject({ verification: 'confirmed-in-part' });
    expect(byLocator.get('II.10')).toMatchObject({ verification: 'corrected', verificationNote: '"origin of the new coronavirus infection", "coronavirus origin".' });
    expect(byLocator.get('II.1')).toMatchObject({ verification: 'unchecked' });
    expect(byLocator.get('IV.11')).toMatchObject({ verification: 'confirmed-in-part', verificationNote: expect.stringMatching(/"science, innovation, and technology" .* not applied\)\.$/) });
    expect(byLocator.get('title')).toMatchObject({ verification: null, verificationNote: null });
    // Every paragraph of the statement has a status: the metadata names all 66.
    expect([...byLocator.values()].filter((p) => p.verification !== null)).toHaveLength(66);
    expect(store.corpus!.warnings).toEqual([]);
    await store.close();
  });

  it('is idempotent: reopening never duplicates anything', async () => {
    const place = await engine.place();
    await (await openStore({ ...place, corpusDir: CORPUS_DIR })).close();
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    expect(store.corpus).toMatchObject({ added: [], newVersions: [], unchanged: [STATEMENT_ID, OP_ED_ID] });
    expect((await store.list()).map((d) => [d.id, d.versions])).toEqual([
      [STATEMENT_ID, 1],
      [OP_ED_ID, 1],
    ]);
    expect(await store.alignmentsOf(OP_ED_ID)).toHaveLength(1);
    await store.close();
  });

  it('makes a changed file a new version, keeps the old one, and realigns the new one', async () => {
    const corpus = copyCorpus(path.join(tempDir(), 'corpus'));
    const place = await engine.place();
    await (await openStore({ ...place, corpusDir: corpus })).close();

    const extra = 'In short, the statement said that “Friendship between the two States has no limits”.\n';
    fs.appendFileSync(path.join(corpus, OP_ED_FILE), extra);
    const store = await openStore({ ...place, corpusDir: corpus });
    expect(store.corpus).toMatchObject({ newVersions: [OP_ED_ID], unchanged: [STATEMENT_ID] });
    expect(store.corpus!.warnings).toEqual([
      expect.stringMatching(/^op-ed-expanding-sino-russian-cooperation\.txt has changed since its metadata was written: its SHA-256 is [0-9a-f]{64}, not 22c2ffef/),
    ]);
    expect((await store.versions(OP_ED_ID)).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.get(OP_ED_ID))!.text).toBe(opEdText() + extra);
    expect((await store.get(OP_ED_ID, { version: 1 }))!.text).toBe(opEdText());
    const [link] = await store.alignmentsOf(OP_ED_ID);
    expect(link!.commentary).toMatchObject({ version: 2, latest: true });
    expect((await store.alignment(STATEMENT_ID, OP_ED_ID))!.commentary.sha256).toBe((await store.get(OP_ED_ID))!.sha256);
    await store.close();
  });

  it('updates changed metadata and verification in place, without a new version', async () => {
    const corpus = copyCorpus(path.join(tempDir(), 'corpus'));
    const place = await engine.place();
    await (await openStore({ ...place, corpusDir: corpus })).close();

    const metaFile = path.join(corpus, 'joint-statement-2022-02-04.en.meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    meta.title = 'Joint Statement (4 February 2022)';
    meta.verification.confirmed.paragraphs.push('II.1');
    meta.verification.unchecked.paragraphs = meta.verification.unchecked.paragraphs.filter((l: string) => l !== 'II.1');
    meta.verification.unchecked.paragraphs.push('IX.1');
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));

    const store = await openStore({ ...place, corpusDir: corpus });
    const statement = (await store.get(STATEMENT_ID))!;
    expect(statement).toMatchObject({ version: 1, versions: 1, title: 'Joint Statement (4 February 2022)' });
    expect(statement.paragraphs.find((p) => p.locator === 'II.1')!.verification).toBe('confirmed');
    expect(store.corpus!.warnings).toEqual([
      `joint-statement-2022-02-04.en.meta.json verifies paragraph IX.1, which ${STATEMENT_FILE} does not have.`,
    ]);
    await store.close();
  });

  it('does not bring back a document the user deleted', async () => {
    const place = await engine.place();
    const store = await openStore({ ...place, corpusDir: CORPUS_DIR });
    expect(await store.delete(OP_ED_ID)).toBe(true);
    await store.close();
    const again = await openStore({ ...place, corpusDir: CORPUS_DIR });
    expect(again.corpus).toMatchObject({ skipped: [OP_ED_ID], unchanged: [STATEMENT_ID] });
    expect(await again.get(OP_ED_ID)).toBeUndefined();
    // Adding it again on purpose is another matter.
    await again.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
    await again.close();
    const third = await openStore({ ...place, corpusDir: CORPUS_DIR });
    expect(third.corpus).toMatchObject({ unchanged: [STATEMENT_ID, OP_ED_ID] });
    await third.close();
  });

  it('stops with a clear error on a malformed corpus', async () => {
    const corpus = copyCorpus(path.join(tempDir(), 'corpus'));
    fs.writeFileSync(path.join(corpus, 'broken.meta.json'), '{ "id": "broken", ');
    await expect(engine.open({ corpusDir: corpus })).rejects.toThrow(StoreError);
    await expect(engine.open({ corpusDir: corpus })).rejects.toThrow(/^The corpus metadata broken\.meta\.json cannot be read: /);

    fs.writeFileSync(path.join(corpus, 'broken.meta.json'), '{ "id": "broken", "file": "missing.txt", "kind": "source" }');
    await expect(engine.open({ corpusDir: corpus })).rejects.toThrow(
      'The corpus file missing.txt named in broken.meta.json cannot be read.',
    );

    fs.writeFileSync(path.join(corpus, 'empty.txt'), '\n\n');
    fs.writeFileSync(path.join(corpus, 'broken.meta.json'), '{ "id": "broken", "file": "empty.txt", "kind": "source" }');
    await expect(engine.open({ corpusDir: corpus })).rejects.toThrow(
      'The document is empty: it has no text to store (corpus file empty.txt).',
    );
  });
});
