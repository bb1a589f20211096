import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

interface Listed {
  id: string;
  sha256: string;
}

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

describe('verbatim backup', () => {
  it('backs up; after the database is deleted, the restored backup has the same documents', () => {
    const before = store.json<Listed[]>(['list', '--format', 'json']).map((d) => `${d.id}:${d.sha256}`);
    const file = join(store.dir, 'backups', 'copy.db');
    const result = store.run(['backup', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Backed up the database to .*copy\.db \(.+\)\.\n$/);

    for (const suffix of ['', '-wal', '-shm']) rmSync(store.database + suffix, { force: true });
    copyFileSync(file, store.database);
    const after = store.json<Listed[]>(['list', '--format', 'json'], { env: { VERBATIM_CORPUS: '' } }).map((d) => `${d.id}:${d.sha256}`);
    expect(after).toEqual(before);
  });

  it('needs exactly one file', () => {
    expectRefusal(store.run(['backup']), 'backup', 2, /expected 1 backup file/);
  });
});
