import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from './test-support/engines.js';
import { openStore } from './store.js';
import { copyCorpus, OP_ED_FILE, OP_ED_ID, STATEMENT_ID } from './test-support/corpus.js';
import { tempDir } from './test-support/temp.js';

describeEachEngine('editing a document’s metadata', (engine) => {
  it('corrects the fields given in place — the same version, text and alignments — and clears those given as null or empty', async () => {
    const store = await engine.open();
    const added = await store.add({
      kind: 'commentary',
      format: 'text',
      title: 'Drawing a line',
      author: 'J. Doe',
      issuer: 'World Desk',
      date: '2022-02',
      text: 'Drawing a line\n\nThe sides oppose further enlargement of NATO, the statement says.',
    });
    const edited = (await store.edit(added.id, { title: '  Moscow and Beijing draw a line on NATO ', author: 'Jane Doe', date: '2022-02-10', issuer: null, url: '' }))!;
    expect(edited).toMatchObject({
      id: added.id,
      version: 1,
      versions: 1,
      sha256: added.sha256,
      text: added.text,
      title: 'Moscow and Beijing draw a line on NATO',
      author: 'Jane Doe',
      date: '2022-02-10',
      issuer: null,
      url: null,
    });
    expect((await store.get(added.id))!.title).toBe('Moscow and Beijing draw a line on NATO');
    expect((await store.list()).map((d) => d.title)).toEqual(['Moscow and Beijing draw a line on NATO']);
    expect((await store.search('enlargement')).hits.map((h) => h.title)).toEqual(['Moscow and Beijing draw a line on NATO']);
    // Left out: kept.
    expect((await store.edit(added.id, { language: 'en' }))!).toMatchObject({ language: 'en', author: 'Jane Doe', date: '2022-02-10' });
    await store.close();
  });

  it('names the documents by their corrected titles in the reports already made', async () => {
    const store = await engine.open();
    const source = await store.add({
      kind: 'source',
      format: 'text',
      title: 'Joint statement',
      text: 'Joint statement\n\nThe sides oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches.',
    });
    const commentary = await store.add({
      kind: 'commentary',
      format: 'text',
      title: 'Drawing a line',
      text: 'Drawing a line\n\nThe two leaders said they “oppose further enlargement of NATO and call on the North Atlantic Alliance to abandon its ideologized cold war approaches”.',
    });
    const made = (await store.alignment(source.id, commentary.id))!;
    expect(made.passages.length).toBeGreaterThan(0);
    expect([made.source.title, made.commentary.title]).toEqual(['Joint statement', 'Drawing a line']);
    await store.edit(commentary.id, { title: 'Moscow and Beijing draw a line on NATO' });
    await store.edit(source.id, { title: 'Joint Statement of 4 February 2022' });
    const now = (await store.alignment(source.id, commentary.id))!;
    expect([now.source.title, now.commentary.title]).toEqual(['Joint Statement of 4 February 2022', 'Moscow and Beijing draw a line on NATO']);
    // Only the names: the report is the same one, made once for the two texts.
    expect({ ...now, source: made.source, commentary: made.commentary }).toEqual(made);
    await store.close();
  });

  it('refuses what add refuses, in the same sentence, and changes nothing', async () => {
    const store = await engine.open();
    const added = await store.add({ kind: 'commentary', format: 'text', title: 'A note', text: 'A note on the statement.' });
    await expect(store.edit(added.id, { date: 'soon' })).rejects.toThrow('The date "soon" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.');
    await expect(store.add({ kind: 'commentary', format: 'text', date: 'soon', text: 'Another note.' })).rejects.toThrow(
      'The date "soon" is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD.',
    );
    await expect(store.edit(added.id, { title: '  ' })).rejects.toThrow('The title is empty; every document has one.');
    await expect(store.edit(added.id, { title: 'A'.repeat(501) })).rejects.toThrow('The title is 501 characters long; a title has at most 500.');
    await expect(store.edit(added.id, { text: 'Another text.' } as never)).rejects.toThrow(
      'A document’s text is not edited: a new text is a new version of it (add it with the same id).',
    );
    expect((await store.get(added.id))!).toMatchObject({ title: 'A note', date: null, text: 'A note on the statement.' });
    expect(await store.edit('no-such-document', { title: 'Anything' })).toBeUndefined();
    await store.close();
  });

  it('is kept when the corpus is loaded again: an edited field wins over the meta file, the others still follow it', async () => {
    const corpus = copyCorpus(path.join(tempDir(), 'corpus'));
    const place = await engine.place();
    const first = await openStore({ ...place, corpusDir: corpus });
    await first.edit(OP_ED_ID, { title: 'Expanding Sino-Russian cooperation (op-ed)', author: null });
    await first.close();

    // The file's own metadata changes too: its date is corrected, which was not edited.
    const metaFile = path.join(corpus, `${OP_ED_ID}.meta.json`);
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    meta.date = '2022-03';
    fs.writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    const again = await openStore({ ...place, corpusDir: corpus });
    expect(await again.get(OP_ED_ID)).toMatchObject({ version: 1, title: 'Expanding Sino-Russian cooperation (op-ed)', author: null, date: '2022-03' });
    await again.close();

    // A new text of the file becomes a new version, and the edits carry over to it.
    fs.appendFileSync(path.join(corpus, OP_ED_FILE), 'In short, “Friendship between the two States has no limits”.\n');
    const third = await openStore({ ...place, corpusDir: corpus });
    expect(third.corpus).toMatchObject({ newVersions: [OP_ED_ID] });
    expect(await third.get(OP_ED_ID)).toMatchObject({ version: 2, title: 'Expanding Sino-Russian cooperation (op-ed)', author: null, date: '2022-03' });
    // The statement, never edited, is as its file says.
    expect((await third.get(STATEMENT_ID))!.title).toMatch(/^Joint Statement of the Russian Federation/);
    await third.close();
  });

  it('forgets the edits of a deleted document: added again, it is as given', async () => {
    const store = await engine.open();
    const added = await store.add({ kind: 'commentary', format: 'text', id: 'a-note', title: 'A note', text: 'A note on the statement.' });
    await store.edit(added.id, { title: 'A corrected note' });
    await store.delete(added.id);
    await store.add({ kind: 'commentary', format: 'text', id: 'a-note', title: 'A note', text: 'A note on the statement.' });
    expect((await store.get('a-note'))!.title).toBe('A note');
    await store.close();
  });
});
