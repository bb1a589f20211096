import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './store.js';
import { CORPUS_DIR } from './test-support/corpus.js';
import { tempDbPath, tempDir } from './test-support/temp.js';

const shas = async (store: Awaited<ReturnType<typeof openStore>>) => {
  const lines: string[] = [];
  for (const d of await store.list()) {
    for (const v of await store.versions(d.id)) lines.push(`${d.id}@${v.version}:${v.sha256}`);
  }
  return lines.sort();
};

describe('backup and restore', () => {
  it('backs up, and a restored copy has every document version with the same SHA-256', async () => {
    const dbPath = tempDbPath();
    const store = await openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    await store.add({ text: 'A commentary: “The sides oppose further enlargement of NATO and call on the North Atlantic Alliance”.', format: 'text', kind: 'commentary', title: 'Mine' });
    const before = await shas(store);
    const backup = path.join(tempDir(), 'backups', 'verbatim-backup.db');
    const written = await store.backup(backup);
    expect(written.bytes).toBeGreaterThan(0);
    await store.close();

    // Lose the database, restore the backup in its place (README: "Backup and restore").
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
    fs.copyFileSync(backup, dbPath);
    const restored = await openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    expect(await shas(restored)).toEqual(before);
    expect((await restored.alignment('joint-statement-2022-02-04', 'op-ed-expanding-sino-russian-cooperation'))!.passages).toHaveLength(8);
    await restored.close();
  });

  it('is consistent while another connection writes', async () => {
    const dbPath = tempDbPath();
    const store = await openStore({ path: dbPath, corpusDir: CORPUS_DIR });
    const writer = await openStore({ path: dbPath });
    const backup = path.join(tempDir(), 'b.db');
    const pending = store.backup(backup);
    for (let i = 0; i < 5; i++) await writer.add({ text: `Note ${i}: nothing quoted here, only words of our own number ${i}.`, format: 'text', kind: 'commentary' });
    await pending;
    await writer.close();
    await store.close();
    const copy = await openStore({ path: backup });
    expect((await copy.list()).length).toBeGreaterThanOrEqual(2);
    await copy.close();
  });

  it('refuses a folder as the backup file', async () => {
    const store = await openStore({ path: tempDbPath() });
    await expect(store.backup(tempDir())).rejects.toThrow(/is a folder/);
    await store.close();
  });
});
