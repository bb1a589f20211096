import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../test-support/run-cli.js';
import { storeLocations } from './locations.js';

const cwd = mkdtempSync(join(tmpdir(), 'verbatim-locations-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('storeLocations', () => {
  it('defaults to data/verbatim.db in the current folder and the repository corpus, wherever the command runs', () => {
    expect(storeLocations({}, cwd)).toEqual({ database: join(cwd, 'data', 'verbatim.db'), corpus: resolve(corpusDir) + '/', databaseUrl: undefined });
  });

  it('takes VERBATIM_DB, relative to the current folder', () => {
    expect(storeLocations({ VERBATIM_DB: 'other/v.db' }, cwd).database).toBe(join(cwd, 'other', 'v.db'));
    expect(storeLocations({ VERBATIM_DB: '/srv/verbatim.db' }, cwd).database).toBe('/srv/verbatim.db');
    // Set but empty is as good as unset: `VERBATIM_DB= verbatim list` must not open "".
    expect(storeLocations({ VERBATIM_DB: '' }, cwd).database).toBe(join(cwd, 'data', 'verbatim.db'));
  });

  it('takes VERBATIM_CORPUS, and loads no corpus when it is empty', () => {
    expect(storeLocations({ VERBATIM_CORPUS: '' }, cwd).corpus).toBeUndefined();
    expect(storeLocations({ VERBATIM_CORPUS: '.' }, cwd).corpus).toBe(cwd);
  });

  it('takes VERBATIM_DATABASE_URL, and keeps the SQLite file when it is unset or empty', () => {
    const url = 'postgres://verbatim@db.example/verbatim';
    expect(storeLocations({ VERBATIM_DATABASE_URL: url }, cwd).databaseUrl).toBe(url);
    expect(storeLocations({}, cwd).databaseUrl).toBeUndefined();
    expect(storeLocations({ VERBATIM_DATABASE_URL: '' }, cwd).databaseUrl).toBeUndefined();
  });

  it('refuses a VERBATIM_CORPUS that is not a folder', () => {
    expect(() => storeLocations({ VERBATIM_CORPUS: 'missing' }, cwd)).toThrow(
      'VERBATIM_CORPUS names "missing", which is not a folder; set it to the corpus folder, or to nothing to load no corpus.',
    );
  });
});
