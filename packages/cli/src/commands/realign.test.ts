import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { engineVersion, type AlignmentReport } from '@verbatim/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusal, tempStore, type TempStore } from '../test-support/temp-store.js';

let store: TempStore;
beforeAll(() => {
  store = tempStore();
});
afterAll(() => store.remove());

type Exported = { alignments: Array<{ report: AlignmentReport }> };

describe('verbatim realign', () => {
  it('recomputes every alignment to the same result, with no progress bar off a terminal', () => {
    const before = store.json<Exported>(['export', 'op-ed-expanding-sino-russian-cooperation']);
    const result = store.run(['realign']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Realigned 1 commentary with the sources it quotes: 1 alignment.\n');
    const after = store.json<Exported>(['export', 'op-ed-expanding-sino-russian-cooperation']);
    expect(after.alignments.map((a) => a.report)).toEqual(before.alignments.map((a) => a.report));
  });

  it('takes --wait on SQLite, where realign has done the aligning itself by the time it answers', () => {
    const result = store.run(['realign', '--wait']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Realigned 1 commentary with the sources it quotes: 1 alignment.\n');
  });

  it('makes again the reports another engine made, an older version’s included', () => {
    const other = tempStore();
    try {
      // A second version of the statement: its first version keeps its own alignment.
      const statement = join(other.dir, 'statement.txt');
      other.run(['list']);
      const text = (other.json<{ document: { text: string } }>(['show', 'joint-statement-2022-02-04', '--format', 'json'])).document.text;
      writeFileSync(statement, text.replace('no limits', 'some limits'));
      expect(other.run(['add', statement, '--kind', 'source', '--id', 'joint-statement-2022-02-04']).status).toBe(0);
      // As an older Verbatim would have left them.
      const db = new Database(other.database);
      expect(db.prepare("UPDATE alignments SET engine_version = '@verbatim/core@0.0.1'").run().changes).toBe(2);
      db.close();

      const result = other.run(['realign']);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('Realigned 1 commentary with the sources it quotes: 1 alignment; 1 report of older versions made again.\n');
      const engines = new Database(other.database, { readonly: true });
      try {
        expect(engines.prepare('SELECT DISTINCT engine_version FROM alignments').pluck().all()).toEqual([engineVersion()]);
      } finally {
        engines.close();
      }
    } finally {
      other.remove();
    }
  }, 60_000);

  it('takes no arguments (exit 2)', () => {
    expectRefusal(store.run(['realign', 'everything']), 'realign', 2, /too many arguments; usage: verbatim realign/);
  });
});
