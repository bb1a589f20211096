import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@verbatim/store';
import { createDatabase, startPostgres, type RunningPostgres } from '@verbatim/test-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';
import { corpusDir } from '../test-support/run-cli.js';

const STATEMENT = 'joint-statement-2022-02-04';

let postgres: RunningPostgres;
let sqlite: TempStore;
beforeAll(async () => {
  postgres = await startPostgres();
  sqlite = tempStore();
  // A corpus with something of every kind a copy must carry: the repository's corpus (the
  // statement's verification statuses), a Markdown commentary with emphasis in two versions,
  // a deleted document and an author corrected by hand.
  const reading = join(sqlite.dir, 'reading.md');
  writeFileSync(reading, '# A reading\n\nThey say that “Friendship between the two States has *no limits*”.\n');
  expect(sqlite.run(['add', reading, '--kind', 'commentary', '--id', 'a-reading']).status).toBe(0);
  writeFileSync(reading, '# A reading\n\nThey say that “Friendship between the two States has **no limits**” and “oppose further enlargement of NATO”.\n');
  expect(sqlite.run(['add', reading, '--kind', 'commentary', '--id', 'a-reading']).status).toBe(0);
  const store = await openStore({ path: sqlite.database, corpusDir });
  await store.add({ id: 'to-delete', text: 'A note deleted again.', format: 'text', kind: 'commentary' });
  await store.delete('to-delete');
  await store.edit('a-reading', { author: 'A. Curator' });
  await store.close();
}, 120_000);
afterAll(async () => {
  sqlite?.remove();
  await postgres?.stop();
});

/** What a user reads of a corpus through the command line, on either engine. */
function readings(env: Record<string, string> = {}) {
  const options = { env: { VERBATIM_CORPUS: '', ...env } };
  return {
    list: sqlite.json(['list', '--format', 'json'], options),
    statement: sqlite.json(['show', STATEMENT, '--format', 'json'], options),
    reading: sqlite.json(['show', 'a-reading', '--format', 'json'], options),
    export: sqlite.json(['export', 'a-reading'], options),
    // Which paragraphs are found; excerpts and their order are each engine's own (FTS5, tsvector).
    search: sqlite
      .json<Array<{ documentId: string; version: number; locator: string }>>(['search', '"no limits"', '--format', 'json'], options)
      .map((h) => `${h.documentId}@${h.version} ${h.locator}`)
      .sort(),
  };
}

describe('verbatim migrate-to', () => {
  it('copies the SQLite corpus into an empty PostgreSQL database, says what it copied and that the copy reads back the same', async () => {
    const url = await createDatabase(postgres.url, 'migrate');
    const result = sqlite.run(['migrate-to', url]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const shown = url.replace(/:[^:@/]+@/, '@');
    expect(result.stdout).toMatch(new RegExp(`^Copied the corpus from ${sqlite.database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\n`));
    expect(result.stdout).toMatch(/ 3 documents, 4 versions, [\d,]+ paragraphs \([1-9][\d,]* with a verification status\), 2 emphasis spans\n/);
    expect(result.stdout).toMatch(/ \d+ alignments with [\d,]+ passages, 1 deleted document remembered, 1 metadata field edited by hand\n/);
    expect(result.stdout).toMatch(/^Checked: the copy, read back, has the same counts and SHA-256 \([0-9a-f]{16}…\), and every text its own SHA-256\.\n$/m);
    expect(result.stdout).not.toContain(url.match(/:([^:@/]+)@/)![1]!);

    // The same corpus through every command, and the deleted document stays deleted.
    expect(readings({ VERBATIM_DATABASE_URL: url })).toEqual(readings());
    const list = sqlite.json<Array<{ id: string }>>(['list', '--format', 'json'], { env: { VERBATIM_DATABASE_URL: url } });
    expect(list.map((d) => d.id)).not.toContain('to-delete');
  });

  it('refuses a database that already holds a corpus, in one sentence, and changes nothing there', async () => {
    const url = await createDatabase(postgres.url, 'migrate');
    expect(sqlite.run(['migrate-to', url]).status).toBe(0);
    const before = readings({ VERBATIM_DATABASE_URL: url });
    expectRefusal(sqlite.run(['migrate-to', url]), 'migrate-to', 1, /already holds a corpus; copy into an empty database only/);
    expect(readings({ VERBATIM_DATABASE_URL: url })).toEqual(before);
  });

  it('refuses what is not a PostgreSQL URL, and a server that is not there, in one sentence without the password', () => {
    expectRefusal(sqlite.run(['migrate-to', 'data/other.db']), 'migrate-to', 2, /"data\/other\.db" is not a PostgreSQL URL/);
    expectRefusal(sqlite.run(['migrate-to']), 'migrate-to', 2, /expected 1 PostgreSQL URL but got 0/);
    const nowhere = 'postgres://verbatim:hunter2@127.0.0.1:1/verbatim';
    const refused = sqlite.run(['migrate-to', nowhere]);
    expectRefusal(refused, 'migrate-to', 1, /127\.0\.0\.1:1/);
    expect(refused.stderr).not.toContain('hunter2');
  });

  it('refuses an SQLite file that is not there, in one sentence, rather than copying a new one holding only the repository’s corpus', async () => {
    const url = await createDatabase(postgres.url, 'migrate');
    const missing = join(sqlite.dir, 'mistyped.db');
    expectRefusal(sqlite.run(['migrate-to', url], { env: { VERBATIM_DB: missing } }), 'migrate-to', 1, /^verbatim migrate-to: there is no SQLite corpus at .*mistyped\.db to copy; set VERBATIM_DB/);
    expect(existsSync(missing)).toBe(false);
    // The database is still empty: a copy of the real file goes in afterwards.
    expect(sqlite.run(['migrate-to', url]).status).toBe(0);
  });

  it('copies the SQLite file as it is, without loading the repository’s corpus into it first', async () => {
    const bare = tempStore();
    try {
      const note = join(bare.dir, 'note.txt');
      writeFileSync(note, 'A note of our own, nothing like the statement.\n');
      expect(bare.run(['add', note, '--kind', 'commentary', '--id', 'our-note'], { env: { VERBATIM_CORPUS: '' } }).status).toBe(0);
      const url = await createDatabase(postgres.url, 'migrate');
      const copied = bare.run(['migrate-to', url]);
      expect(copied.status).toBe(0);
      expect(copied.stdout).toContain(' 1 document, 1 version,');
      const listed = bare.json<Array<{ id: string }>>(['list', '--format', 'json'], { env: { VERBATIM_DATABASE_URL: url, VERBATIM_CORPUS: '' } });
      expect(listed.map((d) => d.id)).toEqual(['our-note']);
    } finally {
      bare.remove();
    }
  });
});
