import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { CORPUS_DIR, OP_ED_ID, opEdText, STATEMENT_ID, statementText } from '../test-support/corpus.js';
import { freshDatabaseUrl } from '../test-support/postgres.js';
import { openPostgresStore } from './store.js';

/** Two servers on one database: two stores, each with its own pool. */
async function twoServers(options: { corpusDir?: string } = {}) {
  const databaseUrl = await freshDatabaseUrl();
  const [one, two] = await Promise.all([
    openPostgresStore({ path: '', databaseUrl, ...options }),
    openPostgresStore({ path: '', databaseUrl, ...options }),
  ]);
  return { one, two, close: () => Promise.all([one.close(), two.close()]) };
}

describe('the PostgreSQL store shared by two servers', () => {
  it('loads the corpus once when both start together, and each sees the other\'s documents', async () => {
    const { one, two, close } = await twoServers({ corpusDir: CORPUS_DIR });
    try {
      const reports = [one.corpus!, two.corpus!];
      // One of them loaded both files; the other, waiting on the lock, found them stored.
      expect(reports.map((r) => r.added.length).sort()).toEqual([0, 2]);
      expect(reports.map((r) => r.unchanged.length).sort()).toEqual([0, 2]);
      expect((await one.list()).map((d) => d.id)).toEqual([STATEMENT_ID, OP_ED_ID]);
      expect(await two.list()).toEqual(await one.list());
      expect((await two.alignments()).map((a) => [a.source.id, a.commentary.id])).toEqual([[STATEMENT_ID, OP_ED_ID]]);
    } finally {
      await close();
    }
  });

  it('pairs a source and the commentary quoting it when each is added through another server at the same moment', async () => {
    const { one, two, close } = await twoServers();
    try {
      const [source, commentary] = await Promise.all([
        one.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID }),
        two.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID }),
      ]);
      expect([source.outcome, commentary.outcome]).toEqual(['added', 'added']);
      // Whichever wrote second saw the first and aligned the pair.
      const report = await one.alignment(STATEMENT_ID, OP_ED_ID);
      expect(report?.passages.map((p) => p.source?.locator)).toContain('IV.5');
      expect(await two.alignmentsOf(OP_ED_ID)).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('stores a text added through both servers at once only once', async () => {
    const { one, two, close } = await twoServers();
    try {
      const text = statementText();
      const outcomes = await Promise.all([
        one.add({ text, format: 'text', kind: 'source' }),
        two.add({ text, format: 'text', kind: 'source' }),
        one.add({ text, format: 'text', kind: 'source' }),
        two.add({ text, format: 'text', kind: 'source' }),
      ]);
      expect(outcomes.map((d) => d.outcome).sort()).toEqual(['added', 'existing', 'existing', 'existing']);
      expect(new Set(outcomes.map((d) => d.id)).size).toBe(1);
      expect(await two.list()).toHaveLength(1);
      expect(await one.versions(outcomes[0]!.id)).toHaveLength(1);
    } finally {
      await close();
    }
  });
});

describe('the PostgreSQL store', () => {
  it('names where it is without the password, and refuses a backup in one sentence pointing to pg_dump', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const store = await openPostgresStore({ path: '', databaseUrl });
    try {
      const password = new URL(databaseUrl).password;
      expect(store.engine).toBe('postgres');
      expect(store.location).not.toContain(password);
      expect(store.location).toBe(databaseUrl.replace(`:${password}@`, '@'));
      const refusal = await store.backup('/tmp/never-written.db').catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(StoreError);
      expect((refusal as StoreError).message).toBe(
        `A corpus on PostgreSQL is backed up with PostgreSQL's own tools: run pg_dump against ${store.location}.`,
      );
    } finally {
      await store.close();
    }
  });
});
