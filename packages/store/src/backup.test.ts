import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { CORPUS_DIR } from './test-support/corpus.js';
import { tempDbPath, tempDir } from './test-support/temp.js';

const shas = (store: ReturnType<typeof openStore>) =>
  store
    .list()
    .flatMap((d) => store.versions(d.id).map((v) => `${d.id}@${v.version}:${v.sha256}`))
    .sort();

describe('backup and restore', () => {
  it('backs up, and a restored copy has every document version with the same SHA-256', async () => {
    const dbPath = tempDbPath();
    const store = openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    await store.add({ text: 'A commentary: “The sides oppose further enlargement of NATO and call on the North Atlantic Alliance”.', format: 'text', kind: 'commentary', title: 'Mine' });
    const before = shas(store);
    const backup = path.join(tempDir(), 'backups', 'verbatim-backup.db');
    const written = await store.backup(backup);
    expect(written.bytes).toBeGreaterThan(0);
    store.close();

    // Lose the database, restore the backup in its place (README: "Backup and restore").
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
    fs.copyFileSync(backup, dbPath);
    const restored = openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    expect(shas(restored)).toEqual(before);
    expect(restored.alignment('joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation')!.passages).toHaveLength(8);
    restored.close();
  });

  it('is consistent while another connection writes', async () => {
    const dbPath = tempDbPath();
    const store = openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    const writer = openStore({ path: dbPath });
    const backup = path.join(tempDir(), 'b.db');
    const pending = store.backup(backup);
    for (let i = 0; i < 5; i++) await writer.add({ text: `Note ${i}: nothing quoted here, only words of our own number ${i}.`, format: 'text', kind: 'commentary' });
    await pending;
    writer.close();
    store.close();
    const copy = openStore({ path: backup });
    expect(copy.list().length).toBeGreaterThanOrEqual(2);
    copy.close();
  });

  it('refuses a folder as the backup file', async () => {
    const store = openStore({ path: tempDbPath() });
    await expect(store.backup(tempDir())).rejects.toThrow(/is a folder/);
    store.close();
  });
});
