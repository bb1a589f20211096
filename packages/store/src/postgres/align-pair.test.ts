import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { engineVersion } from '../engine-version.js';
import { OP_ED_ID, opEdText, STATEMENT_ID, statementText } from '../test-support/corpus.js';
import { freshDatabaseUrl } from '../test-support/postgres.js';
import { alignPair, type Pair } from './align-pair.js';
import { openPostgresStore } from './store.js';

describe('aligning one pair on PostgreSQL (what a queued job does)', () => {
  it('leaves an add in queued mode unaligned, its pairs handed over in its own transaction, then aligns each pair once however often it is asked', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const handed: Array<{ pairs: readonly Pair[]; inTransaction: boolean }> = [];
    const store = await openPostgresStore({
      path: '',
      databaseUrl,
      align: {
        mode: 'queued',
        async enqueue(client, pairs) {
          // The add's own connection, inside its transaction: what pg-boss's send({ db }) is given.
          const { rows } = await client.query('SELECT now() = statement_timestamp() AS outside');
          handed.push({ pairs, inTransaction: rows[0].outside === false });
        },
      },
    });
    const pool = new pg.Pool({ connectionString: databaseUrl });
    try {
      await store.add({ text: statementText(), format: 'text', kind: 'source', id: STATEMENT_ID });
      const commentary = await store.add({ text: opEdText(), format: 'text', kind: 'commentary', id: OP_ED_ID });
      // Stored, searchable, not yet aligned: the pair waits for a worker.
      expect(commentary.outcome).toBe('added');
      expect(await store.alignment(STATEMENT_ID, OP_ED_ID)).toBeUndefined();
      expect(handed.map((h) => h.pairs.length)).toEqual([0, 1]);
      expect(handed.every((h) => h.inTransaction)).toBe(true);

      const pair = handed[1]!.pairs[0]!;
      // Two workers given the same job at once, then a retry: one report.
      const outcomes = await Promise.all([alignPair(pool, pair, engineVersion()), alignPair(pool, pair, engineVersion())]);
      expect(outcomes.sort()).toEqual(['exists', 'stored']);
      expect(await alignPair(pool, pair, engineVersion())).toBe('exists');
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM alignments');
      expect(rows).toEqual([{ n: 1 }]);
      expect((await store.alignment(STATEMENT_ID, OP_ED_ID))?.passages.map((p) => p.source?.locator)).toContain('IV.5');

      // A pair whose document was deleted meanwhile is gone, not an error.
      await store.delete(OP_ED_ID);
      expect(await alignPair(pool, pair, engineVersion())).toBe('gone');
    } finally {
      await pool.end();
      await store.close();
    }
  });
});
